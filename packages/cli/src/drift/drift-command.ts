/** `communes drift`: the auditors' check that the devices still hold what the stacks recorded. */
import { existsSync, statSync } from "node:fs";
import { writeOwnerOnly } from "../owner-only-file";
import * as path from "node:path";
import { parseArgs } from "node:util";
import type { Command } from "../commands";
import { UsageError, type Output } from "../output";
import { listStacks, PulumiCliError } from "../pulumi/pulumi-cli";
import { EXIT, type DriftReport } from "./audit";
import { htmlReport } from "./report-html";
import { markdownReport } from "./report-markdown";
import { auditStacks } from "./run-audit";

const DEFAULT_CONCURRENCY = 4;

type Render = (report: DriftReport) => string;
const REPORT_FORMATS: Record<string, Render | undefined> = { ".md": markdownReport, ".html": htmlReport, ".htm": htmlReport };

export const driftCommand: Command = {
  usage: `  communes drift (--stack <name>... | --all) [--concurrency N] [--json <file>] [--report <file.md|file.html>]
      Reads every device of the commune stacks (pulumi refresh, preview only:
      nothing is recorded or changed) and reports, per commune, device and
      property, the recorded and the live value, entries on the devices the
      stacks do not manage, and the devices that could not be checked.
      --concurrency: stacks audited at a time (default ${DEFAULT_CONCURRENCY}). The report goes
      to --report, in Markdown (.md) or as one HTML page (.html), else in
      Markdown to stdout; --json writes the same as JSON.
      Progress on stderr. Exit codes: 0 clean; 1 drift found (every device
      checked); 3 some devices could not be checked, no drift in the rest;
      4 drift found and some devices could not be checked; 2 wrong usage.`,
  async run(argv, out) {
    const { values } = parseArgs({
      args: [...argv],
      options: { stack: { type: "string", multiple: true }, all: { type: "boolean" }, concurrency: { type: "string" }, json: { type: "string" }, report: { type: "string" } },
    });
    const named = values.stack ?? [];
    if (named.length === 0 && !values.all) throw new UsageError("drift needs --stack <name> (repeatable) or --all");
    if (named.length > 0 && values.all) throw new UsageError("drift takes --stack or --all, not both");
    const concurrency = values.concurrency === undefined ? DEFAULT_CONCURRENCY : Number(values.concurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError(`--concurrency must be a whole number of at least 1, not ${JSON.stringify(values.concurrency)}`);
    const format = values.report === undefined ? undefined : REPORT_FORMATS[path.extname(values.report).toLowerCase()];
    if (values.report !== undefined && format === undefined) throw new UsageError(`--report writes Markdown or HTML: give a file ending in .md or .html, not ${JSON.stringify(values.report)}`);
    for (const file of [values.json, values.report]) {
      const dir = file === undefined ? undefined : path.dirname(path.resolve(file));
      if (dir !== undefined && !(existsSync(dir) && statSync(dir).isDirectory())) throw new UsageError(`cannot write ${file}: no directory ${dir}`);
    }
    return drift({ named, concurrency, json: values.json, report: values.report === undefined ? undefined : { file: values.report, render: format! } }, out);
  },
};

async function drift(options: { named: string[]; concurrency: number; json?: string | undefined; report?: { file: string; render: Render } | undefined }, out: Output): Promise<number> {
  let known: string[];
  try {
    known = await listStacks();
  } catch (err) {
    if (!(err instanceof PulumiCliError)) throw err;
    out.stderr(`communes: could not list the commune stacks, nothing was checked: ${err.message}`);
    return EXIT["could-not-check"];
  }
  const unknown = options.named.filter((s) => !known.includes(s));
  if (unknown.length > 0) throw new UsageError(`no stack ${unknown.map((s) => JSON.stringify(s)).join(", ")} in the commune project (stacks: ${known.join(", ") || "none"})`);
  const stacks = options.named.length > 0 ? [...new Set(options.named)] : known;
  if (stacks.length === 0) throw new UsageError("the commune project has no stacks to audit");

  const report = await auditStacks(stacks, { concurrency: options.concurrency, progress: (line) => out.stderr(line) });
  if (options.json !== undefined) writeOwnerOnly(options.json, `${JSON.stringify(report, null, 2)}\n`);
  if (options.report !== undefined) writeOwnerOnly(options.report.file, `${options.report.render(report)}\n`);
  else out.stdout(markdownReport(report));
  out.stderr(`drift: ${report.status} (${stacks.length} stack${stacks.length === 1 ? "" : "s"})${options.json ? `; JSON report: ${options.json}` : ""}${options.report ? `; report: ${options.report.file}` : ""}`);
  return EXIT[report.status];
}
