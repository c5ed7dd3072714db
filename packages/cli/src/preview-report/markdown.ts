/**
 * The report in Markdown: a summary table (one row per commune), then per
 * commune → device → change: each property before → after, the change in
 * the device's own form, and the risk flags with their reasons; before the
 * devices, what the router's changes do to reachability.
 */
import { menuCommand } from "@communes/intent";
import type { RouterExportCheck } from "../drift/router-export-check";
import { endpointParameters, UNVERIFIED_MARK, type Vendor } from "./native-endpoint";
import { iosLines } from "./native-ios";
import { routerOsLines } from "./native-routeros";
import { formatPath } from "../pulumi/property-path";
import { TOKENS } from "@communes/provider/contract";
import type { ChangeOp, ResourceChange } from "./resource-changes";
import type { ReachabilityChange } from "./reachability-change";
import { reachabilityRisk, reachabilitySection } from "./reachability-markdown";
import { FLAG_LABELS, riskFlags, type RiskFlag } from "./risk-flags";

export interface StackPreview {
  stack: string;
  /** The commune's name (`xã Thiệu Trung`), when the stack has recorded it. */
  commune?: string;
  changes: ResourceChange[];
  /** Routers whose whole configuration is exported over SSH before the change (the audit trail). */
  exports: string[];
  /** Endpoint vendors by system name, from the commune's inventory. */
  vendors: ReadonlyMap<string, Vendor>;
  /** What the preview compared the inventory with. */
  basis: PreviewBasis;
  /** With the devices read: what changed by hand in the routers' menus no stack manages (not touched by the up). */
  outsideManaged?: RouterExportCheck[];
  /** What the router's changes open or cut; why it could not be computed; undefined when the router does not change. */
  reachability?: ReachabilityChange | { problem: string };
}

export interface FailedPreview {
  stack: string;
  reason: string;
}

const OP_WORDS: Record<ChangeOp, string> = { add: "added", change: "changed", replace: "replaced", remove: "removed" };

function cell(value: unknown): string {
  if (value === undefined) return "*(none)*";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return `\`${text.replace(/\|/g, "\\|").replace(/`/g, "'").replace(/\n/g, " ")}\``;
}

function counts(changes: readonly ResourceChange[]): { adds: number; changes: number; removes: number } {
  return {
    adds: changes.filter((c) => c.op === "add").length,
    changes: changes.filter((c) => c.op === "change" || c.op === "replace").length,
    removes: changes.filter((c) => c.op === "remove").length,
  };
}

function flagsOf(p: StackPreview): RiskFlag[] {
  const found = new Set(p.changes.flatMap((c) => riskFlags(c).map((r) => r.flag)));
  if (p.reachability && !("problem" in p.reachability) && reachabilityRisk(p.reachability)) found.add("reachability");
  return (Object.keys(FLAG_LABELS) as RiskFlag[]).filter((f) => found.has(f));
}

function native(change: ResourceChange, vendors: ReadonlyMap<string, Vendor>): { title: string; lang: string; lines: string[] } | undefined {
  if (change.type === TOKENS.table) return { title: "RouterOS script", lang: "routeros", lines: routerOsLines(change) };
  if (change.type === TOKENS.switch) {
    const title =
      change.op === "add"
        ? "IOS configuration (against a switch holding none of it)"
        : change.op === "remove"
          ? "IOS configuration (the switch is let go: its managed ports back to defaults, its VLANs removed, its management address kept)"
          : "IOS configuration";
    return { title, lang: "", lines: iosLines(change) };
  }
  if (change.type === TOKENS.endpoint) {
    // The provider leaves a removed endpoint as it is (it sits on the meeting-room desk): nothing is sent.
    if (change.op === "remove") return { title: "Nothing is sent: an endpoint taken out of the stack keeps its settings", lang: "", lines: [] };
    const vendor = vendors.get(change.device);
    const title = vendor === "poly" ? "Poly API parameters" : vendor === "cisco" ? "Cisco xAPI configuration" : "Endpoint settings (make unknown: the commune's inventory could not be read)";
    const lines = endpointParameters(change, vendor);
    const note = lines.some((l) => l.endsWith(UNVERIFIED_MARK)) ? ` (lines marked \`${UNVERIFIED_MARK}\` use names or values no public recording of a device confirms: docs/videoconference.md)` : "";
    return { title: `${title}${note}`, lang: "", lines };
  }
  return undefined;
}

const SUBJECTS: Record<string, string> = { [TOKENS.switch]: "Switch configuration", [TOKENS.endpoint]: "Endpoint settings" };

function changeSection(change: ResourceChange, vendors: ReadonlyMap<string, Vendor>): string[] {
  const subject = change.type === TOKENS.table ? `\`${change.resource}\`` : (SUBJECTS[change.type] ?? `\`${change.type}\``);
  const out = [`#### ${subject}: ${OP_WORDS[change.op]}`, ""];
  if (change.properties.length > 0) {
    out.push("| Property | Before | After |", "| --- | --- | --- |");
    for (const p of change.properties) out.push(`| \`${formatPath(p.path)}\` | ${cell(p.before)} | ${cell(p.after)} |`);
    out.push("");
  }
  const form = native(change, vendors);
  if (form) {
    out.push(`${form.title}:`, "");
    if (form.lines.length > 0) out.push(`\`\`\`${form.lang}`, ...form.lines, "```", "");
  }
  const risks = riskFlags(change);
  out.push(risks.length === 0 ? "Risk flags: none." : "Risk flags:", ...risks.map((r) => `- **${FLAG_LABELS[r.flag]}**: ${r.reason}`), "");
  return out;
}

/**
 * Lines changed by hand in a router's menus no stack manages: the up leaves
 * them, and the export taken before it makes them the reference the next
 * audits compare with, so the reviewer sees them now.
 */
function outsideManagedSection(checks: readonly RouterExportCheck[]): string[] {
  const out: string[] = [];
  for (const check of checks.filter((c) => c.findings.length > 0 || c.errors.length > 0)) {
    out.push(`### ${check.device}: outside the managed menus`, "");
    if (check.errors.length > 0) out.push(...check.errors.map((e) => `- could not compare: ${e}`), "");
    if (check.findings.length === 0) continue;
    out.push(
      "Changed by hand since the router's last export, in menus no stack manages. This up does not touch them; the export taken before it will hold them, and later audits compare with that:",
      "",
      "```routeros",
      ...check.findings.map((f) => `${f.kind === "unmanaged" ? "+" : "-"} ${menuCommand(f.resource ?? "")} ${String(f.kind === "unmanaged" ? f.live : f.recorded)}`),
      "```",
      "",
    );
  }
  return out;
}

/** What the previews compared the inventory with. */
export type PreviewBasis = "devices" | "recorded" | "saved";

const BASIS_TEXT: Record<PreviewBasis, string> = {
  devices: "Compared with what the devices hold now: every device was read first (`pulumi preview --refresh`).",
  recorded:
    "Compared with what each stack recorded at its last `up` or refresh; the devices were not read, so a change made on them by hand since does not show here (`communes drift` finds those; `--refresh` reads the devices).",
  saved: "Read from saved `pulumi preview --json` output.",
};

const NO_CHANGES: Record<PreviewBasis, string> = {
  devices: "No changes: the devices match the inventory.",
  recorded: "No changes: the inventory matches what the stack recorded.",
  saved: "No changes.",
};

export function renderReport(previews: readonly StackPreview[], failed: readonly FailedPreview[]): string {
  const out = ["# Preview report", ""];
  for (const basis of new Set(previews.map((p) => p.basis))) out.push(BASIS_TEXT[basis], "");
  out.push("| Commune | Stack | Added | Changed | Removed | Risk flags |", "| --- | --- | ---: | ---: | ---: | --- |");
  for (const p of previews) {
    const n = counts(p.changes);
    const flags = flagsOf(p).map((f) => FLAG_LABELS[f]).join(", ") || "none";
    out.push(`| ${p.commune ?? p.stack} | \`${p.stack}\` | ${n.adds} | ${n.changes} | ${n.removes} | ${flags} |`);
  }
  for (const f of failed) out.push(`| ? | \`${f.stack}\` | – | – | – | preview failed |`);
  out.push("");
  for (const p of previews) {
    out.push(`## ${p.commune ?? p.stack} (stack \`${p.stack}\`)`, "");
    if (p.changes.length === 0) {
      out.push(NO_CHANGES[p.basis], "");
      continue;
    }
    for (const router of p.exports) out.push(`Before anything changes, ${router}'s configuration is exported over SSH (\`/export\`, passwords hidden) and kept in the stack's history.`, "");
    out.push(...outsideManagedSection((p.outsideManaged ?? []).filter((c) => p.exports.includes(c.device))));
    if (p.reachability) out.push(...("problem" in p.reachability ? [`Reachability was not computed: ${p.reachability.problem}.`, ""] : reachabilitySection(p.reachability)));
    for (const device of [...new Set(p.changes.map((c) => c.device))]) {
      out.push(`### ${device}`, "");
      for (const change of p.changes.filter((c) => c.device === device)) out.push(...changeSection(change, p.vendors));
    }
  }
  if (failed.length > 0) {
    out.push("## Previews that failed", "");
    for (const f of failed) out.push(`- \`${f.stack}\`: ${f.reason}`);
    out.push("");
  }
  return out.join("\n");
}
