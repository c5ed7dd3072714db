/**
 * The office's two lines: the Internet line's client (DHCP or PPPoE; a
 * static line is only addressed), IPv6 from the ISP by DHCPv6, and the
 * routes: the government networks over the dedicated line; IPv4 Internet
 * over the Internet line (distance 1) with the dedicated line taking over
 * (distance 2); IPv6 Internet over the dedicated line, whose province
 * addresses the zones use (docs/decisions/0012), the ISP's line carrying
 * only the router's own IPv6 address, at distance 2.
 */
import { formatAddress } from "@communes/inventory";
import { secretRef } from "../secret-ref";
import type { Fields, RouterContext, TableIntent } from "./context";
import { ownComment, PPPOE_INTERFACE } from "./names";

const INTERNET_LINE = ownComment("Internet line");
const INTERNET_LINE_V6 = ownComment("Internet line (IPv6, the router's own address)");

export function wanClientTables({ commune }: RouterContext): TableIntent[] {
  const internet = commune.uplinks.internet;
  return [
    {
      path: "/ip/dhcp-client",
      entries: internet.type === "dhcp" ? [{ interface: internet.interface, "add-default-route": "yes", "default-route-distance": "1", "use-peer-dns": "false", "use-peer-ntp": "false", comment: INTERNET_LINE }] : [],
    },
    {
      path: "/interface/pppoe-client",
      entries:
        internet.type === "pppoe"
          ? [{ name: PPPOE_INTERFACE, interface: internet.interface, user: internet.username, password: secretRef(internet.passwordSecret), "add-default-route": "true", "default-route-distance": "1", "use-peer-dns": "false", comment: INTERNET_LINE }]
          : [],
    },
  ];
}

export function routeTables({ commune, destinations, links, internetInterface }: RouterContext): TableIntent[] {
  const routes: Record<4 | 6, Fields[]> = { 4: [], 6: [] };
  for (const family of [4, 6] as const) {
    const dedicated = links[family].dedicated;
    if (!dedicated) continue;
    for (const d of destinations.values()) {
      if (d.via !== "dedicated") continue;
      for (const p of family === 4 ? d.v4 : d.v6) routes[family].push({ "dst-address": p, gateway: formatAddress(dedicated.gateway), comment: ownComment(d.label) });
    }
  }
  const { dedicated: dedicated4, internet: static4 } = links[4];
  const { dedicated: dedicated6, internet: static6 } = links[6];
  if (static4) routes[4].push({ "dst-address": "0.0.0.0/0", gateway: formatAddress(static4.gateway), distance: "1", "check-gateway": "ping", comment: INTERNET_LINE });
  if (dedicated4) routes[4].push({ "dst-address": "0.0.0.0/0", gateway: formatAddress(dedicated4.gateway), distance: "2", comment: ownComment("Internet failover over the dedicated line") });
  if (dedicated6) routes[6].push({ "dst-address": "::/0", gateway: formatAddress(dedicated6.gateway), distance: "1", comment: ownComment("IPv6 Internet over the dedicated line") });
  if (static6) routes[6].push({ "dst-address": "::/0", gateway: formatAddress(static6.gateway), distance: "2", "check-gateway": "ping", comment: INTERNET_LINE_V6 });
  return [
    {
      path: "/ipv6/dhcp-client",
      entries:
        commune.uplinks.internet.type === "static"
          ? []
          : [{ interface: internetInterface, request: "address", "add-default-route": "true", "default-route-distance": "2", "use-peer-dns": "false", comment: INTERNET_LINE_V6 }],
    },
    { path: "/ip/route", entries: routes[4] },
    { path: "/ipv6/route", entries: routes[6] },
  ];
}
