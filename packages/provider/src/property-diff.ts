/**
 * Property-level differences between two sets of inputs, as the engine shows
 * them in a preview: one entry per changed leaf, keyed by its property path
 * (`vlans[2].name`), and whether the change forces a replacement.
 */
import { containsUnknown, type PropertyMap } from "./wire";

export type DiffKind = "add" | "delete" | "update";

export interface PropertyChange {
  /** Property path in the engine's syntax: `a.b[0]["odd.key"]`. */
  path: string;
  kind: DiffKind;
  /** True when the change can only be made by replacing the resource. */
  replace: boolean;
}

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

function child(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  if (!PLAIN_KEY.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path === "" ? key : `${path}.${key}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function walk(path: string, olds: unknown, news: unknown, out: Array<{ path: string; kind: DiffKind }>): void {
  if (olds === undefined && news === undefined) return;
  if (olds === undefined) {
    out.push({ path, kind: "add" });
    return;
  }
  if (news === undefined) {
    out.push({ path, kind: "delete" });
    return;
  }
  if (containsUnknown(news)) {
    out.push({ path, kind: "update" });
    return;
  }
  if (Array.isArray(olds) && Array.isArray(news)) {
    const length = Math.max(olds.length, news.length);
    for (let i = 0; i < length; i++) walk(child(path, i), olds[i], news[i], out);
    return;
  }
  if (isObject(olds) && isObject(news)) {
    const keys = [...new Set([...Object.keys(olds), ...Object.keys(news)])].sort();
    for (const key of keys) walk(child(path, key), olds[key], news[key], out);
    return;
  }
  if (olds !== news) out.push({ path, kind: "update" });
}

/**
 * Compares old and new inputs. A change under any top-level property named in
 * `replaceOnChanges` is marked as needing a replacement.
 */
export function diffProperties(
  olds: PropertyMap,
  news: PropertyMap,
  replaceOnChanges: readonly string[] = [],
): PropertyChange[] {
  const changes: Array<{ path: string; kind: DiffKind }> = [];
  const keys = [...new Set([...Object.keys(olds), ...Object.keys(news)])].sort();
  for (const key of keys) walk(child("", key), olds[key], news[key], changes);
  return changes.map((c) => ({
    ...c,
    replace: replaceOnChanges.some((top) => c.path === top || c.path.startsWith(`${top}.`) || c.path.startsWith(`${top}[`)),
  }));
}
