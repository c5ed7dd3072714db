/**
 * Who may open a management connection to the emulated router, decided as
 * RouterOS decides it for a new TCP connection: the service (`/ip service`)
 * must be on and, when its `address` list is set, the peer must be in it;
 * then the firewall's input chain (`/ip/firewall/filter`, or
 * `/ipv6/firewall/filter` for an IPv6 peer) is walked in order and the first
 * rule that matches decides (accept; drop or reject), no match accepting.
 *
 * A rule matches when every matcher it sets matches the connection:
 * `connection-state` (a new connection is `new`), `protocol` (tcp),
 * `dst-port`, `src-address`, `src-address-list`, `in-interface`,
 * `in-interface-list`, each with RouterOS's `!` negation. A rule with a
 * matcher the lab cannot evaluate for a connection (`src-port`,
 * `dst-address`, `dst-address-list`, marks, out-interfaces, jumps) is taken
 * not to match, and `log`/`passthrough` rules do not decide.
 */
import { contains, parseAddress, parsePrefix, type Address } from "@communes/inventory";

/** A new connection as the router sees it. */
export interface Peer {
  address: string;
  /** The interface it arrives on. */
  interface: string;
  port: number;
}

type Row = Record<string, string>;

export interface RouterTables {
  rows(path: string): Row[];
}

function inAddressSpec(spec: string, address: Address): boolean {
  return spec.split(",").some((one) => {
    const range = /^(.+)-(.+)$/.exec(one);
    if (range && !one.includes("/")) {
      const [from, to] = [parseAddress(range[1]!), parseAddress(range[2]!)];
      return from.ok && to.ok && from.value.family === address.family && address.value >= from.value.value && address.value <= to.value.value;
    }
    const prefix = one.includes("/") ? parsePrefix(one) : parseAddress(one);
    if (!prefix.ok) return false;
    return "length" in prefix.value ? contains(prefix.value, address) : prefix.value.family === address.family && prefix.value.value === address.value;
  });
}

function negatable(value: string, test: (positive: string) => boolean): boolean {
  return value.startsWith("!") ? !test(value.slice(1)) : test(value);
}

function inPorts(spec: string, port: number): boolean {
  return spec.split(",").some((one) => {
    const [lo, hi] = one.split("-").map(Number);
    return hi === undefined ? port === lo : port >= lo! && port <= hi;
  });
}

const EVALUATED = new Set(["chain", "action", "comment", "disabled", "log", "log-prefix", "connection-state", "protocol", "dst-port", "src-address", "src-address-list", "in-interface", "in-interface-list"]);

function matches(rule: Row, peer: Peer, address: Address, tables: RouterTables, family: 4 | 6): boolean {
  const settable = Object.entries(rule).filter(([k, v]) => !k.startsWith(".") && v !== "" && !["bytes", "packets", "dynamic", "invalid", "jump-target", "reject-with", "passthrough"].includes(k));
  if (settable.some(([k]) => !EVALUATED.has(k))) return false;
  const lists = family === 4 ? "/ip/firewall/address-list" : "/ipv6/firewall/address-list";
  const has = (name: string) => rule[name] !== undefined && rule[name] !== "";
  if (has("connection-state") && !negatable(rule["connection-state"]!, (s) => s.split(",").includes("new"))) return false;
  if (has("protocol") && !negatable(rule.protocol!, (p) => p === "tcp" || p === "6")) return false;
  if (has("dst-port") && !negatable(rule["dst-port"]!, (p) => inPorts(p, peer.port))) return false;
  if (has("src-address") && !negatable(rule["src-address"]!, (a) => inAddressSpec(a, address))) return false;
  if (has("src-address-list") && !negatable(rule["src-address-list"]!, (l) => tables.rows(lists).some((e) => e.list === l && e.disabled !== "true" && inAddressSpec(e.address!, address)))) return false;
  if (has("in-interface") && !negatable(rule["in-interface"]!, (i) => i === peer.interface)) return false;
  if (has("in-interface-list") && !negatable(rule["in-interface-list"]!, (l) => tables.rows("/interface/list/member").some((m) => m.list === l && m.interface === peer.interface && m.disabled !== "true"))) return false;
  return true;
}

/** Why the router would not take the connection, or undefined when it would. */
export function refusal(service: string, peer: Peer, tables: RouterTables): string | undefined {
  const entry = tables.rows("/ip/service").find((s) => s.name === service);
  if (!entry || entry.disabled === "true") return `${service} is disabled`;
  const parsed = parseAddress(peer.address);
  if (!parsed.ok) return `${peer.address} is not an address`;
  const address = parsed.value;
  if (entry.address && !inAddressSpec(entry.address, address)) return `${peer.address} is not in ${service}'s address list (${entry.address})`;
  const chain = tables.rows(address.family === 4 ? "/ip/firewall/filter" : "/ipv6/firewall/filter").filter((r) => r.chain === "input" && r.disabled !== "true");
  for (const rule of chain) {
    if (!matches(rule, peer, address, tables, address.family)) continue;
    if (rule.action === undefined || rule.action === "accept") return undefined;
    if (rule.action === "drop" || rule.action === "reject") return `the input chain's rule ${JSON.stringify(rule.comment ?? rule[".id"])} ${rule.action}s ${peer.address} to port ${peer.port}`;
  }
  return undefined;
}
