/** The auditor's report in Markdown: commune → device → property, recorded and live values side by side. */
import type { DeviceAudit, DriftReport, Finding, StackAudit, Status } from "./audit";

const STATUS: Record<Status, string> = {
  clean: "clean",
  drift: "drift",
  "could-not-check": "could not check",
  "drift-and-could-not-check": "drift; some devices could not be checked",
};

/** A value in a table cell: text as is, anything else as JSON; pipes and line breaks escaped. */
export function cell(value: unknown): string {
  if (value === null || value === undefined) return "—";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text === "" ? '""' : text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}

function findingRow(f: Finding): string {
  const property = `${f.resource ? `\`${f.resource}\` ` : ""}\`${f.property}\``;
  const recorded = f.kind === "unmanaged" ? "(not managed)" : cell(f.recorded);
  const live = f.kind === "missing" ? "(absent)" : cell(f.live);
  return `| ${f.kind} | ${property} | ${recorded} | ${live} |`;
}

function deviceSection(d: DeviceAudit): string[] {
  const lines = [`### ${d.name} (${d.kind}): ${STATUS[d.status]}`, ""];
  if (d.errors.length > 0) lines.push("Could not be checked:", "", ...d.errors.map((e) => `- ${cell(e)}`), "");
  if (d.findings.length > 0) lines.push("| drift | property | recorded | live |", "| --- | --- | --- | --- |", ...d.findings.map(findingRow), "");
  return lines;
}

function stackSection(s: StackAudit): string[] {
  const lines = [`## ${s.commune} (stack \`${s.stack}\`): ${STATUS[s.status]}`, ""];
  if (s.errors.length > 0) lines.push("The stack could not be audited as a whole:", "", ...s.errors.map((e) => `- ${cell(e)}`), "");
  const clean = s.devices.filter((d) => d.status === "clean");
  if (clean.length > 0) lines.push(`Clean: ${clean.map((d) => `${d.name} (${d.kind})`).join(", ")}.`, "");
  for (const d of s.devices.filter((d) => d.status !== "clean")) lines.push(...deviceSection(d));
  return lines;
}

const drifted = (d: DeviceAudit) => d.findings.length > 0;
const unchecked = (d: DeviceAudit) => d.errors.length > 0;

function count(stacks: readonly StackAudit[], which: (d: DeviceAudit) => boolean): number {
  return stacks.reduce((n, s) => n + s.devices.filter(which).length, 0);
}

export function markdownReport(report: DriftReport): string {
  const devices = report.stacks.reduce((n, s) => n + s.devices.length, 0);
  return [
    `# Drift audit, ${report.startedAt}`,
    "",
    `Result: **${STATUS[report.status]}**. ${report.stacks.length} stack${report.stacks.length === 1 ? "" : "s"}, ${devices} devices: ${count(report.stacks, (d) => d.status === "clean")} clean, ${count(report.stacks, drifted)} drifted, ${count(report.stacks, unchecked)} could not be checked.`,
    "",
    "| commune | stack | result | devices | drifted | could not check |",
    "| --- | --- | --- | --- | --- | --- |",
    ...report.stacks.map((s) => `| ${cell(s.commune)} | \`${s.stack}\` | ${STATUS[s.status]} | ${s.devices.length} | ${s.devices.filter(drifted).length} | ${s.devices.filter(unchecked).length} |`),
    "",
    ...report.stacks.flatMap(stackSection),
  ].join("\n");
}
