/**
 * The configuration of an emulated Cisco IOS access switch (a 24-port
 * Catalyst 2960-X in VTP transparent mode, so VLANs live in the running
 * configuration): VLANs, physical ports, SVIs, the default gateway and the
 * vty lines. `running` changes as commands are entered; `startup` only on
 * `write memory`.
 */

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

export interface SwitchConfig {
  hostname: string;
  vlans: Map<number, string>;
  ports: Map<string, PortState>;
  svis: Map<number, SviState>;
  defaultGateway?: string;
  /** `transport input` of the vty lines. */
  vtyTransport: "all" | "ssh" | "telnet" | "none";
}

export const PORTS = Array.from({ length: 24 }, (_, i) => `GigabitEthernet1/0/${i + 1}`);

export function defaultVlanName(id: number): string {
  return id === 1 ? "default" : `VLAN${String(id).padStart(4, "0")}`;
}

export function factoryConfig(hostname = "Switch"): SwitchConfig {
  return {
    hostname,
    vlans: new Map([[1, "default"]]),
    ports: new Map(PORTS.map((p) => [p, { accessVlan: 1, nativeVlan: 1, shutdown: false, portfast: false }])),
    svis: new Map([[1, { shutdown: true }]]),
    vtyTransport: "all",
  };
}

export function cloneConfig(c: SwitchConfig): SwitchConfig {
  return {
    ...c,
    vlans: new Map(c.vlans),
    ports: new Map([...c.ports].map(([k, v]) => [k, { ...v, ...(v.trunkAllowed ? { trunkAllowed: [...v.trunkAllowed] } : {}) }])),
    svis: new Map([...c.svis].map(([k, v]) => [k, { ...v }])),
  };
}

/** A configuration as JSON, the way the switch keeps its startup configuration in flash. */
export interface SavedSwitchConfig {
  hostname: string;
  vlans: Array<[number, string]>;
  ports: Array<[string, PortState]>;
  svis: Array<[number, SviState]>;
  defaultGateway?: string;
  vtyTransport: SwitchConfig["vtyTransport"];
}

export function saveConfig(c: SwitchConfig): SavedSwitchConfig {
  const copy = cloneConfig(c);
  return { ...copy, vlans: [...copy.vlans], ports: [...copy.ports], svis: [...copy.svis] };
}

/** The saved configuration; ports this model does not have are left out. */
export function loadConfig(saved: SavedSwitchConfig): SwitchConfig {
  return cloneConfig({ ...saved, vlans: new Map(saved.vlans), ports: new Map(saved.ports.filter(([name]) => PORTS.includes(name))), svis: new Map(saved.svis) });
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
