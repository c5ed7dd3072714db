/**
 * Secrets never reach a report, and both reports hide them the same way, as
 * Pulumi does: "[secret]". The engine already shows every value Pulumi marks
 * secret that way. On top of it: a property named as a password or secret
 * (the write-only fields: RouterOS passwords, the SIP password) is hidden
 * whatever it holds, and any text holding one of the stack's secret values
 * (a password pasted into a comment on the device) has it replaced, in
 * values, property names and messages.
 */
import { ENGINE_SECRET } from "./property-path";

const SECRET_NAME = /pass(word|phrase)|secret/i;

/** A copy of `value` with every leaf under a password-like name replaced by ENGINE_SECRET. */
export function redactNamedSecrets(value: unknown, name = ""): unknown {
  if (value === ENGINE_SECRET || (SECRET_NAME.test(name) && value !== undefined && (typeof value !== "object" || value === null))) return ENGINE_SECRET;
  if (Array.isArray(value)) return value.map((v) => redactNamedSecrets(v, name));
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactNamedSecrets(v, k)]));
  return value;
}

/** A function replacing each of `secrets` (longest first) wherever it appears in a value's texts and keys. */
export function redactor(secrets: readonly string[]): <T>(value: T) => T {
  const ordered = [...new Set(secrets)].filter((s) => s !== "").sort((a, b) => b.length - a.length);
  const text = (s: string) => ordered.reduce((acc, secret) => acc.split(secret).join(ENGINE_SECRET), s);
  const walk = (value: unknown): unknown => {
    if (typeof value === "string") return text(value);
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [text(k), walk(v)]));
    return value;
  };
  return <T>(value: T) => walk(value) as T;
}
