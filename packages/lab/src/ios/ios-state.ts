/**
 * The configuration of an emulated Cisco IOS access switch (a 24-port
 * Catalyst 2960-X, its 4 SFP uplinks and management port at factory settings): VLANs, physical ports, SVIs, the default gateway, the
 * vty lines and VTP. `running` changes as commands are entered; `startup`
 * only on `write memory` — except what IOS keeps in vlan.dat (the VTP mode
 * and domain, and the VLANs of a switch that is not VTP transparent), which
 * is written at once and kept across a reload whether saved or not. A
 * factory switch is a VTP server with no domain: its VLANs are not in the
 * running configuration.
 */
import { PORTS } from "./ios-hardware";

export interface PortState {
  description?: string;
  mode?: "access" | "trunk";
  accessVlan: number;
  /** undefined: all VLANs allowed (the IOS default). */
  trunkAllowed?: number[];
  nativeVlan: number;
  shutdown: boolean;
  portfast: boolean;
}

export interface SviState {
  address?: { ip: string; mask: string };
  shutdown: boolean;
}

export type VtpMode = "server" | "client" | "transparent" | "off";

export interface VtpState {
  mode: VtpMode;
  /** Empty on a factory switch (`show vtp status` prints nothing after the colon). */
  domain: string;
  /** The configuration revision, raised by every VLAN change in server mode. */
  revision: number;
}

/** VLANs are in the running configuration (and saved with it) only in transparent and off modes. */
export function vlansInConfig(vtp: VtpState): boolean {
  return vtp.mode === "transparent" || vtp.mode === "off";
}

export interface SwitchConfig {
  hostname: string;
  vtp: VtpState;
  vlans: Map<number, string>;
  ports: Map<string, PortState>;
  svis: Map<number, SviState>;
  defaultGateway?: string;
  /** `transport input` of the vty lines. */
  vtyTransport: "all" | "ssh" | "telnet" | "none";
  /** `logging host` servers (UDP 514), in the order they were given. */
  loggingHosts: string[];
}

/** Every port of the WS-C2960X-24TS-L: Gi1/0/1-24, the SFP uplinks Gi1/0/25-28 and FastEthernet0 (management). */
export { PORTS };

export function defaultVlanName(id: number): string {
  return id === 1 ? "default" : `VLAN${String(id).padStart(4, "0")}`;
}

export function factoryConfig(hostname = "Switch"): SwitchConfig {
  return {
    hostname,
    vtp: { mode: "server", domain: "", revision: 0 },
    vlans: new Map([[1, "default"]]),
    ports: new Map(PORTS.map((p) => [p, { accessVlan: 1, nativeVlan: 1, shutdown: false, portfast: false }])),
    svis: new Map([[1, { shutdown: true }]]),
    vtyTransport: "all",
    loggingHosts: [],
  };
}

export function cloneConfig(c: SwitchConfig): SwitchConfig {
  return {
    ...c,
    vtp: { ...c.vtp },
    vlans: new Map(c.vlans),
    ports: new Map([...c.ports].map(([k, v]) => [k, { ...v, ...(v.trunkAllowed ? { trunkAllowed: [...v.trunkAllowed] } : {}) }])),
    svis: new Map([...c.svis].map(([k, v]) => [k, { ...v }])),
    loggingHosts: [...c.loggingHosts],
  };
}

/** A configuration as JSON, the way the switch keeps its startup configuration in flash. */
export interface SavedSwitchConfig {
  hostname: string;
  /** Absent in configurations saved before the lab modelled VTP: a factory VTP server. */
  vtp?: VtpState;
  vlans: Array<[number, string]>;
  ports: Array<[string, PortState]>;
  svis: Array<[number, SviState]>;
  defaultGateway?: string;
  vtyTransport: SwitchConfig["vtyTransport"];
  /** Absent in configurations saved before the lab modelled logging: none. */
  loggingHosts?: string[];
}

export function saveConfig(c: SwitchConfig): SavedSwitchConfig {
  const copy = cloneConfig(c);
  return { ...copy, vlans: [...copy.vlans], ports: [...copy.ports], svis: [...copy.svis] };
}

/** The saved configuration; ports this model does not have are left out, ports the save lacks are at factory settings. */
export function loadConfig(saved: SavedSwitchConfig): SwitchConfig {
  const factory = factoryConfig(saved.hostname);
  const ports = new Map([...factory.ports, ...saved.ports.filter(([name]) => PORTS.includes(name))]);
  return cloneConfig({ ...saved, vtp: saved.vtp ?? factory.vtp, vlans: new Map(saved.vlans), ports, svis: new Map(saved.svis), loggingHosts: saved.loggingHosts ?? [] });
}

/** `Gi1/0/3` for `GigabitEthernet1/0/3`, as show commands print ports. */
export function shortName(port: string): string {
  return port.replace(/^GigabitEthernet/, "Gi").replace(/^FastEthernet/, "Fa").replace(/^TenGigabitEthernet/, "Te");
}

/** The canonical name of what the user typed (`gi1/0/3`, `Gig1/0/3`, `vlan 10`), or undefined. */
export function resolveInterface(text: string): { kind: "port"; name: string } | { kind: "svi"; vlan: number } | undefined {
  const m = /^([a-z]+)\s*(\d+(?:\/\d+)*)$/i.exec(text.trim());
  if (!m) return undefined;
  const [, word, number] = m;
  const w = word!.toLowerCase();
  if ("vlan".startsWith(w) && w.length >= 1 && /^\d+$/.test(number!)) return { kind: "svi", vlan: Number(number) };
  if ("fastethernet".startsWith(w) && w.length >= 2 && number === "0") return { kind: "port", name: "FastEthernet0" };
  if ("gigabitethernet".startsWith(w) && w.length >= 2) {
    const name = `GigabitEthernet${number}`;
    return PORTS.includes(name) ? { kind: "port", name } : undefined;
  }
  return undefined;
}

/** `1,10-12,20` → [1, 10, 11, 12, 20]; undefined when malformed or out of 1-4094. */
export function parseVlanList(text: string): number[] | undefined {
  const out = new Set<number>();
  for (const part of text.split(",")) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!m) return undefined;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from < 1 || to > 4094 || from > to) return undefined;
    for (let v = from; v <= to; v++) out.add(v);
  }
  return [...out].sort((a, b) => a - b);
}

/** [1, 10, 11, 12, 20] → `1,10-12,20`, as IOS prints VLAN lists. */
export function formatVlanList(vlans: readonly number[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < vlans.length) {
    let j = i;
    while (j + 1 < vlans.length && vlans[j + 1] === vlans[j]! + 1) j++;
    parts.push(j - i >= 2 ? `${vlans[i]}-${vlans[j]}` : j === i ? `${vlans[i]}` : `${vlans[i]},${vlans[j]}`);
    i = j + 1;
  }
  return parts.join(",");
}
