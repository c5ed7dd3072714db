/** The auditor's report in Markdown: commune → device → property, recorded and live values side by side. */
import type { DeviceAudit, DriftReport, Finding, StackAudit } from "./audit";
import { describeRecordedBy } from "./recorded-by";
import { drifted, findingSides, STATUS_TEXT, summaryLine, unchecked, valueText } from "./report-summary";

/** Text in a table cell: pipes and line breaks escaped. */
function cell(value: unknown): string {
  return escapeCell(valueText(value));
}

function escapeCell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}

function findingRow(f: Finding): string {
  const moved = f.kind === "changed" && f.moved?.length ? ` (moved: ${f.moved.map((k) => `\`${escapeCell(k)}\``).join(", ")})` : "";
  const property = `${f.resource ? `\`${f.resource}\` ` : ""}\`${f.property}\`${moved}`;
  const { recorded, live } = findingSides(f);
  return `| ${f.kind} | ${property} | ${escapeCell(recorded)} | ${escapeCell(live)} |`;
}

function deviceSection(d: DeviceAudit): string[] {
  const lines = [`### ${d.name} (${d.kind}): ${STATUS_TEXT[d.status]}`, ""];
  if (d.errors.length > 0) lines.push("Could not be checked:", "", ...d.errors.map((e) => `- ${cell(e)}`), "");
  if (d.findings.length > 0) lines.push("| drift | property | recorded | live |", "| --- | --- | --- | --- |", ...d.findings.map(findingRow), "");
  return lines;
}

function stackSection(s: StackAudit): string[] {
  const lines = [`## ${s.commune} (stack \`${s.stack}\`): ${STATUS_TEXT[s.status]}`, ""];
  if (s.recordedBy) lines.push(`Compared with the state recorded by ${describeRecordedBy(s.recordedBy)}.`, "");
  if (s.errors.length > 0) lines.push("The stack could not be audited as a whole:", "", ...s.errors.map((e) => `- ${cell(e)}`), "");
  const clean = s.devices.filter((d) => d.status === "clean");
  if (clean.length > 0) lines.push(`Clean: ${clean.map((d) => `${d.name} (${d.kind})`).join(", ")}.`, "");
  for (const d of s.devices.filter((d) => d.status !== "clean")) lines.push(...deviceSection(d));
  return lines;
}

export function markdownReport(report: DriftReport): string {
  return [
    `# Drift audit, ${report.startedAt}`,
    "",
    `Result: **${STATUS_TEXT[report.status]}**. ${summaryLine(report)}`,
    "",
    "| commune | stack | result | devices | drifted | could not check |",
    "| --- | --- | --- | --- | --- | --- |",
    ...report.stacks.map((s) => `| ${cell(s.commune)} | \`${s.stack}\` | ${STATUS_TEXT[s.status]} | ${s.devices.length} | ${s.devices.filter(drifted).length} | ${s.devices.filter(unchecked).length} |`),
    "",
    ...report.stacks.flatMap(stackSection),
  ].join("\n");
}
