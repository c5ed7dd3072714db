/**
 * The engine's encoding of special values inside property maps: secrets and
 * values not yet known during a preview. Secrets are unwrapped on the way in
 * and rewrapped on the way out so resource types only ever see plain values.
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
  /** Top-level property names that held a secret anywhere inside them. */
  secretKeys: Set<string>;
}

function isSecret(value: unknown): value is { value: unknown } {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as Record<string, unknown>)[SPECIAL_SIG_KEY] === SECRET_SIG
  );
}

function strip(value: unknown, found: { secret: boolean }): unknown {
  if (isSecret(value)) {
    found.secret = true;
    return strip(value.value, found);
  }
  if (Array.isArray(value)) return value.map((v) => strip(v, found));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, strip(v, found)]));
  }
  return value;
}

export function unwrapSecrets(props: PropertyMap): Unwrapped {
  const values: PropertyMap = {};
  const secretKeys = new Set<string>();
  for (const [key, value] of Object.entries(props)) {
    const found = { secret: false };
    values[key] = strip(value, found);
    if (found.secret) secretKeys.add(key);
  }
  return { values, secretKeys };
}

export function wrapSecrets(values: PropertyMap, secretKeys: ReadonlySet<string>): PropertyMap {
  const out: PropertyMap = {};
  for (const [key, value] of Object.entries(values)) {
    out[key] =
      secretKeys.has(key) && value !== undefined
        ? { [SPECIAL_SIG_KEY]: SECRET_SIG, value }
        : value;
  }
  return out;
}

export function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN_VALUE) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (typeof value === "object" && value !== null) return Object.values(value).some(containsUnknown);
  return false;
}
