/**
 * Secrets never reach the report: Pulumi already writes "[secret]" for every
 * value marked secret, and any property named as a password or secret (the
 * inventory's write-only fields: RouterOS passwords, the SIP password) is
 * hidden whatever it holds.
 */
export const SECRET = "(secret)";
const PULUMI_SECRET = "[secret]";
const SECRET_NAME = /pass(word|phrase)|secret/i;

/** A copy of `value` with every secret leaf replaced by SECRET. */
export function redact(value: unknown, name = ""): unknown {
  if (value === PULUMI_SECRET || (SECRET_NAME.test(name) && value !== undefined && (typeof value !== "object" || value === null))) return SECRET;
  if (Array.isArray(value)) return value.map((v) => redact(v, name));
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, k)]));
  return value;
}
