/**
 * The README's main command after bootstrap (scripts/demo-commune.sh), run
 * twice on a throw-away state backend and lab directory: the first run
 * starts the Thiệu Trung lab, creates its lab stack and brings it up; the
 * second finds the lab running and the devices matching, so no changes;
 * after the lab restarts, a third finds the devices as they were; after a
 * factory-new start (--fresh), a fourth configures them again.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, expect, it } from "vitest";
import { looseFiles } from "../harness/loose-files";
import { runCommand } from "../harness/run-command";
import { pulumiEnvFile, repoRoot, toolchainPath } from "../harness/toolchain";

const state = mkdtempSync(path.join(tmpdir(), "communes-demo-"));
const stack = `e2e-demo-${process.pid}`;
const env = {
  ...process.env,
  ...pulumiEnvFile(),
  PATH: toolchainPath(),
  PULUMI_HOME: path.join(state, "home"),
  PULUMI_BACKEND_URL: `file://${state}`,
  PULUMI_CONFIG_PASSPHRASE: "communes-demo-test",
  COMMUNES_LAB_DIR: path.join(state, "lab"),
  COMMUNES_DEMO_STACK: stack,
  // Beside a lab the user may be running, at the same addresses.
  COMMUNES_LAB_PORT_OFFSET: "10000",
};

/** Output as the user sees it: standard output and error together. */
async function run(command: string, args: string[]): Promise<{ code: number; output: string }> {
  const { code, stdout, stderr } = await runCommand(command, args, { cwd: repoRoot, env });
  return { code, output: stdout + stderr };
}

afterAll(async () => {
  await run("node", ["packages/cli/bin/communes", "lab", "stop"]);
  rmSync(state, { recursive: true, force: true });
  rmSync(path.join(repoRoot, "stacks/commune", `Pulumi.${stack}.yaml`), { force: true });
}, 60_000);

it("the demo brings up Thiệu Trung against its lab, and a second run shows no changes", { timeout: 360_000 }, async () => {
  const first = await run("bash", ["scripts/demo-commune.sh"]);
  expect(first.code, first.output).toBe(0);
  expect(first.output).toMatch(/thieu-trung-r1\s+127\.38\.0\.225:18728\s+RouterOS API/);
  expect(first.output).toContain(`stack ${stack} created for xã Thiệu Trung`);
  expect(first.output).toMatch(/communes:switch:IosSwitch thieu-trung-sw1 created/);
  expect(first.output).toMatch(/communes:endpoint:Endpoint Hội trường UBND xã Thiệu Trung created/);
  expect(first.output).toMatch(/\+  communes:index:CommuneNetwork xã Thiệu Trung create/);
  const created = Number(/\+ (\d+) created/.exec(first.output)?.[1]);
  expect(created).toBeGreaterThan(30);
  // The state backend, Pulumi's home and the lab's records and saved devices are the user's alone.
  expect(looseFiles(state)).toEqual([]);

  const status = await run("node", ["packages/cli/bin/communes", "lab", "status"]);
  expect(status.code, status.output).toBe(0);
  expect(status.output).toMatch(/thieu-trung-sw1\s+127\.38\.0\.226:12222\s+SSH\s+up/);

  const second = await run("bash", ["scripts/demo-commune.sh"]);
  expect(second.code, second.output).toBe(0);
  expect(second.output).toMatch(/already running/);
  expect(second.output).not.toMatch(/stack init/);
  expect(second.output).toMatch(new RegExp(`\\b${created} unchanged`));
  expect(second.output).not.toMatch(/\d+ (to create|to update|to delete|created|updated|deleted)/);

  // The devices keep their configuration across a lab restart, as real ones do across a power cut.
  expect((await run("node", ["packages/cli/bin/communes", "lab", "stop"])).code).toBe(0);
  const third = await run("bash", ["scripts/demo-commune.sh"]);
  expect(third.code, third.output).toBe(0);
  expect(third.output).toMatch(/booted with the configuration they kept/);
  expect(third.output).toMatch(new RegExp(`\\b${created} unchanged`));
  expect(third.output).not.toMatch(/\d+ (to create|to update|to delete|created|updated|deleted)/);

  // Factory-new devices have forgotten everything, passwords included: the next run configures them again.
  expect((await run("node", ["packages/cli/bin/communes", "lab", "stop"])).code).toBe(0);
  expect((await run("node", ["packages/cli/bin/communes", "lab", "start", "--fresh", "examples/thanh-hoa/communes/thieu-trung.yaml"])).code).toBe(0);
  const fourth = await run("bash", ["scripts/demo-commune.sh"]);
  expect(fourth.code, fourth.output).toBe(0);
  expect(fourth.output).toMatch(/\d+ updated/);
  expect(fourth.output).toMatch(/communes:endpoint:Endpoint Hội trường UBND xã Thiệu Trung updated/);

  for (const output of [first.output, second.output, third.output, fourth.output]) expect(output).not.toMatch(/lab-password|lab-sip-password|lab-enable-secret/);
});
