/** Checks of the province file on its own: zones, pools, destinations, flows. */
import { formatPrefix, overlaps, parsePrefix, size, subnet, type Prefix } from "../addressing/cidr";
import { dhcpProblem } from "../plan/dhcp-range";
import type { Finding } from "../diagnostic";
import type { ProvinceModel } from "../model/model";
import { closest } from "../schema/suggest";
import { timeZoneProblem } from "./time-zones";

/** Communes a pool must hold at least: the province's 166 with room to spare. */
export const MIN_COMMUNES = 256;

function prefix(text: string): Prefix {
  const parsed = parsePrefix(text);
  if (!parsed.ok) throw new Error(`schema-validated prefix did not parse: ${text}`);
  return parsed.value;
}

export function checkProvince(p: ProvinceModel): Finding[] {
  const findings: Finding[] = [];
  const at = (path: (string | number)[], message: string, key = false): void => {
    findings.push({ file: p.file, path, message, ...(key ? { at: "key" as const } : {}) });
  };

  // VLAN IDs and IPv6 subnet ids are per zone and must not repeat.
  for (const [field, label] of [["vlan", "VLAN ID"], ["ipv6SubnetId", "IPv6 subnet id"]] as const) {
    const seen = new Map<number, string>();
    for (const zone of p.zones) {
      const other = seen.get(zone[field]);
      if (other) at(["zones", zone.name, field], `${label} ${zone[field]} is already used by zone ${other}`);
      else seen.set(zone[field], zone.name);
    }
  }

  // Pools: room for enough communes, no overlap with each other or with destinations.
  const pools = p.zones.map((z) => ({ zone: z, pool: prefix(z.ipv4Pool) }));
  for (const { zone, pool } of pools) {
    if (zone.ipv4PrefixLength < pool.length) {
      at(["zones", zone.name, "ipv4", "prefixLength"], `/${zone.ipv4PrefixLength} subnets cannot come from the smaller pool ${zone.ipv4Pool}`);
    } else if (size(pool) / (1n << BigInt(32 - zone.ipv4PrefixLength)) < BigInt(MIN_COMMUNES)) {
      const count = size(pool) / (1n << BigInt(32 - zone.ipv4PrefixLength));
      at(["zones", zone.name, "ipv4", "pool"], `${zone.ipv4Pool} holds only ${count} subnets of /${zone.ipv4PrefixLength}; the plan needs room for at least ${MIN_COMMUNES} communes`);
    }
  }
  // DHCP pools and IPv6 subnet ids, checked once on the first subnet: every
  // commune's subnet of a zone has the same size.
  for (const { zone, pool } of pools) {
    if (zone.ipv4PrefixLength < pool.length) continue;
    const first = subnet(pool, zone.ipv4PrefixLength, 0);
    if (zone.dhcp && first.ok) {
      const problem = dhcpProblem(first.value, zone.dhcp);
      if (problem) at(["zones", zone.name, "dhcp"], `${problem} (in every /${zone.ipv4PrefixLength} of zone ${zone.name})`);
    }
    const subnets = 1 << (64 - p.communeIpv6PrefixLength);
    if (zone.ipv6SubnetId >= subnets) {
      at(["zones", zone.name, "ipv6SubnetId"], `${zone.ipv6SubnetId} does not fit a commune's /${p.communeIpv6PrefixLength}, which holds /64 subnets 0 to ${subnets - 1}`);
    }
  }
  const ipv6Pool = prefix(p.ipv6Pool);
  const ipv6Count = 1n << BigInt(p.communeIpv6PrefixLength - ipv6Pool.length);
  if (p.communeIpv6PrefixLength < ipv6Pool.length || ipv6Count < BigInt(MIN_COMMUNES)) {
    at(["addressing", "ipv6", "pool"], `${p.ipv6Pool} holds only ${p.communeIpv6PrefixLength < ipv6Pool.length ? 0 : ipv6Count} commune blocks of /${p.communeIpv6PrefixLength}; the plan needs room for at least ${MIN_COMMUNES}`);
  }
  pools.forEach((a, i) => {
    for (const b of pools.slice(i + 1)) {
      if (overlaps(a.pool, b.pool)) at(["zones", b.zone.name, "ipv4", "pool"], `${b.zone.ipv4Pool} overlaps the pool of zone ${a.zone.name} (${a.zone.ipv4Pool})`);
    }
  });
  const communeSpace = [...pools.map((x) => ({ what: `the pool of zone ${x.zone.name}`, prefix: x.pool })), { what: "the IPv6 pool", prefix: ipv6Pool }];
  p.destinations.forEach((d) => {
    d.prefixes.forEach((text, pi) => {
      const dp = prefix(text);
      const hit = communeSpace.find((c) => overlaps(c.prefix, dp));
      if (hit) at(["destinations", d.name, "prefixes", pi], `${text} overlaps ${hit.what} (${formatPrefix(hit.prefix)}): communes would route it locally`);
    });
  });

  // A host name is in one destination: the verifier checks a need for it as a need for that destination.
  const hostHome = new Map<string, string>();
  p.destinations.forEach((d) => {
    (d.hosts ?? []).forEach((host, hi) => {
      const home = hostHome.get(host);
      if (home) at(["destinations", d.name, "hosts", hi], `${host} is already a host of destination ${home}: a name is in one destination`);
      else hostHome.set(host, d.name);
    });
  });

  const timezone = timeZoneProblem(p.defaults.timezone);
  if (timezone) at(["defaults", "timezone"], timezone);

  // Flows: every name known; every zone on some path.
  const zoneNames = p.zones.map((z) => z.name);
  const known = [...zoneNames, ...p.destinations.map((d) => d.name), "internet"];
  p.flows.forEach((flow, i) => {
    const check = (name: string, path: (string | number)[]) => {
      if (known.includes(name)) return;
      const near = closest(name, known);
      at(path, `${JSON.stringify(name)} is neither a zone, a destination nor internet${near ? `; did you mean ${JSON.stringify(near)}?` : ""}`);
    };
    check(flow.from, ["flows", i, "from"]);
    if (flow.from === "internet") at(["flows", i, "from"], "no flow may start from the Internet: the zones are not reachable from it");
    flow.to.forEach((name, j) => check(name, ["flows", i, "to", j]));
  });
  for (const zone of p.zones) {
    const onPath = p.flows.some((f) => f.from === zone.name || f.to.includes(zone.name));
    if (!onPath) at(["zones", zone.name], `zone ${zone.name} has no path in the flow policy: nothing may reach it and it may reach nothing; add a flow or remove the zone`, true);
  }
  return findings;
}
