/**
 * Who the lab router lets in, as RouterOS decides it: `/ip service`'s
 * address lists and the input chain, for a client whose address and
 * interface the test chooses. Then the lock-out the guard exists for: the
 * Thiệu Trung intent applied with a wrong NOC prefix, or with no NOC flow,
 * the guard bypassed, leaves the NOC unable to open the next connection.
 */
import { discover, loadInventory, parseAddress, type ProvinceModel } from "@communes/inventory";
import { routerIntent, type RouterIntent } from "@communes/intent";
import { applyChanges, byStage, canonicalEntry, entryKey, menuTable, planChanges, readTable, RouterOsApiClient, type TableState } from "@communes/routeros";
import { startLabRouter, type LabRouter } from "@communes/lab";
import { communeSite, managementPathProblems, routerConfig, service, Verifier } from "@communes/verify";
import { afterEach, describe, expect, it } from "vitest";

let router: LabRouter;
afterEach(async () => router?.close());

const api = () => new RouterOsApiClient({ host: router.host, port: router.port, username: router.username, password: router.password, timeoutMs: 3000 });

async function connects(): Promise<boolean> {
  const client = api();
  try {
    await client.print("/system/identity");
    return true;
  } catch {
    return false;
  } finally {
    await client.close();
  }
}

const run = (command: string, attributes: Record<string, string>) => router.device.execute(command, new Map(Object.entries(attributes)), []);

describe("the lab router's admission of a new connection", () => {
  it("takes a client only from the service's address list", async () => {
    router = await startLabRouter();
    router.device.client = { address: "172.16.1.1", interface: "ether1" };
    const apiId = router.device.execute("/ip/service/print", new Map(), ["?name=api"]).rows![0]![".id"]!;
    run("/ip/service/set", { ".id": apiId, address: "10.38.0.224/27,172.16.1.0/24" });
    expect(await connects()).toBe(true);
    router.device.client = { address: "203.0.113.9", interface: "ether2" };
    expect(await connects()).toBe(false);
    expect(router.device.lastRefusal).toBe("203.0.113.9 is not in api's address list (10.38.0.224/27,172.16.1.0/24)");
  });

  it("walks the input chain in order: the first matching rule decides", async () => {
    router = await startLabRouter();
    router.device.client = { address: "172.16.1.1", interface: "ether1" };
    run("/ip/firewall/address-list/add", { list: "managers", address: "172.16.1.0/24" });
    run("/ip/firewall/filter/add", { chain: "input", action: "accept", "connection-state": "established,related" });
    run("/ip/firewall/filter/add", { chain: "input", action: "accept", protocol: "tcp", "dst-port": "22,8728", "src-address-list": "managers", comment: "managers" });
    run("/ip/firewall/filter/add", { chain: "input", action: "drop", comment: "drop the rest" });
    expect(await connects()).toBe(true);
    router.device.client = { address: "172.16.2.1", interface: "ether1" };
    expect(await connects()).toBe(false);
    expect(router.device.lastRefusal).toBe('the input chain\'s rule "drop the rest" drops 172.16.2.1 to port 8728');
    // A negated matcher: everything but the managers is dropped first.
    router.device.client = { address: "172.16.1.1", interface: "ether1" };
    const first = router.device.execute("/ip/firewall/filter/print", new Map(), []).rows![0]![".id"]!;
    run("/ip/firewall/filter/add", { chain: "input", action: "drop", "src-address-list": "!managers", "place-before": first, comment: "not a manager" });
    expect(await connects()).toBe(true);
    router.device.client = { address: "172.16.2.1", interface: "ether1" };
    expect(await connects()).toBe(false);
    expect(router.device.lastRefusal).toBe('the input chain\'s rule "not a manager" drops 172.16.2.1 to port 8728');
  });
});

describe("the lock-out the guard prevents", () => {
  const file = "examples/thanh-hoa/communes/thieu-trung.yaml";
  const { targets } = discover([file]);
  const inventory = loadInventory(targets[0]!);
  const commune = inventory.communes.find((c) => c.file === file)!;
  const plan = inventory.plans.find((p) => p.file === file)!;
  const noc = { address: "172.16.1.1", interface: commune.uplinks.dedicated.interface };

  function state(path: string, entries: Array<Record<string, string>>): TableState {
    const table = menuTable(path);
    const out: TableState = { path, entries: {}, ...(table.ordered ? { order: [] } : {}) };
    for (const fields of entries) {
      const key = entryKey(table, canonicalEntry(table, fields).entry);
      out.entries[key] = canonicalEntry(table, fields).entry;
      out.order?.push(key);
    }
    return out;
  }

  /** Applies an intent over one API session, stage by stage, as `up` would with the guard out of the way. */
  async function applyBypassingTheGuard(intent: RouterIntent): Promise<void> {
    const client = api();
    try {
      for (const stage of byStage(intent.tables)) {
        for (const t of stage) {
          const table = menuTable(t.path);
          const observed = await readTable(client, table);
          await applyChanges(client, table, planChanges(table, state(t.path, t.entries), observed.state), observed.ids);
        }
      }
    } finally {
      await client.close();
    }
  }

  const withNoc = (province: ProvinceModel, prefixes: string[]): ProvinceModel => ({ ...province, destinations: province.destinations.map((d) => (d.name === "noc" ? { ...d, prefixes } : d)) });

  it("the intent as the inventory says: the NOC still connects after it", { timeout: 30_000 }, async () => {
    router = await startLabRouter();
    router.device.client = noc;
    const intent = routerIntent(inventory.province!, commune, plan, "api");
    expect(intent.lockout).toEqual([]);
    await applyBypassingTheGuard(intent);
    expect(await connects()).toBe(true);
  });

  it("a wrong NOC prefix: the router refuses the NOC's next connection", { timeout: 30_000 }, async () => {
    router = await startLabRouter();
    router.device.client = noc;
    const province = withNoc(inventory.province!, ["172.16.9.0/24", "2001:db8:ff00:1::/64"]);
    const intent = routerIntent(province, commune, plan, "api");
    // With the guard on and the stack's own address known, the preview refuses it first.
    expect(managementPathProblems(province, commune, plan, { transport: "api", operator: { family: 4, value: 0xac100101n } })).toEqual([
      "this stack connects from 172.16.1.1 (government) to the router (api): government → router tcp/8728: dropped by /ip/firewall/filter #7 (communes: router: drop everything else)",
    ]);
    await applyBypassingTheGuard(intent);
    expect(await connects()).toBe(false);
    expect(router.device.lastRefusal).toMatch(/^172\.16\.1\.1 is not in api's address list/);
  });

  it("the lab's admission and the verifier, written apart, agree on who reaches the router's services", { timeout: 30_000 }, async () => {
    router = await startLabRouter();
    router.device.client = noc;
    const intent = routerIntent(inventory.province!, commune, plan, "api");
    await applyBypassingTheGuard(intent);
    const config = routerConfig(intent.tables);
    const verifier = new Verifier(config, communeSite(inventory.province!, commune, plan, config));
    const clients = [
      { place: "noc", address: "172.16.1.1", interface: "ether1" },
      { place: "soc", address: "172.16.2.7", interface: "ether1" },
      { place: "management", address: "10.38.0.230", interface: "vlan10-management" },
      { place: "staff", address: "10.40.7.50", interface: "vlan20-staff" },
      { place: "citizen_wifi", address: "10.44.14.9", interface: "vlan50-citizen-wifi" },
      { place: "internet", address: "198.51.100.7", interface: "ether2" },
    ];
    const verdicts = clients.flatMap((c) =>
      (["api", "ssh", "winbox", "api-ssl"] as const).map((name) => {
        router.device.client = { address: c.address, interface: c.interface };
        const lab = router.device.admits(name, undefined);
        const parsed = parseAddress(c.address);
        const verified = parsed.ok && verifier.reach({ place: c.place, address: parsed.value }, { place: "router" }, service(name), 4).allowed;
        return `${c.place} ${name}: lab ${lab ? "admits" : "refuses"}, verifier ${verified ? "admits" : "refuses"}`;
      }),
    );
    expect(verdicts.filter((v) => !/lab (\w+), verifier \1$/.test(v))).toEqual([]);
    // Not everything agrees trivially: the managers get in, the others do not, API-SSL is off (this stack uses the API).
    expect(verdicts.filter((v) => v.includes("lab admits"))).toEqual(["noc api: lab admits, verifier admits", "noc ssh: lab admits, verifier admits", "noc winbox: lab admits, verifier admits", "management api: lab admits, verifier admits", "management ssh: lab admits, verifier admits", "management winbox: lab admits, verifier admits"]);
  });

  it("no flow from the NOC to the management zone: the guard refuses it first; bypassed, the router locks the NOC out", { timeout: 30_000 }, async () => {
    router = await startLabRouter();
    router.device.client = noc;
    const province = { ...inventory.province!, flows: inventory.province!.flows.filter((f) => !f.to.includes("management")) };
    const intent = routerIntent(province, commune, plan, "api");
    expect(intent.lockout.join("\n")).toMatch(/no flow of the province's policy reaches the management zone/);
    await applyBypassingTheGuard(intent);
    expect(await connects()).toBe(false);
  });
});
