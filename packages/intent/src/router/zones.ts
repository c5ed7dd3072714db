/**
 * The zones on the router: a bridge with VLAN filtering and the trunk to the
 * switch, one VLAN interface per zone, the interface lists the firewall
 * speaks of, and the router's addresses (the gateway of every zone, its end
 * of each uplink's link), with router advertisements in the zones.
 */
import { formatAddress } from "@communes/inventory";
import type { RouterContext, TableIntent } from "./context";
import { BRIDGE, LAN_LIST, ownComment, WAN_LIST, zoneInterface } from "./names";

export function bridgeTables({ commune, zones }: RouterContext): TableIntent[] {
  const trunk = commune.router.trunk;
  return [
    { path: "/interface/bridge", entries: [{ name: BRIDGE, "vlan-filtering": "true", comment: ownComment("zones to the switches") }] },
    { path: "/interface/bridge/port", entries: [{ interface: trunk, bridge: BRIDGE, "frame-types": "admit-only-vlan-tagged", "ingress-filtering": "true", comment: ownComment("trunk to the switch") }] },
    { path: "/interface/bridge/vlan", entries: zones.map((z) => ({ bridge: BRIDGE, "vlan-ids": String(z.vlan), tagged: `${BRIDGE},${trunk}`, comment: ownComment(z.label) })) },
    { path: "/interface/vlan", entries: zones.map((z) => ({ name: zoneInterface(z), "vlan-id": String(z.vlan), interface: BRIDGE, comment: z.label })) },
  ];
}

export function interfaceListTables({ commune, zones, internetInterface }: RouterContext): TableIntent[] {
  return [
    { path: "/interface/list", entries: [{ name: LAN_LIST, comment: ownComment("office zones") }, { name: WAN_LIST, comment: ownComment("both uplinks") }] },
    {
      path: "/interface/list/member",
      entries: [...zones.map((z) => ({ list: LAN_LIST, interface: zoneInterface(z) })), { list: WAN_LIST, interface: internetInterface }, { list: WAN_LIST, interface: commune.uplinks.dedicated.interface }],
    },
  ];
}

export function addressTables({ commune, zones, plan }: RouterContext): TableIntent[] {
  const linkInterface = (uplink: "dedicated" | "internet") => commune.uplinks[uplink].interface;
  const links = (family: 4 | 6) => plan.links.filter((l) => l.family === family);
  return [
    {
      path: "/ip/address",
      entries: [
        ...zones.map((z) => ({ address: `${formatAddress(z.ipv4Gateway)}/${z.ipv4.length}`, interface: zoneInterface(z), comment: z.label })),
        ...links(4).map((l) => ({ address: `${formatAddress(l.address)}/${l.prefix.length}`, interface: linkInterface(l.uplink), comment: ownComment(`${l.uplink} line`) })),
      ],
    },
    {
      path: "/ipv6/address",
      entries: [
        ...zones.map((z) => ({ address: `${formatAddress(z.ipv6Gateway)}/64`, interface: zoneInterface(z), advertise: "true", comment: z.label })),
        ...links(6).map((l) => ({ address: `${formatAddress(l.address)}/${l.prefix.length}`, interface: linkInterface(l.uplink), advertise: "false", comment: ownComment(`${l.uplink} line`) })),
      ],
    },
    { path: "/ipv6/nd", entries: zones.map((z) => ({ interface: zoneInterface(z), "advertise-dns": "true", dns: formatAddress(z.ipv6Gateway) })) },
  ];
}
