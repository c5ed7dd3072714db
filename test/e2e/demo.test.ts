/**
 * The README's main command after bootstrap: the Thiệu Trung lab and a real
 * `pulumi up` of its stack, then a preview that must show no changes
 * (scripts/demo-commune.mjs), here on a throw-away state backend.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { expect, it } from "vitest";
import { pulumiEnvFile, repoRoot, toolchainPath } from "../harness/toolchain";

it("the demo brings up Thiệu Trung against its lab and a second preview shows no changes", { timeout: 180_000 }, async () => {
  const state = mkdtempSync(path.join(tmpdir(), "communes-demo-"));
  try {
    const env = {
      ...process.env,
      ...pulumiEnvFile(),
      PATH: toolchainPath(),
      PULUMI_HOME: path.join(state, "home"),
      PULUMI_BACKEND_URL: `file://${state}`,
      PULUMI_CONFIG_PASSPHRASE: "communes-demo-test",
    };
    const child = spawn("node", ["scripts/demo-commune.mjs"], { cwd: repoRoot, env });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code, output).toBe(0);
    const [up = "", again = ""] = output.split("== pulumi preview again");
    expect(up).toMatch(/communes:switch:IosSwitch thieu-trung-sw1 created/);
    expect(up).toMatch(/communes:endpoint:Endpoint Hội trường UBND xã Thiệu Trung created/);
    expect(up).toMatch(/\+  communes:index:CommuneNetwork xã Thiệu Trung create/);
    const created = Number(/\+ (\d+) created/.exec(up)?.[1]);
    expect(created).toBeGreaterThan(30);
    expect(again).toMatch(new RegExp(`\\b${created} unchanged`));
    expect(again).not.toMatch(/to (create|update|delete|replace)/);
    expect(output).not.toMatch(/lab-sip-password|lab-enable-secret/);
  } finally {
    rmSync(state, { recursive: true, force: true });
  }
});
