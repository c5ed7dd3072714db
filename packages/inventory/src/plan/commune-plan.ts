/**
 * The addressing plan of one commune, derived only from the province's pools
 * and the commune's stable index (plus its explicit overrides): the same
 * inputs always give the same plan, and no other commune's data plays a part.
 */
import {
  hostAddress,
  parseAddress,
  parseInterface,
  parsePrefix,
  subnet,
  type Address,
  type Prefix,
} from "../addressing/cidr";
import type { Finding } from "../diagnostic";
import { dhcpProblem, dhcpRange } from "./dhcp-range";
import type { CommuneModel, ProvinceModel, ZoneModel } from "../model/model";

export interface ZonePlan {
  zone: string;
  label: string;
  vlan: number;
  ipv4: Prefix;
  /** The router's address in the zone: the first usable one. */
  ipv4Gateway: Address;
  ipv6: Prefix;
  ipv6Gateway: Address;
  dhcp?: { first: Address; last: Address; leaseMinutes: number };
  dscp?: number;
  /** "pool" when allocated by index, "override" when the commune file sets it. */
  source: "pool" | "override";
}

export interface DeviceAddress {
  hostname: string;
  role: "router" | "switch";
  address: Address;
}

export interface EndpointPlan {
  systemName: string;
  zone: string;
  address: Address | "dhcp";
}

export interface LinkPlan {
  uplink: "dedicated" | "internet";
  family: 4 | 6;
  address: Address;
  prefix: Prefix;
  gateway: Address;
}

export interface CommunePlan {
  code: string;
  name: string;
  kind: string;
  index: number;
  file: string;
  /** The commune's IPv6 block (e.g. a /56 of the provincial pool). */
  ipv6Block: Prefix;
  zones: ZonePlan[];
  devices: DeviceAddress[];
  endpoints: EndpointPlan[];
  links: LinkPlan[];
}

export interface PlanResult {
  plan?: CommunePlan;
  findings: Finding[];
}

function mustPrefix(text: string): Prefix {
  const parsed = parsePrefix(text);
  if (!parsed.ok) throw new Error(`schema-validated prefix did not parse: ${text}`);
  return parsed.value;
}

function planZone(province: ProvinceModel, commune: CommuneModel, ipv6Block: Prefix, zone: ZoneModel, findings: Finding[]): ZonePlan | undefined {
  const override = commune.zoneOverrides[zone.name] ?? {};
  let ipv4: Prefix | undefined;
  if (override.ipv4) {
    ipv4 = mustPrefix(override.ipv4);
  } else {
    const allocated = subnet(mustPrefix(zone.ipv4Pool), zone.ipv4PrefixLength, commune.index);
    if (allocated.ok) ipv4 = allocated.value;
    else findings.push({ file: commune.file, path: ["index"], message: `no IPv4 subnet for zone ${zone.name}: ${allocated.reason}` });
  }
  let ipv6: Prefix | undefined;
  if (override.ipv6) {
    ipv6 = mustPrefix(override.ipv6);
    if (ipv6.length !== 64) {
      findings.push({ file: commune.file, path: ["zones", zone.name, "ipv6"], message: `${override.ipv6} is a /${ipv6.length}; IPv6 LANs must be /64 (SLAAC needs it)` });
      ipv6 = undefined;
    }
  } else {
    const allocated = subnet(ipv6Block, 64, zone.ipv6SubnetId);
    if (allocated.ok) ipv6 = allocated.value;
    else findings.push({ file: province.file, path: ["zones", zone.name, "ipv6SubnetId"], message: `subnet ${zone.ipv6SubnetId} does not fit in a commune's /${province.communeIpv6PrefixLength}: ${allocated.reason}` });
  }
  if (!ipv4 || !ipv6) return undefined;
  const gw4 = hostAddress(ipv4, 1);
  const gw6 = hostAddress(ipv6, 1);
  if (!gw4.ok || !gw6.ok) return undefined;
  const plan: ZonePlan = {
    zone: zone.name,
    label: zone.label,
    vlan: zone.vlan,
    ipv4,
    ipv4Gateway: gw4.value,
    ipv6,
    ipv6Gateway: gw6.value,
    source: override.ipv4 || override.ipv6 ? "override" : "pool",
    ...(zone.dscp !== undefined ? { dscp: zone.dscp } : {}),
  };
  if (zone.dhcp) {
    const problem = dhcpProblem(ipv4, zone.dhcp);
    if (!problem) {
      plan.dhcp = { ...dhcpRange(ipv4, zone.dhcp), leaseMinutes: zone.dhcp.leaseMinutes };
    } else if (override.ipv4) {
      // Pool-allocated subnets are checked once for the province; an override is this commune's own.
      findings.push({ file: commune.file, path: ["zones", zone.name, "ipv4"], message: `${problem}, so ${override.ipv4} cannot carry the zone` });
    }
  }
  return plan;
}

function deviceAddress(zone: ZonePlan | undefined, spec: { host?: number; address?: string }, file: string, path: (string | number)[], findings: Finding[]): Address | undefined {
  if (!zone) return undefined;
  if (spec.address !== undefined) {
    const parsed = parseAddress(spec.address, 4);
    return parsed.ok ? parsed.value : undefined;
  }
  const host = hostAddress(zone.ipv4, spec.host!);
  if (!host.ok) {
    findings.push({ file, path: [...path, "host"], message: host.reason });
    return undefined;
  }
  return host.value;
}

function link(uplink: LinkPlan["uplink"], family: 4 | 6, spec: { address: string; gateway: string } | undefined): LinkPlan | undefined {
  if (!spec) return undefined;
  const iface = parseInterface(spec.address, family);
  const gateway = parseAddress(spec.gateway, family);
  if (!iface.ok || !gateway.ok) return undefined;
  return { uplink, family, address: iface.value.address, prefix: iface.value.prefix, gateway: gateway.value };
}

export function planCommune(province: ProvinceModel, commune: CommuneModel): PlanResult {
  const findings: Finding[] = [];
  const block = subnet(mustPrefix(province.ipv6Pool), province.communeIpv6PrefixLength, commune.index);
  if (!block.ok) {
    findings.push({ file: commune.file, path: ["index"], message: `no IPv6 block: ${block.reason}` });
    return { findings };
  }
  const zones: ZonePlan[] = [];
  for (const zone of province.zones) {
    const planned = planZone(province, commune, block.value, zone, findings);
    if (planned) zones.push(planned);
  }
  const management = zones.find((z) => z.zone === "management");
  const devices: DeviceAddress[] = [];
  if (management) devices.push({ hostname: commune.router.hostname, role: "router", address: management.ipv4Gateway });
  commune.switches.forEach((sw, i) => {
    const address = deviceAddress(management, sw.management, commune.file, ["switches", i, "management"], findings);
    if (address) devices.push({ hostname: sw.hostname, role: "switch", address });
  });
  const endpoints: EndpointPlan[] = [];
  commune.endpoints.forEach((ep, i) => {
    if (ep.address === "dhcp") {
      endpoints.push({ systemName: ep.systemName, zone: ep.zone, address: "dhcp" });
      return;
    }
    const zone = zones.find((z) => z.zone === ep.zone);
    const address = deviceAddress(zone, ep.address, commune.file, ["endpoints", i, "address"], findings);
    if (address) endpoints.push({ systemName: ep.systemName, zone: ep.zone, address });
  });
  const { dedicated, internet } = commune.uplinks;
  const links = [
    link("dedicated", 4, dedicated.ipv4),
    link("dedicated", 6, dedicated.ipv6),
    internet.type === "static" ? link("internet", 4, internet.ipv4) : undefined,
    internet.type === "static" ? link("internet", 6, internet.ipv6) : undefined,
  ].filter((l): l is LinkPlan => l !== undefined);
  return {
    plan: { code: commune.code, name: commune.name, kind: commune.kind, index: commune.index, file: commune.file, ipv6Block: block.value, zones, devices, endpoints, links },
    findings,
  };
}
