/** One spelling per value, so what the device prints and what the inventory says compare equal. */
import type { Normaliser } from "../menus/menu-table";

const UNITS: Record<string, number> = { w: 604800, d: 86400, h: 3600, m: 60, s: 1 };

function seconds(text: string): string | undefined {
  if (/^\d+$/.test(text)) return text;
  // 1d2h3m4s, optionally followed by an hh:mm:ss part (RouterOS prints 1d00:00:00 on older versions)
  const m = /^((?:\d+[wdhms])*)(?:(\d{1,2}):(\d{2}):(\d{2}))?$/.exec(text);
  if (!m || text === "") return undefined;
  let total = 0;
  for (const [, n, unit] of m[1]!.matchAll(/(\d+)([wdhms])/g)) total += Number(n) * UNITS[unit!]!;
  if (m[2] !== undefined) total += Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4]);
  return String(total);
}

function bits(text: string): string | undefined {
  const m = /^(\d+(?:\.\d+)?)([kKMG]?)$/.exec(text);
  if (!m) return undefined;
  return String(Math.round(Number(m[1]) * ({ "": 1, k: 1e3, K: 1e3, M: 1e6, G: 1e9 } as Record<string, number>)[m[2]!]!));
}

/** The canonical spelling of `value`; values that do not parse are kept as written. */
export function normalise(kind: Normaliser | undefined, value: string): string {
  switch (kind) {
    case "bool":
      return value === "yes" ? "true" : value === "no" ? "false" : value;
    case "bits":
      return bits(value) ?? value;
    case "duration":
      return seconds(value) ?? value;
    case "set":
      return value
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s !== "")
        .sort()
        .join(",");
    default:
      return value;
  }
}
