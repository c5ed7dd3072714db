/**
 * The engine's encoding of special values inside property maps: secrets and
 * values not yet known during a preview. Secrets are unwrapped on the way in
 * and rewrapped on the way out so resource types only ever see plain values.
 * A secret is rewrapped wherever its value appears, and only there: a
 * password inside a mapping of settings keeps the other settings readable in
 * previews, whatever shape the resource type gives its state.
 */

/** Key marking a special value in a Struct, and the signature of a secret. */
export const SPECIAL_SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
/** The placeholder the engine sends for an input not known until apply. */
export const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export type PropertyMap = Record<string, unknown>;

export interface Unwrapped {
  /** The properties with every secret replaced by its plain value. */
  values: PropertyMap;
  /** The plain values (leaves) that were inside a secret. */
  secrets: Set<unknown>;
}

function isSecret(value: unknown): value is { value: unknown } {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as Record<string, unknown>)[SPECIAL_SIG_KEY] === SECRET_SIG
  );
}

function strip(value: unknown, secrets: Set<unknown>, inSecret: boolean): unknown {
  if (isSecret(value)) return strip(value.value, secrets, true);
  if (Array.isArray(value)) return value.map((v) => strip(v, secrets, inSecret));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, strip(v, secrets, inSecret)]));
  }
  if (inSecret && value !== undefined && value !== null) secrets.add(value);
  return value;
}

export function unwrapSecrets(props: PropertyMap): Unwrapped {
  const secrets = new Set<unknown>();
  const values = strip(props, secrets, false) as PropertyMap;
  return { values, secrets };
}

function wrap(value: unknown, secrets: ReadonlySet<unknown>): unknown {
  if (Array.isArray(value)) return value.map((v) => wrap(v, secrets));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wrap(v, secrets)]));
  }
  return value !== undefined && secrets.has(value) ? { [SPECIAL_SIG_KEY]: SECRET_SIG, value } : value;
}

/** Wraps every leaf equal to one of `secrets` as a secret, wherever it now sits. */
export function wrapSecrets(values: PropertyMap, secrets: ReadonlySet<unknown>): PropertyMap {
  return wrap(values, secrets) as PropertyMap;
}

export function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN_VALUE) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (typeof value === "object" && value !== null) return Object.values(value).some(containsUnknown);
  return false;
}
