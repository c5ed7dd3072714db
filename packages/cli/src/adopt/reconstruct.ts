/**
 * The inverse of the intent: a commune inventory document rebuilt from what
 * its devices hold. The province says how zones, VLANs and pools are laid
 * out; the router's zone addresses give the commune's index (decision 0005)
 * and any subnet that is not the allocated one becomes a zone override.
 * What no device holds (the official code, the former communes, models,
 * rooms) comes from the engineer. Pure: no device, no file.
 */
import {
  contains,
  formatAddress,
  formatPrefix,
  parseAddress,
  parseInterface,
  parsePrefix,
  subnet,
  usableRange,
  type Address,
  type Commune,
  type Prefix,
  type ProvinceModel,
  type ZoneModel,
} from "@communes/inventory";
import { zoneInterface } from "@communes/intent";
import { normalisePort, type IosConfig } from "@communes/switch";
import type { Entry, TableState } from "@communes/routeros";
import type { LiveEndpoint, LiveOffice, LiveSwitch } from "./read-devices";

/** What the devices cannot tell: from the engineer. */
export interface Identity {
  code: string;
  mergedFrom: string[];
  /** When the router's identity is not "<kind> <name>". */
  name?: string;
  kind?: "xã" | "phường";
  /** When no zone address lies in the province's pools. */
  index?: number;
  routerHostname?: string;
  routerModel?: string;
}

/** The office cannot be written as an inventory: each problem names the device and property. */
export class ReconstructError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
  }
}

export interface Reconstruction {
  document: Commune;
  /** Things on the devices the inventory has no place for (not written, reported). */
  unexpressed: string[];
}

const DEFAULT_TRUNK = "ether3";
const PPPOE_SECRET = "pppoePassword";

/** Live zone: the router's VLAN interface and addresses for one province zone. */
interface LiveZone {
  zone: ZoneModel;
  interface?: string;
  vlan?: number;
  ipv4?: { address: Address; prefix: Prefix };
  ipv6?: { address: Address; prefix: Prefix };
}

function entries(tables: Record<string, TableState>, path: string): Entry[] {
  return Object.values(tables[path]?.entries ?? {});
}

function settings(tables: Record<string, TableState>, path: string): Entry {
  return tables[path]?.entries.settings ?? {};
}

/** "Thiệu Trung" → "thieu-trung". */
export function slug(name: string): string {
  return name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

function indexIn(pool: Prefix, prefix: Prefix, length: number): number | undefined {
  if (prefix.length !== length || !contains(pool, prefix)) return undefined;
  const bits = BigInt((pool.family === 4 ? 32 : 128) - length);
  return Number((prefix.network - pool.network) >> bits);
}

/** Host number `n` of an address in its prefix (1 = first usable), as the inventory writes it. */
function hostNumber(prefix: Prefix, address: Address): number | undefined {
  const [first, last] = usableRange(prefix);
  if (address.family !== prefix.family || address.value < first || address.value > last) return undefined;
  return Number(address.value - first) + 1;
}

function liveZones(province: ProvinceModel, tables: Record<string, TableState>): LiveZone[] {
  const vlanIfs = entries(tables, "/interface/vlan");
  const v4 = entries(tables, "/ip/address");
  const v6 = entries(tables, "/ipv6/address");
  const taken = new Set<string>();
  return province.zones.map((zone) => {
    const standard = zoneInterface({ vlan: zone.vlan, zone: zone.name });
    const suffix = `-${zone.name.replace(/_/g, "-")}`;
    const found =
      vlanIfs.find((v) => v.name === standard) ?? vlanIfs.find((v) => !taken.has(v.name!) && v.name?.endsWith(suffix)) ?? vlanIfs.find((v) => !taken.has(v.name!) && v["vlan-id"] === String(zone.vlan));
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

/** The index most zone subnets agree on. */
function communeIndex(province: ProvinceModel, zones: LiveZone[]): number | undefined {
  const votes = new Map<number, number>();
  const vote = (i: number | undefined) => i !== undefined && votes.set(i, (votes.get(i) ?? 0) + 1);
  const pool6 = parsePrefix(province.ipv6Pool);
  for (const z of zones) {
    const pool = parsePrefix(z.zone.ipv4Pool);
    if (pool.ok && z.ipv4) vote(indexIn(pool.value, z.ipv4.prefix, z.zone.ipv4PrefixLength));
    if (pool6.ok && z.ipv6) vote(indexIn(pool6.value, { ...z.ipv6.prefix, network: z.ipv6.prefix.network & ~((1n << BigInt(128 - province.communeIpv6PrefixLength)) - 1n), length: province.communeIpv6PrefixLength }, province.communeIpv6PrefixLength));
  }
  return [...votes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
}

function zoneOverrides(province: ProvinceModel, zones: LiveZone[], index: number): NonNullable<Commune["zones"]> {
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

/** The uplink addressed on the interface whose link holds `gateway`. */
function linkVia(list: Entry[], gateway: string | undefined, family: 4 | 6, zoneIfs: Set<string>): { interface: string; address: string; gateway: string } | undefined {
  const gw = gateway ? parseAddress(gateway, family) : undefined;
  if (!gw?.ok) return undefined;
  for (const e of list) {
    if (!e.interface || zoneIfs.has(e.interface) || !e.address) continue;
    const i = parseInterface(e.address, family);
    if (i.ok && contains(i.value.prefix, gw.value)) return { interface: e.interface, address: e.address, gateway: formatAddress(gw.value) };
  }
  return undefined;
}

function uplinks(province: ProvinceModel, tables: Record<string, TableState>, zoneIfs: Set<string>, problems: string[]): Commune["uplinks"] | undefined {
  const routes4 = entries(tables, "/ip/route");
  const routes6 = entries(tables, "/ipv6/route");
  const government = province.destinations.filter((d) => d.via === "dedicated").flatMap((d) => d.prefixes);
  const gatewayTo = (routes: Entry[], family: 4 | 6) =>
    routes.find((r) => government.some((p) => { const a = parsePrefix(p, family); const b = parsePrefix(r["dst-address"] ?? "", family); return a.ok && b.ok && formatPrefix(a.value) === formatPrefix(b.value); }))?.gateway ??
    routes.find((r) => (r["dst-address"] === "0.0.0.0/0" || r["dst-address"] === "::/0") && r.distance === "2")?.gateway;
  const dedicated4 = linkVia(entries(tables, "/ip/address"), gatewayTo(routes4, 4), 4, zoneIfs);
  if (!dedicated4) {
    problems.push("router /ip/route: no route to the province's government networks through an addressed line, so the dedicated line cannot be told apart");
    return undefined;
  }
  const dedicated6 = linkVia(entries(tables, "/ipv6/address"), gatewayTo(routes6, 6), 6, zoneIfs);
  const queue = entries(tables, "/queue/tree").find((q) => q.name === "dedicated");
  const mbps = queue?.["max-limit"] ? Number(queue["max-limit"]) / 1_000_000 : undefined;
  const dedicated: Commune["uplinks"]["dedicated"] = {
    interface: dedicated4.interface,
    ipv4: { address: dedicated4.address, gateway: dedicated4.gateway },
    ...(dedicated6 ? { ipv6: { address: dedicated6.address, gateway: dedicated6.gateway } } : {}),
    ...(mbps !== undefined && mbps !== province.defaults.dedicatedLine.bandwidthMbps ? { bandwidthMbps: mbps } : {}),
  };

  const dhcp = entries(tables, "/ip/dhcp-client").find((c) => c.interface && c.interface !== dedicated.interface);
  const pppoe = entries(tables, "/interface/pppoe-client")[0];
  let internet: Commune["uplinks"]["internet"] | undefined;
  if (pppoe?.interface) internet = { type: "pppoe", interface: pppoe.interface, username: pppoe.user ?? "", passwordSecret: PPPOE_SECRET };
  else if (dhcp?.interface) internet = { type: "dhcp", interface: dhcp.interface };
  else {
    const default4 = routes4.find((r) => r["dst-address"] === "0.0.0.0/0" && (r.distance ?? "1") === "1");
    // IPv6 to the Internet goes over the dedicated line: the ISP's IPv6 route is the other default.
    const default6 = routes6.find((r) => r["dst-address"] === "::/0" && r.gateway !== dedicated.ipv6?.gateway);
    const static4 = linkVia(entries(tables, "/ip/address"), default4?.gateway, 4, zoneIfs);
    const static6 = linkVia(entries(tables, "/ipv6/address"), default6?.gateway, 6, zoneIfs);
    if (static4) internet = { type: "static", interface: static4.interface, ipv4: { address: static4.address, gateway: static4.gateway }, ...(static6 ? { ipv6: { address: static6.address, gateway: static6.gateway } } : {}) };
  }
  if (!internet) {
    problems.push("router: no Internet line found (no DHCP client, no PPPoE client, no default route of distance 1 through an addressed line)");
    return undefined;
  }
  return { dedicated, internet };
}

function overrides(province: ProvinceModel, tables: Record<string, TableState>): NonNullable<Commune["overrides"]> {
  const d = province.defaults;
  const out: NonNullable<Commune["overrides"]> = {};
  const list = (text: string | undefined) => (text ? text.split(",").filter(Boolean) : []);
  const same = (a: readonly unknown[], b: readonly unknown[]) => JSON.stringify(a) === JSON.stringify(b);
  const timezone = settings(tables, "/system/clock")["time-zone-name"];
  if (timezone && timezone !== d.timezone) out.timezone = timezone;
  const dns = list(settings(tables, "/ip/dns").servers);
  if (dns.length > 0 && !same(dns, d.dns)) out.dns = dns;
  const ntp = list(settings(tables, "/system/ntp/client").servers);
  if (ntp.length > 0 && !same(ntp, d.ntp)) out.ntp = ntp;
  const syslog = entries(tables, "/system/logging/action")
    .filter((a) => a.target === "remote" && a.remote)
    .map((a) => ({ address: a.remote!, ...(a["remote-port"] && a["remote-port"] !== "514" ? { port: Number(a["remote-port"]) } : {}), ...(a["remote-protocol"] && a["remote-protocol"] !== "udp" ? { protocol: a["remote-protocol"] as "udp" | "tcp" } : {}) }));
  const syslogDefault = d.syslog.map((s) => ({ address: s.address, ...(s.port && s.port !== 514 ? { port: s.port } : {}), ...(s.protocol && s.protocol !== "udp" ? { protocol: s.protocol } : {}) }));
  if (syslog.length > 0 && !same(syslog, syslogDefault)) out.syslog = syslog;
  const services = new Map(entries(tables, "/ip/service").map((s) => [s.name, s.disabled !== "true"]));
  const transport = services.get("api-ssl") ? "api-ssl" : services.get("api") ? "api" : services.get("www-ssl") ? "rest" : undefined;
  if (transport && transport !== d.router.api.transport) out.router = { api: { transport } };
  return out;
}

/** `GigabitEthernet1/0/7` → stem and number, for ranges. */
function portNumber(name: string): { stem: string; n: number } | undefined {
  const m = /^(.*?)(\d+)$/.exec(name);
  return m ? { stem: m[1]!, n: Number(m[2]) } : undefined;
}

type PortEntry = Commune["switches"][number]["ports"][number];

function switchPorts(config: IosConfig, zoneOfVlan: Map<number, string>, device: string, unexpressed: string[]): PortEntry[] {
  const runs: Array<{ first: string; last: string; lastN: number; stem: string; entry: Omit<PortEntry, "ports"> }> = [];
  for (const [name, raw] of Object.entries(config.ports)) {
    const p = normalisePort(raw);
    let entry: Omit<PortEntry, "ports">;
    if (p.mode === "trunk") entry = { role: "trunk" };
    else if (p.shutdown) entry = { role: "unused" };
    else if (p.mode === "access" && zoneOfVlan.has(p.accessVlan!)) entry = { role: "access", zone: zoneOfVlan.get(p.accessVlan!)! };
    else {
      unexpressed.push(`${device} ${name}: ${p.mode === "dynamic" ? "left as IOS leaves an unconfigured port" : `access port in VLAN ${p.accessVlan}, which is no zone`}; no role of the inventory describes it, so it stays unmanaged`);
      continue;
    }
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

function switchOf(live: LiveSwitch, zones: LiveZone[], unexpressed: string[], problems: string[]): Commune["switches"][number] | undefined {
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
    ports: switchPorts(config, zoneOfVlan, device, unexpressed),
  };
}

function endpointOf(live: LiveEndpoint, zones: LiveZone[], problems: string[]): Commune["endpoints"][number] | undefined {
  const s = live.settings;
  const { access } = live;
  if (!s.systemName) {
    problems.push(`endpoint ${access.host} systemName: the endpoint has no system name`);
    return undefined;
  }
  let zone = "meeting_room";
  let address: Commune["endpoints"][number]["address"] = "dhcp";
  if (s["network.ipv4.mode"] !== "dhcp" && s["network.ipv4.address"]) {
    const a = parseAddress(s["network.ipv4.address"], 4);
    const home = a.ok ? zones.find((z) => z.ipv4 && contains(z.ipv4.prefix, a.value)) : undefined;
    if (a.ok && home?.ipv4) {
      zone = home.zone.name;
      const n = hostNumber(home.ipv4.prefix, a.value);
      address = n !== undefined ? { host: n } : { address: formatAddress(a.value) };
    } else if (a.ok) address = { address: formatAddress(a.value) };
  }
  const sipOn = s["sip.enabled"] === "true";
  const user = s["sip.authUser"] || s["sip.uri"]?.split("@")[0];
  return {
    systemName: s.systemName,
    room: access.room,
    vendor: access.vendor,
    model: access.model,
    ...(zone !== "meeting_room" ? { zone } : {}),
    address,
    ...(sipOn && user ? { sip: { user } } : {}),
    ...(s["h323.enabled"] === "true" ? { h323: { ...(s["h323.alias"] ? { alias: s["h323.alias"] } : {}), ...(s["h323.e164"] ? { e164: s["h323.e164"] } : {}) } } : {}),
    tlsFingerprint: access.tlsFingerprint,
  };
}

export function reconstruct(province: ProvinceModel, live: LiveOffice, identity: Identity): Reconstruction {
  const problems: string[] = [];
  const unexpressed: string[] = [];
  const tables = live.router.tables;

  // The commune's name is in the router's note (older configurations kept it in the identity).
  const hostIdentity = settings(tables, "/system/identity").name ?? "";
  const note = settings(tables, "/system/note").note ?? "";
  const [where, label] = note.trim() !== "" ? ["/system/note note", note] : ["/system/identity name", hostIdentity];
  const named = /^(xã|phường)\s+(.+)$/.exec(label.trim());
  const kind = identity.kind ?? (named?.[1] as "xã" | "phường" | undefined);
  const name = identity.name ?? named?.[2];
  if (!kind || !name) problems.push(`router ${where}: ${JSON.stringify(label)} is not "xã <name>" or "phường <name>"; give --name and --kind`);
  const identityHostname = /^[a-z0-9][a-z0-9-]*$/.test(hostIdentity) ? hostIdentity : undefined;

  const zones = liveZones(province, tables);
  for (const z of zones) if (!z.interface) unexpressed.push(`router /interface/vlan: no VLAN interface for zone ${z.zone.name}; the inventory will create it`);
  const index = identity.index ?? communeIndex(province, zones);
  if (index === undefined) problems.push("router /ip/address: no zone address lies in the province's pools, so the commune's index cannot be told; give --index");

  const zoneIfs = new Set(zones.flatMap((z) => (z.interface ? [z.interface] : [])));
  const links = uplinks(province, tables, zoneIfs, problems);
  const trunk = entries(tables, "/interface/bridge/port")[0]?.interface;
  const switches = live.switches.map((s) => switchOf(s, zones, unexpressed, problems));
  const endpoints = live.endpoints.map((e) => endpointOf(e, zones, problems));
  const leases = entries(tables, "/ip/dhcp-server/lease");
  const reservations = leases.flatMap((l) => {
    const a = l.address ? parseAddress(l.address, 4) : undefined;
    const zone = a?.ok ? zones.find((z) => z.ipv4 && contains(z.ipv4.prefix, a.value)) : undefined;
    if (!zone || !l["mac-address"]) {
      unexpressed.push(`router /ip/dhcp-server/lease ${l.address ?? "?"}: in no zone of the commune; not written`);
      return [];
    }
    return [{ name: l.comment || `reservation ${l["mac-address"]}`, zone: zone.zone.name, mac: l["mac-address"], address: l.address! }];
  });
  if (problems.length > 0 || !kind || !name || index === undefined || !links) throw new ReconstructError(problems);

  const zoneOverride = zoneOverrides(province, zones, index);
  const settingOverrides = overrides(province, tables);
  const access = live.router.access;
  const document: Commune = {
    code: identity.code,
    name,
    kind,
    mergedFrom: identity.mergedFrom,
    index,
    ...(Object.keys(zoneOverride).length > 0 ? { zones: zoneOverride } : {}),
    uplinks: links,
    router: {
      hostname: identity.routerHostname ?? identityHostname ?? `${slug(name)}-r1`,
      ...(identity.routerModel ? { model: identity.routerModel } : {}),
      ...(trunk && trunk !== DEFAULT_TRUNK ? { trunk } : {}),
      ...(access.transport !== "api" && access.tlsFingerprint ? { tlsFingerprint: access.tlsFingerprint } : {}),
      ...(access.hostKey ? { hostKey: access.hostKey } : {}),
    },
    switches: switches.filter((s): s is NonNullable<typeof s> => s !== undefined),
    endpoints: endpoints.filter((e): e is NonNullable<typeof e> => e !== undefined),
    ...(reservations.length > 0 ? { reservations } : {}),
    ...(Object.keys(settingOverrides).length > 0 ? { overrides: settingOverrides } : {}),
  };
  return { document, unexpressed };
}
