/** The emulated device's engine: what RouterOS fills in, accepts and refuses. */
import { describe, expect, it } from "vitest";
import { RouterOsDevice, Trap } from "./device";
import { evaluateQuery } from "./query";

const attrs = (o: Record<string, string>) => new Map(Object.entries(o));
const trapOf = (fn: () => unknown): Trap => {
  try {
    fn();
  } catch (err) {
    if (err instanceof Trap) return err;
    throw err;
  }
  throw new Error("no trap");
};

describe("RouterOsDevice", () => {
  it("fills in defaults and read-only properties, and numbers ids like RouterOS", () => {
    const d = new RouterOsDevice();
    const { ret } = d.execute("/interface/bridge/add", attrs({ name: "bridge" }), []);
    expect(ret).toMatch(/^\*[0-9A-F]+$/);
    const [row] = d.execute("/interface/bridge/print", new Map(), []).rows!;
    expect(row).toMatchObject({ ".id": ret, name: "bridge", "vlan-filtering": "false", "protocol-mode": "rstp", "frame-types": "admit-all", pvid: "1", disabled: "false" });
    expect(d.execute("/interface/print", new Map(), ["?type=bridge"]).rows).toEqual([expect.objectContaining({ name: "bridge", type: "bridge" })]);
  });

  it("normalises booleans and rates as the device prints them", () => {
    const d = new RouterOsDevice();
    d.execute("/interface/bridge/add", attrs({ name: "bridge", "vlan-filtering": "yes" }), []);
    d.execute("/queue/tree/add", attrs({ name: "dedicated", parent: "ether1", "max-limit": "10M" }), []);
    expect(d.execute("/interface/bridge/print", new Map(), []).rows![0]!["vlan-filtering"]).toBe("true");
    expect(d.execute("/queue/tree/print", new Map(), []).rows![0]!["max-limit"]).toBe("10000000");
  });

  it("refuses with RouterOS's messages and categories", () => {
    const d = new RouterOsDevice();
    expect(trapOf(() => d.execute("/ip/address/add", attrs({ address: "10.0.0.1/24", interface: "nope" }), []))).toMatchObject({ message: "input does not match any value of interface", category: 1 });
    expect(trapOf(() => d.execute("/interface/vlan/add", attrs({ name: "v", interface: "ether1", "vlan-id": "5000" }), []))).toMatchObject({ message: "value of vlan-id out of range (1..4095)", category: 1 });
    expect(trapOf(() => d.execute("/interface/vlan/add", attrs({ name: "v", interface: "ether1" }), []))).toMatchObject({ message: "missing value(s) of argument(s) vlan-id" });
    expect(trapOf(() => d.execute("/ip/address/remove", attrs({ ".id": "*99" }), []))).toMatchObject({ message: "no such item", category: 0 });
    expect(trapOf(() => d.execute("/ip/frobnicate/print", new Map(), []))).toMatchObject({ message: "no such command prefix" });
    expect(trapOf(() => d.execute("/ip/address/frob", new Map(), []))).toMatchObject({ message: "no such command" });
    expect(trapOf(() => d.execute("/ip/service/add", attrs({ name: "x" }), []))).toMatchObject({ message: "no such command" });
    expect(trapOf(() => d.execute("/ip/address/add", attrs({ address: "10.0.0.1/24", interface: "ether1", dynamic: "true" }), []))).toMatchObject({ message: "unknown parameter dynamic" });
    d.execute("/ip/address/add", attrs({ address: "10.0.0.1/24", interface: "ether1" }), []);
    expect(trapOf(() => d.execute("/ip/address/add", attrs({ address: "10.0.0.1/24", interface: "ether1" }), []))).toMatchObject({ message: "failure: already have such address" });
  });

  it("keeps order: add with place-before, move", () => {
    const d = new RouterOsDevice();
    const a = d.execute("/ip/firewall/filter/add", attrs({ chain: "forward", comment: "a" }), []).ret!;
    const b = d.execute("/ip/firewall/filter/add", attrs({ chain: "forward", comment: "b" }), []).ret!;
    d.execute("/ip/firewall/filter/add", attrs({ chain: "forward", comment: "c", "place-before": a }), []);
    d.execute("/ip/firewall/filter/move", attrs({ numbers: b, destination: a }), []);
    expect(d.execute("/ip/firewall/filter/print", new Map(), []).rows!.map((r) => r.comment)).toEqual(["c", "b", "a"]);
  });

  it("prints with .proplist and count-only; hides write-only properties", () => {
    const d = new RouterOsDevice();
    d.addUser({ name: "noc", password: "s3cret" });
    expect(d.execute("/user/print", attrs({ ".proplist": "name,group" }), []).rows).toEqual([
      { name: "admin", group: "full" },
      { name: "noc", group: "full" },
    ]);
    expect(d.execute("/user/print", attrs({ "count-only": "" }), []).ret).toBe("2");
    expect(JSON.stringify(d.execute("/user/print", new Map(), []).rows)).not.toContain("s3cret");
  });

  it("answers !empty from RouterOS 7.18 on", () => {
    expect(new RouterOsDevice("7.18").sendsEmpty).toBe(true);
    expect(new RouterOsDevice("7.17.2").sendsEmpty).toBe(false);
  });

  it("exports its configuration as RouterOS 7 does: header, defaults left out, yes/no, byte escapes, ethernet and services by name, no users", () => {
    const d = new RouterOsDevice("7.19.4");
    d.execute("/system/note/set", attrs({ note: "xã Thiệu Trung" }), []);
    d.execute("/interface/bridge/add", attrs({ name: "bridge", "vlan-filtering": "yes" }), []);
    const ether3 = d.execute("/interface/print", new Map(), ["?name=ether3"]).rows![0]![".id"]!;
    d.execute("/interface/set", attrs({ ".id": ether3, comment: "Trunk", disabled: "yes" }), []);
    const telnet = d.execute("/ip/service/print", new Map(), ["?name=telnet"]).rows![0]![".id"]!;
    d.execute("/ip/service/set", attrs({ ".id": telnet, disabled: "yes" }), []);
    d.execute("/user/add", attrs({ name: "cuadau", group: "full", password: "x" }), []);
    const script = d.export({}, new Date("2026-12-02T03:04:05Z"));
    expect(script.split("\n").slice(0, 3)).toEqual(["# 2026-12-02 03:04:05 by RouterOS 7.19.4", "# software id = ", "#"]);
    expect(script).toContain("/interface bridge\nadd name=bridge vlan-filtering=yes\n");
    expect(script).toContain("/interface ethernet\nset [ find default-name=ether3 ] comment=Trunk disabled=yes\n");
    expect(script).toContain("/ip service\nset telnet disabled=yes\n");
    expect(script).toContain('/system note\nset note="x\\C3\\A3 Thi\\E1\\BB\\87u Trung"\n');
    expect(script).not.toMatch(/^\/user$/m);
    expect(script).not.toContain("cuadau");
    expect(new RouterOsDevice("7.6").export({}, new Date("2022-11-22T13:59:42Z")).split("\n")[0]).toBe("# nov/22/2022 13:59:42 by RouterOS 7.6");
    expect(d.export({ terse: true })).toContain("\n/interface bridge add name=bridge vlan-filtering=yes\n");
  });
});

describe("API queries", () => {
  const item = { name: "ether1", type: "ether", mtu: "1500", disabled: "false" };
  it("pushes and combines as RouterOS documents", () => {
    expect(evaluateQuery(["?name=ether1"], item)).toBe(true);
    expect(evaluateQuery(["?=name=ether2"], item)).toBe(false);
    expect(evaluateQuery(["?comment"], item)).toBe(false);
    expect(evaluateQuery(["?-comment"], item)).toBe(true);
    expect(evaluateQuery(["?>mtu=1400", "?<mtu=1600"], item)).toBe(true);
    expect(evaluateQuery(["?type=vlan", "?type=ether", "?#|"], item)).toBe(true);
    expect(evaluateQuery(["?type=ether", "?#!"], item)).toBe(false);
    expect(evaluateQuery(["?type=vlan", "?name=ether1", "?#|!"], item)).toBe(false);
  });
});
