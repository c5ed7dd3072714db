import { parseAddress, type Address } from "@communes/inventory";
import { describe, expect, it } from "vitest";
import { Firewall } from "./firewall";
import type { Packet } from "./packet";
import { routerConfig, type Row } from "./router-config";

const a = (text: string): Address => {
  const p = parseAddress(text);
  if (!p.ok) throw new Error(text);
  return p.value;
};

function firewall(filter: Row[], extra: Record<string, Row[]> = {}): Firewall {
  // The same rules in both families' filters.
  return new Firewall(routerConfig([{ path: "/ip/firewall/filter", entries: filter }, { path: "/ipv6/firewall/filter", entries: filter }, ...Object.entries(extra).map(([path, entries]) => ({ path, entries }))]));
}

const packet = (over: Partial<Packet> = {}): Packet => ({ family: 4, src: a("10.40.7.2"), dst: a("172.16.0.53"), protocol: "udp", dstPort: 53, in: "vlan20-staff", out: "ether1", state: "new", ...over });

describe("RouterOS filter semantics", () => {
  it("decides by the first matching rule, in order", () => {
    const rules: Row[] = [{ chain: "forward", action: "accept", "in-interface": "vlan20-staff", comment: "staff" }, { chain: "forward", action: "drop", comment: "rest" }];
    expect(firewall(rules).filter("forward", packet())).toMatchObject({ accepted: true, rule: { index: 0, comment: "staff" } });
    expect(firewall([...rules].reverse()).filter("forward", packet())).toMatchObject({ accepted: false, rule: { index: 0, comment: "rest" } });
  });

  it("accepts when no rule decides (the built-in chains' policy) and skips disabled rules", () => {
    expect(firewall([]).filter("forward", packet())).toEqual({ accepted: true, unmodelled: [] });
    expect(firewall([{ chain: "forward", action: "drop", disabled: "true" }]).filter("forward", packet()).accepted).toBe(true);
    expect(firewall([{ chain: "forward", action: "drop", disabled: "yes" }]).filter("forward", packet()).accepted).toBe(true);
    expect(firewall([{ chain: "input", action: "drop" }]).filter("forward", packet()).accepted).toBe(true);
  });

  it("matches ports, protocols by name or number, and connection states", () => {
    const drop = (rule: Row, p: Partial<Packet> = {}) => !firewall([{ chain: "forward", action: "drop", ...rule }]).filter("forward", packet(p)).accepted;
    expect(drop({ protocol: "udp", "dst-port": "53,123" })).toBe(true);
    expect(drop({ protocol: "17", "dst-port": "50-60" })).toBe(true);
    expect(drop({ protocol: "tcp", "dst-port": "53" })).toBe(false);
    expect(drop({ "dst-port": "54-60" })).toBe(false);
    expect(drop({ "connection-state": "established,related" })).toBe(false);
    expect(drop({ "connection-state": "established,related" }, { state: "established" })).toBe(true);
    expect(drop({ protocol: "icmpv6" }, { family: 6, src: a("2001:db8::2"), dst: a("2001:db8:1::1"), protocol: "icmp", dstPort: undefined })).toBe(true);
    expect(drop({ protocol: "icmp" }, { family: 6, src: a("2001:db8::2"), dst: a("2001:db8:1::1"), protocol: "icmp", dstPort: undefined })).toBe(false);
  });

  it("matches addresses, ranges and address lists, each negated by !", () => {
    const lists: Record<string, Row[]> = { "/ip/firewall/address-list": [{ list: "gov", address: "172.16.0.0/16" }, { list: "gov", address: "10.9.9.9", disabled: "true" }] };
    const drop = (rule: Row, p: Partial<Packet> = {}) => !firewall([{ chain: "forward", action: "drop", ...rule }], lists).filter("forward", packet(p)).accepted;
    expect(drop({ "dst-address-list": "gov" })).toBe(true);
    expect(drop({ "dst-address-list": "!gov" })).toBe(false);
    expect(drop({ "dst-address-list": "gov" }, { dst: a("10.9.9.9") })).toBe(false); // disabled entry
    expect(drop({ "dst-address": "172.16.0.50-172.16.0.60" })).toBe(true);
    expect(drop({ "dst-address": "!172.16.0.0/24" })).toBe(false);
    expect(drop({ "src-address": "10.40.7.0/24" })).toBe(true);
  });

  it("matches interface lists, with the built-in all", () => {
    const members = { "/interface/list/member": [{ list: "LAN", interface: "vlan20-staff" }, { list: "WAN", interface: "ether1" }] };
    const drop = (rule: Row) => !firewall([{ chain: "forward", action: "drop", ...rule }], members).filter("forward", packet()).accepted;
    expect(drop({ "in-interface-list": "LAN", "out-interface-list": "WAN" })).toBe(true);
    expect(drop({ "in-interface-list": "WAN" })).toBe(false);
    expect(drop({ "in-interface-list": "!WAN" })).toBe(true);
    expect(drop({ "out-interface-list": "all" })).toBe(true);
  });

  it("follows jump and return, and lets log and passthrough rules go on", () => {
    const rules: Row[] = [
      { chain: "forward", action: "log", "log-prefix": "seen" },
      { chain: "forward", action: "jump", "jump-target": "zones" },
      { chain: "forward", action: "drop", comment: "after the jump" },
      { chain: "zones", action: "return", "in-interface": "vlan20-staff" },
      { chain: "zones", action: "accept", comment: "in zones" },
    ];
    expect(firewall(rules).filter("forward", packet())).toMatchObject({ accepted: false, rule: { index: 2 } });
    expect(firewall(rules).filter("forward", packet({ in: "vlan30-service-centre" }))).toMatchObject({ accepted: true, rule: { index: 4, chain: "zones" } });
  });

  it("does not guess: a rule with a matcher it does not evaluate is skipped and reported", () => {
    const v = firewall([{ chain: "forward", action: "drop", "connection-mark": "x", comment: "marked" }]).filter("forward", packet());
    expect(v).toEqual({ accepted: true, unmodelled: [{ table: "/ip/firewall/filter", index: 0, chain: "forward", action: "drop", comment: "marked" }] });
  });
});
