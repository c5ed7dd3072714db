// The main job's demo (`npm run demo`), run by scripts/demo.sh once the
// toolchain is ready: starts the lab for the example commune Thiệu Trung
// (its router, switches and meeting-room endpoint, emulated on loopback),
// points the `thieu-trung-lab` stack of stacks/commune at it, runs
// `pulumi up`, then a second preview that must report no changes. The lab
// lives as long as this process, so each run starts from a fresh lab and a
// fresh stack.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const { startCommuneLab } = require("@communes/lab");

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const projectDir = path.join(root, "stacks/commune");
const commune = "examples/thanh-hoa/communes/thieu-trung.yaml";
const stack = "thieu-trung-lab";

/** Runs the Pulumi CLI in the commune project without blocking the lab's servers. */
function pulumi(args, { input, quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn("pulumi", [...args, "--stack", stack, "--non-interactive"], {
      cwd: projectDir,
      stdio: [input === undefined ? "ignore" : "pipe", quiet ? "ignore" : "inherit", "inherit"],
    });
    if (input !== undefined) child.stdin.end(input);
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`pulumi ${args[0]} exited with ${code}`))));
  });
}

function stackExists() {
  return new Promise((resolve) => {
    const child = spawn("pulumi", ["stack", "select", stack, "--non-interactive"], { cwd: projectDir, stdio: "ignore" });
    child.on("exit", (code) => resolve(code === 0));
  });
}

const lab = await startCommuneLab(path.join(root, commune));
try {
  console.log(`== lab for ${commune} (loopback only)`);
  console.log(`   router   ${lab.router.host}:${lab.router.port} (RouterOS API)`);
  for (const [name, sw] of Object.entries(lab.switches)) console.log(`   switch   ${sw.host}:${sw.port} (SSH) ${name}`);
  for (const [name, ep] of Object.entries(lab.endpoints)) console.log(`   endpoint ${ep.host}:${ep.port} (HTTPS) ${name}`);

  // The previous run's stack recorded devices of a lab that is gone.
  // Its settings file may hold a salt from another backend or passphrase.
  if (await stackExists()) await pulumi(["stack", "rm", "--yes", "--force"], { quiet: true });
  rmSync(path.join(projectDir, `Pulumi.${stack}.yaml`), { force: true });
  await pulumi(["stack", "init"], { quiet: true });
  const config = lab.config(path.relative(projectDir, path.join(root, commune)));
  for (const [key, { value, secret }] of Object.entries(config)) {
    // Values go through stdin, never the command line.
    await pulumi(["config", "set", ...(secret ? ["--secret"] : ["--plaintext"]), key], { input: value, quiet: true });
  }

  console.log(`\n== pulumi up (stack ${stack})`);
  await pulumi(["up", "--yes"]);
  console.log("\n== pulumi preview again: the devices match the inventory, so no changes");
  await pulumi(["preview", "--expect-no-changes"]);
} catch (error) {
  console.error(`demo failed: ${error.message}`);
  process.exitCode = 1;
} finally {
  await lab.close();
}
