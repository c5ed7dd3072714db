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

/** Where a secret sits: a top-level property name, then keys and list indices. */
export type SecretPath = ReadonlyArray<string | number>;

export interface Unwrapped {
  /** The properties with every secret replaced by its plain value. */
  values: PropertyMap;
  /** Where each secret was found. */
  secrets: SecretPath[];
}

function isSecret(value: unknown): value is { value: unknown } {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as Record<string, unknown>)[SPECIAL_SIG_KEY] === SECRET_SIG
  );
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function strip(value: unknown, path: SecretPath, found: SecretPath[]): unknown {
  if (isSecret(value)) {
    found.push(path);
    return strip(value.value, path, found);
  }
  if (Array.isArray(value)) return value.map((v, i) => strip(v, [...path, i], found));
  if (isMap(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, strip(v, [...path, k], found)]));
  return value;
}

export function unwrapSecrets(props: PropertyMap): Unwrapped {
  const secrets: SecretPath[] = [];
  const values = Object.fromEntries(Object.entries(props).map(([key, value]) => [key, strip(value, [key], secrets)]));
  return { values, secrets };
}

/** Whether `path` leads somewhere in `value` (indices only into lists, keys only into maps). */
function reaches(value: unknown, path: SecretPath): boolean {
  let current = value;
  for (const segment of path) {
    if (typeof segment === "number" ? !Array.isArray(current) || segment >= current.length : !isMap(current) || !Object.hasOwn(current, segment)) return false;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return true;
}

function wrapAt(value: unknown, paths: readonly SecretPath[]): unknown {
  if (paths.length === 0 || value === undefined) return value;
  if (paths.some((p) => p.length === 0)) return { [SPECIAL_SIG_KEY]: SECRET_SIG, value };
  const under = (key: string | number) => paths.filter((p) => p[0] === key).map((p) => p.slice(1));
  if (Array.isArray(value)) return value.map((v, i) => wrapAt(v, under(i)));
  if (isMap(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wrapAt(v, under(k))]));
  return value;
}

/**
 * Marks the secrets again where they were found, so that only the secret
 * itself is hidden (`settings["sip.password"]`, not all of `settings`).
 * When the values no longer have that shape (a list turned into a map by
 * check), the whole top-level property is marked instead: a secret is never
 * left unmarked.
 */
export function wrapSecrets(values: PropertyMap, secrets: readonly SecretPath[]): PropertyMap {
  const paths = secrets.map((p) => (reaches(values, p) ? p : p.slice(0, 1)));
  return wrapAt(values, paths) as PropertyMap;
}

export function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN_VALUE) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (typeof value === "object" && value !== null) return Object.values(value).some(containsUnknown);
  return false;
}
