/**
 * The zones back from the router: each province zone's VLAN interface (by
 * the intent's name, else by its zone suffix, else by its VLAN id), its
 * addresses, the commune's index most zone subnets agree on (decision
 * 0005), and the subnets that are not the allocated ones (zone overrides).
 */
import { contains, formatPrefix, parseInterface, parsePrefix, subnet, type Address, type Commune, type Prefix, type ProvinceModel, type ZoneModel } from "@communes/inventory";
import type { Entry, TableState } from "@communes/routeros/model";
import { parseZoneInterface, zoneInterface } from "../router/names";
import { entries } from "./reading";

/** Live zone: the router's VLAN interface and addresses for one province zone. */
export interface LiveZone {
  zone: ZoneModel;
  interface?: string;
  vlan?: number;
  ipv4?: { address: Address; prefix: Prefix };
  ipv6?: { address: Address; prefix: Prefix };
}

export function liveZones(province: ProvinceModel, tables: Record<string, TableState>): LiveZone[] {
  const vlanIfs = entries(tables, "/interface/vlan");
  const v4 = entries(tables, "/ip/address");
  const v6 = entries(tables, "/ipv6/address");
  const taken = new Set<string>();
  const free = (v: Entry) => v.name !== undefined && !taken.has(v.name);
  return province.zones.map((zone) => {
    const standard = zoneInterface({ vlan: zone.vlan, zone: zone.name });
    const found =
      vlanIfs.find((v) => v.name === standard) ?? vlanIfs.find((v) => free(v) && parseZoneInterface(v.name!)?.zone === zone.name) ?? vlanIfs.find((v) => free(v) && v["vlan-id"] === String(zone.vlan));
    if (!found?.name) return { zone };
    taken.add(found.name);
    const addr = (list: Entry[], family: 4 | 6) => {
      const e = list.find((a) => a.interface === found.name);
      const parsed = e?.address ? parseInterface(e.address, family) : undefined;
      return parsed?.ok ? parsed.value : undefined;
    };
    const ipv4 = addr(v4, 4);
    const ipv6 = addr(v6, 6);
    return { zone, interface: found.name, vlan: Number(found["vlan-id"]), ...(ipv4 ? { ipv4 } : {}), ...(ipv6 ? { ipv6 } : {}) };
  });
}

function indexIn(pool: Prefix, prefix: Prefix, length: number): number | undefined {
  if (prefix.length !== length || !contains(pool, prefix)) return undefined;
  const bits = BigInt((pool.family === 4 ? 32 : 128) - length);
  return Number((prefix.network - pool.network) >> bits);
}

/** The index most zone subnets agree on. */
export function communeIndex(province: ProvinceModel, zones: LiveZone[]): number | undefined {
  const votes = new Map<number, number>();
  const vote = (i: number | undefined) => i !== undefined && votes.set(i, (votes.get(i) ?? 0) + 1);
  const pool6 = parsePrefix(province.ipv6Pool);
  const length6 = province.communeIpv6PrefixLength;
  for (const z of zones) {
    const pool = parsePrefix(z.zone.ipv4Pool);
    if (pool.ok && z.ipv4) vote(indexIn(pool.value, z.ipv4.prefix, z.zone.ipv4PrefixLength));
    if (pool6.ok && z.ipv6) vote(indexIn(pool6.value, { ...z.ipv6.prefix, network: z.ipv6.prefix.network & ~((1n << BigInt(128 - length6)) - 1n), length: length6 }, length6));
  }
  return [...votes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
}

export function zoneOverrides(province: ProvinceModel, zones: LiveZone[], index: number): NonNullable<Commune["zones"]> {
  const out: NonNullable<Commune["zones"]> = {};
  const pool6 = parsePrefix(province.ipv6Pool);
  const block = pool6.ok ? subnet(pool6.value, province.communeIpv6PrefixLength, index) : undefined;
  for (const z of zones) {
    const pool = parsePrefix(z.zone.ipv4Pool);
    const planned4 = pool.ok ? subnet(pool.value, z.zone.ipv4PrefixLength, index) : undefined;
    const planned6 = block?.ok ? subnet(block.value, 64, z.zone.ipv6SubnetId) : undefined;
    const o: { ipv4?: string; ipv6?: string } = {};
    if (z.ipv4 && !(planned4?.ok && formatPrefix(planned4.value) === formatPrefix(z.ipv4.prefix))) o.ipv4 = formatPrefix(z.ipv4.prefix);
    if (z.ipv6 && !(planned6?.ok && formatPrefix(planned6.value) === formatPrefix(z.ipv6.prefix))) o.ipv6 = formatPrefix(z.ipv6.prefix);
    if (o.ipv4 || o.ipv6) out[z.zone.name] = o;
  }
  return out;
}
