/**
 * The switches back from their running configurations: each port's role
 * (port-roles.ts), runs of neighbouring ports with one role written as a
 * range, the management address as a host number of the management zone.
 */
import { formatAddress, parseAddress, type Commune } from "@communes/inventory";
import { normalisePort, type IosConfig } from "@communes/switch/model";
import { roleOfPort } from "../port-roles";
import { hostNumber } from "./host-number";
import type { SwitchReading } from "./reading";
import type { LiveZone } from "./zones";

type PortEntry = Commune["switches"][number]["ports"][number];

/** `GigabitEthernet1/0/7` → stem and number, for ranges. */
function portNumber(name: string): { stem: string; n: number } | undefined {
  const m = /^(.*?)(\d+)$/.exec(name);
  return m ? { stem: m[1]!, n: Number(m[2]) } : undefined;
}

function portEntries(config: IosConfig, zoneOfVlan: Map<number, string>, device: string, unexpressed: string[]): PortEntry[] {
  const runs: Array<{ first: string; last: string; lastN: number; stem: string; entry: Omit<PortEntry, "ports"> }> = [];
  for (const [name, raw] of Object.entries(config.ports)) {
    const p = normalisePort(raw);
    const role = roleOfPort(p);
    const zone = role === "access" ? zoneOfVlan.get(p.accessVlan!) : undefined;
    if (role === undefined || (role === "access" && zone === undefined)) {
      unexpressed.push(`${device} ${name}: ${p.mode === "dynamic" ? "left as IOS leaves an unconfigured port" : `access port in VLAN ${p.accessVlan}, which is no zone`}; no role of the inventory describes it, so it stays unmanaged`);
      continue;
    }
    const entry: Omit<PortEntry, "ports"> = role === "access" ? { role, zone: zone! } : { role };
    if (p.description) entry.description = p.description;
    const num = portNumber(name);
    const last = runs[runs.length - 1];
    if (last && num && last.stem === num.stem && last.lastN + 1 === num.n && JSON.stringify(last.entry) === JSON.stringify(entry)) {
      last.last = name;
      last.lastN = num.n;
    } else runs.push({ first: name, last: name, lastN: num?.n ?? -1, stem: num?.stem ?? name, entry });
  }
  return runs.map((r) => ({ ports: [r.first === r.last ? r.first : `${r.first}-${r.lastN}`], ...r.entry }) as PortEntry);
}

export function switchOf(live: SwitchReading, zones: LiveZone[], unexpressed: string[], problems: string[]): Commune["switches"][number] | undefined {
  const { config, access } = live;
  const device = `switch ${config.hostname || access.host}`;
  if (!config.hostname) problems.push(`switch ${access.host} hostname: the running configuration has no host name`);
  const management = zones.find((z) => z.zone.name === "management");
  const svi = management?.vlan !== undefined ? config.svis[String(management.vlan)] : undefined;
  const address = svi?.address ? parseAddress(svi.address, 4) : undefined;
  if (!address?.ok) {
    problems.push(`${device} interface Vlan${management?.vlan ?? "?"}: no management address on the management VLAN`);
    return undefined;
  }
  const host = management?.ipv4 ? hostNumber(management.ipv4.prefix, address.value) : undefined;
  const zoneOfVlan = new Map(zones.filter((z) => z.vlan !== undefined).map((z) => [z.vlan!, z.zone.name]));
  return {
    hostname: config.hostname,
    ...(access.model ? { model: access.model } : {}),
    hostKey: access.hostKey,
    management: host !== undefined ? { host } : { address: formatAddress(address.value) },
    ports: portEntries(config, zoneOfVlan, device, unexpressed),
  };
}
