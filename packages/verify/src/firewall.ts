/**
 * RouterOS's firewall, as the filter and NAT manuals describe it: the rules
 * of a chain are walked in order and the first rule whose matchers all match
 * decides; `jump` walks another chain and comes back on `return` or at its
 * end; `log`, `passthrough` and the address-list actions do not decide; a
 * built-in chain with no deciding rule accepts. Disabled rules are skipped.
 *
 * Matchers evaluated: connection-state, protocol, dst-port, src-port,
 * src-address, dst-address, src-address-list, dst-address-list (entries of
 * `/ip/firewall/address-list` or its IPv6 twin), in-interface, out-interface,
 * in-interface-list, out-interface-list (`/interface/list/member`, and the
 * built-in `all`), each with `!`. A rule that uses any other matcher is
 * taken not to match, and the verdict says so (`unmodelled`).
 */
import { active, items, type Row, type RouterConfig } from "./router-config";
import { inAddressSpec, inPorts, isProtocol, negatable } from "./matchers";
import { EPHEMERAL_PORT, type Packet } from "./packet";

export interface RuleRef {
  table: string;
  /** Position of the rule in its table, from 0 (RouterOS's `print` number). */
  index: number;
  chain: string;
  action: string;
  comment?: string;
}

export interface ChainVerdict {
  accepted: boolean;
  /** The rule that decided; none when the chain's policy (accept) did. */
  rule?: RuleRef;
  /** Rules skipped because they use a matcher the verifier does not evaluate. */
  unmodelled: RuleRef[];
}

const NOT_MATCHERS = new Set([
  "chain", "action", "comment", "disabled", "log", "log-prefix", "jump-target", "reject-with", "passthrough",
  "to-addresses", "to-ports", "new-packet-mark", "new-connection-mark", "new-routing-mark", "new-dscp", "new-priority",
  "address-list", "address-list-timeout", "dynamic", "invalid", "bytes", "packets", ".id", ".nextid", "place-before",
]);
const EVALUATED = new Set(["connection-state", "protocol", "dst-port", "src-port", "src-address", "dst-address", "src-address-list", "dst-address-list", "in-interface", "out-interface", "in-interface-list", "out-interface-list"]);
const CONTINUE = new Set(["log", "passthrough", "add-src-to-address-list", "add-dst-to-address-list", "fasttrack-connection", "mark-packet", "mark-connection", "change-dscp"]);

export function ruleRef(table: string, index: number, row: Row): RuleRef {
  return { table, index, chain: row.chain ?? "", action: row.action ?? "accept", ...(row.comment ? { comment: row.comment } : {}) };
}

/** `/ip/firewall/filter #12 (communes: staff to government)`. */
export function ruleText(r: RuleRef): string {
  return `${r.table} #${r.index}${r.comment ? ` (${r.comment})` : ""}`;
}

export class Firewall {
  private readonly members: Row[];
  private readonly addressLists: Record<4 | 6, Row[]>;

  constructor(private readonly config: RouterConfig) {
    this.members = active(config, "/interface/list/member");
    this.addressLists = { 4: active(config, "/ip/firewall/address-list"), 6: active(config, "/ipv6/firewall/address-list") };
  }

  private inList(list: string, iface: string | undefined): boolean {
    if (iface === undefined) return false;
    if (list === "all") return true;
    if (list === "none") return false;
    return this.members.some((m) => m.list === list && m.interface === iface);
  }

  private inAddressList(list: string, packet: Packet, which: "src" | "dst"): boolean {
    return this.addressLists[packet.family].some((e) => e.list === list && inAddressSpec(e.address ?? "", packet[which]) === true);
  }

  /** Whether the rule matches; "unmodelled" when it uses a matcher not evaluated here. */
  matches(row: Row, packet: Packet): boolean | "unmodelled" {
    const set = Object.entries(row).filter(([k, v]) => v !== "" && !NOT_MATCHERS.has(k));
    if (set.some(([k]) => !EVALUATED.has(k))) return "unmodelled";
    const ports = packet.protocol === "tcp" || packet.protocol === "udp";
    for (const [k, v] of set) {
      const ok = negatable(v, (p) => {
        switch (k) {
          case "connection-state": return items(p).includes(packet.state);
          case "protocol": return isProtocol(p, packet.protocol === "icmp" && packet.family === 6 ? "icmpv6" : packet.protocol);
          case "dst-port": return ports && inPorts(p, packet.dstPort!);
          case "src-port": return ports && inPorts(p, packet.srcPort ?? EPHEMERAL_PORT);
          case "src-address": return inAddressSpec(p, packet.src) === true;
          case "dst-address": return inAddressSpec(p, packet.dst) === true;
          case "src-address-list": return this.inAddressList(p, packet, "src");
          case "dst-address-list": return this.inAddressList(p, packet, "dst");
          case "in-interface": return packet.in === p;
          case "out-interface": return packet.out === p;
          case "in-interface-list": return this.inList(p, packet.in);
          case "out-interface-list": return this.inList(p, packet.out);
          default: return false;
        }
      });
      if (!ok) return false;
    }
    return true;
  }

  /** Walks `chain` of `table` (a filter or NAT menu) for the packet. */
  walk(table: string, chain: string, packet: Packet): ChainVerdict & { decided: boolean } {
    const unmodelled: RuleRef[] = [];
    const rows = this.config.rows(table);
    const visit = (name: string, depth: number): { decided: boolean; accepted: boolean; rule?: RuleRef } => {
      if (depth > 16) return { decided: false, accepted: true };
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i]!;
        if (row.chain !== name || row.disabled === "true" || row.disabled === "yes") continue;
        const m = this.matches(row, packet);
        if (m === "unmodelled") {
          unmodelled.push(ruleRef(table, i, row));
          continue;
        }
        if (!m) continue;
        const action = row.action ?? "accept";
        if (CONTINUE.has(action)) continue;
        if (action === "return") return { decided: false, accepted: true };
        if (action === "jump") {
          const inner = visit(row["jump-target"] ?? "", depth + 1);
          if (inner.decided) return inner;
          continue;
        }
        return { decided: true, accepted: !["drop", "reject", "tarpit"].includes(action), rule: ruleRef(table, i, row) };
      }
      return { decided: false, accepted: true };
    };
    const v = visit(chain, 0);
    return { decided: v.decided, accepted: v.accepted, ...(v.rule ? { rule: v.rule } : {}), unmodelled };
  }

  filter(chain: "input" | "forward" | "output", packet: Packet): ChainVerdict {
    const { decided: _, ...v } = this.walk(packet.family === 4 ? "/ip/firewall/filter" : "/ipv6/firewall/filter", chain, packet);
    return v;
  }
}
