/**
 * The zone firewall: the router's own input chain (management from the
 * managers, the zones' DNS, NTP and DHCP), the forward chain of the
 * province's flow policy and what the office's own devices need beyond it,
 * everything else dropped; NAT to the Internet (IPv4), the government
 * networks seeing the communes' own addresses.
 */
import { formatAddress, parseAddress } from "@communes/inventory";
import type { Fields, RouterContext, TableIntent } from "./context";
import { addressList, DESTINATIONS_LIST, LAN_LIST, MANAGERS_LIST, ownRule, WAN_LIST, zoneInterface } from "./names";
import { managementPorts } from "./services";

/** Where traffic of a zone or of a destination comes from. */
function sourceOf(ctx: RouterContext, from: string): Fields {
  const zone = ctx.zone(from);
  return zone ? { "in-interface": zoneInterface(zone) } : { "src-address-list": addressList(from), "in-interface-list": WAN_LIST };
}

function inputRules(ctx: RouterContext, family: 4 | 6): Fields[] {
  const internet = ctx.commune.uplinks.internet;
  return [
    ownRule("router: accept established and related", { chain: "input", action: "accept", "connection-state": "established,related" }),
    ownRule("router: drop invalid", { chain: "input", action: "drop", "connection-state": "invalid" }),
    ownRule("router: accept ping", { chain: "input", action: "accept", protocol: family === 4 ? "icmp" : "icmpv6" }),
    ownRule("router: management from the management zone and the NOC", { chain: "input", action: "accept", protocol: "tcp", "dst-port": managementPorts(ctx).join(","), "src-address-list": MANAGERS_LIST }),
    ownRule("router: DNS and NTP for the zones", { chain: "input", action: "accept", protocol: "udp", "dst-port": "53,123", "in-interface-list": LAN_LIST }),
    ownRule("router: DNS over TCP for the zones", { chain: "input", action: "accept", protocol: "tcp", "dst-port": "53", "in-interface-list": LAN_LIST }),
    ...(family === 4 ? [ownRule("router: DHCP from the zones", { chain: "input", action: "accept", protocol: "udp", "dst-port": "67", "in-interface-list": LAN_LIST })] : []),
    // As MikroTik's default IPv6 firewall: the DHCPv6 client's replies come from the ISP's link-local address.
    ...(family === 6 && internet.type !== "static" ? [ownRule("router: DHCPv6 client replies on the Internet line", { chain: "input", action: "accept", protocol: "udp", "dst-port": "546", "src-address": "fe80::/10", "in-interface": ctx.internetInterface })] : []),
    ownRule("router: drop everything else", { chain: "input", action: "drop" }),
  ];
}

/** No blanket ICMPv6 accept: the errors of a connection (packet too big, unreachable) are `related`, and ping follows the flows. */
function flowRules(ctx: RouterContext): Fields[] {
  const rules: Fields[] = [];
  for (const flow of ctx.province.flows) {
    const source = sourceOf(ctx, flow.from);
    for (const to of flow.to) {
      const what = `${flow.from} to ${to}`;
      const toZone = ctx.zone(to);
      if (toZone) rules.push(ownRule(what, { chain: "forward", action: "accept", ...source, "out-interface": zoneInterface(toZone) }));
      else if (to === "internet") rules.push(ownRule(what, { chain: "forward", action: "accept", ...source, "out-interface-list": WAN_LIST, "dst-address-list": `!${DESTINATIONS_LIST}` }));
      else rules.push(ownRule(what, { chain: "forward", action: "accept", ...source, "dst-address-list": addressList(to) }));
    }
  }
  return rules;
}

/** What the office's own devices need beyond the flow policy: the endpoints' syslog to the SOC, and the managers' HTTPS to each endpoint (its API, the only way it is configured). */
function deviceRules(ctx: RouterContext, family: 4 | 6): Fields[] {
  const { commune, plan } = ctx;
  const rules: Fields[] = [];
  const endpointZones = [...new Set(commune.endpoints.map((e) => e.zone))].flatMap((name) => ctx.zone(name) ?? []);
  for (const zone of endpointZones) {
    for (const s of commune.settings.syslog) {
      const a = parseAddress(s.address);
      if (!a.ok || a.value.family !== family) continue;
      rules.push(ownRule(`${zone.zone} endpoints: syslog to ${s.address}`, { chain: "forward", action: "accept", "in-interface": zoneInterface(zone), protocol: s.protocol ?? "udp", "dst-address": s.address, "dst-port": String(s.port ?? 514) }));
    }
  }
  if (family !== 4) return rules; // endpoints are addressed in IPv4
  commune.endpoints.forEach((ep, i) => {
    const zone = ctx.zone(ep.zone);
    const address = plan.endpoints[i]?.address;
    if (!zone) return;
    const target: Fields = address === undefined || address === "dhcp" ? { "out-interface": zoneInterface(zone) } : { "dst-address": formatAddress(address) };
    for (const s of ctx.managementSources) rules.push(ownRule(`${s} to endpoint ${ep.systemName}: HTTPS`, { chain: "forward", action: "accept", ...sourceOf(ctx, s), protocol: "tcp", "dst-port": "443", ...target }));
  });
  return rules;
}

function forwardRules(ctx: RouterContext, family: 4 | 6): Fields[] {
  return [
    ownRule("accept established and related", { chain: "forward", action: "accept", "connection-state": "established,related" }),
    ownRule("drop invalid", { chain: "forward", action: "drop", "connection-state": "invalid" }),
    ...flowRules(ctx),
    ...deviceRules(ctx, family),
    ownRule("drop everything else", { chain: "forward", action: "drop" }),
  ];
}

export function firewallTables(ctx: RouterContext): TableIntent[] {
  return [
    { path: "/ip/firewall/filter", entries: [...inputRules(ctx, 4), ...forwardRules(ctx, 4)] },
    { path: "/ipv6/firewall/filter", entries: [...inputRules(ctx, 6), ...forwardRules(ctx, 6)] },
    { path: "/ip/firewall/nat", entries: [ownRule("masquerade to the Internet", { chain: "srcnat", action: "masquerade", "out-interface-list": WAN_LIST, "dst-address-list": `!${DESTINATIONS_LIST}` })] },
  ];
}
