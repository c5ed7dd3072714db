/**
 * The places of one commune the verifier speaks of — its zones, the
 * province's named destinations, the Internet, and the router itself — and
 * one representative address of each per family, the address the matrix
 * asks about.
 */
import { contains, formatAddress, lastAddress, parseAddress, type Address, type Family, type Prefix } from "@communes/inventory";

export interface SiteZone {
  name: string;
  ipv4?: Prefix;
  ipv6?: Prefix;
  /** The router's address in the zone. */
  gateway4?: Address;
  gateway6?: Address;
}

export interface SiteDestination {
  name: string;
  prefixes: Prefix[];
  /** DNS names the inventory declares in it (not resolved: a need for one is a need for the destination). */
  hosts: string[];
}

export interface Site {
  zones: SiteZone[];
  destinations: SiteDestination[];
  uplinks: {
    /** The Internet line's interfaces (its port, and its PPPoE interface when it has one). */
    internet: string[];
    dedicated: string;
  };
  /** The uplinks' own networks (the router's line addresses): not the Internet the matrix speaks of. */
  links: Prefix[];
}

export const INTERNET = "internet";
export const ROUTER = "router";

export type PlaceKind = "zone" | "destination" | "internet" | "router";

export interface Place {
  name: string;
  kind: PlaceKind;
}

/** Documentation ranges (RFC 5737, RFC 9637) stand for "anywhere on the Internet". */
const INTERNET_CANDIDATES: Record<Family, string[]> = { 4: ["203.0.113.10", "198.51.100.10", "192.0.2.10"], 6: ["3fff::10", "3fff:fff::10"] };

function prefixOf(zone: SiteZone, family: Family): Prefix | undefined {
  return family === 4 ? zone.ipv4 : zone.ipv6;
}

export function places(site: Site): Place[] {
  return [
    ...site.zones.map((z) => ({ name: z.name, kind: "zone" as const })),
    ...site.destinations.map((d) => ({ name: d.name, kind: "destination" as const })),
    { name: INTERNET, kind: "internet" },
    { name: ROUTER, kind: "router" },
  ];
}

export function kindOf(site: Site, name: string): PlaceKind | undefined {
  return places(site).find((p) => p.name === name)?.kind;
}

function allPrefixes(site: Site, family: Family): Array<{ name: string; prefix: Prefix }> {
  return [
    ...site.zones.flatMap((z) => (prefixOf(z, family) ? [{ name: z.name, prefix: prefixOf(z, family)! }] : [])),
    ...site.destinations.flatMap((d) => d.prefixes.filter((p) => p.family === family).map((prefix) => ({ name: d.name, prefix }))),
  ];
}

/** The place an address belongs to: the most specific zone or destination holding it, else the Internet. */
export function placeOf(site: Site, address: Address): string {
  let best: { name: string; prefix: Prefix } | undefined;
  for (const p of allPrefixes(site, address.family)) if (contains(p.prefix, address) && (!best || p.prefix.length > best.prefix.length)) best = p;
  return best?.name ?? INTERNET;
}

/** The address the matrix uses for a place, or undefined when the place has none in this family. */
export function representative(site: Site, name: string, family: Family): Address | undefined {
  const zone = site.zones.find((z) => z.name === name);
  if (zone) {
    const gateway = family === 4 ? zone.gateway4 : zone.gateway6;
    return gateway ? { family, value: gateway.value + 1n } : undefined;
  }
  const destination = site.destinations.find((d) => d.name === name);
  if (destination) {
    for (const prefix of destination.prefixes.filter((p) => p.family === family)) {
      const candidates = [prefix.network + 1n, (prefix.network + lastAddress(prefix)) / 2n, lastAddress(prefix) - 1n];
      const own = candidates.map((value) => ({ family, value })).find((a) => placeOf(site, a) === name);
      if (own) return own;
    }
    return undefined;
  }
  if (name === INTERNET) {
    for (const text of INTERNET_CANDIDATES[family]) {
      const a = parseAddress(text, family);
      if (a.ok && placeOf(site, a.value) === INTERNET && !site.links.some((l) => contains(l, a.value))) return a.value;
    }
  }
  return undefined;
}

export function addressText(a: Address): string {
  return formatAddress(a);
}

/** Whether every prefix of destination `inner` lies in one of `outer` (the MCU's network inside the government networks). */
export function within(site: Site, inner: string, outer: string): boolean {
  if (inner === outer) return true;
  const a = site.destinations.find((d) => d.name === inner);
  const b = site.destinations.find((d) => d.name === outer);
  if (!a || !b || a.prefixes.length === 0) return false;
  return a.prefixes.every((p) => b.prefixes.some((q) => q.family === p.family && q.length <= p.length && contains(q, { family: p.family, value: p.network })));
}
