/**
 * Secrets never reach a report. The engine already shows every value Pulumi
 * marks secret as "[secret]"; on top of that, any text that contains one of
 * the stack's secret configuration values (a password pasted into a comment
 * on the device) has it replaced, in values, property paths and messages.
 */
import { ENGINE_SECRET } from "./property-path";

export function redactor(secrets: readonly string[]): <T>(value: T) => T {
  const ordered = [...new Set(secrets)].sort((a, b) => b.length - a.length);
  const text = (s: string) => ordered.reduce((acc, secret) => acc.split(secret).join(ENGINE_SECRET), s);
  const walk = (value: unknown): unknown => {
    if (typeof value === "string") return text(value);
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [text(k), walk(v)]));
    return value;
  };
  return <T>(value: T) => walk(value) as T;
}
