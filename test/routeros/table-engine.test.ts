/** The generic table engine against the lab router: read, plan, apply, converge. */
import { applyChanges, canonicalEntry, entryKey, menuTable, planChanges, readTable, RouterOsApiClient, RouterOsRestClient, type RouterOsTransport, type TableState } from "@communes/routeros";
import { startLabRouter, type LabRouter } from "@communes/lab";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

let router: LabRouter;
let client: RouterOsApiClient;

beforeEach(async () => {
  router = await startLabRouter();
  client = new RouterOsApiClient({ host: router.host, port: router.port, username: router.username, password: router.password });
});
afterEach(async () => {
  await client.close();
  await router.close();
});

function desired(path: string, entries: Array<Record<string, string>>, order = false): TableState {
  const table = menuTable(path);
  const out: TableState = { path, entries: {}, ...(order ? { order: [] } : {}) };
  for (const fields of entries) {
    const { entry, problems } = canonicalEntry(table, fields);
    expect(problems).toEqual([]);
    const key = entryKey(table, entry);
    out.entries[key] = entry;
    out.order?.push(key);
  }
  return out;
}

async function converge(state: TableState, transport: RouterOsTransport = client): Promise<number> {
  const table = menuTable(state.path);
  const observed = await readTable(transport, table);
  const changes = planChanges(table, state, observed.state);
  await applyChanges(transport, table, changes, observed.ids);
  return changes.length;
}

describe("table engine", () => {
  it("adds what is missing, then finds nothing to do", async () => {
    const pools = desired("/ip/pool", [
      { name: "staff", ranges: "10.40.7.20-10.40.7.254" },
      { name: "wifi", ranges: "10.44.14.10-10.44.15.254", comment: "Wi-Fi phục vụ người dân" },
    ]);
    expect(await converge(pools)).toBe(2);
    expect(await converge(pools)).toBe(0);
    expect((await readTable(client, menuTable("/ip/pool"))).state).toEqual(pools);
  });

  it("reverts changes made by hand and removes entries it does not own", async () => {
    const pools = desired("/ip/pool", [{ name: "staff", ranges: "10.40.7.20-10.40.7.254" }]);
    await converge(pools);
    const [row] = await client.print("/ip/pool");
    await client.set("/ip/pool", row![".id"], { ranges: "10.40.7.100-10.40.7.110", comment: "by hand" });
    await client.add("/ip/pool", { name: "rogue", ranges: "10.9.9.1-10.9.9.9" });
    const table = menuTable("/ip/pool");
    const observed = await readTable(client, table);
    expect(planChanges(table, pools, observed.state)).toEqual([
      { op: "remove", key: "rogue" },
      { op: "set", key: "staff", values: { ranges: "10.40.7.20-10.40.7.254" }, unset: ["comment"] },
    ]);
    await applyChanges(client, table, planChanges(table, pools, observed.state), observed.ids);
    expect((await readTable(client, table)).state).toEqual(pools);
  });

  it("clears a matcher the inventory stops setting with unset, never with an empty value (binary API and REST)", async () => {
    const path = "/ip/firewall/filter";
    const rule = { chain: "forward", action: "accept", protocol: "udp", "dst-port": "53", "in-interface": "ether1", comment: "dns" };
    const { protocol: _p, "dst-port": _d, "in-interface": _i, ...looser } = rule;
    const table = menuTable(path);
    const rest = await startLabRouter({ tls: true });
    const restClient = new RouterOsRestClient({ host: rest.host, port: rest.restPort, username: rest.username, password: rest.password, tls: { fingerprint256: rest.fingerprint256 } });
    try {
      for (const transport of [client, restClient]) {
        await converge(desired(path, [rule]), transport);
        const observed = await readTable(transport, table);
        const changes = planChanges(table, desired(path, [looser]), observed.state);
        expect(changes).toEqual([{ op: "set", key: expect.any(String), values: {}, unset: ["in-interface", "protocol", "dst-port"] }]);
        await applyChanges(transport, table, changes, observed.ids);
        // The lab refuses an empty protocol or interface as RouterOS does, and keeps an empty text value: none is left.
        const [row] = await transport.print(path);
        for (const name of ["protocol", "dst-port", "in-interface"]) expect(row).not.toHaveProperty(name);
        expect(await converge(desired(path, [looser]), transport)).toBe(0);
      }
    } finally {
      await restClient.close();
      await rest.close();
    }
  });

  it("compares values as the device means them: yes is true, 1d is 24h, sets ignore order", async () => {
    await client.add("/interface/bridge", { name: "bridge" });
    await client.add("/interface/bridge/vlan", { bridge: "bridge", "vlan-ids": "20", tagged: "bridge,ether5" });
    const vlans = desired("/interface/bridge/vlan", [{ bridge: "bridge", "vlan-ids": "20", tagged: "ether5,bridge" }]);
    expect(await converge(vlans)).toBe(0);
    const bridges = desired("/interface/bridge", [{ name: "bridge", "vlan-filtering": "no" }]);
    expect(await converge(bridges)).toBe(0);
    await client.add("/ip/dhcp-server", { name: "staff", interface: "ether2", "lease-time": "1d" });
    expect(await converge(desired("/ip/dhcp-server", [{ name: "staff", interface: "ether2", "lease-time": "24h" }]))).toBe(0);
  });

  it("restores the order of an ordered menu with one move", async () => {
    const rules = desired(
      "/ip/firewall/filter",
      [
        { chain: "forward", action: "accept", "connection-state": "established,related", comment: "communes: established" },
        { chain: "forward", action: "accept", "src-address": "10.40.7.0/24", comment: "communes: staff to internet" },
        { chain: "forward", action: "drop", comment: "communes: drop the rest" },
      ],
      true,
    );
    await converge(rules);
    const rows = await client.print("/ip/firewall/filter");
    await client.move("/ip/firewall/filter", [rows[2]![".id"]!], rows[0]![".id"]);
    const table = menuTable("/ip/firewall/filter");
    const observed = await readTable(client, table);
    expect(observed.state.order).toEqual(["communes: drop the rest", "communes: established", "communes: staff to internet"]);
    const changes = planChanges(table, rules, observed.state);
    expect(changes).toEqual([{ op: "move", keys: rules.order }]);
    await applyChanges(client, table, changes, observed.ids);
    expect((await readTable(client, table)).state).toEqual(rules);
  });

  it("sets singletons and fixed entries, never adding or removing them", async () => {
    const identity = desired("/system/identity", [{ name: "UBND xã Thiệu Trung" }]);
    expect(await converge(identity)).toBe(1);
    expect((await client.print("/system/identity"))[0]!.name).toBe("UBND xã Thiệu Trung");
    const services = desired("/ip/service", [{ name: "telnet", disabled: "yes" }, { name: "api-ssl", address: "172.16.1.0/24,10.38.0.224/27" }]);
    expect(await converge(services)).toBe(2);
    expect(await converge(services)).toBe(0);
    expect((await client.print("/ip/service")).length).toBe(8);
  });
});

describe("write-only fields", () => {
  it("compares a password with what was last written, since the device never shows it", async () => {
    const table = menuTable("/interface/pppoe-client");
    const wanted = desired("/interface/pppoe-client", [{ name: "pppoe-out1", interface: "ether2", user: "u@fiber", password: "one" }]);
    expect(await converge(wanted)).toBe(1);
    const observed = await readTable(client, table);
    expect(observed.state.entries["pppoe-out1"]).not.toHaveProperty("password");
    expect(planChanges(table, wanted, observed.state, wanted)).toEqual([]);
    const rotated = desired("/interface/pppoe-client", [{ name: "pppoe-out1", interface: "ether2", user: "u@fiber", password: "two" }]);
    expect(planChanges(table, rotated, observed.state, wanted)).toEqual([{ op: "set", key: "pppoe-out1", values: { password: "two" }, unset: [] }]);
  });
});

describe("ordered menus from scratch", () => {
  it("adds rules in the wanted order, whatever the order of the entries map", () => {
    const table = menuTable("/ip/firewall/filter");
    const state: TableState = {
      path: table.path,
      entries: { b: { chain: "forward", comment: "b" }, a: { chain: "forward", comment: "a" } },
      order: ["b", "a"],
    };
    const changes = planChanges(table, state, { path: table.path, entries: {}, order: [] });
    expect(changes.map((c) => (c.op === "add" ? c.key : c.op))).toEqual(["b", "a"]);
  });
});

describe("a field whose default differs per entry (each service its own port)", () => {
  it("leaves a service's own port out of the canonical form, keeps another one, and moves a service back to its own port", async () => {
    const services = menuTable("/ip/service");
    expect(canonicalEntry(services, { name: "api-ssl", port: "8729" }).entry).toEqual({ name: "api-ssl" });
    expect(canonicalEntry(services, { name: "api-ssl", port: "18729" }).entry).toEqual({ name: "api-ssl", port: "18729" });
    // On the lab router: move api to 18728, then ask for its own port back.
    await applyChanges(client, services, planChanges(services, desired("/ip/service", [{ name: "api", port: "18728" }]), (await readTable(client, services)).state), (await readTable(client, services)).ids);
    const moved = await readTable(client, services);
    expect(moved.state.entries.api).toEqual({ name: "api", port: "18728" });
    const back = planChanges(services, desired("/ip/service", [{ name: "api" }]), moved.state);
    expect(back).toEqual([{ op: "set", key: "api", values: { port: "8728" }, unset: [] }]);
    await applyChanges(client, services, back, moved.ids);
    expect((await readTable(client, services)).state.entries.api).toEqual({ name: "api" });
  });
});
