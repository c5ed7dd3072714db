/** What both drift reports (Markdown and HTML) say the same way: status words, counts, the summary line, a finding's cells. */
import type { DeviceAudit, DriftReport, Finding, StackAudit, Status } from "./audit";

export const STATUS_TEXT: Record<Status, string> = {
  clean: "clean",
  drift: "drift",
  "could-not-check": "could not check",
  "drift-and-could-not-check": "drift; some devices could not be checked",
};

export const drifted = (d: DeviceAudit) => d.findings.length > 0;
export const unchecked = (d: DeviceAudit) => d.errors.length > 0;

function count(stacks: readonly StackAudit[], which: (d: DeviceAudit) => boolean): number {
  return stacks.reduce((n, s) => n + s.devices.filter(which).length, 0);
}

/** "2 stacks, 6 devices: 2 clean, 3 drifted, 1 could not be checked." */
export function summaryLine(report: DriftReport): string {
  const devices = report.stacks.reduce((n, s) => n + s.devices.length, 0);
  const stacks = `${report.stacks.length} stack${report.stacks.length === 1 ? "" : "s"}`;
  return `${stacks}, ${devices} devices: ${count(report.stacks, (d) => d.status === "clean")} clean, ${count(report.stacks, drifted)} drifted, ${count(report.stacks, unchecked)} could not be checked.`;
}

/** A value as text: strings as they are, anything else as JSON; an empty string shown as `""`, nothing as `—`. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return "—";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text === "" ? '""' : text;
}

/** The recorded and live sides of a finding; a side that does not exist says why. */
export function findingSides(f: Finding): { recorded: string; live: string } {
  return {
    recorded: f.kind === "unmanaged" ? "(not managed)" : valueText(f.recorded),
    live: f.kind === "missing" ? "(absent)" : valueText(f.live),
  };
}
