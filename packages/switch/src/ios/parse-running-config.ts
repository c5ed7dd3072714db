/**
 * Reads `show running-config` of an IOS switch into the switch state. Only
 * what the state describes is read; everything else is left to the device.
 */
import { RESERVED_VLANS, type PortConfig, type SwitchState, type VtpMode } from "../switch-state";

/** The parsed configuration: every VLAN, every port, every SVI. */
export interface IosConfig {
  hostname: string;
  /** From the `vtp mode` line; `server` when there is none. */
  vtpMode: VtpMode;
  /** The VLANs of the configuration: all of them in transparent and off modes, none otherwise (they are in vlan.dat). */
  vlans: Record<string, string>;
  ports: Record<string, PortConfig>;
  svis: Record<string, { address?: string; mask?: string; shutdown: boolean }>;
  defaultGateway?: string;
  vtyTransport: SwitchState["vtyTransport"];
  /** `logging host <IPv4>` lines with UDP to port 514 (IOS writes no transport for it), in order. */
  loggingHosts: string[];
}

export function parseRunningConfig(text: string): IosConfig {
  const config: IosConfig = { hostname: "", vtpMode: "server", vlans: {}, ports: {}, svis: {}, vtyTransport: "all", loggingHosts: [] };
  let section: { kind: "vlan"; id: number } | { kind: "port"; name: string } | { kind: "svi"; vlan: number } | { kind: "vty" } | undefined;
  for (const raw of text.replace(/\r/g, "").split("\n")) {
    const line = raw.trimEnd();
    if (line === "" || line.startsWith("!")) {
      if (line.startsWith("!")) section = undefined;
      continue;
    }
    const top = !line.startsWith(" ");
    const words = line.trim().split(/\s+/);
    if (top) {
      section = undefined;
      if (words[0] === "hostname") config.hostname = words[1] ?? "";
      else if (words[0] === "vtp" && words[1] === "mode" && ["server", "client", "transparent", "off"].includes(words[2] ?? "")) config.vtpMode = words[2] as VtpMode;
      else if (words[0] === "vlan" && /^\d+$/.test(words[1] ?? "")) {
        const id = Number(words[1]);
        if (!RESERVED_VLANS.has(id)) config.vlans[String(id)] = `VLAN${String(id).padStart(4, "0")}`;
        section = { kind: "vlan", id };
      } else if (words[0] === "interface") {
        const name = words[1] ?? "";
        const svi = /^Vlan(\d+)$/.exec(name);
        if (svi) {
          section = { kind: "svi", vlan: Number(svi[1]) };
          config.svis[svi[1]!] = { shutdown: false };
        } else {
          section = { kind: "port", name };
          config.ports[name] = { mode: "dynamic", shutdown: false, portfast: false };
        }
      } else if (words[0] === "ip" && words[1] === "default-gateway") config.defaultGateway = words[2];
      // Another transport or port (`… transport tcp port 601`) is not a server this state manages.
      else if (words[0] === "logging" && words[1] === "host" && words.length === 3) config.loggingHosts.push(words[2]!);
      else if (words[0] === "line" && words[1] === "vty") section = { kind: "vty" };
      continue;
    }
    if (section?.kind === "vlan" && words[0] === "name") {
      if (!RESERVED_VLANS.has(section.id)) config.vlans[String(section.id)] = words.slice(1).join(" ");
    } else if (section?.kind === "port") {
      const port = config.ports[section.name]!;
      const rest = line.trim();
      if (words[0] === "description") port.description = rest.slice("description ".length);
      else if (rest.startsWith("switchport mode ")) port.mode = words[2] === "trunk" ? "trunk" : "access";
      else if (rest.startsWith("switchport access vlan ")) port.accessVlan = Number(words[3]);
      else if (rest.startsWith("switchport trunk allowed vlan add ")) port.trunkAllowed = [port.trunkAllowed, words[5]].filter(Boolean).join(",");
      else if (rest.startsWith("switchport trunk allowed vlan ")) port.trunkAllowed = words[4];
      else if (rest.startsWith("switchport trunk native vlan ")) port.nativeVlan = Number(words[4]);
      else if (rest === "shutdown") port.shutdown = true;
      else if (rest.startsWith("spanning-tree portfast")) port.portfast = true;
    } else if (section?.kind === "svi") {
      const svi = config.svis[String(section.vlan)]!;
      if (words[0] === "ip" && words[1] === "address" && words[2]) Object.assign(svi, { address: words[2], mask: words[3] });
      else if (line.trim() === "shutdown") svi.shutdown = true;
    } else if (section?.kind === "vty" && words[0] === "transport" && words[1] === "input") {
      config.vtyTransport = words[2] as SwitchState["vtyTransport"];
    }
  }
  return config;
}

/** True when the running configuration lists the VLANs; otherwise they are read from `show vlan brief`. */
export function vlansInRunningConfig(mode: VtpMode): boolean {
  return mode === "transparent" || mode === "off";
}

/** `show vlan brief`: VLAN ID → name, the device's own VLANs (1, 1002-1005) left out. */
export function parseVlanBrief(text: string): Record<string, string> {
  const vlans: Record<string, string> = {};
  for (const line of text.replace(/\r/g, "").split("\n")) {
    const m = /^(\d+)\s+(\S+)\s+(active|suspended|act\/lshut|sus\/lshut|act\/ishut|sus\/ishut|act\/unsup)\b/.exec(line);
    if (m && !RESERVED_VLANS.has(Number(m[1]))) vlans[m[1]!] = m[2]!;
  }
  return vlans;
}

/** The switch state as found on the device, for the ports and management VLAN the inventory manages (and its syslog servers, when they are). */
export function observedState(config: IosConfig, managedPorts: readonly string[], managementVlan: number, logging = true): SwitchState {
  const ports: Record<string, PortConfig> = {};
  for (const name of managedPorts) {
    const p = config.ports[name];
    if (!p) continue;
    ports[name] = normalisePort(p);
  }
  const svi = config.svis[String(managementVlan)];
  return {
    hostname: config.hostname,
    vtpMode: config.vtpMode,
    vlans: config.vlans,
    ports,
    management: { vlan: managementVlan, address: svi?.address ?? "", mask: svi?.mask ?? "" },
    defaultGateway: config.defaultGateway ?? "",
    vtyTransport: config.vtyTransport,
    ...(logging ? { loggingHosts: config.loggingHosts } : {}),
  };
}

/** What IOS leaves out when it is the default, filled in, so reads and intents compare. */
export function normalisePort(p: PortConfig): PortConfig {
  const out: PortConfig = { mode: p.mode, shutdown: p.shutdown, portfast: p.portfast };
  if (p.description) out.description = p.description;
  if (p.mode !== "trunk") out.accessVlan = p.accessVlan ?? 1;
  if (p.mode === "trunk") {
    out.trunkAllowed = p.trunkAllowed ?? "1-4094";
    out.nativeVlan = p.nativeVlan ?? 1;
  }
  return out;
}
