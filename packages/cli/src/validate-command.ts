/** `communes validate`: every problem of every file, one line each. */
import { discover, formatDiagnostic, type Diagnostic } from "@communes/inventory";
import { loadVerifiedInventory } from "./load-inventory";
import { parseArgs } from "node:util";
import type { Command } from "./commands";
import { UsageError, type Output } from "./output";

function validateTargets(args: readonly string[], province: string | undefined): { diagnostics: Diagnostic[]; communes: number; errors: string[] } {
  const { targets, errors } = discover(args, province);
  const diagnostics: Diagnostic[] = [];
  let communes = 0;
  for (const target of targets) {
    const inventory = loadVerifiedInventory(target);
    diagnostics.push(...inventory.diagnostics.filter((d) => target.requested.has(d.file)));
    communes += inventory.communes.filter((c) => target.requested.has(c.file)).length;
  }
  return { diagnostics, communes, errors };
}

export const validateCommand: Command = {
  usage: `  communes validate <file-or-dir>... [--province <file>] [--json]
      Check province and commune files; one line per problem:
      file:line:col path: message, the province's flow policy verified for
      each commune included. Exit 1 when there is any.`,
  run(argv, out) {
    const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, options: { json: { type: "boolean" }, province: { type: "string" } } });
    return runValidate(positionals, values, out);
  },
};

function runValidate(args: readonly string[], flags: { json?: boolean | undefined; province?: string | undefined }, out: Output): number {
  if (args.length === 0) throw new UsageError("validate needs at least one file or directory");
  const { diagnostics, communes, errors } = validateTargets(args, flags.province);
  for (const e of errors) out.stderr(`communes: ${e}`);
  if (flags.json) {
    out.stdout(JSON.stringify({ valid: diagnostics.length === 0 && errors.length === 0, communes, diagnostics }, null, 2));
  } else {
    for (const d of diagnostics) out.stdout(formatDiagnostic(d));
    if (diagnostics.length === 0 && errors.length === 0) out.stderr(`ok: ${communes} commune${communes === 1 ? "" : "s"} valid`);
    else if (diagnostics.length > 0) out.stderr(`${diagnostics.length} problem${diagnostics.length === 1 ? "" : "s"} found`);
  }
  if (errors.length > 0 && diagnostics.length === 0) return 2;
  return diagnostics.length === 0 ? 0 : 1;
}
