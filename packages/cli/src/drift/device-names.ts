/**
 * Which device a resource of the commune stack stands for, from its URN:
 * router tables are named `<router>/<menu>` (`thieu-trung-r1/ip/address`),
 * a switch by its hostname, an endpoint by its system name; their providers
 * carry the same names (`endpoint <system name>` for endpoints).
 */
import type { ResourceRef } from "../pulumi/urn";
import type { DeviceKind } from "./audit";

export interface DeviceRef {
  device: string;
  kind?: DeviceKind;
  /** The part of the device this resource holds: a RouterOS menu (`/ip/address`). */
  resource?: string;
}

export const COMMUNE_TYPE = "communes:index:CommuneNetwork";
const PROVIDER_TYPE = "pulumi:providers:communes";
const ENDPOINT_PROVIDER_PREFIX = "endpoint ";

/** The device a resource belongs to, or undefined for the stack's own resources (components, the stack). */
export function deviceOf(ref: ResourceRef): DeviceRef | undefined {
  switch (ref.type) {
    case "communes:routeros:Table": {
      const slash = ref.name.indexOf("/");
      return { device: ref.name.slice(0, slash), kind: "router", resource: ref.name.slice(slash) };
    }
    case "communes:switch:IosSwitch":
      return { device: ref.name, kind: "switch" };
    case "communes:endpoint:Endpoint":
      return { device: ref.name, kind: "endpoint" };
    case PROVIDER_TYPE:
      return { device: ref.name.startsWith(ENDPOINT_PROVIDER_PREFIX) ? ref.name.slice(ENDPOINT_PROVIDER_PREFIX.length) : ref.name };
    default:
      return undefined;
  }
}

/** The top-level properties whose keys are entries owned as a set (new keys on the device are unmanaged). */
export const OWNED_COLLECTIONS: Record<string, readonly string[]> = {
  "communes:routeros:Table": ["entries"],
  "communes:switch:IosSwitch": ["vlans"],
};
