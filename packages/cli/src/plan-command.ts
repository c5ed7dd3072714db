/** `communes plan`: one commune's plan, or the whole province's prefixes. */
import * as path from "node:path";
import { existsSync, statSync } from "node:fs";
import { discover, PROVINCE_FILE } from "@communes/inventory";
import { parseArgs } from "node:util";
import type { Command } from "./commands";
import { loadCommune, loadOrReport } from "./load-inventory";
import { UsageError, type Output } from "./output";
import { planToJson } from "./plan-json";
import { planText } from "./plan-text";
import { provinceCsv } from "./plan-csv";

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
    const inventory = loadOrReport(targets[0]!, out, "no plan printed");
    if (!inventory) return 1;
    if (flags.csv) out.stdout(provinceCsv(inventory.plans));
    else if (flags.json) out.stdout(JSON.stringify(inventory.plans.map(planToJson), null, 2));
    else out.stdout(inventory.plans.map(planText).join("\n\n"));
    return 0;
  }
  if (args.length !== 1) throw new UsageError("plan takes one commune file, or --province <dir>");
  if (flags.csv) throw new UsageError("--csv is for the whole province: communes plan --province <dir> --csv");
  const loaded = loadCommune(args[0]!, out, "no plan printed", flags.province);
  if (!loaded) return 1;
  const { plan } = loaded;
  out.stdout(flags.json ? JSON.stringify(planToJson(plan), null, 2) : planText(plan));
  return 0;
}
