/**
 * An endpoint's change as the vendor's own parameters: Poly configuration
 * parameter names, or Cisco xAPI `xConfiguration` paths, with the values as
 * the device takes them.
 */
import { CISCO_PARAMETERS, POLY_PARAMETERS, type SettingName } from "@communes/endpoint";
import type { ResourceChange } from "./resource-changes";
import { ENGINE_SECRET } from "../pulumi/property-path";

export type Vendor = "poly" | "cisco";

/** One line per setting written; settings that stop being managed are left as they are on the device. */
export function endpointParameters(change: ResourceChange, vendor: Vendor | undefined): string[] {
  const lines: string[] = [];
  for (const p of change.properties) {
    if (p.path[0] !== "settings" || p.path.length !== 2 || typeof p.after !== "string") continue;
    const name = p.path[1] as SettingName;
    const value = p.after;
    if (vendor === "poly" && POLY_PARAMETERS[name]) {
      const param = POLY_PARAMETERS[name];
      lines.push(`${param.name} = ${value === ENGINE_SECRET || !param.encode ? value : param.encode(value)}`);
    } else if (vendor === "cisco" && CISCO_PARAMETERS[name]) {
      const param = CISCO_PARAMETERS[name]!;
      lines.push(`xConfiguration ${param.path.split("/").join(" ")}: ${value === ENGINE_SECRET || !param.encode ? value : param.encode(value)}`);
    } else {
      lines.push(`${name} = ${value}`);
    }
  }
  return lines;
}
