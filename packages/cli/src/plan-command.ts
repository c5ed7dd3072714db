/** `communes plan`: one commune's plan, or the whole province's prefixes. */
import * as path from "node:path";
import { existsSync, statSync } from "node:fs";
import { discover, formatDiagnostic, loadInventory, PROVINCE_FILE, type Inventory, type InventoryTarget } from "@communes/inventory";
import { parseArgs } from "node:util";
import type { Command } from "./commands";
import { UsageError, type Output } from "./output";
import { planToJson } from "./plan-json";
import { planText } from "./plan-text";
import { provinceCsv } from "./plan-csv";

/** Loads the inventory; on problems prints them and returns undefined. */
function loadOrReport(target: InventoryTarget, out: Output): Inventory | undefined {
  const inventory = loadInventory(target);
  const relevant = inventory.diagnostics.filter((d) => target.requested.has(d.file) || d.file === target.provinceFile);
  if (relevant.length === 0) return inventory;
  for (const d of relevant) out.stdout(formatDiagnostic(d));
  out.stderr(`${relevant.length} problem${relevant.length === 1 ? "" : "s"} found; no plan printed (run communes validate for details)`);
  return undefined;
}

export const planCommand: Command = {
  usage: `  communes plan <commune-file> [--json]
      The commune's zones, VLANs, subnets, gateways, DHCP pools and device addresses.
  communes plan --province <dir> [--csv | --json]
      Every commune's prefixes; --csv for an IPAM import.`,
  run(argv, out) {
    const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, options: { json: { type: "boolean" }, csv: { type: "boolean" }, province: { type: "string" } } });
    return runPlan(positionals, values, out);
  },
};

function runPlan(args: readonly string[], flags: { json?: boolean | undefined; csv?: boolean | undefined; province?: string | undefined }, out: Output): number {
  if (flags.province !== undefined && args.length === 0) {
    const provinceFile = existsSync(flags.province) && statSync(flags.province).isDirectory() ? path.join(flags.province, PROVINCE_FILE) : flags.province;
    const { targets, errors } = discover([path.dirname(provinceFile)], provinceFile);
    if (errors.length > 0 || targets.length === 0) throw new UsageError(errors.join("; ") || `no province at ${flags.province}`);
    const inventory = loadOrReport(targets[0]!, out);
    if (!inventory) return 1;
    if (flags.csv) out.stdout(provinceCsv(inventory.plans));
    else if (flags.json) out.stdout(JSON.stringify(inventory.plans.map(planToJson), null, 2));
    else out.stdout(inventory.plans.map(planText).join("\n\n"));
    return 0;
  }
  if (args.length !== 1) throw new UsageError("plan takes one commune file, or --province <dir>");
  if (flags.csv) throw new UsageError("--csv is for the whole province: communes plan --province <dir> --csv");
  const { targets, errors } = discover(args, flags.province);
  if (errors.length > 0) throw new UsageError(errors.join("; "));
  const target = targets[0]!;
  const file = [...target.requested].find((f) => f !== target.provinceFile);
  if (!file) throw new UsageError(`${args[0]} is not a commune file`);
  const inventory = loadOrReport(target, out);
  if (!inventory) return 1;
  const plan = inventory.plans.find((p) => p.file === file)!;
  out.stdout(flags.json ? JSON.stringify(planToJson(plan), null, 2) : planText(plan));
  return 0;
}
