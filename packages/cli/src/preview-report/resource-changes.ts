/**
 * The preview's steps as changes to devices: which device, what is added,
 * changed, replaced or removed, and each property's value before → after,
 * leaf by leaf (a table entry added shows each of its fields). Values are
 * redacted here, so nothing downstream can show a secret.
 */
import { entryInFullAt } from "@communes/routeros";
import type { PreviewJson, PreviewStep } from "./preview-json";
import { byReadingOrder, ENGINE_SECRET, formatPath, parsePath, valueAt, type Segment } from "../pulumi/property-path";
import { redactNamedSecrets } from "../pulumi/redact";
import { parseUrn } from "../pulumi/urn";
import { TOKENS } from "@communes/provider/contract";


export type ChangeOp = "add" | "change" | "replace" | "remove";

export interface PropertyChange {
  path: Segment[];
  /** undefined: the property is absent on that side. */
  before?: unknown;
  after?: unknown;
}

export interface ResourceChange {
  type: string;
  /** The router, switch or endpoint the change is made on. */
  device: string;
  /** What on the device: the RouterOS menu, or the device itself. */
  resource: string;
  op: ChangeOp;
  properties: PropertyChange[];
  /** Inputs before and after (redacted); {} on the side where the resource does not exist. */
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

const OPS: Record<string, ChangeOp> = { create: "add", import: "add", update: "change", replace: "replace", "create-replacement": "replace", delete: "remove" };

function isObject(value: unknown): value is Record<string | number, unknown> {
  return typeof value === "object" && value !== null;
}

function leaves(value: unknown, prefix: Segment[], out: Map<string, { path: Segment[]; value: unknown }>): void {
  const keys = isObject(value) ? Object.keys(value) : [];
  if (keys.length === 0) {
    if (value !== undefined) out.set(formatPath(prefix), { path: prefix, value });
    return;
  }
  for (const k of keys) leaves((value as Record<string, unknown>)[k], [...prefix, Array.isArray(value) ? Number(k) : k], out);
}

/** Leaf-level differences under `prefix` between two values. */
export function leafChanges(prefix: Segment[], before: unknown, after: unknown): PropertyChange[] {
  const b = new Map<string, { path: Segment[]; value: unknown }>();
  const a = new Map<string, { path: Segment[]; value: unknown }>();
  leaves(before, prefix, b);
  leaves(after, prefix, a);
  const keys = [...new Set([...b.keys(), ...a.keys()])].sort(byReadingOrder);
  return keys
    .filter((k) => JSON.stringify(b.get(k)?.value) !== JSON.stringify(a.get(k)?.value))
    .map((k) => ({ path: (b.get(k) ?? a.get(k))!.path, before: b.get(k)?.value, after: a.get(k)?.value }));
}

/** The value at `path`, or ENGINE_SECRET when a secret hides it or what holds it. */
function at(value: unknown, path: readonly Segment[]): unknown {
  for (let i = 0; i < path.length; i++) if (valueAt(value, path.slice(0, i)) === ENGINE_SECRET) return ENGINE_SECRET;
  return valueAt(value, path);
}

function nameOf(urn: string): string {
  return parseUrn(urn).name;
}

/** A router table's inputs with every entry in full (its fields at their RouterOS default included). */
function withDefaults(inputs: Record<string, unknown>): Record<string, unknown> {
  if (typeof inputs.entries !== "object" || inputs.entries === null) return inputs;
  return { ...inputs, entries: Object.fromEntries(Object.entries(inputs.entries).map(([key, entry]) => [key, entryInFullAt(inputs.path, entry)])) };
}

function toChange(step: PreviewStep): ResourceChange | undefined {
  const op = OPS[step.op];
  const state = step.newState ?? step.oldState;
  if (!op || !state?.custom || state.type.startsWith("pulumi:providers:") || state.type === TOKENS.configExport) return undefined;
  const before = (op === "add" ? {} : redactNamedSecrets(step.oldState?.inputs ?? {})) as Record<string, unknown>;
  const after = (op === "remove" ? {} : redactNamedSecrets(step.newState?.inputs ?? {})) as Record<string, unknown>;
  const diffPaths = op === "change" ? Object.keys(step.detailedDiff ?? {}).sort(byReadingOrder) : [];
  // Router entries keep no field at its default; the rows show it (a rule that accepts says so, telnet back on reads "false").
  const [shownBefore, shownAfter] = state.type === TOKENS.table ? [withDefaults(before), withDefaults(after)] : [before, after];
  const properties =
    diffPaths.length > 0
      ? diffPaths.map(parsePath).flatMap((p) => {
          const leaves = leafChanges(p, at(shownBefore, p), at(shownAfter, p));
          // A secret that changes looks the same on both sides once hidden; the reviewer still sees that it changes.
          return leaves.length > 0 ? leaves : [{ path: p, before: at(shownBefore, p), after: at(shownAfter, p) }];
        })
      : leafChanges([], shownBefore, shownAfter);
  const name = nameOf(step.urn);
  const table = state.type === TOKENS.table ? String(after.path ?? before.path ?? "") : undefined;
  return {
    type: state.type,
    device: table && name.endsWith(table) ? name.slice(0, -table.length) : name,
    resource: table ?? name,
    op,
    properties,
    before,
    after,
  };
}

export function resourceChanges(preview: PreviewJson): ResourceChange[] {
  return (preview.steps ?? []).map(toChange).filter((c): c is ResourceChange => c !== undefined);
}

/** The routers whose configuration the update exports before changing them. */
export function exportsBeforeChange(preview: PreviewJson): string[] {
  return (preview.steps ?? [])
    .filter((s) => (s.op === "create" || s.op === "update") && (s.newState ?? s.oldState)?.type === TOKENS.configExport)
    .map((s) => String((s.newState ?? s.oldState)?.inputs?.router ?? nameOf(s.urn)));
}

/** The commune a preview is about, as its stack's last update recorded it. */
export function communeOf(preview: PreviewJson): string | undefined {
  const stack = preview.steps?.find((s) => (s.newState ?? s.oldState)?.type === "pulumi:pulumi:Stack");
  const name = (stack?.oldState?.outputs ?? stack?.newState?.outputs)?.communeName;
  return typeof name === "string" ? name : undefined;
}
