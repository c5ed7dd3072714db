/**
 * The auditor's report as one self-contained HTML page, for a dossier or an
 * e-mail: the same content as the Markdown report, with no script and
 * nothing loaded from elsewhere (the styles are inline), printable as is.
 * Every text from a stack or a device is escaped.
 */
import type { DeviceAudit, DriftReport, Finding, StackAudit, Status } from "./audit";
import { describeRecordedBy } from "./recorded-by";
import { drifted, findingSides, STATUS_TEXT, summaryLine, unchecked } from "./report-summary";

/** Text escaped for an element or an attribute. */
function text(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 72em; padding: 0 1em; color: #1b1b1b; }
table { border-collapse: collapse; margin: 0.5em 0 1em; }
th, td { border: 1px solid #c8c8c8; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
code, td.value { font-family: ui-monospace, monospace; white-space: pre-wrap; word-break: break-all; }
.status { font-weight: 600; padding: 0 0.4em; border-radius: 3px; }
.clean { background: #dcefdc; } .drift { background: #f8d7d3; }
.could-not-check { background: #fbeec1; } .drift-and-could-not-check { background: #f3c9a8; }
@media print { body { margin: 0; max-width: none; } h2 { break-before: page; } }
`;

function status(s: Status): string {
  return `<span class="status ${s}">${text(STATUS_TEXT[s])}</span>`;
}

function list(items: readonly string[]): string {
  return `<ul>${items.map((e) => `<li>${text(e)}</li>`).join("")}</ul>`;
}

function findingRow(f: Finding): string {
  const moved = f.kind === "changed" && f.moved?.length ? ` (moved: ${f.moved.map((k) => `<code>${text(k)}</code>`).join(", ")})` : "";
  const property = `${f.resource ? `<code>${text(f.resource)}</code> ` : ""}<code>${text(f.property)}</code>${moved}`;
  const { recorded, live } = findingSides(f);
  return `<tr><td>${text(f.kind)}</td><td>${property}</td><td class="value">${text(recorded)}</td><td class="value">${text(live)}</td></tr>`;
}

function deviceSection(d: DeviceAudit): string {
  const parts = [`<h3>${text(d.name)} (${text(d.kind)}): ${status(d.status)}</h3>`];
  if (d.errors.length > 0) parts.push("<p>Could not be checked:</p>", list(d.errors));
  if (d.findings.length > 0) {
    parts.push(`<table><thead><tr><th>drift</th><th>property</th><th>recorded</th><th>live</th></tr></thead><tbody>${d.findings.map(findingRow).join("")}</tbody></table>`);
  }
  return parts.join("\n");
}

function stackSection(s: StackAudit): string {
  const parts = [`<h2>${text(s.commune)} (stack <code>${text(s.stack)}</code>): ${status(s.status)}</h2>`];
  if (s.recordedBy) parts.push(`<p>Compared with the state recorded by ${text(describeRecordedBy(s.recordedBy))}.</p>`);
  if (s.errors.length > 0) parts.push("<p>The stack could not be audited as a whole:</p>", list(s.errors));
  const clean = s.devices.filter((d) => d.status === "clean");
  if (clean.length > 0) parts.push(`<p>Clean: ${text(clean.map((d) => `${d.name} (${d.kind})`).join(", "))}.</p>`);
  parts.push(...s.devices.filter((d) => d.status !== "clean").map(deviceSection));
  return `<section>\n${parts.join("\n")}\n</section>`;
}

function stackRow(s: StackAudit): string {
  const cells = [text(s.commune), `<code>${text(s.stack)}</code>`, status(s.status), String(s.devices.length), String(s.devices.filter(drifted).length), String(s.devices.filter(unchecked).length)];
  return `<tr>${cells.map((c) => `<td>${c}</td>`).join("")}</tr>`;
}

export function htmlReport(report: DriftReport): string {
  const title = `Drift audit, ${report.startedAt}`;
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    `<head><meta charset="utf-8"><title>${text(title)}</title><style>${STYLE}</style></head>`,
    "<body>",
    `<h1>${text(title)}</h1>`,
    `<p>Result: ${status(report.status)}. ${text(summaryLine(report))}</p>`,
    "<table><thead><tr><th>commune</th><th>stack</th><th>result</th><th>devices</th><th>drifted</th><th>could not check</th></tr></thead>",
    `<tbody>${report.stacks.map(stackRow).join("\n")}</tbody></table>`,
    ...report.stacks.map(stackSection),
    "</body>",
    "</html>",
  ].join("\n");
}
