/** `communes pulumi`: the toolchain's Pulumi in the commune project, its arguments, output and exit code untouched. */
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, expect, it } from "vitest";
import { runCommand } from "../harness/run-command";
import { repoRoot } from "../harness/toolchain";

const backend = mkdtempSync(path.join(tmpdir(), "communes-pulumi-"));
const stack = `e2e-pulumi-${randomUUID().slice(0, 8)}`;
const env = { ...process.env, PULUMI_BACKEND_URL: `file://${backend}`, PULUMI_CONFIG_PASSPHRASE: "communes-pulumi-test" };
const communes = (...args: string[]) => runCommand(process.execPath, [path.join(repoRoot, "packages/cli/bin/communes"), "pulumi", ...args], { cwd: tmpdir(), env });

afterAll(() => {
  rmSync(backend, { recursive: true, force: true });
  rmSync(path.join(repoRoot, "stacks/commune", `Pulumi.${stack}.yaml`), { force: true });
});

it("runs in the commune project from any directory, with the pinned CLI", { timeout: 60_000 }, async () => {
  const version = await communes("version");
  expect([version.code, version.stdout.trim()]).toEqual([0, expect.stringMatching(/^v3\.\d+\.\d+$/)]);
  const init = await communes("stack", "init", stack, "--non-interactive");
  expect(init.code, init.stderr).toBe(0);
  const stacks = await communes("stack", "ls", "--json", "--non-interactive");
  expect(JSON.parse(stacks.stdout).map((s: { name: string }) => s.name)).toEqual([stack]);
  // The project is the commune project: its settings file lands there.
  expect(existsSync(path.join(repoRoot, "stacks/commune", `Pulumi.${stack}.yaml`))).toBe(true);
  await communes("stack", "rm", stack, "--yes", "--non-interactive");
});

it("passes --help and failures through as Pulumi's", { timeout: 60_000 }, async () => {
  const help = await communes("preview", "--help");
  expect(help.code).toBe(0);
  expect(help.stdout).toContain("pulumi preview [flags]");
  const wrong = await communes("no-such-command");
  expect(wrong.code).not.toBe(0);
  expect(wrong.stderr).toMatch(/unknown command "no-such-command" for "pulumi"/);
});
