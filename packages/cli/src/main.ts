/**
 * `communes`: the inventory at the desk. `validate` checks files and prints
 * one line per problem; `plan` prints a commune's or the province's
 * addressing plan. Exit codes: 0 fine, 1 problems found, 2 wrong usage.
 * A mistake in the inventory never produces a stack trace.
 */
import { parseArgs } from "node:util";
import { runPlan } from "./plan-command";
import { runValidate } from "./validate-command";
import { UsageError, type Output } from "./output";

const HELP = `Usage:
  communes validate <file-or-dir>... [--province <file>] [--json]
      Check province and commune files; one line per problem:
      file:line:col path: message. Exit 1 when there is any.
  communes plan <commune-file> [--json]
      The commune's zones, VLANs, subnets, gateways, DHCP pools and device addresses.
  communes plan --province <dir> [--csv | --json]
      Every commune's prefixes; --csv for an IPAM import.

A province directory holds province.yaml and communes/*.yaml; a commune file
belongs to the province.yaml in its directory or above it.`;

export function main(argv: readonly string[], out: Output): number {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        json: { type: "boolean" },
        csv: { type: "boolean" },
        province: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
    const [command, ...rest] = positionals;
    if (values.help || command === undefined || command === "help") {
      out.stdout(HELP);
      return command === undefined && !values.help ? 2 : 0;
    }
    if (command === "validate") return runValidate(rest, values, out);
    if (command === "plan") return runPlan(rest, values, out);
    throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      out.stderr(`communes: ${(err as Error).message}\n\n${HELP}`);
      return 2;
    }
    throw err;
  }
}
