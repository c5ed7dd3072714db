/**
 * Lint of the provider's menu tables, and a cross-check with the lab's
 * device tables: the provider must expect the defaults the device prints.
 */
import { fieldDefault, MENU_TABLES, normalise } from "@communes/routeros";
import { RouterOsDevice } from "@communes/lab";
import { describe, expect, it } from "vitest";

describe("menu tables", () => {
  it("have unique paths", () => {
    const paths = MENU_TABLES.map((t) => t.path);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it.each(MENU_TABLES.map((t) => [t.path, t] as const))("%s is consistent", (_path, table) => {
    for (const key of table.key) expect(table.fields, `key ${key}`).toHaveProperty(key);
    expect(table.kind === "singleton").toBe(table.key.length === 0);
    if (table.ordered) expect(table.kind).toBe("list");
    if (table.kind === "fixed") expect(table.ownership).toBe("merge");
    for (const [name, field] of Object.entries(table.fields)) {
      expect(normalise(field.normalise, normalise(field.normalise, field.default)), name).toBe(normalise(field.normalise, field.default));
    }
  });

  it.each(MENU_TABLES.map((t) => [t.path, t] as const))("%s: the lab device prints the defaults the table expects", (_path, table) => {
    const device = new RouterOsDevice();
    const template: Record<string, string> = {};
    // A minimal valid entry: the key fields and what the device requires.
    const samples: Record<string, string> = {
      name: "x", interface: "ether1", bridge: "bridge1", "vlan-ids": "10", "vlan-id": "10", address: "10.0.0.1/24", list: "l",
      chain: "forward", comment: "c", ranges: "10.0.0.10-10.0.0.20", "dst-address": "10.1.0.0/16", gateway: "10.0.0.254",
      parent: "global", topics: "info", action: "memory", "mac-address": "00:11:22:33:44:55", target: "memory", request: "address",
    };
    if (table.kind === "singleton" || table.kind === "fixed") {
      // Every entry of a fixed menu (each service its own port), the one of a singleton.
      for (const row of device.execute(`${table.path}/print`, new Map(), []).rows!) {
        for (const [name, field] of Object.entries(table.fields)) {
          if (table.key.includes(name)) continue;
          expect(normalise(field.normalise, row[name] ?? ""), `${row.name ?? ""} ${name}`).toBe(normalise(field.normalise, fieldDefault(field, row)));
        }
      }
      return;
    }
    if (table.path.startsWith("/interface/bridge/")) device.execute("/interface/bridge/add", new Map([["name", "bridge1"]]), []);
    if (table.path === "/interface/list/member") device.execute("/interface/list/add", new Map([["name", "l"]]), []);
    const required = ["name", "interface", "bridge", "vlan-ids", "vlan-id", "address", "list", "chain", "ranges", "dst-address", "parent", "topics", "action", "mac-address", "request"];
    for (const f of required) if (f in table.fields || (table.path === "/ip/dhcp-server/lease" && f === "address")) template[f] = samples[f]!;
    if (table.path === "/ip/dhcp-server/network") template.address = "10.0.0.0/24";
    if (table.path === "/ip/dhcp-server/lease") template.address = "10.0.0.5";
    if (table.path.includes("address-list")) template.address = "10.0.0.0/24";
    if (table.path.startsWith("/ip/firewall") || table.path.startsWith("/ipv6/firewall/filter")) delete template.action;
    if (table.path === "/system/logging") template.action = "memory";
    if (table.path === "/ipv6/address") template.address = "2001:db8::1/64";
    if (table.path === "/ipv6/route") template["dst-address"] = "2001:db8:1::/48";
    device.execute(`${table.path}/add`, new Map(Object.entries(template)), []);
    const row = device.execute(`${table.path}/print`, new Map(), []).rows!.find((r) => r.default !== "true" && r.builtin !== "true")!;
    for (const [name, field] of Object.entries(table.fields)) {
      if (name in template) continue;
      expect(normalise(field.normalise, row[name] ?? ""), `${name}`).toBe(normalise(field.normalise, fieldDefault(field, row)));
    }
  });
});
