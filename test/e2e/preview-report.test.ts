/**
 * `communes preview-report` end to end: the commune stack up on the real
 * engine against the lab, then three inventory values changed (a zone's
 * DHCP lease time, two ports' zone, the endpoint's E.164 number). The report
 * lists exactly those properties with before → after, their RouterOS, IOS
 * and Poly forms and risk flags, and none of the lab's secrets; with the
 * devices read, what the up does to reachability (a hand-added accept rule
 * it removes); a saved
 * `pulumi preview --json` gives the same report; mistakes get one line.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCommuneLab, type CommuneLab } from "../harness/commune-lab";
import { copyInventory } from "../harness/inventory-copy";
import { TestStack } from "../harness/pulumi-stack";
import { runCommand, type CommandRun } from "../harness/run-command";
import { repoRoot } from "../harness/toolchain";

const projectDir = path.join(repoRoot, "stacks/commune");

describe("communes preview-report against the lab", { timeout: 300_000 }, () => {
  let lab: CommuneLab;
  let stack: TestStack;
  let inventoryDir: string;
  let outDir: string;
  let env: NodeJS.ProcessEnv;
  let secrets: string[];

  /** A command with the test stack's backend, passphrase and Pulumi home. */
  const run = (command: string, args: string[]): Promise<CommandRun> => runCommand(command, args, { cwd: repoRoot, env });
  const communes = (...args: string[]) => run("node", [path.join(repoRoot, "packages/cli/bin/communes"), "preview-report", ...args]);
  /** The report's property rows: `path`, before, after. */
  const rows = (report: string) => report.split("\n").filter((l) => l.startsWith("| `"));

  beforeAll(async () => {
    lab = await startCommuneLab("thieu-trung.yaml");
    const copy = copyInventory("thieu-trung.yaml");
    inventoryDir = copy.dir;
    outDir = mkdtempSync(path.join(tmpdir(), "communes-report-"));
    const config = lab.config(copy.communes[0]!);
    secrets = Object.values(config).filter((c) => c.secret).map((c) => c.value);
    stack = await TestStack.create({ projectDir, config });
    await stack.up();
    env = { ...process.env, ...stack.stack.workspace.envVars };
    const commune = copy.communes[0]!;
    const edit = (file: string, from: string, to: string) => {
      const text = readFileSync(file, "utf8");
      expect(text).toContain(from);
      writeFileSync(file, text.replace(from, to));
    };
    edit(copy.province, "leaseMinutes: 120", "leaseMinutes: 240");
    edit(commune, "GigabitEthernet1/0/13-14], role: access, zone: meeting_room", "GigabitEthernet1/0/13-14], role: access, zone: service_centre");
    edit(commune, 'e164: "380007"', 'e164: "380070"');
  }, 180_000);

  afterAll(async () => {
    await stack?.dispose();
    await lab?.close();
    rmSync(inventoryDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  }, 120_000);

  let live: string;

  it("reports exactly the changed properties, their native form and risk flags, and no secret", async () => {
    const out = path.join(outDir, "report.md");
    const result = await communes("--stack", stack.stack.name, "--out", out);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    live = readFileSync(out, "utf8");
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(live).toContain("Compared with what each stack recorded at its last `up` or refresh; the devices were not read");

    expect(live).toContain(`| xã Thiệu Trung | \`${stack.stack.name}\` | 0 | 3 | 0 | zone change, meeting room |`);
    expect(rows(live)).toEqual([
      "| `entries.dhcp-citizen-wifi.lease-time` | `7200` | `14400` |",
      '| `ports["GigabitEthernet1/0/13"].accessVlan` | `40` | `30` |',
      '| `ports["GigabitEthernet1/0/14"].accessVlan` | `40` | `30` |',
      '| `settings["h323.e164"]` | `380007` | `380070` |',
    ]);
    expect(live).toContain("```routeros\n/ip dhcp-server set [ find name=dhcp-citizen-wifi ] lease-time=14400\n```");
    expect(live).toContain("```\ninterface GigabitEthernet1/0/13\n switchport access vlan 30\nexit\ninterface GigabitEthernet1/0/14\n switchport access vlan 30\nexit\n```");
    expect(live).toContain("Poly API parameters:\n\n```\ncomm.nics.h323nic.h323extension = 380070\n```");
    expect(live).toContain("Before anything changes, thieu-trung-r1's configuration is exported over SSH (`/export`, passwords hidden) and kept in the stack's history.");

    const sections = live.split(/^### /m).slice(1);
    const flagsOf = (device: string) => [...sections.find((s) => s.startsWith(device))!.matchAll(/^- \*\*(.+?)\*\*/gm)].map((m) => m[1]);
    expect(flagsOf("thieu-trung-r1")).toEqual([]);
    expect(flagsOf("thieu-trung-sw1")).toEqual(["zone change", "meeting room"]);
    expect(flagsOf("Hội trường UBND xã Thiệu Trung")).toEqual(["meeting room"]);

    expect(secrets.length).toBeGreaterThanOrEqual(4);
    for (const secret of secrets) expect(live).not.toContain(secret);
  });

  it("gives the same report from a saved pulumi preview --json", async () => {
    const saved = await run("bash", [path.join(repoRoot, "scripts/with-toolchain.sh"), "pulumi", "preview", "--json", "--stack", stack.stack.name, "--cwd", projectDir, "--non-interactive"]);
    expect(saved.code).toBe(0);
    const file = path.join(outDir, "preview.json");
    writeFileSync(file, saved.stdout);
    const result = await communes("--from-json", file);
    expect(result.code).toBe(0);
    const withoutBasis = (report: string) => report.split("\n").filter((l) => !/^(Compared with|Read from saved)/.test(l)).join("\n");
    expect(result.stdout).toContain("Read from saved `pulumi preview --json` output.");
    expect(withoutBasis(result.stdout)).toBe(withoutBasis(`${live}\n`));
  });

  it("with --refresh, reads the devices first: a change made by hand shows, which a plain preview cannot see", async () => {
    const router = lab.router.device;
    router.execute("/system/identity/set", new Map([["name", "đổi tay"]]), []);
    const user = router.execute("/user/add", new Map([["name", "cuadau"], ["group", "full"], ["password", "cua-sau-123"]]), []).ret!;
    // An accept rule added by hand at the top, opening the staff LAN to citizens' Wi-Fi: the up removes it.
    const first = router.execute("/ip/firewall/filter/print", new Map(), []).rows![0]![".id"]!;
    const rule = router.execute("/ip/firewall/filter/add", new Map([["chain", "forward"], ["action", "accept"], ["in-interface", "vlan50-citizen-wifi"], ["out-interface", "vlan20-staff"], ["comment", "mở tay"], ["place-before", first]]), []).ret!;
    try {
      const plain = await communes("--stack", stack.stack.name);
      expect(plain.code).toBe(0);
      expect(plain.stdout).not.toContain("đổi tay");
      const refreshed = await communes("--stack", stack.stack.name, "--refresh");
      expect(refreshed.stderr).toBe("");
      expect(refreshed.code).toBe(0);
      expect(refreshed.stdout).toContain("Compared with what the devices hold now: every device was read first (`pulumi preview --refresh`).");
      expect(rows(refreshed.stdout)).toContain("| `entries.settings.name` | `đổi tay` | `thieu-trung-r1` |");
      expect(refreshed.stdout).toContain("/system identity set name=thieu-trung-r1");
      // A user added by hand: no stack manages /user; the change's export will hold it, so the reviewer sees it now.
      expect(refreshed.stdout).toContain("### thieu-trung-r1: outside the managed menus");
      expect(refreshed.stdout).toContain('```routeros\n+ /user add name=cuadau group=full address="" expired=false disabled=false\n```');
      expect(refreshed.stdout).not.toContain("cua-sau-123");
      expect(plain.stdout).not.toContain("outside the managed menus");
      // What the up does to reachability: it closes the path the hand rule opened, and fixes the policy's isolation check.
      expect(refreshed.stdout).toContain("### thieu-trung-r1: reachability");
      expect(refreshed.stdout).toContain("| IPv4 | citizen_wifi → staff | every service | allowed → **blocked** | dropped by /ip/firewall/filter #");
      expect(refreshed.stdout).toMatch(/^- IPv4 citizen_wifi → staff, not in the policy: must stay blocked \(every service\): accepted by \/ip\/firewall\/filter #0 \(mở tay\), out by vlan20-staff$/m);
      expect(refreshed.stdout).toContain("- **reachability**: cuts IPv4 citizen_wifi → staff for every service");
      // The plain preview compares with what the stack recorded: its router changes (the DHCP lease time) alter no path.
      expect(plain.stdout).toContain("The router's changes alter no reachability");
    } finally {
      router.execute("/system/identity/set", new Map([["name", "thieu-trung-r1"]]), []);
      router.execute("/user/remove", new Map([[".id", user]]), []);
      router.execute("/ip/firewall/filter/remove", new Map([[".id", rule]]), []);
    }
  });

  it("says in one line when a saved preview is unreadable or a stack does not exist", async () => {
    const garbage = path.join(outDir, "garbage.json");
    writeFileSync(garbage, "Previewing update (e2e):\n");
    const unreadable = await communes("--from-json", garbage);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr.trim().split("\n")).toEqual([expect.stringMatching(/garbage\.json is not JSON/)]);

    const missing = await communes("--stack", "no-such-commune", "--out", path.join(outDir, "missing.md"));
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split("\n")[0]).toBe(`communes: no stack "no-such-commune" in the commune project (stacks: ${stack.stack.name})`);

    const usage = await communes("--concurrency", "0", "--all");
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^communes: --concurrency must be a whole number/);
    expect(usage.stderr).not.toMatch(/^\s+at /m);
  });

  it("with --refresh and the router down: the preview fails with one reason for the router, not one per menu", async () => {
    await lab.router.close();
    const down = await communes("--stack", stack.stack.name, "--refresh");
    expect(down.code).toBe(1);
    const line = down.stderr.trim().split("\n").find((l) => l.includes("failed:"))!;
    expect(line).toMatch(/could not read the menu: .*ECONNREFUSED.* \(\d{2} menus\)/);
    expect(line.match(/could not read the menu/g)).toHaveLength(1);
    await stack.forget(); // nothing left to destroy on a router that is gone
  });
});
