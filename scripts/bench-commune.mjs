// Benchmark of one commune's stack (`npm run bench`, after the inventory
// benchmarks): Thiệu Trung against its lab with 20 ms of latency injected
// before every device answer (each RouterOS API sentence, each switch
// command, each endpoint HTTP request). Runs the first `pulumi up`, a no-op
// `pulumi preview` and a `pulumi refresh` on a throw-away backend; for each:
// wall time, peak memory of the whole process tree (CLI, language host,
// program, provider plugins, summed from /proc), and the requests each
// device answered (the emulators' counters). Prints a Markdown table for
// docs/performance.md.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const { startCommuneLab } = require("@communes/lab");

const LATENCY_MS = 20;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const projectDir = path.join(root, "stacks/commune");
const commune = path.join(root, "examples/thanh-hoa/communes/thieu-trung.yaml");
const stack = `bench-${process.pid}`;
const backend = mkdtempSync(path.join(tmpdir(), "communes-bench-"));
const env = { ...process.env, PULUMI_BACKEND_URL: `file://${backend}`, PULUMI_CONFIG_PASSPHRASE: "communes-bench" };

/** Resident memory of a process and all its descendants, in bytes. */
function treeRss(pid) {
  const children = new Map();
  let rss = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ppid = Number(fields[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
      rss.set(Number(entry), Number(fields[21]) * 4096);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const p = stack.pop();
    total += rss.get(p) ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

function pulumi(args, input) {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", [path.join(root, "scripts/with-toolchain.sh"), "pulumi", ...args, "--stack", stack, "--non-interactive"], { cwd: projectDir, env, stdio: ["pipe", "pipe", "pipe"] });
    let output = "";
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, treeRss(child.pid))), 50);
    const started = process.hrtime.bigint();
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.stdin.end(input ?? "");
    child.on("error", reject);
    child.on("close", (code) => {
      clearInterval(sampler);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) reject(new Error(`pulumi ${args.join(" ")} exited with ${code}:\n${output}`));
      else resolve({ ms, peak, output });
    });
  });
}

const lab = await startCommuneLab(commune);
const sw = Object.values(lab.switches)[0];
const ep = Object.values(lab.endpoints)[0];
lab.router.server.setFaults({ latencyMs: LATENCY_MS });
sw.setFaults({ latencyMs: LATENCY_MS });
ep.device.faults = { latencyMs: LATENCY_MS };

function counters() {
  return {
    router: [...lab.router.device.calls.values()].reduce((a, b) => a + b, 0),
    switch: sw.server.commands.length,
    endpoint: ep.device.requests,
  };
}

const rows = [];
try {
  await pulumi(["stack", "init"]);
  for (const [key, { value, secret }] of Object.entries(lab.config(path.relative(projectDir, commune)))) {
    await pulumi(["config", "set", secret ? "--secret" : "--plaintext", key], value);
  }
  for (const [label, args] of [
    ["first `pulumi up`", ["up", "--yes"]],
    ["no-op `pulumi preview`", ["preview", "--expect-no-changes"]],
    ["`pulumi refresh`", ["refresh", "--yes", "--expect-no-changes"]],
  ]) {
    const before = counters();
    const { ms, peak } = await pulumi(args);
    const after = counters();
    rows.push(`| ${label} | ${(ms / 1000).toFixed(1)} s | ${(peak / 2 ** 20).toFixed(0)} MiB | ${after.router - before.router} | ${after.switch - before.switch} | ${after.endpoint - before.endpoint} |`);
  }
  console.log(`Thiệu Trung (router, 1 switch, 1 endpoint; ${LATENCY_MS} ms before every device answer)\n`);
  console.log("| operation | wall time | peak memory (process tree) | router API sentences | switch commands | endpoint HTTP requests |");
  console.log("| --- | --- | --- | --- | --- | --- |");
  for (const row of rows) console.log(row);
} finally {
  await pulumi(["stack", "rm", "--yes", "--force"]).catch(() => undefined);
  rmSync(path.join(projectDir, `Pulumi.${stack}.yaml`), { force: true });
  rmSync(backend, { recursive: true, force: true });
  await lab.close();
}
