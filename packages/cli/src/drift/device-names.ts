/**
 * Which device a resource of the commune stack stands for, from its URN:
 * router tables are named `<router>/<menu>` (`thieu-trung-r1/ip/address`),
 * a switch by its hostname, an endpoint by its system name; their providers
 * carry the same names (`endpoint <system name>` for endpoints).
 */
import type { ResourceRef } from "../pulumi/urn";
import type { DeviceKind } from "./audit";
import { ENDPOINT_TYPE, PROVIDER_TYPE, SWITCH_TYPE, TABLE_TYPE } from "../pulumi/resource-types";

export interface DeviceRef {
  device: string;
  kind?: DeviceKind;
  /** The part of the device this resource holds: a RouterOS menu (`/ip/address`). */
  resource?: string;
}

const ENDPOINT_PROVIDER_PREFIX = "endpoint ";

/** The device a resource belongs to, or undefined for the stack's own resources (components, the stack). */
export function deviceOf(ref: ResourceRef): DeviceRef | undefined {
  switch (ref.type) {
    case TABLE_TYPE: {
      const slash = ref.name.indexOf("/");
      return { device: ref.name.slice(0, slash), kind: "router", resource: ref.name.slice(slash) };
    }
    case SWITCH_TYPE:
      return { device: ref.name, kind: "switch" };
    case ENDPOINT_TYPE:
      return { device: ref.name, kind: "endpoint" };
    case PROVIDER_TYPE:
      return { device: ref.name.startsWith(ENDPOINT_PROVIDER_PREFIX) ? ref.name.slice(ENDPOINT_PROVIDER_PREFIX.length) : ref.name };
    default:
      return undefined;
  }
}

/** The top-level properties whose keys are entries owned as a set (new keys on the device are unmanaged). */
export const OWNED_COLLECTIONS: Record<string, readonly string[]> = {
  [TABLE_TYPE]: ["entries"],
  [SWITCH_TYPE]: ["vlans"],
};
