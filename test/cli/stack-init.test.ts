/**
 * `communes stack init` on a throw-away backend: a bad inventory or a
 * missing secret creates nothing; secrets from COMMUNES_SECRET_* land
 * encrypted (never in plain text in the settings file); an existing stack is
 * not touched.
 */
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { copyInventory } from "../harness/inventory-copy";
import { repoRoot } from "../harness/toolchain";
import { runCli } from "../harness/run-cli";

const backend = mkdtempSync(path.join(tmpdir(), "communes-stack-init-"));
process.env.PULUMI_BACKEND_URL = `file://${backend}`;
process.env.PULUMI_CONFIG_PASSPHRASE = "communes-stack-init-test";
const inventory = copyInventory("thieu-quang.yaml");
const commune = inventory.communes[0]!;
const stack = `e2e-init-${randomUUID().slice(0, 8)}`;
const settingsFile = path.join(repoRoot, "stacks/commune", `Pulumi.${stack}.yaml`);
const secrets: Record<string, string> = {
  COMMUNES_SECRET_ROUTER_PASSWORD: "r-Đặng-7731",
  COMMUNES_SECRET_SWITCH_PASSWORD: "s-pass-5521",
  COMMUNES_SECRET_SWITCH_ENABLE_SECRET: "en-9932",
  COMMUNES_SECRET_ENDPOINT_PASSWORD: "ep-4410",
  COMMUNES_SECRET_SIP_PASSWORD: "sip-8826",
  COMMUNES_SECRET_PPPOE_PASSWORD: "ppp-3317",
};

const run = (...args: string[]) => runCli(args);

afterAll(() => {
  rmSync(settingsFile, { force: true });
  rmSync(backend, { recursive: true, force: true });
  rmSync(inventory.dir, { recursive: true, force: true });
});

describe("communes stack init", { timeout: 60_000 }, () => {
  it("refuses a bad inventory with located errors and creates nothing", async () => {
    const bad = path.join(inventory.dir, "communes", "bad.yaml");
    writeFileSync(bad, readFileSync(commune, "utf8").replace(/^kind: .*$/m, "kind: huyện"));
    const result = await run("stack", "init", bad, "--stack", stack);
    rmSync(bad);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/bad\.yaml:\d+:\d+ kind: "huyện" is not allowed/);
    expect(result.stderr).toMatch(/no stack created/);
    expect(existsSync(settingsFile)).toBe(false);
  });

  it("refuses to store real passwords under the demo's public passphrase, and creates nothing", async () => {
    Object.assign(process.env, secrets);
    for (const passphrase of [undefined, "communes-local-demo"]) {
      if (passphrase === undefined) delete process.env.PULUMI_CONFIG_PASSPHRASE;
      else process.env.PULUMI_CONFIG_PASSPHRASE = passphrase;
      const result = await run("stack", "init", commune, "--stack", stack);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`^communes: stack ${stack} would hold the commune's device passwords encrypted with a passphrase everyone knows: PULUMI_CONFIG_PASSPHRASE (is not set|is the demo's public communes-local-demo).*; no stack created\n$`));
      expect(existsSync(settingsFile)).toBe(false);
    }
    process.env.PULUMI_CONFIG_PASSPHRASE = "communes-stack-init-test";
  });

  it("without a value for every secret, names the missing ones and creates nothing", async () => {
    Object.assign(process.env, secrets);
    delete process.env.COMMUNES_SECRET_SIP_PASSWORD;
    const result = await run("stack", "init", commune, "--stack", stack);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no value for sipPassword \(set COMMUNES_SECRET_SIP_PASSWORD/);
    expect(existsSync(settingsFile)).toBe(false);
  });

  it("creates the stack with the inventory path and every secret encrypted", async () => {
    Object.assign(process.env, secrets);
    const result = await run("stack", "init", commune, "--stack", stack);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`next: npx communes pulumi preview --refresh --stack ${stack}`);
    const settings = readFileSync(settingsFile, "utf8");
    expect(settings).toContain(`commune:inventory: ${path.relative(path.join(repoRoot, "stacks/commune"), commune)}`);
    for (const name of ["routerPassword", "switchPassword", "switchEnableSecret", "endpointPassword", "sipPassword", "pppoePassword"]) {
      expect(settings).toMatch(new RegExp(`commune:${name}:\\n\\s+secure: v1:`));
    }
    for (const value of Object.values(secrets)) expect(settings).not.toContain(value);
  });

  it("leaves an existing stack alone", async () => {
    const before = readFileSync(settingsFile, "utf8");
    const result = await run("stack", "init", commune, "--stack", stack);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`stack ${stack} already exists`));
    expect(readFileSync(settingsFile, "utf8")).toBe(before);
  });
});
