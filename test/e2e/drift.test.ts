/**
 * `communes drift` end to end: two commune stacks (Thiệu Trung, Thiệu Toán
 * on PPPoE) on one throw-away backend, brought up by the real engine against
 * their labs, then audited through the CLI's main(): clean → 0; changes made
 * by hand on the router, the switch and the endpoint → 1, each named with
 * its recorded and live value, no secret in any output; a stopped switch →
 * could not check (3); both at once across stacks with bounded concurrency
 * → 4; a stack that cannot be opened at all → every device could not check.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { main } from "@communes/cli";
import { LocalWorkspace, PulumiCommand, type Stack } from "@pulumi/pulumi/automation";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCommuneLab, type CommuneLab } from "../harness/commune-lab";
import { startEgressGuard, type EgressGuard } from "../harness/egress-guard";
import { copyInventory, type InventoryCopy } from "../harness/inventory-copy";
import { pulumiEnvFile, pulumiRoot, repoRoot, toolchainPath } from "../harness/toolchain";

const projectDir = path.join(repoRoot, "stacks/commune");
const PPPOE_PASSWORD = "pppoe-s3cret-from-isp";
const ROOM_A = "Hội trường UBND xã Thiệu Trung";

interface Audit {
  status: string;
  stacks: Array<{
    stack: string;
    commune: string;
    status: string;
    errors: string[];
    seconds: number;
    recordedBy?: { kind: string; time: string; commit?: string; uncommitted?: boolean };
    devices: Array<{ name: string; kind: string; status: string; errors: string[]; findings: Array<Record<string, unknown>> }>;
  }>;
}

describe("communes drift against the lab", { timeout: 600_000 }, () => {
  const work = mkdtempSync(path.join(tmpdir(), "communes-drift-"));
  let guard: EgressGuard;
  let inventory: InventoryCopy;
  const labs: CommuneLab[] = [];
  const stacks: Stack[] = [];
  // Numbered so that the backend lists them in this order.
  const names = [`drift-${process.pid}-1-thieu-trung`, `drift-${process.pid}-2-thieu-toan`];
  const saved: Record<string, string | undefined> = {};
  const secrets = ["lab-password", "lab-sip-password", "lab-enable-secret", PPPOE_PASSWORD];

  /** Runs the audit, once with a Markdown report and once with an HTML one; both runs must agree. */
  async function drift(...args: string[]): Promise<{ code: number; stdout: string; stderr: string; json: Audit; markdown: string; html: string }> {
    const runWith = async (format: "md" | "html") => {
      const json = path.join(work, "drift.json");
      const report = path.join(work, `drift.${format}`);
      rmSync(json, { force: true });
      rmSync(report, { force: true });
      let stdout = "";
      let stderr = "";
      const code = await main(["drift", ...args, "--json", json, "--report", report], { stdout: (t) => void (stdout += `${t}\n`), stderr: (t) => void (stderr += `${t}\n`) });
      const text = readFileSync(report, "utf8");
      // Audit reports are the auditor's alone.
      expect([statSync(json).mode & 0o777, statSync(report).mode & 0o777]).toEqual([0o600, 0o600]);
      const everything = [stdout, stderr, readFileSync(json, "utf8"), text].join("\n");
      for (const secret of secrets) expect(everything).not.toContain(secret);
      return { code, stdout, stderr, json: JSON.parse(readFileSync(json, "utf8")) as Audit, text };
    };
    const md = await runWith("md");
    const html = await runWith("html");
    expect({ code: html.code, stacks: html.json.stacks.map(({ seconds: _, ...s }) => s) }).toEqual({ code: md.code, stacks: md.json.stacks.map(({ seconds: _, ...s }) => s) });
    return { code: md.code, stdout: md.stdout, stderr: md.stderr, json: md.json, markdown: md.text, html: html.text };
  }
  const devicesOf = (audit: Audit, stack: string) => Object.fromEntries(audit.stacks.find((s) => s.stack === stack)!.devices.map((d) => [d.name, d]));

  beforeAll(async () => {
    guard = await startEgressGuard();
    const env: Record<string, string> = {
      ...pulumiEnvFile(),
      PATH: toolchainPath(),
      PULUMI_HOME: path.join(work, "home"),
      PULUMI_BACKEND_URL: `file://${work}`,
      PULUMI_CONFIG_PASSPHRASE: "communes-e2e",
      HTTP_PROXY: guard.url,
      HTTPS_PROXY: guard.url,
      NO_PROXY: "127.0.0.1,localhost,::1",
    };
    // main() runs the Pulumi CLI with this process's environment.
    for (const [key, value] of Object.entries(env)) {
      saved[key] = process.env[key];
      process.env[key] = value;
    }
    inventory = copyInventory("thieu-trung.yaml", "thieu-toan.yaml");
    const root = pulumiRoot();
    const pulumiCommand = await PulumiCommand.get(root ? { root } : {});
    for (const [i, example] of ["thieu-trung.yaml", "thieu-toan.yaml"].entries()) {
      const lab = await startCommuneLab(example);
      labs.push(lab);
      const stack = await LocalWorkspace.createStack({ stackName: names[i]!, workDir: projectDir }, { envVars: env, pulumiCommand });
      stacks.push(stack);
      await stack.setAllConfig({ ...lab.config(inventory.communes[i]!), ...(i === 1 ? { pppoePassword: { value: PPPOE_PASSWORD, secret: true } } : {}) });
      await stack.up({ color: "never" });
    }
  }, 300_000);

  afterAll(async () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    for (const stack of stacks) await stack.workspace.removeStack(stack.name, { force: true }).catch(() => undefined);
    for (const lab of labs) await lab.close();
    await guard?.close();
    rmSync(work, { recursive: true, force: true });
    if (inventory) rmSync(inventory.dir, { recursive: true, force: true });
  }, 120_000);

  it("clean stacks: exit 0, every device listed as checked and clean; two stacks audited at once", async () => {
    const run = await drift("--all", "--concurrency", "2");
    expect(run.code).toBe(0);
    expect(run.json.status).toBe("clean");
    expect(run.json.stacks.map((s) => [s.stack, s.commune, s.status])).toEqual([
      [names[0], "xã Thiệu Trung", "clean"],
      [names[1], "xã Thiệu Toán", "clean"],
    ]);
    expect(Object.values(devicesOf(run.json, names[0]!)).map((d) => [d.name, d.kind, d.status])).toEqual([
      ["thieu-trung-r1", "router", "clean"],
      ["thieu-trung-sw1", "switch", "clean"],
      [ROOM_A, "endpoint", "clean"],
    ]);
    expect(run.markdown).toContain("Result: **clean**");
    // What "recorded" means, citable in a dossier: the stack's last operation, its time and the commit it ran from.
    expect(run.json.stacks[0]!.recordedBy).toMatchObject({ kind: "update", time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), commit: expect.stringMatching(/^[0-9a-f]{40}$/) });
    expect(run.markdown).toMatch(/Compared with the state recorded by the update of \d{4}-\d\d-\d\d \d\d:\d\d UTC, from git [0-9a-f]{7}/);
    expect(run.markdown).toContain(`Clean: thieu-trung-r1 (router), thieu-trung-sw1 (switch), ${ROOM_A} (endpoint).`);
    // Both refreshes started before either finished: concurrency 2.
    const lines = run.stderr.trim().split("\n");
    expect(lines.slice(0, 2).every((l) => l.endsWith(": refreshing (preview only)"))).toBe(true);
    expect(lines.slice(2, 4).every((l) => / clean: 3 devices, 0 drifted \(0 findings\), 0 could not be checked/.test(l))).toBe(true);
  });

  it("changes made by hand on the router, the switch and the endpoint: exit 1, each named with recorded and live values", async () => {
    const [lab] = labs;
    const router = lab!.router.device;
    const rows = (menu: string) => router.execute(`${menu}/print`, new Map(), []).rows!;
    const staff = rows("/ip/address").find((a) => a.address === "10.40.7.1/24")!;
    router.execute("/ip/address/set", new Map([[".id", staff[".id"]!], ["comment", "sửa tay"]]), []);
    // An accept rule added by hand at the top, opening the staff LAN to citizens' Wi-Fi.
    const first = rows("/ip/firewall/filter")[0]![".id"]!;
    router.execute("/ip/firewall/filter/add", new Map([["chain", "forward"], ["action", "accept"], ["in-interface", "vlan50-citizen-wifi"], ["out-interface", "vlan20-staff"], ["comment", "thêm bằng tay"], ["place-before", first]]), []);
    // Someone pasted the router's password into a rule: the report must not repeat it.
    router.execute("/ip/firewall/filter/add", new Map([["chain", "input"], ["action", "accept"], ["comment", `tạm lab-password`]]), []);
    // A managed entry deleted by hand.
    const lease = rows("/ip/dhcp-server/lease")[0]!;
    router.execute("/ip/dhcp-server/lease/remove", new Map([[".id", lease[".id"]!]]), []);
    // A user added by hand: /user is no stack's, only the router's export shows it.
    router.execute("/user/add", new Map([["name", "cuadau"], ["group", "full"], ["password", "cua-sau-123"]]), []);
    const sw = lab!.switch.server.device.running;
    sw.vlans.set(99, "rogue");
    sw.ports.get("GigabitEthernet1/0/1")!.description = "Phong khach";
    lab!.endpoint.device.params.set("system.info.systemname", "Phòng họp cũ");

    const run = await drift("--stack", names[0]!);
    expect(run.code).toBe(1);
    expect(run.json.status).toBe("drift");
    const devices = devicesOf(run.json, names[0]!);
    expect(devices["thieu-trung-r1"]!.findings).toEqual([
      // What the rule does: the verifier reads the router as refreshed.
      {
        kind: "reachability",
        property: "reachability IPv4 citizen_wifi → staff",
        recorded: "blocked (the policy does not allow it)",
        live: expect.stringMatching(/^allowed for dns udp\/53, .*smb tcp\/445, .*: accepted by \/ip\/firewall\/filter #0 \(thêm bằng tay\), out by vlan20-staff$/),
      },
      { kind: "changed", resource: "/ip/address", property: 'entries["10.40.7.1/24 vlan20-staff"].comment', recorded: "Mạng cán bộ, công chức", live: "sửa tay" },
      { kind: "missing", resource: "/ip/dhcp-server/lease", property: `entries["${lease["mac-address"]}"]`, recorded: { address: lease.address, "mac-address": lease["mac-address"], server: lease.server, comment: lease.comment, disabled: "false" } },
      { kind: "unmanaged", resource: "/ip/firewall/filter", property: 'entries["tạm [secret]"]', live: { chain: "input", action: "accept", log: "false", comment: "tạm [secret]", disabled: "false" } },
      { kind: "unmanaged", resource: "/ip/firewall/filter", property: 'entries["thêm bằng tay"]', live: { chain: "forward", action: "accept", "in-interface": "vlan50-citizen-wifi", "out-interface": "vlan20-staff", log: "false", comment: "thêm bằng tay", disabled: "false" } },
      // Users are read through the API: the export never lists them.
      { kind: "unmanaged", resource: "/user", property: "entry", live: 'add name=cuadau group=full address="" expired=false disabled=false' },
    ]);
    expect(JSON.stringify(run.json)).not.toContain("cua-sau-123");
    expect(devices["thieu-trung-sw1"]!.findings).toEqual([
      { kind: "changed", property: 'ports["GigabitEthernet1/0/1"].description', recorded: "Phong lam viec", live: "Phong khach" },
      { kind: "unmanaged", property: 'vlans["99"]', live: "rogue" },
    ]);
    expect(devices[ROOM_A]!.findings).toEqual([{ kind: "changed", property: "settings.systemName", recorded: ROOM_A, live: "Phòng họp cũ" }]);
    expect(run.markdown).toContain("## xã Thiệu Trung");
    expect(run.markdown).toContain("| changed | `/ip/address` `entries[\"10.40.7.1/24 vlan20-staff\"].comment` | Mạng cán bộ, công chức | sửa tay |");
    expect(run.markdown).toContain("| unmanaged | `vlans[\"99\"]` | (not managed) | rogue |");
    expect(run.markdown).toContain(`| changed | \`settings.systemName\` | ${ROOM_A} | Phòng họp cũ |`);
    // The HTML page says the same, escaped, self-contained.
    expect(run.html).toMatch(/^<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8">/);
    expect(run.html).toContain('<h2>xã Thiệu Trung (stack <code>');
    expect(run.html).toContain('<tr><td>changed</td><td><code>/ip/address</code> <code>entries[&quot;10.40.7.1/24 vlan20-staff&quot;].comment</code></td><td class="value">Mạng cán bộ, công chức</td><td class="value">sửa tay</td></tr>');
    expect(run.markdown).toContain(`| missing | \`/ip/dhcp-server/lease\` \`entries["${lease["mac-address"]}"]\` |`);
    expect(run.html).toContain('<td class="value">(absent)</td>');
    expect(run.html).not.toMatch(/<script|<link|src=|https?:/);
  });

  it("a switch that cannot be reached is listed as could not check, never clean: exit 3", async () => {
    await labs[1]!.switch.close();
    const run = await drift("--stack", names[1]!);
    expect(run.code).toBe(3);
    expect(run.json.status).toBe("could-not-check");
    const devices = devicesOf(run.json, names[1]!);
    expect(devices["thieu-toan-sw1"]).toMatchObject({ status: "could-not-check", findings: [] });
    expect(devices["thieu-toan-sw1"]!.errors.join("\n")).toMatch(/thieu-toan-sw1: connect ECONNREFUSED 127\.0\.0\.1:\d+/);
    expect(devices["thieu-toan-r1"]!.status).toBe("clean");
    expect(run.markdown).toContain("### thieu-toan-sw1 (switch): could not check");
  });

  it("several stacks one at a time: drift in one, an unreachable device in the other: exit 4", async () => {
    const run = await drift("--all", "--concurrency", "1");
    expect(run.code).toBe(4);
    expect(run.json.stacks.map((s) => s.status)).toEqual(["drift", "could-not-check"]);
    const lines = run.stderr.trim().split("\n");
    expect(lines.slice(0, 4).map((l) => l.replace(/^\[\d\/2\] \S+: (\S+).*$/, "$1"))).toEqual(["refreshing", "drift:", "refreshing", "could-not-check:"]);
    expect(run.markdown).toContain("Result: **drift; some devices could not be checked**");
  });

  it("a router that cannot be reached: one line for it, not one per menu, and no advice to run up", async () => {
    await labs[1]!.router.close();
    const run = await drift("--stack", names[1]!);
    expect(run.code).toBe(3);
    const router = devicesOf(run.json, names[1]!)["thieu-toan-r1"]!;
    expect(router.status).toBe("could-not-check");
    expect(router.errors).toEqual([
      expect.stringMatching(/^router thieu-toan-r1 \(127\.0\.0\.1\): could not read the menu: .*ECONNREFUSED.* \(\d{2} menus\)$/),
      expect.stringMatching(/^thieu-toan-r1: no SSH session with 127\.0\.0\.1:\d+: .*ECONNREFUSED.*; the menus no stack manages were not compared$/),
      expect.stringMatching(/^thieu-toan-r1: could not read its users, scheduler and services: .*ECONNREFUSED/),
    ]);
    expect(JSON.stringify(run.json)).not.toMatch(/run up/);
    expect(run.markdown).not.toMatch(/run up/);
  });

  it("a stack that cannot be opened at all: every device it records could not be checked", async () => {
    process.env.PULUMI_CONFIG_PASSPHRASE = "not-the-passphrase";
    try {
      const run = await drift("--stack", names[0]!);
      expect(run.code).toBe(3);
      const [stack] = run.json.stacks;
      expect(stack!.errors.join("\n")).toMatch(/passphrase/i);
      expect(stack!.devices.map((d) => [d.name, d.status])).toEqual([
        ["thieu-trung-r1", "could-not-check"],
        ["thieu-trung-sw1", "could-not-check"],
        [ROOM_A, "could-not-check"],
      ]);
    } finally {
      process.env.PULUMI_CONFIG_PASSPHRASE = "communes-e2e";
    }
  });

  it("a backend whose stacks cannot be listed: one line saying nothing was checked, exit 3", async () => {
    const backend = process.env.PULUMI_BACKEND_URL;
    process.env.PULUMI_BACKEND_URL = "file:///dev/null/no-state-here";
    try {
      let stderr = "";
      const code = await main(["drift", "--all"], { stdout: () => undefined, stderr: (t) => void (stderr += `${t}\n`) });
      expect(code).toBe(3);
      expect(stderr.trim().split("\n")).toEqual([expect.stringMatching(/^communes: could not list the commune stacks, nothing was checked: .*no-state-here.*not a directory/)]);
    } finally {
      process.env.PULUMI_BACKEND_URL = backend;
    }
  });

  it("user mistakes are one clear line and exit 2", async () => {
    const run = async (...args: string[]) => {
      let stderr = "";
      const code = await main(["drift", ...args], { stdout: () => undefined, stderr: (t) => void (stderr += t) });
      return { code, first: stderr.split("\n")[0] };
    };
    expect(await run()).toEqual({ code: 2, first: "communes: drift needs --stack <name> (repeatable) or --all" });
    expect(await run("--stack", "nowhere")).toEqual({ code: 2, first: `communes: no stack "nowhere" in the commune project (stacks: ${names.join(", ")})` });
    expect(await run("--all", "--concurrency", "0")).toEqual({ code: 2, first: 'communes: --concurrency must be a whole number of at least 1, not "0"' });
    expect(await run("--all", "--report", "audit.pdf")).toEqual({ code: 2, first: 'communes: --report writes Markdown or HTML: give a file ending in .md or .html, not "audit.pdf"' });
    expect(await run("--all", "--bogus")).toMatchObject({ code: 2 });
  });
});
