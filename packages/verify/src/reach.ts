/**
 * Whether one service of one place reaches another through the router, as
 * RouterOS would carry it: the route out (and the one back), the filter
 * chain the packet crosses (input for the router itself, forward through it,
 * output for the router's own traffic), the reply of the connection
 * (established) on the way back, source NAT where the packet leaves by the
 * Internet line, and — for the router itself — whether a service listens:
 * `/ip service` (on, port, `address`), `/ip/dns` `allow-remote-requests`,
 * `/system/ntp/server`.
 *
 * Assumption (docs/verify.md): the dedicated line routes the province's
 * addresses, the communes' included, both ways; the Internet line routes back
 * only what the router masquerades (or its own address on that line).
 */
import { contains, formatAddress, type Address, type Family } from "@communes/inventory";
import { Firewall, ruleText, type RuleRef } from "./firewall";
import type { Packet } from "./packet";
import { isYes, items, type RouterConfig } from "./router-config";
import { interfaceAddresses, lookup, routes, type Route } from "./routing";
import { routerService } from "@communes/routeros/model";
import { serviceText, type Service } from "./services";
import { INTERNET, ROUTER, representative, type Site } from "./site";
import { inAddressSpec } from "./matchers";

/** Which line is down: the failover cases. */
export type Scenario = "normal" | "internet-down" | "dedicated-down";

export interface Reach {
  allowed: boolean;
  /** Why, in a sentence that names the rule or the missing piece. */
  reason: string;
  /** The filter rule that decided, when one did. */
  rule?: RuleRef;
  /** Rules the verdict may depend on that use matchers the verifier does not evaluate. */
  unmodelled: RuleRef[];
}

export interface Point {
  place: string;
  /** Default: the place's representative address (for the router: its address facing the source). */
  address?: Address;
}

function blocked(reason: string, rule?: RuleRef, unmodelled: RuleRef[] = []): Reach {
  return { allowed: false, reason, ...(rule ? { rule } : {}), unmodelled };
}

export class Verifier {
  private readonly firewall: Firewall;

  constructor(
    readonly config: RouterConfig,
    readonly site: Site,
  ) {
    this.firewall = new Firewall(config);
    this.addresses = { 4: interfaceAddresses(config, 4), 6: interfaceAddresses(config, 6) };
  }

  private readonly tables = new Map<string, Route[]>();
  private readonly addresses: Record<Family, ReturnType<typeof interfaceAddresses>>;

  private routeTable(family: Family, scenario: Scenario): Route[] {
    const key = `${family} ${scenario}`;
    let table = this.tables.get(key);
    if (!table) {
      const down = new Set(scenario === "internet-down" ? this.site.uplinks.internet : scenario === "dedicated-down" ? [this.site.uplinks.dedicated] : []);
      this.tables.set(key, (table = routes(this.config, family, down)));
    }
    return table;
  }

  /** The interface of a zone: the one holding the router's address in it. */
  zoneInterface(zone: string, family: Family): string | undefined {
    const z = this.site.zones.find((x) => x.name === zone);
    const gateway = family === 4 ? z?.gateway4 : z?.gateway6;
    if (!gateway) return undefined;
    return this.addresses[family].find((a) => a.address.value === gateway.value)?.interface;
  }

  private routerAddressOn(iface: string, family: Family): Address | undefined {
    return this.addresses[family].find((a) => a.interface === iface)?.address;
  }

  private isRouterAddress(address: Address): boolean {
    return this.addresses[address.family].some((a) => a.address.value === address.value);
  }

  reach(from: Point, to: Point, service: Service, family: Family, scenario: Scenario = "normal"): Reach {
    const table = this.routeTable(family, scenario);
    const packet = (src: Address, dst: Address, extra: Partial<Packet>): Packet => ({
      family, src, dst, protocol: service.protocol, ...(service.port !== undefined ? { dstPort: service.port } : {}), state: "new", ...extra,
    });

    if (from.place === ROUTER) {
      const dst = to.address ?? representative(this.site, to.place, family);
      if (!dst) return blocked(`${to.place} has no IPv${family} address`);
      const out = lookup(table, dst);
      if (!out) return blocked(`the router has no IPv${family} route to ${formatAddress(dst)}`);
      const src = this.routerAddressOn(out.interface, family) ?? this.addresses[family][0]?.address;
      if (!src) return blocked(`the router has no IPv${family} address`);
      const p = packet(src, dst, { out: out.interface });
      const v = this.firewall.filter("output", p);
      if (!v.accepted) return blocked(`dropped by ${ruleText(v.rule!)}`, v.rule, v.unmodelled);
      const back = this.returnPath(p, out, true);
      if (back) return blocked(back, undefined, v.unmodelled);
      const reply = this.firewall.filter("input", { ...p, src: dst, dst: src, in: out.interface, out: undefined, state: "established" });
      if (!reply.accepted) return blocked(`the reply is dropped by ${ruleText(reply.rule!)}`, reply.rule, [...v.unmodelled, ...reply.unmodelled]);
      return { allowed: true, reason: `from the router by ${out.interface} (${out.source})${v.rule ? `, accepted by ${ruleText(v.rule)}` : ""}`, ...(v.rule ? { rule: v.rule } : {}), unmodelled: v.unmodelled };
    }

    const src = from.address ?? representative(this.site, from.place, family);
    if (!src) return blocked(`${from.place} has no IPv${family} address`);
    const zoneIn = this.site.zones.some((z) => z.name === from.place) ? this.zoneInterface(from.place, family) : undefined;
    const arrival = zoneIn ?? lookup(table, src)?.interface;
    if (!arrival) return blocked(from.place === INTERNET || this.site.zones.every((z) => z.name !== from.place) ? `no IPv${family} line leads from ${from.place} to the router` : `zone ${from.place} has no IPv${family} interface on the router`);

    if (to.place === ROUTER) {
      const dst = to.address ?? this.routerAddressOn(arrival, family);
      if (!dst) return blocked(`the router has no IPv${family} address on ${arrival}`);
      const p = packet(src, dst, { in: arrival });
      const v = this.firewall.filter("input", p);
      if (!v.accepted) return blocked(`dropped by ${ruleText(v.rule!)}`, v.rule, v.unmodelled);
      const listening = this.routerListens(service, src);
      if (listening) return blocked(listening, v.rule, v.unmodelled);
      return { allowed: true, reason: v.rule ? `accepted by ${ruleText(v.rule)}` : "accepted by the input chain's policy (no rule decided)", ...(v.rule ? { rule: v.rule } : {}), unmodelled: v.unmodelled };
    }

    const dst = to.address ?? representative(this.site, to.place, family);
    if (!dst) return blocked(`${to.place} has no IPv${family} address`);
    if (this.isRouterAddress(dst)) return this.reach(from, { place: ROUTER, address: dst }, service, family, scenario);
    const out = lookup(table, dst);
    if (!out) return blocked(`no IPv${family} route to ${formatAddress(dst)}${scenario === "normal" ? "" : ` when ${scenario === "internet-down" ? "the Internet line" : "the dedicated line"} is down`}`);
    const p = packet(src, dst, { in: arrival, out: out.interface });
    const v = this.firewall.filter("forward", p);
    if (!v.accepted) return blocked(`dropped by ${ruleText(v.rule!)}`, v.rule, v.unmodelled);
    const back = this.returnPath(p, out, false);
    if (back) return blocked(back, v.rule, v.unmodelled);
    const reply = this.firewall.filter("forward", { ...p, src: dst, dst: src, in: out.interface, out: arrival, state: "established" });
    if (!reply.accepted) return blocked(`the reply is dropped by ${ruleText(reply.rule!)}`, reply.rule, [...v.unmodelled, ...reply.unmodelled]);
    return {
      allowed: true,
      reason: `${v.rule ? `accepted by ${ruleText(v.rule)}` : "accepted by the forward chain's policy (no rule decided)"}, out by ${out.interface}`,
      ...(v.rule ? { rule: v.rule } : {}),
      unmodelled: v.unmodelled,
    };
  }

  /** Why the answer could not come back, or undefined when it can. */
  private returnPath(p: Packet, out: Route, fromRouter: boolean): string | undefined {
    if (!this.site.uplinks.internet.includes(out.interface)) return undefined;
    const own = this.addresses[p.family].filter((a) => a.interface === out.interface);
    if (own.some((a) => a.address.value === p.src.value || contains(a.prefix, p.src))) return undefined;
    if (fromRouter && out.source !== "connected") {
      // The router's own packets leave with its address on the line (a DHCP or PPPoE address, not always in the configuration).
      return undefined;
    }
    const nat = this.firewall.walk(p.family === 4 ? "/ip/firewall/nat" : "/ipv6/firewall/nat", "srcnat", p);
    if (nat.decided && nat.rule && ["masquerade", "src-nat"].includes(nat.rule.action)) return undefined;
    return `leaves by the Internet line (${out.interface}) with the source ${formatAddress(p.src)}, which the ISP does not route back, and no source NAT applies${nat.rule ? ` (${ruleText(nat.rule)} decides first)` : ""}`;
  }

  /** Why nothing on the router answers the service, or undefined when something does. */
  private routerListens(service: Service, src: Address): string | undefined {
    if (service.protocol === "icmp") return undefined;
    if (service.port === 53) {
      const dns = this.config.rows("/ip/dns")[0];
      return isYes(dns?.["allow-remote-requests"]) ? undefined : "the router does not answer DNS queries (/ip/dns allow-remote-requests is off)";
    }
    if (service.protocol === "udp" && service.port === 123) {
      const ntp = this.config.rows("/system/ntp/server")[0];
      return isYes(ntp?.enabled) ? undefined : "the router does not serve NTP (/system/ntp/server is not enabled)";
    }
    if (service.protocol === "tcp") {
      const entry = this.config.rows("/ip/service").find((s) => Number(s.port ?? routerService(s.name ?? "")?.port) === service.port);
      if (!entry) return `nothing listens on ${serviceText(service)} on the router`;
      if (isYes(entry.disabled)) return `the router's ${entry.name} service is disabled (/ip/service)`;
      const allowed = items(entry.address);
      if (allowed.length > 0 && !allowed.some((a) => inAddressSpec(a, src) === true)) return `the router's ${entry.name} service accepts only ${allowed.join(", ")} (/ip/service address), not ${formatAddress(src)}`;
      return undefined;
    }
    return `nothing listens on ${serviceText(service)} on the router`;
  }
}

