/**
 * Where the router sends a packet: RouterOS's route selection over the
 * routes the configuration creates — connected networks of its addresses
 * (distance 0), static routes (`/ip/route`, `/ipv6/route`, gateway resolved
 * to the interface of the connected network that holds it), and the default
 * routes its DHCP, DHCPv6 and PPPoE clients add (`add-default-route`,
 * `default-route-distance`). The most specific prefix wins, then the lowest
 * distance. Interfaces marked down take their routes with them (the failover
 * case).
 */
import { parseInterface, parsePrefix, type Address, type Family, type Prefix, contains } from "@communes/inventory";
import { active, isYes, type RouterConfig } from "./router-config";

export interface Route {
  prefix: Prefix;
  interface: string;
  distance: number;
  /** What made the route: `connected`, `/ip/route`, `/ip/dhcp-client`… */
  source: string;
}

const DEFAULT: Record<Family, string> = { 4: "0.0.0.0/0", 6: "::/0" };

/** The router's own addresses on each interface. */
export function interfaceAddresses(config: RouterConfig, family: Family): Array<{ interface: string; address: Address; prefix: Prefix }> {
  const out: Array<{ interface: string; address: Address; prefix: Prefix }> = [];
  for (const row of active(config, family === 4 ? "/ip/address" : "/ipv6/address")) {
    const parsed = parseInterface(row.address ?? "", family);
    if (parsed.ok && row.interface) out.push({ interface: row.interface, ...parsed.value });
  }
  return out;
}

export function routes(config: RouterConfig, family: Family, down: ReadonlySet<string> = new Set()): Route[] {
  const connected: Route[] = interfaceAddresses(config, family).map((a) => ({ prefix: a.prefix, interface: a.interface, distance: 0, source: "connected" }));
  const out: Route[] = [...connected];
  const menu = family === 4 ? "/ip/route" : "/ipv6/route";
  for (const row of active(config, menu)) {
    const prefix = parsePrefix(row["dst-address"] ?? "", family);
    if (!prefix.ok) continue;
    const gateway = row.gateway ?? "";
    const via = connected.find((c) => {
      const a = parseInterface(`${gateway}/${family === 4 ? 32 : 128}`, family);
      return a.ok && contains(c.prefix, a.value.address);
    });
    const iface = via?.interface ?? (gateway !== "" && !/[.:]/.test(gateway) ? gateway : undefined);
    if (iface) out.push({ prefix: prefix.value, interface: iface, distance: Number(row.distance ?? "1"), source: `${menu} ${row.comment ?? row["dst-address"]}` });
  }
  const clients = family === 4 ? ["/ip/dhcp-client", "/interface/pppoe-client"] : ["/ipv6/dhcp-client"];
  for (const client of clients) {
    for (const row of active(config, client)) {
      // RouterOS's defaults: yes for the DHCP client, no for PPPoE and DHCPv6 clients.
      if (!isYes(row["add-default-route"] ?? (client === "/ip/dhcp-client" ? "yes" : "no"))) continue;
      const iface = client === "/interface/pppoe-client" ? row.name : row.interface;
      if (!iface) continue;
      out.push({ prefix: (parsePrefix(DEFAULT[family]) as { ok: true; value: Prefix }).value, interface: iface, distance: Number(row["default-route-distance"] ?? "1"), source: `${client} on ${row.interface}` });
    }
  }
  return out.filter((r) => !down.has(r.interface));
}

/** The route a packet to `address` takes, or undefined when none leads there. */
export function lookup(table: readonly Route[], address: Address): Route | undefined {
  let best: Route | undefined;
  for (const r of table) {
    if (!contains(r.prefix, address)) continue;
    if (!best || r.prefix.length > best.prefix.length || (r.prefix.length === best.prefix.length && r.distance < best.distance)) best = r;
  }
  return best;
}
