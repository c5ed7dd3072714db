/** DHCP in the zones that have it (the router as gateway, resolver and time server) and the commune's reservations. */
import { formatAddress, formatPrefix } from "@communes/inventory";
import type { RouterContext, TableIntent } from "./context";
import { dhcpName, zoneInterface } from "./names";

export function dhcpTables({ commune, zones, zone }: RouterContext): TableIntent[] {
  const served = zones.filter((z) => z.dhcp);
  return [
    { path: "/ip/pool", entries: served.map((z) => ({ name: dhcpName(z.zone), ranges: `${formatAddress(z.dhcp!.first)}-${formatAddress(z.dhcp!.last)}` })) },
    { path: "/ip/dhcp-server", entries: served.map((z) => ({ name: dhcpName(z.zone), interface: zoneInterface(z), "address-pool": dhcpName(z.zone), "lease-time": `${z.dhcp!.leaseMinutes}m` })) },
    {
      path: "/ip/dhcp-server/network",
      entries: served.map((z) => ({ address: formatPrefix(z.ipv4), gateway: formatAddress(z.ipv4Gateway), "dns-server": formatAddress(z.ipv4Gateway), "ntp-server": formatAddress(z.ipv4Gateway), comment: z.label })),
    },
    {
      path: "/ip/dhcp-server/lease",
      entries: commune.reservations.map((r) => ({ address: r.address, "mac-address": r.mac.toUpperCase(), server: zone(r.zone)?.dhcp ? dhcpName(r.zone) : "all", comment: r.name })),
    },
  ];
}
