/**
 * The commune stack's router, end to end: the Thiệu Trung inventory drives
 * the real Pulumi engine against the lab router (api-ssl). up → no-change
 * preview → one inventory value changed previews as exactly that property →
 * changes made on the router show in refresh → up restores → destroy. A bad
 * inventory and a lock-out are refused before anything is touched.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { exportValue, type LabRouter } from "@communes/lab";
import { startCommuneLab, type CommuneLab } from "../harness/commune-lab";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyInventory, type InventoryCopy } from "../harness/inventory-copy";
import { changeCount, TestStack } from "../harness/pulumi-stack";
import { repoRoot } from "../harness/toolchain";

const projectDir = path.join(repoRoot, "stacks/commune");

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, "utf8");
  if (!text.includes(from)) throw new Error(`${from} not in ${file}`);
  writeFileSync(file, text.replace(from, to));
}

describe("the commune stack's router against the lab", { timeout: 300_000 }, () => {
  let lab: CommuneLab;
  let router: LabRouter;
  let stack: TestStack;
  let inventory: InventoryCopy & { commune: string };
  const rows = (menu: string) => router.device.execute(`${menu}/print`, new Map(), []).rows!;

  beforeAll(async () => {
    lab = await startCommuneLab("thieu-trung.yaml", { routerTls: true });
    router = lab.router;
    const copy = copyInventory("thieu-trung.yaml");
    inventory = { ...copy, commune: copy.communes[0]! };
    stack = await TestStack.create({ projectDir, config: lab.config(inventory.commune) });
  }, 60_000);

  afterAll(async () => {
    await stack?.dispose();
    await lab?.close();
    rmSync(inventory.dir, { recursive: true, force: true });
  }, 120_000);

  it("up configures the router from the inventory; a second preview shows no changes", async () => {
    router.device.calls.clear();
    const up = await stack.up();
    const calls = Object.fromEntries(router.device.calls);
    console.log(up.stdout.split("\n").slice(-12).join("\n"));
    console.log(`API calls for the first up: ${Object.values(calls).reduce((a, b) => a + b, 0)} ${JSON.stringify(calls)}`);
    expect(rows("/system/identity")[0]!.name).toBe("thieu-trung-r1");
    expect(rows("/system/note")[0]).toMatchObject({ note: "xã Thiệu Trung", "show-at-login": "true" });
    expect(rows("/interface/vlan").map((v) => v.name).sort()).toEqual(["vlan10-management", "vlan20-staff", "vlan30-service-centre", "vlan40-meeting-room", "vlan50-citizen-wifi"]);
    expect(rows("/ip/firewall/filter").at(-1)!.comment).toBe("communes: drop everything else");
    expect(rows("/queue/tree").find((q) => q.name === "dedicated")!["max-limit"]).toBe("10000000");
    expect(rows("/ip/service").find((s) => s.name === "telnet")!.disabled).toBe("true");
    // One print per menu; the services twice: the audit trail reads them with the export, before the table changes them.
    expect(Object.entries(calls).filter(([c, n]) => c.endsWith("/print") && n !== 1)).toEqual([["/ip/service/print", 2]]);
    expect(router.server.connections).toBe(1); // one pooled connection for all 34 tables and the audit trail

    router.device.calls.clear();
    const preview = await stack.preview();
    expect(changeCount(preview)).toBe(0);
    expect(router.device.calls.size).toBe(0);
  });

  it("one changed inventory value previews as exactly that property", async () => {
    edit(inventory.commune, "  - name: Màn hình xếp hàng một cửa", "  - name: Màn hình gọi số một cửa");
    const preview = await stack.preview();
    const changed = preview.steps.filter((s) => s.op !== "same");
    expect(changed.map((s) => [s.urn.split("::").pop(), Object.keys(s.detailedDiff)])).toEqual([
      ["thieu-trung-r1 before change", ["trigger"]],
      ["thieu-trung-r1/ip/dhcp-server/lease", ['entries["00:16:3E:38:00:07"].comment']],
    ]);
    // Someone typed the router's password into a port comment: the export must not keep it.
    const ether5 = router.device.execute("/interface/print", new Map(), ["?name=ether5"]).rows![0]!;
    router.device.execute("/interface/set", new Map([[".id", ether5[".id"]!], ["comment", `pw=${router.password}`]]), []);
    router.device.calls.clear();
    await stack.up();
    // The lease, and the audit trail's reading of the menus /export never lists, taken with the new export.
    const audited = Object.fromEntries(["/user", "/user/group", "/user/ssh-keys", "/system/scheduler", "/system/script", "/ip/service"].map((m) => [`${m}/print`, 1]));
    expect(Object.fromEntries(router.device.calls)).toEqual({ ...audited, "/ip/dhcp-server/lease/print": 1, "/ip/dhcp-server/lease/set": 1 });
    expect(rows("/ip/dhcp-server/lease")[0]!.comment).toBe("Màn hình gọi số một cửa");
    // The audit trail: the configuration exported over SSH before the lease changed.
    const exported = await stack.resourceOutputs("communes:routeros:ConfigExport");
    expect(exported).toHaveLength(1);
    // As RouterOS writes it: long lines wrapped, every byte of a Vietnamese letter escaped.
    const script = String(exported[0]!.script).replace(/\\\n {4}/g, "");
    expect(script).toContain(`comment=${exportValue("Màn hình xếp hàng một cửa", false)}`);
    expect(script).not.toContain(exportValue("Màn hình gọi số một cửa", false));
    expect(script).not.toContain(router.password);
    expect(script).toContain('comment="pw=[secret]"');
    router.device.execute("/interface/set", new Map([[".id", ether5[".id"]!], ["comment", ""]]), []);
  });

  it("refresh reports exactly the changes made on the router, and up restores them", async () => {
    const staff = rows("/ip/address").find((a) => a.address === "10.40.7.1/24")!;
    router.device.execute("/ip/address/set", new Map([[".id", staff[".id"]!], ["comment", "sửa tay"]]), []);
    router.device.execute("/ip/firewall/filter/add", new Map([["chain", "forward"], ["action", "accept"], ["comment", `added by hand, pw=${router.password}`], ["place-before", rows("/ip/firewall/filter")[0]![".id"]!]]), []);
    router.device.execute("/interface/vlan/add", new Map([["name", "vlan99-rogue"], ["vlan-id", "99"], ["interface", "bridge"]]), []);
    router.device.calls.clear();
    const refresh = await stack.refresh();
    const refreshCalls = Object.fromEntries(router.device.calls);
    console.log(`API calls for refresh: ${Object.values(refreshCalls).reduce((a, b) => a + b, 0)}`);
    expect(Object.keys(refreshCalls).every((c) => c.endsWith("/print")) && Object.values(refreshCalls).every((n) => n === 1)).toBe(true);
    expect(Object.keys(refreshCalls)).toHaveLength(34);
    const drifted = refresh.outcomes.filter((s) => s.op === "update").map((s) => s.urn.split("::").pop()).sort();
    expect(drifted).toEqual(["thieu-trung-r1/interface/vlan", "thieu-trung-r1/ip/address", "thieu-trung-r1/ip/firewall/filter"]);
    // The password typed into the rule's comment is hidden in what the refresh shows and records.
    expect(JSON.stringify(refresh)).not.toContain(router.password);
    expect(JSON.stringify(refresh.outcomes)).toContain("added by hand, pw=[secret]");
    expect(JSON.stringify(await stack.resourceOutputs("communes:routeros:Table"))).not.toContain(router.password);

    await stack.up();
    expect(rows("/interface/vlan").map((v) => v.name)).not.toContain("vlan99-rogue");
    expect(rows("/ip/firewall/filter").map((r) => r.comment ?? "").filter((c) => c.startsWith("added by hand"))).toEqual([]);
    expect(rows("/ip/address").find((a) => a.address === "10.40.7.1/24")!.comment).toBe("Mạng cán bộ, công chức");
    expect(changeCount(await stack.refresh())).toBe(0);
  });

  it("refuses a bad inventory before touching anything, with file:line:col", async () => {
    edit(inventory.commune, "kind: xã", "kind: xa");
    router.device.calls.clear();
    const failure = await stack.preview().then(() => new Error("preview succeeded"), (e: unknown) => e as Error);
    expect(failure.message).toMatch(/thieu-trung\.yaml:7:7 kind: "xa" is not allowed/);
    expect(failure.message).not.toMatch(/^\s+at /m);
    expect(router.device.calls.size).toBe(0);
    edit(inventory.commune, "kind: xa", "kind: xã");
  });

  it("refuses, at preview, a policy that would lock the NOC out", async () => {
    const flow = "  - from: noc\n    to: [management]\n    description: Devices are managed from the provincial NOC only.\n";
    edit(inventory.province, flow, "");
    const failure = await stack.preview().then(() => new Error("preview succeeded"), (e: unknown) => e as Error);
    expect(failure.message).toMatch(/refused: this change would cut the NOC's management path to thieu-trung-r1/);
    edit(inventory.province, "  - from: management\n", `${flow}  - from: management\n`); // back where it was: order is part of the firewall
    expect(changeCount(await stack.preview())).toBe(0);
  });

  it("refuses, at preview, a NOC prefix that would leave this stack's own address outside the router's managers", async () => {
    const right = "prefixes: [172.16.1.0/24, 2001:db8:ff00:1::/64]";
    edit(inventory.province, right, "prefixes: [172.16.9.0/24, 2001:db8:ff00:9::/64]");
    const failure = await stack.preview().then(() => new Error("preview succeeded"), (e: unknown) => e as Error);
    // The lab's client is the NOC's real first address (its stack's operatorAddress): the router would refuse it.
    expect(failure.message).toMatch(/refused: this change would cut the NOC's management path to thieu-trung-r1/);
    expect(failure.message).toMatch(/this stack connects from 172\.16\.1\.1 \(government\) to the router \(api-ssl\): government → router tcp\/8729: dropped by \/ip\/firewall\/filter #\d+ \(communes: router: drop everything else\)/);
    edit(inventory.province, "prefixes: [172.16.9.0/24, 2001:db8:ff00:9::/64]", right);
    expect(changeCount(await stack.preview())).toBe(0);
  });

  it("destroy removes what it created; the identity stays", async () => {
    await stack.destroy();
    expect(rows("/interface/vlan")).toEqual([]);
    expect(rows("/ip/firewall/filter")).toEqual([]);
    expect(rows("/ip/address")).toEqual([]);
    expect(rows("/system/identity")[0]!.name).toBe("thieu-trung-r1");
    expect(stack.egress.attempts).toEqual([]);
  });
});

describe("connection dropped at several points of the commune's first up", { timeout: 300_000 }, () => {
  for (const commands of [10, 60, 120]) {
    it(`on command ${commands}: that up fails, the next converges with nothing duplicated or lost`, async () => {
      const lab = await startCommuneLab("thieu-trung.yaml");
      const router = lab.router;
      const inventory = copyInventory("thieu-trung.yaml");
      const stack = await TestStack.create({ projectDir, config: lab.config(inventory.communes[0]!) });
      try {
        router.server.setFaults({ dropOnCommand: commands });
        await expect(stack.up()).rejects.toThrow(/connection (lost|closed by the router).*run up again to finish/);
        router.server.setFaults({});
        await stack.up();
        const count = (menu: string) => router.device.execute(`${menu}/print`, new Map(), []).rows!.filter((r) => r.default !== "true" && r.builtin !== "true").length;
        expect(count("/interface/vlan")).toBe(5);
        expect(count("/ip/address")).toBe(6);
        expect(count("/ip/firewall/filter")).toBe(22);
        expect(count("/ipv6/firewall/filter")).toBe(20);
        expect(count("/ip/dhcp-server")).toBe(4);
        expect(changeCount(await stack.refresh())).toBe(0);
        expect(changeCount(await stack.preview())).toBe(0);
      } finally {
        await stack.dispose();
        await lab.close();
        rmSync(inventory.dir, { recursive: true, force: true });
      }
    });
  }
});

describe("a commune on PPPoE", { timeout: 300_000 }, () => {
  it("sets the line's password from the stack's secret, keeps it secret, and shows no drift for it", async () => {
    const lab = await startCommuneLab("thieu-toan.yaml");
    const router = lab.router;
    const { dir, communes } = copyInventory("thieu-toan.yaml");
    const stack = await TestStack.create({
      projectDir,
      config: { ...lab.config(communes[0]!), pppoePassword: { value: "pppoe-s3cret-from-isp", secret: true } },
    });
    try {
      const up = await stack.up();
      const pppoe = router.device.execute("/interface/pppoe-client/print", new Map(), []).rows!;
      expect(pppoe).toEqual([expect.objectContaining({ name: "pppoe-out1", user: "thieu-toan@fiber" })]);
      expect(JSON.stringify(pppoe)).not.toContain("pppoe-s3cret-from-isp"); // write-only on the device too
      expect(up.stdout).not.toContain("pppoe-s3cret-from-isp");
      expect(await stack.storedState()).not.toContain("pppoe-s3cret-from-isp");
      expect(changeCount(await stack.refresh())).toBe(0);
      expect(changeCount(await stack.preview())).toBe(0);
    } finally {
      await stack.dispose();
      await lab.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
