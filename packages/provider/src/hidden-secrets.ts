/**
 * What a device shows is never a way for a secret out: a password typed by
 * hand into a rule's comment, a lease name or a port description is
 * replaced by "[secret]" in everything a read returns (state, inputs),
 * before the engine records it, diffs it or prints it (`preview --diff`,
 * refresh, drift). The secrets are the provider's own credentials (the
 * configuration's password-named values) and the resource's secret inputs.
 */

/** As Pulumi shows a secret. */
export const HIDDEN = "[secret]";

const SECRET_NAME = /pass(word|phrase)|secret/i;

/** Shorter texts are not looked for inside others: too common to tell apart from ordinary words. */
const MIN_LENGTH = 4;

/** The password-named string values of a provider configuration (nested objects and JSON-encoded objects included). */
export function configSecrets(config: unknown, name = ""): string[] {
  if (typeof config === "string") {
    if (SECRET_NAME.test(name)) return [config];
    if (config.startsWith("{")) {
      try {
        return configSecrets(JSON.parse(config));
      } catch {
        return [];
      }
    }
    return [];
  }
  if (Array.isArray(config)) return config.flatMap((v) => configSecrets(v, name));
  if (typeof config === "object" && config !== null) return Object.entries(config).flatMap(([k, v]) => configSecrets(v, k));
  return [];
}

/** A copy of `value` with every occurrence of a secret inside a longer text replaced (a leaf equal to one is wrapped as a secret by the server). */
export function hideSecrets<T>(value: T, secrets: Iterable<unknown>): T {
  const texts = [...new Set([...secrets].filter((s): s is string => typeof s === "string" && s.length >= MIN_LENGTH))].sort((a, b) => b.length - a.length);
  if (texts.length === 0) return value;
  const text = (s: string) => (texts.includes(s) ? s : texts.reduce((acc, secret) => acc.split(secret).join(HIDDEN), s));
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return text(v);
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === "object" && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [text(k), walk(x)]));
    return v;
  };
  return walk(value) as T;
}
