/**
 * The third-party tools the lab is checked with, as Debian packages them
 * (scripts/test-tools.sh installs them; `npm test` runs it): Debian's own
 * interpreter (where python3-netmiko, python3-librouteros and ansible live,
 * not a pyenv or venv python on PATH) and ansible-playbook. A missing tool
 * fails the test that needs it, with what to run; it never skips it.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

export const run = promisify(execFile);
export const PYTHON = "/usr/bin/python3";
export const PLAYBOOK = "/usr/bin/ansible-playbook";

/** Fails when Debian's ansible or the Python module is missing; returns a scratch directory for the test's files. */
export async function requireTools(pythonModule: string, prefix: string): Promise<string> {
  const missing = "is missing: run scripts/test-tools.sh (npm test runs it) to install the Debian packages the tool tests use";
  await run(PYTHON, ["-c", `import ${pythonModule}`]).catch(() => {
    throw new Error(`${pythonModule} (${PYTHON} -c "import ${pythonModule}") ${missing}`);
  });
  await run(PLAYBOOK, ["--version"]).catch(() => {
    throw new Error(`${PLAYBOOK} ${missing}`);
  });
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes an inventory and a playbook into `dir`, runs ansible-playbook on them, and returns its output; a failed run throws with Ansible's own output. */
export async function runPlaybook(dir: string, name: string, inventory: string, playbook: string, timeoutMs = 240_000): Promise<string> {
  const [inventoryFile, playbookFile] = [join(dir, `${name}.ini`), join(dir, `${name}.yml`)];
  writeFileSync(inventoryFile, inventory);
  writeFileSync(playbookFile, playbook);
  const env = { ...process.env, ANSIBLE_HOST_KEY_CHECKING: "False", ANSIBLE_NOCOLOR: "1", ANSIBLE_PERSISTENT_COMMAND_TIMEOUT: "60" };
  const result = await run(PLAYBOOK, ["-i", inventoryFile, playbookFile], { env, timeout: timeoutMs }).catch((e: { stdout?: string; stderr?: string; message: string }) => {
    throw new Error(`ansible-playbook failed:\n${e.stdout ?? e.message}\n${e.stderr ?? ""}`);
  });
  return result.stdout;
}
