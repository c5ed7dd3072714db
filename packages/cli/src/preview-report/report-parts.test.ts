import { describe, expect, it } from "vitest";
import { endpointParameters } from "./native-endpoint";
import { iosLines } from "./native-ios";
import { renderReport } from "./markdown";
import { routerOsLines } from "./native-routeros";
import { parsePreviewJson, PreviewInputError } from "./preview-json";
import { TOKENS } from "@communes/provider/contract";
import { resourceChanges, type ResourceChange } from "./resource-changes";
import { riskFlags } from "./risk-flags";

const urn = (type: string, name: string) => `urn:pulumi:s::commune::communes:index:CommuneNetwork$${type}::${name}`;

function step(op: string, type: string, name: string, before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined, detailedDiff?: Record<string, { kind: string }>) {
  return {
    op,
    urn: urn(type, name),
    ...(before ? { oldState: { urn: urn(type, name), type, custom: true, inputs: before } } : {}),
    ...(after ? { newState: { urn: urn(type, name), type, custom: true, inputs: after } } : {}),
    ...(detailedDiff ? { detailedDiff } : {}),
  };
}

const only = (steps: unknown[]): ResourceChange => {
  const changes = resourceChanges({ steps: steps as never });
  expect(changes).toHaveLength(1);
  return changes[0]!;
};

describe("preview steps → device changes", () => {
  it("a changed table entry: the device, the menu, one property before → after, and its set line", () => {
    const entries = (lease: string) => ({ "dhcp-staff": { name: "dhcp-staff", interface: "vlan20-staff", "lease-time": lease } });
    const change = only([step("update", TOKENS.table, "r1/ip/dhcp-server", { path: "/ip/dhcp-server", entries: entries("86400") }, { path: "/ip/dhcp-server", entries: entries("3600") }, { "entries.dhcp-staff.lease-time": { kind: "update" } })]);
    expect(change).toMatchObject({ device: "r1", resource: "/ip/dhcp-server", op: "change", properties: [{ path: ["entries", "dhcp-staff", "lease-time"], before: "86400", after: "3600" }] });
    expect(routerOsLines(change)).toEqual(["/ip dhcp-server set [ find name=dhcp-staff ] lease-time=3600"]);
    expect(riskFlags(change)).toEqual([]);
  });

  it("entries added and removed in a firewall menu: add with every field, remove by key, firewall flagged", () => {
    const rule = (c: string) => ({ chain: "input", action: "accept", comment: c });
    const change = only([step("update", TOKENS.table, "r1/ip/firewall/filter", { path: "/ip/firewall/filter", entries: { old: rule("old") } }, { path: "/ip/firewall/filter", entries: { "communes: new": rule("communes: new") } }, { "entries.old": { kind: "delete" }, 'entries["communes: new"]': { kind: "add" } })]);
    expect(change.properties.map((p) => [p.path.join("/"), p.before, p.after])).toEqual([
      ["entries/old/action", "accept", undefined],
      ["entries/old/chain", "input", undefined],
      ["entries/old/comment", "old", undefined],
      ["entries/old/disabled", "false", undefined],
      ["entries/old/log", "false", undefined],
      ["entries/communes: new/action", undefined, "accept"],
      ["entries/communes: new/chain", undefined, "input"],
      ["entries/communes: new/comment", undefined, "communes: new"],
      ["entries/communes: new/disabled", undefined, "false"],
      ["entries/communes: new/log", undefined, "false"],
    ]);
    expect(routerOsLines(change)).toEqual(["/ip firewall filter remove [ find comment=old ]", '/ip firewall filter add chain=input action=accept comment="communes: new"']);
    expect(riskFlags(change).map((r) => r.flag)).toEqual(["firewall"]);
  });

  it("firewall rules only reordered: one move per rule, in the order that leaves the menu as wanted", () => {
    const rules = { a: { chain: "forward", action: "accept", comment: "a" }, b: { chain: "forward", action: "drop", comment: "b" }, c: { chain: "forward", action: "drop", comment: "c" } };
    const filter = (order: string[]) => ({ path: "/ip/firewall/filter", entries: rules, order });
    const change = only([step("update", TOKENS.table, "r1/ip/firewall/filter", filter(["a", "b", "c"]), filter(["b", "a", "c"]), { "order[0]": { kind: "update" }, "order[1]": { kind: "update" } })]);
    expect(routerOsLines(change)).toEqual(["/ip firewall filter move [ find comment=b ]", "/ip firewall filter move [ find comment=a ]", "/ip firewall filter move [ find comment=c ]"]);
  });

  it("a menu that goes: its entries removed; a singleton is left as it is", () => {
    const rule = { chain: "input", action: "accept", comment: "x" };
    expect(routerOsLines(only([step("delete", TOKENS.table, "r1/ip/firewall/filter", { path: "/ip/firewall/filter", entries: { x: rule } }, undefined)]))).toEqual(["/ip firewall filter remove [ find comment=x ]"]);
    expect(routerOsLines(only([step("delete", TOKENS.table, "r1/system/identity", { path: "/system/identity", entries: { "": { name: "r1" } } }, undefined)]))).toEqual([]);
  });

  it("a field put back to its RouterOS default reads as that default, not as nothing", () => {
    const change = only([step("update", TOKENS.table, "r1/ip/service", { path: "/ip/service", entries: { telnet: { name: "telnet", disabled: "true" } } }, { path: "/ip/service", entries: { telnet: { name: "telnet" } } }, { "entries.telnet.disabled": { kind: "delete" } })]);
    expect(change.properties).toEqual([{ path: ["entries", "telnet", "disabled"], before: "true", after: "false" }]);
  });

  it("a service restricted: set on the fixed entry, management path flagged", () => {
    const change = only([step("update", TOKENS.table, "r1/ip/service", { path: "/ip/service", entries: { ssh: { name: "ssh", disabled: "false" } } }, { path: "/ip/service", entries: { ssh: { name: "ssh", disabled: "true" } } }, { "entries.ssh.disabled": { kind: "update" } })]);
    expect(routerOsLines(change)).toEqual(["/ip service set [ find name=ssh ] disabled=true"]);
    expect(riskFlags(change).map((r) => r.flag)).toEqual(["management"]);
  });

  it("a route changed is an uplink change", () => {
    const route = (gw: string) => ({ "dst-address": "0.0.0.0/0", gateway: gw, distance: "1" });
    const change = only([step("update", TOKENS.table, "r1/ip/route", { path: "/ip/route", entries: { d: route("10.0.0.1") } }, { path: "/ip/route", entries: { d: route("10.0.0.2") } }, { "entries.d.gateway": { kind: "update" } })]);
    expect(riskFlags(change).map((r) => r.flag)).toEqual(["uplinks"]);
  });

  it("a trunk port changed flags the management path and the uplink", () => {
    const sw = (allowed: string) => ({ hostname: "sw1", vlans: { "10": "management" }, ports: { Gi24: { mode: "trunk", trunkAllowed: allowed, shutdown: false, portfast: false } }, management: { vlan: 10, address: "10.0.0.2", mask: "255.255.255.0" }, defaultGateway: "10.0.0.1", vtyTransport: "ssh" });
    const change = only([step("update", TOKENS.switch, "sw1", sw("10,20"), sw("10,20,30"), { "ports.Gi24.trunkAllowed": { kind: "update" } })]);
    expect(riskFlags(change).map((r) => r.flag)).toEqual(["management", "uplinks"]);
  });

  it("a switch removed: the lines that let it go (ports reset, VLANs removed), management kept", () => {
    const sw = { hostname: "sw1", vlans: { "10": "management", "30": "service-centre" }, ports: { "GigabitEthernet1/0/9": { mode: "access", accessVlan: 30, shutdown: false, portfast: true } }, management: { vlan: 10, address: "10.0.0.2", mask: "255.255.255.0" }, defaultGateway: "10.0.0.1", vtyTransport: "ssh" };
    const lines = iosLines(only([step("delete", TOKENS.switch, "sw1", sw, undefined)]));
    expect(lines).toContain("interface GigabitEthernet1/0/9");
    expect(lines).toContain("no vlan 30");
    expect(lines.join("\n")).not.toMatch(/interface Vlan10|ip default-gateway|transport input/);
  });

  it("an access port moved to another zone, or an unused port opened, is a zone change", () => {
    const sw = (port: Record<string, unknown>) => ({ hostname: "sw1", vlans: { "30": "service-centre", "40": "citizen-wifi" }, ports: { "GigabitEthernet1/0/9": port }, management: { vlan: 10, address: "10.0.0.2", mask: "255.255.255.0" }, defaultGateway: "10.0.0.1", vtyTransport: "ssh" });
    const access = (vlan: number) => ({ mode: "access", accessVlan: vlan, shutdown: false, portfast: true });
    const moved = only([step("update", TOKENS.switch, "sw1", sw(access(30)), sw(access(40)), { 'ports["GigabitEthernet1/0/9"].accessVlan': { kind: "update" } })]);
    expect(riskFlags(moved)).toEqual([{ flag: "zones", reason: "GigabitEthernet1/0/9 moves from VLAN 30 (service-centre) to VLAN 40 (citizen-wifi): what is plugged in there joins that zone, with its access" }]);
    const opened = only([step("update", TOKENS.switch, "sw1", sw({ mode: "access", accessVlan: 1, shutdown: true, portfast: false }), sw(access(40)), { 'ports["GigabitEthernet1/0/9"].shutdown': { kind: "update" } })]);
    expect(riskFlags(opened).map((r) => r.reason)).toEqual(["GigabitEthernet1/0/9 is opened in VLAN 40 (citizen-wifi): anyone plugging in there joins that zone"]);
    const described = only([step("update", TOKENS.switch, "sw1", sw({ ...access(30), description: "a" }), sw({ ...access(30), description: "b" }), { 'ports["GigabitEthernet1/0/9"].description': { kind: "update" } })]);
    expect(riskFlags(described)).toEqual([]);
  });

  it("secrets never come through: Pulumi's [secret] and anything named a password", () => {
    const settings = (user: string) => ({ "sip.uri": user, "sip.password": "s3cr3t-value", "h323.alias": "[secret]" });
    const change = only([step("update", TOKENS.endpoint, "Phòng họp", { systemName: "Phòng họp", settings: settings("a") }, { systemName: "Phòng họp", settings: settings("b") }, { 'settings["sip.uri"]': { kind: "update" }, 'settings["sip.password"]': { kind: "update" } })]);
    expect(JSON.stringify(change)).not.toContain("s3cr3t-value");
    expect(change.properties).toEqual([
      { path: ["settings", "sip.password"], before: "[secret]", after: "[secret]" },
      { path: ["settings", "sip.uri"], before: "a", after: "b" },
    ]);
    expect(endpointParameters(change, "poly")).toEqual(["comm.nics.sipnic.sippassword = [secret]  # unverified", "comm.nics.sipnic.sipusername = b"]);
    expect(endpointParameters(change, "cisco")).toEqual(["xConfiguration SIP Authentication Password: [secret]", "xConfiguration SIP URI: b"]);
    expect(riskFlags(change).map((r) => r.flag)).toEqual(["meeting-room"]);
  });

  it("an endpoint taken out of the stack: nothing sent, said plainly (not 'make unknown')", () => {
    const change = only([step("delete", TOKENS.endpoint, "Phòng họp cũ", { systemName: "Phòng họp cũ", settings: { "sip.uri": "a" } }, undefined)]);
    const report = renderReport([{ stack: "s", changes: [change], exports: [], vendors: new Map(), basis: "recorded" }], []);
    expect(report).toContain("Nothing is sent: an endpoint taken out of the stack keeps its settings");
    expect(report).not.toContain("make unknown");
    expect(riskFlags(change)).toEqual([]);
  });

  it("skips unchanged resources, components and providers", () => {
    expect(resourceChanges({ steps: [step("same", TOKENS.table, "r1/ip/pool", {}, {}), step("update", "pulumi:providers:communes", "r1", {}, {}), { op: "create", urn: "urn:pulumi:s::commune::communes:index:CommuneNetwork::x", newState: { urn: "u", type: "communes:index:CommuneNetwork", custom: false } }] as never })).toEqual([]);
  });
});

describe("saved previews", () => {
  it("refuses text that is not a preview's JSON, saying how to save one", () => {
    expect(() => parsePreviewJson("Previewing update", "p.json")).toThrow(PreviewInputError);
    expect(() => parsePreviewJson("Previewing update", "p.json")).toThrow(/p\.json is not JSON .*pulumi preview --json/);
    expect(() => parsePreviewJson('{"steps": 3}', "p.json")).toThrow(/not the output of pulumi preview --json/);
  });
});
