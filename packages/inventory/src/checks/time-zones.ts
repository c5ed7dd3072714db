/**
 * Time zones are IANA tz database names. The list is the one Node.js's ICU
 * carries (`Intl.supportedValuesOf("timeZone")`, which spells some zones by
 * their older CLDR names, e.g. Asia/Saigon) plus the current IANA names of
 * those zones (Asia/Ho_Chi_Minh), so either spelling of a zone is accepted.
 */
import { closest } from "../schema/suggest";

/**
 * Current IANA names that CLDR (and so Intl) spells by an older alias: the
 * alias is in Intl's list, this name is not, both name the same zone. Each
 * row is checked against Intl in time-zones.test.ts.
 */
export const IANA_NAMES_CLDR_SPELLS_OTHERWISE: Readonly<Record<string, string>> = {
  "Asia/Ho_Chi_Minh": "Asia/Saigon",
  "Asia/Kolkata": "Asia/Calcutta",
  "Asia/Kathmandu": "Asia/Katmandu",
  "Asia/Yangon": "Asia/Rangoon",
  "Europe/Kyiv": "Europe/Kiev",
  "Atlantic/Faroe": "Atlantic/Faeroe",
  "America/Nuuk": "America/Godthab",
  "Pacific/Kanton": "Pacific/Enderbury",
  "Pacific/Chuuk": "Pacific/Truk",
  "Pacific/Pohnpei": "Pacific/Ponape",
  "America/Argentina/Buenos_Aires": "America/Buenos_Aires",
  "America/Argentina/Catamarca": "America/Catamarca",
  "America/Argentina/Cordoba": "America/Cordoba",
  "America/Argentina/Jujuy": "America/Jujuy",
  "America/Argentina/Mendoza": "America/Mendoza",
  "America/Indiana/Indianapolis": "America/Indianapolis",
  "America/Kentucky/Louisville": "America/Louisville",
  "Etc/UTC": "UTC",
};

/** Names people write that are no tz zone, with the zone they mean. */
const MISTAKEN: Readonly<Record<string, string>> = {
  "Asia/Hanoi": "Asia/Ho_Chi_Minh",
  "Asia/Ha_Noi": "Asia/Ho_Chi_Minh",
  "Asia/Vietnam": "Asia/Ho_Chi_Minh",
  "Asia/Thanh_Hoa": "Asia/Ho_Chi_Minh",
};

let known: Set<string> | undefined;

/** Every accepted name. */
export function timeZoneNames(): ReadonlySet<string> {
  known ??= new Set([...Intl.supportedValuesOf("timeZone"), ...Object.keys(IANA_NAMES_CLDR_SPELLS_OTHERWISE)]);
  return known;
}

/** Intl's name for the zone `name` stands for (any case, any alias), or undefined. */
function resolve(name: string): string | undefined {
  try {
    return new Intl.DateTimeFormat("en", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** Why `name` is not an accepted time zone, or undefined when it is. */
export function timeZoneProblem(name: string): string | undefined {
  const names = timeZoneNames();
  if (names.has(name)) return undefined;
  const shown = JSON.stringify(name);
  const mistaken = MISTAKEN[name];
  if (mistaken) return `${shown} is not an IANA time zone name; Việt Nam's zone is ${JSON.stringify(mistaken)}`;
  const resolved = resolve(name);
  if (resolved) {
    // Another spelling of a known zone (wrong case, an old link such as US/Pacific): name it as the tz database does.
    const current = Object.entries(IANA_NAMES_CLDR_SPELLS_OTHERWISE).find(([, alias]) => alias === resolved)?.[0] ?? resolved;
    return `${shown} is not an IANA time zone name as the devices expect it; write ${JSON.stringify(current)}`;
  }
  const near = closest(name, [...names]);
  return `${shown} is not an IANA time zone name${near ? `; did you mean ${JSON.stringify(near)}?` : " (e.g. Asia/Ho_Chi_Minh)"}`;
}
