/**
 * What the lab switch knows of its neighbours, in IOS 15.2's layouts: CDP
 * runs (the IOS default) and has seen no neighbour (the lab has no cables);
 * LLDP is off (the IOS 15 default); the MAC table holds the switch's own
 * static entries only.
 */

export function showCdp(): string {
  return ["Global CDP information:", "        Sending CDP packets every 60 seconds", "        Sending a holdtime value of 180 seconds", "        Sending CDPv2 advertisements is  enabled", ""].join("\n");
}

export function showCdpNeighbors(): string {
  return [
    "Capability Codes: R - Router, T - Trans Bridge, B - Source Route Bridge",
    "                  S - Switch, H - Host, I - IGMP, r - Repeater, P - Phone,",
    "                  D - Remote, C - CVTA, M - Two-port Mac Relay",
    "",
    "Device ID        Local Intrfce     Holdtme    Capability  Platform  Port ID",
    "",
    "Total cdp entries displayed : 0",
    "",
  ].join("\n");
}

/** `show cdp neighbors detail` with no neighbour: IOS prints the total only. */
export function showCdpNeighborsDetail(): string {
  return "\n\nTotal cdp entries displayed : 0\n";
}

export const LLDP_NOT_ENABLED = "% LLDP is not enabled\n";

const STATIC_MACS = [
  "0100.0ccc.cccc", "0100.0ccc.cccd",
  ...Array.from({ length: 16 }, (_, i) => `0180.c200.${i.toString(16).padStart(4, "0")}`),
  "0180.c200.0010", "ffff.ffff.ffff",
];

export function showMacAddressTable(): string {
  return [
    "          Mac Address Table",
    "-------------------------------------------",
    "",
    "Vlan    Mac Address       Type        Ports",
    "----    -----------       --------    -----",
    ...STATIC_MACS.map((mac) => ` All    ${mac}    STATIC      CPU`),
    `Total Mac Addresses for this criterion: ${STATIC_MACS.length}`,
    "",
  ].join("\n");
}
