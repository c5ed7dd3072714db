/**
 * Turns what `pulumi refresh --preview-only --json` reported for one stack
 * into an audit: property drift (recorded → live), unmanaged entries (keys
 * present on the device, absent from the state), missing entries, and the
 * devices that could not be read. A device is clean only when every one of
 * its resources was read without error.
 */
import { entryInFullAt } from "@communes/routeros";
import type { RouterExportCheck } from "./router-export-check";
import { combine, type DeviceAudit, type DeviceKind, type Finding, type StackAudit } from "./audit";
import { parseUrn } from "../pulumi/urn";
import { deviceOf } from "./device-names";
import { mergeMenuErrors } from "../pulumi/menu-errors";
import { byReadingOrder, parsePath, valueAt } from "../pulumi/property-path";
import { OWNED_COLLECTIONS, TOKENS } from "@communes/provider/contract";

export interface RefreshStep {
  op: string;
  urn: string;
  oldState?: { inputs?: Record<string, unknown> };
  newState?: { inputs?: Record<string, unknown>; outputs?: Record<string, unknown> };
  detailedDiff?: Record<string, { kind: string }>;
}

export interface RefreshDiagnostic {
  urn?: string;
  message: string;
  severity: string;
}

/** One stack's refresh as the engine reported it. */
export interface RefreshRun {
  stack: string;
  steps: RefreshStep[];
  diagnostics: RefreshDiagnostic[];
  /** Set when the refresh did not finish: the CLI's last words. */
  failure?: string;
  /** Every resource the stack records, when the refresh did not finish (to know what went unchecked). */
  recorded?: string[];
  /** The routers' menus no stack manages, compared with their last export (router-export-check.ts), and their reachability. */
  routerExports?: RouterExportCheck[];
  seconds: number;
}

const ENGINE_SUMMARY = /^(preview|update|refresh) failed$/;

function cleanMessage(message: string): string {
  return message.trim().replace(/^error: /, "").replace(/^Preview failed: /, "");
}

function stringKeys(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((k): k is string => typeof k === "string") : [];
}

/** Rule order (ordered RouterOS menus): drift only when the entries both sides hold are in another order. */
function orderFinding(resource: string | undefined, olds: unknown, news: unknown): Finding | undefined {
  const recorded = stringKeys(olds);
  const live = stringKeys(news);
  const both = (keys: string[], other: string[]) => keys.filter((k) => other.includes(k));
  if (both(recorded, live).join("\n") === both(live, recorded).join("\n")) return undefined;
  return { kind: "changed", ...(resource ? { resource } : {}), property: "order", recorded, live, moved: movedKeys(both(recorded, live), both(live, recorded)) };
}

/**
 * The fewest entries that, moved, turn one order into the other: those off a
 * longest run the two orders share. One rule moved to the top names that
 * rule, not the seventeen it passed.
 */
export function movedKeys(recorded: readonly string[], live: readonly string[]): string[] {
  const rank = new Map(recorded.map((k, i) => [k, i]));
  const ranks = live.map((k) => rank.get(k)!);
  // Longest increasing subsequence of the recorded positions, in live order.
  const tails: number[] = [];
  const tailAt: number[] = [];
  const previous = new Array<number>(ranks.length).fill(-1);
  ranks.forEach((r, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = r;
    tailAt[lo] = i;
    previous[i] = lo > 0 ? tailAt[lo - 1]! : -1;
  });
  const kept = new Set<number>();
  for (let i = tails.length > 0 ? tailAt[tails.length - 1]! : -1; i >= 0; i = previous[i]!) kept.add(i);
  return live.filter((_, i) => !kept.has(i));
}

/** A property's value; a router entry's field left out because it is at its default shows that default. */
function shownValue(resource: string | undefined, inputs: unknown, path: ReturnType<typeof parsePath>): unknown {
  const value = valueAt(inputs, path);
  if (value !== undefined || path.length !== 3 || path[0] !== "entries") return value ?? null;
  const entry = valueAt(inputs, path.slice(0, 2));
  const full = entryInFullAt(resource, entry) as Record<string, unknown> | undefined;
  return entry === undefined ? null : (full?.[String(path[2])] ?? null);
}

export function stepFindings(step: RefreshStep, resource: string | undefined): Finding[] {
  const { type } = parseUrn(step.urn);
  const olds = step.oldState?.inputs ?? {};
  const news = step.newState?.inputs ?? {};
  const owned = OWNED_COLLECTIONS[type] ?? [];
  const at = resource ? { resource } : {};
  const findings: Finding[] = [];
  let order = false;
  for (const [property, { kind }] of Object.entries(step.detailedDiff ?? {}).sort(([a], [b]) => byReadingOrder(a, b))) {
    const path = parsePath(property);
    if (type === TOKENS.table && path[0] === "order") {
      order = true;
      continue;
    }
    const ownedEntry = path.length === 2 && owned.includes(String(path[0]));
    if (ownedEntry && kind.startsWith("add")) findings.push({ kind: "unmanaged", ...at, property, live: entryInFullAt(resource, valueAt(news, path)) ?? null });
    else if (ownedEntry && kind.startsWith("delete")) findings.push({ kind: "missing", ...at, property, recorded: entryInFullAt(resource, valueAt(olds, path)) ?? null });
    else findings.push({ kind: "changed", ...at, property, recorded: shownValue(resource, olds, path), live: shownValue(resource, news, path) });
  }
  const reordered = order ? orderFinding(resource, olds.order, news.order) : undefined;
  return reordered ? [...findings, reordered] : findings;
}

export function classify(run: RefreshRun): StackAudit {
  const devices = new Map<string, { kind?: DeviceKind; errors: string[]; findings: Finding[] }>();
  const deviceFor = (urn: string) => {
    const ref = deviceOf(parseUrn(urn));
    if (!ref) return undefined;
    const device = devices.get(ref.device) ?? { errors: [], findings: [] };
    if (ref.kind) device.kind = ref.kind;
    devices.set(ref.device, device);
    return { device, resource: ref.resource };
  };

  const allUrns = [...run.steps.map((s) => s.urn), ...run.diagnostics.flatMap((d) => (d.urn ? [d.urn] : [])), ...(run.recorded ?? [])];
  const communeUrn = allUrns.find((u) => parseUrn(u).type === TOKENS.communeNetwork);
  const commune = communeUrn ? parseUrn(communeUrn).name : run.stack;

  const checked = new Set<string>();
  for (const step of run.steps) {
    const found = deviceFor(step.urn);
    if (!found) continue;
    checked.add(step.urn);
    if (step.op === "update") found.device.findings.push(...stepFindings(step, found.resource));
    if (step.op === "delete") found.device.findings.push({ kind: "missing", ...(found.resource ? { resource: found.resource } : {}), property: found.resource ?? parseUrn(step.urn).name, recorded: null });
  }

  const stackErrors: string[] = [];
  for (const d of run.diagnostics.filter((d) => d.severity === "error")) {
    const found = d.urn ? deviceFor(d.urn) : undefined;
    if (found) found.device.errors.push(cleanMessage(d.message));
    else stackErrors.push(cleanMessage(d.message));
  }
  const deviceErrors = [...devices.values()].some((d) => d.errors.length > 0);
  const errors = deviceErrors ? stackErrors.filter((m) => !ENGINE_SUMMARY.test(m)) : stackErrors;
  if (run.failure !== undefined && errors.length === 0 && !deviceErrors) errors.push(run.failure);

  // Whatever the stack records but the refresh did not read was not checked.
  for (const urn of run.recorded ?? []) {
    const found = checked.has(urn) ? undefined : deviceFor(urn);
    if (found && found.device.errors.length === 0) found.device.errors.push(`not read: ${errors.join("; ") || "the refresh stopped before reaching it"}`);
  }

  for (const check of run.routerExports ?? []) {
    const router = devices.get(check.device) ?? { kind: "router" as const, errors: [], findings: [] };
    router.findings.push(...check.findings);
    router.errors.push(...check.errors);
    devices.set(check.device, router);
  }

  // A provider's error for a device none of whose resources is known belongs to the stack.
  for (const [name, d] of devices) if (d.kind === undefined) errors.push(...d.errors.map((e) => `${name}: ${e}`));
  const audits: DeviceAudit[] = [...devices.entries()]
    .flatMap(([name, d]) => (d.kind ? [{ name, ...d, kind: d.kind }] : []))
    .map(({ name, kind, ...d }) => ({
      name,
      kind,
      status: combine([d.errors.length > 0 ? "could-not-check" : "clean", d.findings.length > 0 ? "drift" : "clean"]),
      errors: mergeMenuErrors(d.errors),
      // Resources are read in parallel: order the findings by menu, then property.
      findings: d.findings.sort((a, b) => byReadingOrder(a.resource ?? "", b.resource ?? "") || byReadingOrder(a.property, b.property)),
    }));
  const kindOrder: DeviceKind[] = ["router", "switch", "endpoint"];
  audits.sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || byReadingOrder(a.name, b.name));
  const status = combine([...audits.map((d) => d.status), ...(errors.length > 0 || audits.length === 0 ? (["could-not-check"] as const) : [])]);
  return { stack: run.stack, commune, status, errors, devices: audits, seconds: run.seconds };
}
