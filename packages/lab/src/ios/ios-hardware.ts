/**
 * The hardware of the emulated switch, a Catalyst WS-C2960X-24TS-L: 24
 * copper ports Gi1/0/1-24, four SFP uplinks Gi1/0/25-28 (empty cages) and
 * the FastEthernet0 management port, with its serial number and MACs.
 */

export type PortMedia = "copper" | "sfp" | "management";

export interface HardwarePort {
  name: string;
  media: PortMedia;
}

export const MODEL = "WS-C2960X-24TS-L";
export const SERIAL = "FOC1938W0AB";
export const IOS_VERSION = "15.2(7)E8";

export const HARDWARE_PORTS: readonly HardwarePort[] = [
  ...Array.from({ length: 24 }, (_, i) => ({ name: `GigabitEthernet1/0/${i + 1}`, media: "copper" as const })),
  ...Array.from({ length: 4 }, (_, i) => ({ name: `GigabitEthernet1/0/${i + 25}`, media: "sfp" as const })),
  { name: "FastEthernet0", media: "management" },
];

/** Every interface but the SVIs, in IOS's order. */
export const PORTS: readonly string[] = HARDWARE_PORTS.map((p) => p.name);

/** The ports that are switchports (FastEthernet0 is a routed management port). */
export const SWITCHPORTS: readonly string[] = HARDWARE_PORTS.filter((p) => p.media !== "management").map((p) => p.name);

export function mediaOf(port: string): PortMedia {
  return HARDWARE_PORTS.find((p) => p.name === port)?.media ?? "copper";
}

const BASE_MAC = 0x001ebd380000;

/** `001e.bd38.0080` style, as `show interfaces` prints MACs; the base MAC with offset 0. */
export function macAddress(offset: number, style: "dotted" | "colon" = "dotted"): string {
  const hex = (BASE_MAC + offset).toString(16).padStart(12, "0");
  return style === "dotted" ? `${hex.slice(0, 4)}.${hex.slice(4, 8)}.${hex.slice(8)}` : hex.toUpperCase().match(/../g)!.join(":");
}

/** The MAC of a port (base + its position + 1) or of the SVIs (base + 0x40, shared as on a Catalyst). */
export function interfaceMac(name: string): string {
  const i = PORTS.indexOf(name);
  return macAddress(i >= 0 ? i + 1 : 0x40);
}
