/**
 * What the configuration itself needs to work, beyond the flow policy: the
 * DNS and NTP servers its DHCP and router advertisements hand out, the
 * router's own DNS, NTP and syslog servers, each switch's syslog, each endpoint's NTP, DNS,
 * registrar, gatekeeper and syslog, and the managers' way to the router, each
 * switch and each endpoint. Each becomes a requirement the verifier checks.
 */
import { formatAddress, parseAddress, parsePrefix, type Address, type Family } from "@communes/inventory";
import type { ApiTransport } from "@communes/routeros/model";
import { interfaceAddresses } from "./routing";
import type { Point } from "./reach";
import { active, isYes, items, type RouterConfig } from "./router-config";
import { service, type Service } from "./services";
import { ROUTER, placeOf, representative, type Site } from "./site";

export interface Requirement {
  /** Who needs it and why, e.g. "DHCP of staff hands out 10.40.7.1 as DNS server". */
  why: string;
  from: Point;
  /** Where to; `host` when the configuration names a host the verifier cannot resolve. */
  to: Point & { host?: string };
  family: Family;
  service: Service;
  /** The server as the configuration names it (an address or a host name), for the needs of a server: where the inventory writes it locates a failure. */
  server?: string;
}

export interface EndpointFacts {
  name: string;
  zone: string;
  /** Its static address; none when it takes one by DHCP. */
  address?: Address;
  /** Its settings by the project's names (`ntp.server`, `sip.registrar`…). */
  settings: Readonly<Record<string, string | undefined>>;
}

export interface DeviceFacts {
  endpoints: readonly EndpointFacts[];
  /** Each switch: its management address and the syslog collectors it logs to (UDP 514). */
  switches: ReadonlyArray<{ name: string; address: Address; syslog: readonly string[] }>;
  /** The API the stack reaches the router by, and the port its service listens on. */
  routerApi: { transport: ApiTransport; port: number };
  /** Places the province's policy manages the office from (the NOC). */
  managers: readonly string[];
  /** The address the stack connects from, when it is known: it must keep its way to the router. */
  operator?: Address;
}

/** The service a stack's API transport is, as the verifier names services. */
function apiService({ transport, port }: DeviceFacts["routerApi"]): Service {
  return { name: transport === "rest" ? "https" : transport, protocol: "tcp", port };
}

/** Where an address is: the router when it is one of the router's own, else the place holding it; a host name, in its declared destination. */
function target(config: RouterConfig, site: Site, text: string): (Point & { host?: string }) | undefined {
  const a = parseAddress(text);
  if (a.ok) return { place: interfaceAddresses(config, a.value.family).some((x) => x.address.value === a.value.value) ? ROUTER : placeOf(site, a.value), address: a.value };
  if (text === "") return undefined;
  // A name the inventory declares in a destination is checked as that destination; any other stays unchecked.
  const home = site.destinations.find((d) => d.hosts.includes(text.toLowerCase()));
  return home ? { place: home.name } : { place: "?", host: text };
}

function familyOf(to: Point & { host?: string }, fallback: Family): Family {
  return to.address?.family ?? fallback;
}

export function requirements(config: RouterConfig, site: Site, facts: DeviceFacts): Requirement[] {
  const out: Requirement[] = [];
  const need = (why: string, from: Point, text: string | undefined, svc: Service, fallback: Family = 4) => {
    const to = target(config, site, text ?? "");
    if (to) out.push({ why, from, to, family: familyOf(to, fallback), service: svc, server: text! });
  };

  // What DHCP and router advertisements hand out.
  for (const row of active(config, "/ip/dhcp-server/network")) {
    const prefix = parsePrefix(row.address ?? "", 4);
    if (!prefix.ok) continue;
    const zone = placeOf(site, { family: 4, value: prefix.value.network + 1n });
    for (const dns of items(row["dns-server"])) need(`DHCP of ${zone} hands out ${dns} as DNS server`, { place: zone }, dns, service("dns"));
    for (const ntp of items(row["ntp-server"])) need(`DHCP of ${zone} hands out ${ntp} as NTP server`, { place: zone }, ntp, service("ntp"));
  }
  const zoneOnInterface = (iface: string, family: Family) =>
    site.zones.find((z) => {
      const gw = family === 4 ? z.gateway4 : z.gateway6;
      return gw !== undefined && interfaceAddresses(config, family).some((a) => a.interface === iface && a.address.value === gw.value);
    })?.name;
  for (const row of active(config, "/ipv6/nd")) {
    if (!isYes(row["advertise-dns"])) continue;
    const zone = zoneOnInterface(row.interface ?? "", 6);
    if (!zone) continue;
    for (const dns of items(row.dns)) need(`router advertisements in ${zone} hand out ${dns} as DNS server`, { place: zone }, dns, service("dns"), 6);
  }

  // The router's own servers.
  const router: Point = { place: ROUTER };
  for (const dns of items(config.rows("/ip/dns")[0]?.servers)) need(`the router resolves names through ${dns}`, router, dns, service("dns"));
  const ntp = config.rows("/system/ntp/client")[0];
  if (isYes(ntp?.enabled)) for (const s of items(ntp?.servers)) need(`the router takes its time from ${s}`, router, s, service("ntp"));
  for (const action of active(config, "/system/logging/action")) {
    if (action.target !== "remote") continue;
    const svc: Service = { name: "syslog", protocol: action["remote-protocol"] === "tcp" ? "tcp" : "udp", port: Number(action["remote-port"] ?? "514") };
    need(`the router logs to ${action.remote} (/system/logging/action ${action.name})`, router, action.remote, svc);
  }

  // The endpoints.
  for (const sw of facts.switches) {
    for (const host of sw.syslog) need(`switch ${sw.name} logs to ${host}`, { place: placeOf(site, sw.address), address: sw.address }, host, service("syslog"));
  }
  for (const ep of facts.endpoints) {
    const from: Point = { place: ep.zone, ...(ep.address ? { address: ep.address } : {}) };
    const s = ep.settings;
    const sipPort: Service = s["sip.transport"] === "tls" ? service("sip-tls") : s["sip.transport"] === "tcp" ? service("sip-tcp") : service("sip");
    need(`endpoint ${ep.name} takes its time from ${s["ntp.server"]}`, from, s["ntp.server"], service("ntp"));
    for (const k of ["network.dns1", "network.dns2"]) need(`endpoint ${ep.name} resolves names through ${s[k]}`, from, s[k], service("dns"));
    if (s["syslog.enabled"] === "true") need(`endpoint ${ep.name} logs to ${s["syslog.server"]}`, from, s["syslog.server"], s["syslog.transport"] === "tcp" ? { name: "syslog", protocol: "tcp", port: 514 } : service("syslog"));
    for (const k of ["sip.registrar", "sip.proxy"]) need(`endpoint ${ep.name} registers through ${s[k]} (${k})`, from, s[k], sipPort);
    if (s["h323.enabled"] === "true") {
      need(`endpoint ${ep.name} registers with the gatekeeper ${s["h323.gatekeeper"]}`, from, s["h323.gatekeeper"], service("h323-ras"));
      need(`endpoint ${ep.name} calls through the gatekeeper ${s["h323.gatekeeper"]}`, from, s["h323.gatekeeper"], service("h323"));
    }
  }

  // The managers' way to every device.
  // The router is managed from the management zone too; the other devices from the policy's managers (the stack runs there).
  const routerManagers = [...facts.managers, ...site.zones.filter((z) => z.name === "management").map((z) => z.name)];
  for (const m of routerManagers) {
    for (const family of [4, 6] as const) {
      if (!representative(site, m, family)) continue;
      out.push({ why: `${m} manages the router (${apiService(facts.routerApi).name})`, from: { place: m }, to: { place: ROUTER }, family, service: apiService(facts.routerApi) });
      out.push({ why: `${m} reads the router's configuration export (SSH)`, from: { place: m }, to: { place: ROUTER }, family, service: service("ssh") });
    }
  }
  for (const m of facts.managers) {
    for (const sw of facts.switches) out.push({ why: `${m} manages switch ${sw.name} (SSH)`, from: { place: m }, to: { place: placeOf(site, sw.address), address: sw.address }, family: sw.address.family, service: service("ssh") });
    for (const ep of facts.endpoints) {
      const to: Point = ep.address ? { place: ep.zone, address: ep.address } : { place: ep.zone };
      out.push({ why: `${m} manages endpoint ${ep.name} (HTTPS)`, from: { place: m }, to, family: 4, service: service("https") });
    }
  }
  if (facts.operator) {
    const from: Point = { place: placeOf(site, facts.operator), address: facts.operator };
    out.push({ why: `this stack connects from ${formatAddress(facts.operator)} (${from.place}) to the router (${apiService(facts.routerApi).name})`, from, to: { place: ROUTER }, family: facts.operator.family, service: apiService(facts.routerApi) });
  }
  return out;
}
