/** Each API family's parameter map, by the inventory's vendor name. */
import { CISCO_PARAMETERS } from "./cisco/parameters";
import { POLY_PARAMETERS } from "./poly/parameters";
import type { ParameterMap } from "./vendor-parameter";

export type EndpointVendor = "poly" | "cisco";

export function parametersOf(vendor: EndpointVendor): ParameterMap {
  return vendor === "poly" ? POLY_PARAMETERS : CISCO_PARAMETERS;
}
