/**
 * Which device a resource of the commune stack stands for, from its URN:
 * router tables are named `<router>/<menu>` (`thieu-trung-r1/ip/address`),
 * a switch by its hostname, an endpoint by its system name; their providers
 * carry the same names (`endpoint <system name>` for endpoints). The names
 * are the provider's contract (@communes/provider/contract).
 */
import { deviceOfProviderName, parseTableResourceName, TOKENS } from "@communes/provider/contract";
import type { ResourceRef } from "../pulumi/urn";
import type { DeviceKind } from "./audit";

export interface DeviceRef {
  device: string;
  kind?: DeviceKind;
  /** The part of the device this resource holds: a RouterOS menu (`/ip/address`). */
  resource?: string;
}

/** The device a resource belongs to, or undefined for the stack's own resources (components, the stack). */
export function deviceOf(ref: ResourceRef): DeviceRef | undefined {
  switch (ref.type) {
    case TOKENS.table: {
      const { router, path } = parseTableResourceName(ref.name);
      return { device: router, kind: "router", resource: path };
    }
    case TOKENS.switch:
      return { device: ref.name, kind: "switch" };
    case TOKENS.endpoint:
      return { device: ref.name, kind: "endpoint" };
    case TOKENS.provider:
      return { device: deviceOfProviderName(ref.name) };
    default:
      return undefined;
  }
}
