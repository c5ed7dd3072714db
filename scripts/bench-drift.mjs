// Benchmark of the drift audit (never part of `npm test`): for each size
// asked (default 10 and 50 communes), the labs of that many example communes
// in this process, their stacks on a throw-away backend brought up first,
// then the wall time of `communes drift --all` as a user runs it. Everything
// is removed at the end. Figures go to docs/performance.md.
//
//   bash scripts/with-toolchain.sh node scripts/bench-drift.mjs [--sizes 10,50] [--concurrency 4]
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, tmpdir, totalmem } from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const require = createRequire(import.meta.url);
const { startCommuneLab } = require("@communes/lab");
const { LocalWorkspace } = require("@pulumi/pulumi/automation");

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const projectDir = path.join(root, "stacks/commune");
const communesDir = path.join(root, "examples/thanh-hoa/communes");
const { values } = parseArgs({ options: { sizes: { type: "string", default: "10,50" }, concurrency: { type: "string", default: "4" } } });
const sizes = values.sizes.split(",").map(Number);

/** Runs `work` over `items`, at most `limit` at a time. */
async function eachLimit(items, limit, work) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}

function timedDrift(env) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn("node", [path.join(root, "packages/cli/bin/communes"), "drift", "--all", "--concurrency", values.concurrency], { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, seconds: Number(process.hrtime.bigint() - start) / 1e9, last: stderr.trim().split("\n").at(-1) }));
  });
}

async function bench(size) {
  const work = mkdtempSync(path.join(tmpdir(), "communes-bench-drift-"));
  const env = { ...process.env, PULUMI_BACKEND_URL: `file://${work}`, PULUMI_HOME: path.join(work, "home"), PULUMI_CONFIG_PASSPHRASE: "communes-bench" };
  const files = readdirSync(communesDir).filter((f) => f.endsWith(".yaml")).sort().slice(0, size);
  const labs = [];
  const stacks = [];
  try {
    const setupStart = Date.now();
    for (const file of files) labs.push(await startCommuneLab(path.join(communesDir, file)));
    await eachLimit(files.map((file, i) => [file, labs[i]]), 2, async ([file, lab]) => {
      const commune = path.join(communesDir, file);
      const stack = await LocalWorkspace.createStack({ stackName: `bench-${file.replace(/\.yaml$/, "")}`, workDir: projectDir }, { envVars: env });
      stacks.push(stack);
      const pppoe = /type: pppoe/.test(readFileSync(commune, "utf8")) ? { pppoePassword: { value: "bench-pppoe", secret: true } } : {};
      await stack.setAllConfig({ ...lab.config(path.relative(projectDir, commune)), ...pppoe });
      await stack.up({ color: "never" });
    });
    console.log(`${size} communes: labs started and stacks up in ${((Date.now() - setupStart) / 1000).toFixed(0)} s`);
    const run = await timedDrift(env);
    console.log(`${size} communes: communes drift --all --concurrency ${values.concurrency}: ${run.seconds.toFixed(1)} s, exit ${run.code} (${run.last})`);
    return run;
  } finally {
    for (const stack of stacks) await stack.workspace.removeStack(stack.name, { force: true }).catch(() => undefined);
    for (const lab of labs) await lab.close();
    rmSync(work, { recursive: true, force: true });
  }
}

const results = [];
for (const size of sizes) results.push([size, await bench(size)]);
console.log(`\nmachine: ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}; concurrency ${values.concurrency}`);
for (const [size, run] of results) console.log(`  ${size} communes: ${run.seconds.toFixed(1)} s (${(run.seconds / size).toFixed(2)} s per commune)`);
