/**
 * A vendor's parameter behind a vendor-neutral setting, as data: its name,
 * its value space where it has a fixed one, and where the name and values
 * come from. Both API families' maps are tables of these.
 */
import type { SettingName } from "./endpoint-settings";
import { EndpointError } from "./endpoint-error";

export interface VendorParameter {
  /** The parameter's name (Poly) or configuration path (Cisco: slash-separated, numbered items as numbers). */
  name: string;
  /** Setting value → device value, for a parameter with a fixed value space; absent for free text. */
  values?: Readonly<Record<string, string>>;
  /** The setting value that a device value outside `values` reads as; absent: such a value reads as itself. */
  otherwise?: string;
  /** Ids of the sources the name and values come from (docs/videoconference.md, "Sources"). */
  sources: readonly string[];
  /** What no source confirms, said in the docs and the preview; absent when the sources confirm it all. */
  unverified?: string;
}

export type ParameterMap = Readonly<Partial<Record<SettingName, VendorParameter>>>;

/** The device's spelling of a setting value. */
export function encodeValue(setting: SettingName, p: VendorParameter, value: string): string {
  if (!p.values) return value;
  const encoded = p.values[value];
  if (encoded === undefined) throw new EndpointError(`${setting}: "${value}" has no equivalent in ${p.name} (it takes ${Object.values(p.values).join(", ")})`);
  return encoded;
}

/** The setting value a device value stands for (value spaces compared without case: devices differ in it). */
export function decodeValue(p: VendorParameter, raw: string): string {
  if (!p.values) return raw;
  const found = Object.entries(p.values).find(([, v]) => v.toLowerCase() === raw.toLowerCase());
  return found ? found[0] : (p.otherwise ?? raw);
}
