/** `communes verify`: each commune's reachability checked against the province's policy and the configuration's own needs. */
import { discover, loadInventory, parseAddress } from "@communes/inventory";
import { matrixText, parseRouterScript, serviceText, verifyCommune, type Check, type CommuneVerification } from "@communes/verify";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { Command } from "../commands";
import { loadOrReport } from "../load-inventory";
import { UsageError, type Output } from "../output";

export const verifyCommand: Command = {
  usage: `  communes verify <file-or-dir>... [--province <file>] [--router-script <file.rsc>] [--operator <address>] [--matrix] [--json]
      For each commune, compute which zone reaches what through its router
      (IPv4 and IPv6, per service) and check it: every flow of the policy
      gets through, nothing else does, and what the configuration needs (the
      DNS and NTP it hands out, the endpoints' servers, the managers' way to
      every device) is reachable. --router-script checks an exported or
      rendered RouterOS script instead of the inventory's configuration (one
      commune); --operator adds the address this stack connects from, which
      must keep its way to the router. Exit 1 when a check fails.`,
  run(argv, out) {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { json: { type: "boolean" }, matrix: { type: "boolean" }, province: { type: "string" }, "router-script": { type: "string" }, operator: { type: "string" } },
    });
    return runVerify(positionals, values, out);
  },
};

interface Flags {
  json?: boolean | undefined;
  matrix?: boolean | undefined;
  province?: string | undefined;
  "router-script"?: string | undefined;
  operator?: string | undefined;
}

function runVerify(args: readonly string[], flags: Flags, out: Output): number {
  if (args.length === 0) throw new UsageError("verify needs at least one commune file or directory");
  const operator = flags.operator === undefined ? undefined : parseAddress(flags.operator);
  if (operator && !operator.ok) throw new UsageError(`--operator ${flags.operator}: ${operator.reason}`);
  const { targets, errors } = discover(args, flags.province);
  if (errors.length > 0) throw new UsageError(errors.join("; "));
  const results: CommuneVerification[] = [];
  for (const target of targets) {
    const inventory = loadOrReport(target, out, "nothing verified");
    if (!inventory) return 1;
    for (const commune of inventory.communes.filter((c) => target.requested.has(c.file))) {
      const plan = inventory.plans.find((p) => p.file === commune.file)!;
      results.push(verifyCommune(inventory.province!, commune, plan, operator?.ok ? { operator: operator.value } : {}));
    }
  }
  const script = flags["router-script"];
  if (script !== undefined) {
    if (results.length !== 1) throw new UsageError(`--router-script checks one commune's router; ${results.length} communes were given`);
    const text = readScript(script);
    const only = targets.flatMap((t) => loadInventory(t).communes.filter((c) => t.requested.has(c.file)))[0]!;
    const inventory = loadInventory(targets[0]!);
    results[0] = verifyCommune(inventory.province!, only, inventory.plans.find((p) => p.file === only.file)!, { given: { config: parseRouterScript(text), source: script }, ...(operator?.ok ? { operator: operator.value } : {}) });
  }
  if (flags.json) out.stdout(JSON.stringify({ communes: results.map((r) => jsonResult(r, flags.matrix === true)) }, null, 2));
  else for (const r of results) printResult(r, flags.matrix === true, results.length === 1, out);
  const failed = results.filter((r) => r.checks.some((c) => c.status === "failed")).length;
  if (!flags.json && results.length > 1) out.stderr(failed === 0 ? `ok: ${results.length} communes verified, every check passed` : `${failed} of ${results.length} communes fail a check`);
  return failed === 0 ? 0 : 1;
}

function readScript(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (err) {
    throw new UsageError(`--router-script ${file}: ${(err as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (err as Error).message}`);
  }
}

const count = (checks: readonly Check[], status: Check["status"]) => checks.filter((c) => c.status === status).length;

function printResult(r: CommuneVerification, withMatrix: boolean, detailed: boolean, out: Output): void {
  const failed = count(r.checks, "failed");
  const unchecked = count(r.checks, "unchecked");
  const head = failed === 0 ? `${r.checks.length - unchecked} checks passed` : `${failed} of ${r.checks.length} checks failed`;
  out.stdout(`${r.commune} (${r.file}): ${head}${unchecked > 0 ? `, ${unchecked} not checked` : ""} — ${r.source}`);
  // Flow and isolation failures of one pair that share a reason are one line, with their services.
  const lines = new Map<string, string[]>();
  // A province's "not checked" lines (host names) are the same in every commune: shown for one commune only.
  for (const c of r.checks.filter((x) => x.status === "failed" || (x.status === "unchecked" && detailed))) {
    const label = c.status === "failed" ? "FAILED" : "not checked";
    const key = c.kind === "requirement" ? `  ${label} ${c.kind} IPv${c.family} ${c.what} — ${c.reason}` : `  ${label} ${c.kind} IPv${c.family} ${c.from} → ${c.to} {services} — ${c.reason}`;
    lines.set(key, [...(lines.get(key) ?? []), c.kind === "requirement" ? "" : c.service.protocol === "icmp" ? c.service.name : `${c.service.name} (${serviceText(c.service)})`]);
  }
  for (const [key, services] of lines) out.stdout(key.replace("{services}", services.join(", ")));
  if (withMatrix) out.stdout(matrixText(r.matrix));
}

function jsonResult(r: CommuneVerification, withMatrix: boolean): unknown {
  const check = (c: Check) => ({ kind: c.kind, status: c.status, family: c.family, from: c.from, to: c.to, service: c.service.name, protocol: c.service.protocol, port: c.service.port, what: c.what, reason: c.reason });
  return {
    commune: r.commune,
    file: r.file,
    source: r.source,
    summary: { checks: r.checks.length, failed: count(r.checks, "failed"), unchecked: count(r.checks, "unchecked") },
    problems: r.checks.filter((c) => c.status !== "ok").map(check),
    ...(withMatrix
      ? { matrix: r.matrix.map((c) => ({ family: c.family, from: c.from, to: c.to, service: c.service.name, allowed: c.reach.allowed, reason: c.reach.reason, ...(c.reach.rule ? { rule: c.reach.rule } : {}) })) }
      : {}),
  };
}
