/**
 * An endpoint's change as the vendor's own parameters: Poly REST parameter
 * names, or Cisco xAPI `xConfiguration` paths, with the values as the device
 * takes them. A parameter whose name or values no public source confirms is
 * marked, so a reviewer knows which lines rest on an unverified reading.
 */
import { encodeValue, parametersOf, type SettingName } from "@communes/endpoint";
import type { ResourceChange } from "./resource-changes";
import { ENGINE_SECRET } from "../pulumi/property-path";

export type Vendor = "poly" | "cisco";

export const UNVERIFIED_MARK = "# unverified";

/** One line per setting written; settings that stop being managed are left as they are on the device. */
export function endpointParameters(change: ResourceChange, vendor: Vendor | undefined): string[] {
  const lines: string[] = [];
  for (const p of change.properties) {
    if (p.path[0] !== "settings" || p.path.length !== 2 || typeof p.after !== "string") continue;
    const name = p.path[1] as SettingName;
    const param = vendor ? parametersOf(vendor)[name] : undefined;
    if (!vendor || !param) {
      lines.push(`${name} = ${p.after}`);
      continue;
    }
    const value = p.after === ENGINE_SECRET ? p.after : encodeValue(name, param, p.after);
    const line = vendor === "poly" ? `${param.name} = ${value}` : `xConfiguration ${param.name.split("/").join(" ")}: ${value}`;
    lines.push(param.unverified ? `${line}  ${UNVERIFIED_MARK}` : line);
  }
  return lines;
}
