/**
 * The router's export compared through the provider: in a drift audit's
 * refresh (`pulumi refresh --preview-only` with COMPARE_EXPORT_ENV), the
 * `communes:routeros:ConfigExport` resource reads the router's `/export`
 * and its audited menus with the provider's own credentials and returns
 * what changed by hand in the menus no stack manages as the output
 * `comparison` — the recorded export untouched, the router's password
 * hidden. A plain refresh compares nothing (the export is a record), and a
 * refresh that recorded a comparison leaves later ups with nothing to do.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { main } from "@communes/cli";
import { COMPARE_EXPORT_ENV } from "@communes/provider/export-comparison";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { communeProject, useCommuneStack } from "../harness/commune-stack-fixture";
import { changeCount } from "../harness/pulumi-stack";
import { runCommand } from "../harness/run-command";
import { repoRoot } from "../harness/toolchain";

const CONFIG_EXPORT = "communes:routeros:ConfigExport";

interface Step {
  op: string;
  urn: string;
  newState?: { outputs?: Record<string, unknown> };
}

describe("the router's export compared by the provider during a refresh", { timeout: 300_000 }, () => {
  const fixture = useCommuneStack();
  const work = mkdtempSync(path.join(tmpdir(), "communes-drift-export-"));
  const saved: Record<string, string | undefined> = {};

  /** The Pulumi CLI on the stack, as the drift command runs it. */
  const pulumi = (args: string[], extra: Record<string, string> = {}) =>
    runCommand("bash", [path.join(repoRoot, "scripts/with-toolchain.sh"), "pulumi", ...args, "--stack", fixture.stack.stack.name, "--cwd", communeProject, "--non-interactive"], { env: { ...process.env, ...extra } });
  const exportOutputs = async () => (await fixture.stack.resourceOutputs(CONFIG_EXPORT))[0]!;

  beforeAll(async () => {
    // main() and the CLI runs use this process's environment: the stack's backend, home and passphrase.
    for (const [key, value] of Object.entries(fixture.stack.env)) {
      saved[key] = process.env[key];
      process.env[key] = value;
    }
    await fixture.stack.up();
  }, 240_000);

  afterAll(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    rmSync(work, { recursive: true, force: true });
  });

  it("carries a user added by hand and a port re-described, the record untouched and the password hidden", async () => {
    const lab = fixture.lab;
    const router = lab.router.device;
    router.execute("/user/add", new Map([["name", "cuadau"], ["group", "full"], ["password", "cua-sau-123"]]), []);
    const ether5 = router.execute("/interface/print", new Map(), ["?name=ether5"]).rows![0]!;
    router.execute("/interface/set", new Map([[".id", ether5[".id"]!], ["comment", `camera ${lab.router.password}`]]), []);
    const before = await exportOutputs();

    const run = await pulumi(["refresh", "--preview-only", "--json"], { [COMPARE_EXPORT_ENV]: "1" });
    expect(run.code).toBe(0);
    const steps = (JSON.parse(run.stdout) as { steps: Step[] }).steps.filter((s) => s.urn.endsWith(`${CONFIG_EXPORT}::thieu-trung-r1 before change`));
    expect(steps).toHaveLength(1);
    const outputs = steps[0]!.newState!.outputs!;
    // Every menu is compared (the managed ones too, which the up changed since the export; the audit leaves those to the refresh of the tables).
    const comparison = outputs.comparison as { exportLines: unknown[]; auditedEntries: unknown[]; exportError?: string; auditedError?: string };
    expect(comparison.exportLines).toContainEqual({ menu: "/interface/ethernet", live: 'set [ find default-name=ether5 ] comment="camera [secret]"' });
    expect(comparison.auditedEntries).toContainEqual({ menu: "/user", entry: "cuadau", live: 'name=cuadau group=full address="" expired=false disabled=false' });
    expect(comparison.exportError ?? comparison.auditedError).toBeUndefined();
    // The audit record is kept as it was taken.
    expect({ script: outputs.script, audited: outputs.audited, sha256: outputs.sha256 }).toEqual({ script: before.script, audited: before.audited, sha256: before.sha256 });
    expect(run.stdout).not.toContain(lab.router.password);
    expect(run.stdout).not.toContain("cua-sau-123");

    // The drift audit reports both from those outputs.
    const json = path.join(work, "drift.json");
    const code = await main(["drift", "--stack", fixture.stack.stack.name, "--json", json, "--report", path.join(work, "drift.md")], { stdout: () => undefined, stderr: () => undefined });
    expect(code).toBe(1);
    const report = JSON.parse(readFileSync(json, "utf8")) as { stacks: Array<{ devices: Array<{ name: string; findings: unknown[] }> }> };
    expect(report.stacks[0]!.devices.find((d) => d.name === "thieu-trung-r1")!.findings).toEqual([
      { kind: "unmanaged", resource: "/interface/ethernet", property: "export line", live: 'set [ find default-name=ether5 ] comment="camera [secret]"' },
      { kind: "unmanaged", resource: "/user", property: "entry", live: 'add name=cuadau group=full address="" expired=false disabled=false' },
    ]);
  });

  it("a plain refresh compares nothing; a comparison a refresh recorded is gone after up --refresh, with no new export and nothing left to do", async () => {
    const plain = await pulumi(["refresh", "--preview-only", "--json"]);
    expect(plain.code).toBe(0);
    const step = (JSON.parse(plain.stdout) as { steps: Step[] }).steps.find((s) => s.urn.includes(`${CONFIG_EXPORT}::`))!;
    expect(step.op).toBe("refresh");
    expect(step.newState?.outputs?.comparison).toBeUndefined();

    const before = await exportOutputs();
    const recorded = await pulumi(["refresh", "--yes"], { [COMPARE_EXPORT_ENV]: "1" });
    expect(recorded.code).toBe(0);
    expect((await exportOutputs()).comparison).toMatchObject({ auditedEntries: expect.arrayContaining([expect.objectContaining({ menu: "/user", entry: "cuadau" })]) });
    await fixture.stack.stack.up({ color: "never", refresh: true });
    const after = await exportOutputs();
    expect(after.comparison).toBeUndefined();
    expect({ exportedAt: after.exportedAt, sha256: after.sha256 }).toEqual({ exportedAt: before.exportedAt, sha256: before.sha256 });
    expect(changeCount(await fixture.stack.preview())).toBe(0);
  });
});
