/**
 * `communes adopt` end to end, on the real engine against the lab: an office
 * configured by hand (here by a stack that is then lost, its inventory file
 * deleted) is read back into a commune file that validates and plans like
 * the original, imported into a new stack without a single write to the
 * router or the switch, after which a preview shows no changes. A change
 * made by hand on the devices is reported as an unintended change, and
 * nothing is imported.
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discover, loadInventory, type CommunePlan } from "@communes/inventory";
import { LAB_SIP_PASSWORD, showRunningConfig } from "@communes/lab";
import { startCommuneLab, type CommuneLab } from "../harness/commune-lab";
import { copyInventory, type InventoryCopy } from "../harness/inventory-copy";
import { changeCount, TestStack } from "../harness/pulumi-stack";
import { runCommand, type CommandRun } from "../harness/run-command";
import { repoRoot } from "../harness/toolchain";

const projectDir = path.join(repoRoot, "stacks/commune");
const cli = path.join(repoRoot, "packages/cli/dist/cli.js");

function communes(args: string[], env: Record<string, string>): Promise<CommandRun> {
  return runCommand(process.execPath, [cli, ...args], { env: { ...process.env, ...env } });
}

function planOf(file: string): CommunePlan {
  const { targets } = discover([file]);
  const inventory = loadInventory(targets[0]!);
  return inventory.plans.find((p) => p.file === file)!;
}

/** An office of the example Thiệu Trung configured "by hand": a stack brings it up, then is lost with its inventory file. */
async function handConfiguredOffice(): Promise<{ lab: CommuneLab; copy: InventoryCopy; original: string; created: number }> {
  const lab = await startCommuneLab("thieu-trung.yaml");
  const copy = copyInventory("thieu-trung.yaml");
  const original = copy.communes[0]!;
  const hand = await TestStack.create({ projectDir, config: lab.config(original) });
  const up = await hand.up();
  await hand.forget();
  return { lab, copy, original, created: up.changes.create ?? 0 };
}

function adoptArgs(lab: CommuneLab, provinceDir: string, stack?: string): string[] {
  return [
    "adopt", provinceDir,
    "--code", "38008",
    ...["xã Thiệu Viên", "xã Thiệu Lý", "xã Thiệu Vận", "xã Thiệu Trung"].flatMap((m) => ["--merged-from", m]),
    "--router", `${lab.router.host}:${lab.router.port}`, "--router-transport", "api", "--router-model", "RB5009UG+S+IN",
    "--router-host-key", lab.router.sshHostKeyFingerprint, "--router-ssh-port", String(lab.router.sshPort),
    "--switch", `host=${lab.switch.host}:${lab.switch.port},hostKey=${lab.switch.hostKeyFingerprint},model=Catalyst 2960-X 24`,
    "--endpoint", `vendor=poly,host=${lab.endpoint.host}:${lab.endpoint.port},tls=${lab.endpoint.fingerprint256},model=G7500,room=Hội trường UBND`,
    // RouterOS's own account, kept: adopt asks for every user, key, job and script no inventory describes.
    "--accept", "/user admin",
    ...(stack ? ["--stack", stack] : []),
  ];
}

/** The lab's passwords, as the environment variables adopt reads them from. */
function passwords(lab: CommuneLab, file: string): Record<string, string> {
  const config = lab.config(file);
  return {
    COMMUNES_SECRET_ROUTER_PASSWORD: lab.router.password,
    COMMUNES_SECRET_SWITCH_PASSWORD: lab.switch.password,
    COMMUNES_SECRET_SWITCH_ENABLE_SECRET: String(config.switchEnableSecret!.value),
    COMMUNES_SECRET_ENDPOINT_PASSWORD: lab.endpoint.password,
    COMMUNES_SECRET_SIP_PASSWORD: LAB_SIP_PASSWORD,
  };
}

const writes = (lab: CommuneLab) => [...lab.router.device.calls.entries()].filter(([call]) => !call.endsWith("/print"));

describe("communes adopt against a lab office configured by hand", { timeout: 600_000 }, () => {
  let lab: CommuneLab;
  let copy: InventoryCopy;
  let original: string;
  let originalPlan: CommunePlan;
  let created: number;
  let stack: TestStack;

  beforeAll(async () => {
    ({ lab, copy, original, created } = await handConfiguredOffice());
    originalPlan = planOf(original);
    rmSync(original);
    stack = await TestStack.create({ projectDir });
  }, 300_000);

  afterAll(async () => {
    await stack?.dispose();
    await lab?.close();
    if (copy) rmSync(copy.dir, { recursive: true, force: true });
  }, 120_000);

  it("refuses a stack whose secrets would be under the demo's public passphrase, before reading anything", async () => {
    lab.router.device.calls.clear();
    const run = await communes(adoptArgs(lab, copy.dir, "thieu-trung"), { ...stack.env, ...passwords(lab, original), PULUMI_CONFIG_PASSPHRASE: "communes-local-demo" });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^communes: stack thieu-trung would hold the commune's device passwords encrypted with a passphrase everyone knows: .*; nothing was read or written\n$/);
    expect(lab.router.device.calls.size).toBe(0);
    expect(existsSync(original)).toBe(false);
  });

  it("lists a user added by hand on the router, to be accepted by name, and writes nothing until it is", async () => {
    const user = lab.router.device.execute("/user/add", new Map([["name", "cuadau"], ["group", "full"], ["password", "cua-sau-123"]]), []).ret!;
    try {
      const run = await communes(adoptArgs(lab, copy.dir), passwords(lab, original));
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('on the router, in no inventory: /user add name=cuadau group=full address="" expired=false disabled=false (keep it with --accept "/user cuadau", or remove it from the router)');
      expect(run.stdout).not.toContain("/user admin");
      expect(run.stdout).not.toContain("cua-sau-123");
      expect(run.stderr).toBe("communes: 1 entry of the router's users, keys, scheduler or scripts to accept one by one; nothing was written\n");
      expect(existsSync(original)).toBe(false);
    } finally {
      lab.router.device.execute("/user/remove", new Map([[".id", user]]), []);
    }
  });

  it("writes a commune file that validates and plans like the lost one, imports without writing to the devices, and a preview then shows no changes", async () => {
    lab.router.device.calls.clear();
    const switchBefore = showRunningConfig(lab.switch.server.device.running);
    const endpointBefore = [...lab.endpoint.device.params];
    const env = { ...stack.env, ...passwords(lab, original) };

    const run = await communes(adoptArgs(lab, copy.dir, stack.stack.name), env);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain("unintended change");
    expect(run.stdout).toContain("set on import: Hội trường UBND xã Thiệu Trung: settings[\"sip.password\"] set (cannot be read back)");
    expect(run.stdout).toContain(`stack ${stack.stack.name}: the devices are imported; a preview shows no changes`);

    // The file: schema line, Vietnamese text, valid with the province, the same plan.
    expect(existsSync(original)).toBe(true);
    const text = readFileSync(original, "utf8");
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=" + path.relative(path.dirname(original), path.join(repoRoot, "schemas/commune.schema.json")));
    expect(text).toContain("systemName: Hội trường UBND xã Thiệu Trung");
    expect(text).toContain(`hostKey: ${lab.router.sshHostKeyFingerprint}`);
    for (const secret of Object.values(passwords(lab, original))) expect(text).not.toContain(secret);
    const validate = await communes(["validate", original], {});
    expect([validate.code, validate.stdout]).toEqual([0, ""]);
    expect(planOf(original)).toEqual(originalPlan);

    // The import only read: nothing changed on the router or the switch; the endpoint holds what it held.
    expect(writes(lab)).toEqual([]);
    expect(showRunningConfig(lab.switch.server.device.running)).toBe(switchBefore);
    expect([...lab.endpoint.device.params]).toEqual(endpointBefore);

    // The adopted stack: every device resource in it, a preview with no changes, no secret in clear.
    const preview = await stack.preview();
    expect(changeCount(preview)).toBe(0);
    expect(created).toBeGreaterThan(30);
    expect(preview.changes.same).toBe(created);
    const state = await stack.storedState();
    for (const secret of Object.values(passwords(lab, original))) expect(state).not.toContain(secret);
    expect(stack.egress.attempts).toEqual([]);
  });
});

describe("communes adopt with a change made by hand on the devices", { timeout: 600_000 }, () => {
  let lab: CommuneLab;
  let copy: InventoryCopy;
  let original: string;

  beforeAll(async () => {
    ({ lab, copy, original } = await handConfiguredOffice());
    rmSync(original);
  }, 300_000);

  afterAll(async () => {
    await lab?.close();
    if (copy) rmSync(copy.dir, { recursive: true, force: true });
  }, 120_000);

  it("a wrong password, a wrong host key or a missing password variable is one line naming the device", async () => {
    const env = passwords(lab, original);
    const wrongPassword = await communes(adoptArgs(lab, copy.dir), { ...env, COMMUNES_SECRET_ROUTER_PASSWORD: "not-the-password" });
    expect(wrongPassword.code).toBe(1);
    expect(wrongPassword.stderr).toMatch(new RegExp(`^communes: router ${lab.router.host}:${lab.router.port}: .*\n$`));
    const args = adoptArgs(lab, copy.dir).map((a) => a.replace(lab.switch.hostKeyFingerprint, "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
    const wrongKey = await communes(args, env);
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stderr).toMatch(new RegExp(`^communes: switch ${lab.switch.host}:${lab.switch.port}: the SSH host key of ${lab.switch.host} is SHA256:\\S+, not the pinned SHA256:A{43}; refusing to connect.*\n$`));
    const missing = await communes(adoptArgs(lab, copy.dir), { ...env, COMMUNES_SECRET_ENDPOINT_PASSWORD: "" });
    expect(missing.code).toBe(2);
    expect(missing.stderr.split("\n")[0]).toBe("communes: endpoint: set COMMUNES_SECRET_ENDPOINT_PASSWORD (the endpointPassword secret) or run on a terminal; passwords are never taken on the command line");
    for (const run of [wrongPassword, wrongKey, missing]) expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(original)).toBe(false);
  });

  it("lists each deviation with the device, property, live and intended values, and imports nothing", async () => {
    const rows = (menu: string) => lab.router.device.execute(`${menu}/print`, new Map(), []).rows!;
    lab.router.device.execute("/ip/firewall/filter/add", new Map([["chain", "input"], ["action", "accept"], ["protocol", "tcp"], ["dst-port", "8291"], ["comment", `winbox tạm thời pw=${lab.router.password}`], ["place-before", rows("/ip/firewall/filter")[0]![".id"]!]]), []);
    lab.switch.server.device.running.vlans.set(99, "camera");
    lab.router.device.calls.clear();

    const run = await communes(adoptArgs(lab, copy.dir, "never-created"), { ...passwords(lab, original), PULUMI_CONFIG_PASSPHRASE: "communes-e2e" });
    expect(run.code).toBe(1);
    const lines = run.stdout.split("\n");
    // The router's password, typed into the rule's comment, is hidden.
    expect(lines).toContain("unintended change: router thieu-trung-r1: /ip/firewall/filter winbox tạm thời pw=[secret]: on the device chain=input action=accept protocol=tcp dst-port=8291 log=false comment=winbox tạm thời pw=[secret] disabled=false; not in the file, so the first up would remove it");
    expect(run.stdout + run.stderr).not.toContain(lab.router.password);
    expect(lines).toContain('unintended change: switch thieu-trung-sw1: vlan 99: on the device "camera"; not in the file, so the first up would remove it');
    expect(lines.filter((l) => l.startsWith("unintended change:"))).toHaveLength(2);
    expect(run.stderr).toContain("communes: 2 unintended changes: decide on each (change the device or the file), then import; nothing was imported");
    // The file is written for review; no stack was made and nothing was written to the devices.
    expect(existsSync(original)).toBe(true);
    expect(existsSync(path.join(projectDir, "Pulumi.never-created.yaml"))).toBe(false);
    expect(writes(lab)).toEqual([]);

    // Adopting it again, now that the province has its file: refused, naming that file.
    const other = path.join(path.dirname(original), "other.yaml");
    const again = await communes([...adoptArgs(lab, copy.dir), "--out", other], passwords(lab, original));
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^communes: the province already has xã Thiệu Trung \(code \d+\) in .*thieu-trung\.yaml; .*nothing was written\n$/);
    expect(existsSync(other)).toBe(false);
  });
});
