/**
 * The office's lines back from the router: the dedicated line is the one
 * the government networks are routed through (or the failover default
 * route of distance 2), its rate the shaping queue's; the Internet line the
 * PPPoE or DHCP client's interface, else the default route of distance 1.
 */
import { contains, formatAddress, formatPrefix, parseAddress, parseInterface, parsePrefix, type Commune, type ProvinceModel } from "@communes/inventory";
import type { Entry, TableState } from "@communes/routeros/model";
import { DEDICATED_QUEUE } from "../router/names";
import { entries } from "./reading";

/** The secret name a reconstructed PPPoE line's password is asked under. */
export const PPPOE_SECRET = "pppoePassword";

/** The uplink addressed on the interface whose link holds `gateway`. */
function linkVia(list: Entry[], gateway: string | undefined, family: 4 | 6, zoneIfs: Set<string>): { interface: string; address: string; gateway: string } | undefined {
  const gw = gateway ? parseAddress(gateway, family) : undefined;
  if (!gw?.ok) return undefined;
  for (const e of list) {
    if (!e.interface || zoneIfs.has(e.interface) || !e.address) continue;
    const i = parseInterface(e.address, family);
    if (i.ok && contains(i.value.prefix, gw.value)) return { interface: e.interface, address: e.address, gateway: formatAddress(gw.value) };
  }
  return undefined;
}

function samePrefix(a: string, b: string, family: 4 | 6): boolean {
  const [x, y] = [parsePrefix(a, family), parsePrefix(b, family)];
  return x.ok && y.ok && formatPrefix(x.value) === formatPrefix(y.value);
}

function dedicatedLine(province: ProvinceModel, tables: Record<string, TableState>, zoneIfs: Set<string>): Commune["uplinks"]["dedicated"] | undefined {
  const government = province.destinations.filter((d) => d.via === "dedicated").flatMap((d) => d.prefixes);
  const gatewayTo = (routes: Entry[], family: 4 | 6) =>
    routes.find((r) => government.some((p) => samePrefix(p, r["dst-address"] ?? "", family)))?.gateway ??
    routes.find((r) => (r["dst-address"] === "0.0.0.0/0" || r["dst-address"] === "::/0") && r.distance === "2")?.gateway;
  const v4 = linkVia(entries(tables, "/ip/address"), gatewayTo(entries(tables, "/ip/route"), 4), 4, zoneIfs);
  if (!v4) return undefined;
  const v6 = linkVia(entries(tables, "/ipv6/address"), gatewayTo(entries(tables, "/ipv6/route"), 6), 6, zoneIfs);
  const queue = entries(tables, "/queue/tree").find((q) => q.name === DEDICATED_QUEUE);
  const mbps = queue?.["max-limit"] ? Number(queue["max-limit"]) / 1_000_000 : undefined;
  return {
    interface: v4.interface,
    ipv4: { address: v4.address, gateway: v4.gateway },
    ...(v6 ? { ipv6: { address: v6.address, gateway: v6.gateway } } : {}),
    ...(mbps !== undefined && mbps !== province.defaults.dedicatedLine.bandwidthMbps ? { bandwidthMbps: mbps } : {}),
  };
}

function internetLine(tables: Record<string, TableState>, dedicated: Commune["uplinks"]["dedicated"], zoneIfs: Set<string>): Commune["uplinks"]["internet"] | undefined {
  const pppoe = entries(tables, "/interface/pppoe-client")[0];
  if (pppoe?.interface) return { type: "pppoe", interface: pppoe.interface, username: pppoe.user ?? "", passwordSecret: PPPOE_SECRET };
  const dhcp = entries(tables, "/ip/dhcp-client").find((c) => c.interface && c.interface !== dedicated.interface);
  if (dhcp?.interface) return { type: "dhcp", interface: dhcp.interface };
  const default4 = entries(tables, "/ip/route").find((r) => r["dst-address"] === "0.0.0.0/0" && (r.distance ?? "1") === "1");
  // IPv6 to the Internet goes over the dedicated line: the ISP's IPv6 route is the other default.
  const default6 = entries(tables, "/ipv6/route").find((r) => r["dst-address"] === "::/0" && r.gateway !== dedicated.ipv6?.gateway);
  const static4 = linkVia(entries(tables, "/ip/address"), default4?.gateway, 4, zoneIfs);
  const static6 = linkVia(entries(tables, "/ipv6/address"), default6?.gateway, 6, zoneIfs);
  if (!static4) return undefined;
  return { type: "static", interface: static4.interface, ipv4: { address: static4.address, gateway: static4.gateway }, ...(static6 ? { ipv6: { address: static6.address, gateway: static6.gateway } } : {}) };
}

export function uplinksOf(province: ProvinceModel, tables: Record<string, TableState>, zoneIfs: Set<string>, problems: string[]): Commune["uplinks"] | undefined {
  const dedicated = dedicatedLine(province, tables, zoneIfs);
  if (!dedicated) {
    problems.push("router /ip/route: no route to the province's government networks through an addressed line, so the dedicated line cannot be told apart");
    return undefined;
  }
  const internet = internetLine(tables, dedicated, zoneIfs);
  if (!internet) {
    problems.push("router: no Internet line found (no DHCP client, no PPPoE client, no default route of distance 1 through an addressed line)");
    return undefined;
  }
  return { dedicated, internet };
}
