/**
 * The commune's settings back from the router, written only where they
 * differ from the province's defaults: time zone, DNS, NTP, the SOC's
 * collectors, and the API the router is managed by (the enabled API
 * service, with its port when it is not the transport's default).
 */
import type { Commune, ProvinceModel } from "@communes/inventory";
import { defaultApiPort, ROUTER_SERVICES, type TableState } from "@communes/routeros/model";
import { entries, settingsOf } from "./reading";

const list = (text: string | undefined) => (text ? text.split(",").filter(Boolean) : []);
const same = (a: readonly unknown[], b: readonly unknown[]) => JSON.stringify(a) === JSON.stringify(b);

type Syslog = NonNullable<NonNullable<Commune["overrides"]>["syslog"]>[number];

/** A collector as the inventory writes it: port and protocol only when not UDP 514. */
function syslogEntry(address: string, port: number | undefined, protocol: string | undefined): Syslog {
  return { address, ...(port !== undefined && port !== 514 ? { port } : {}), ...(protocol && protocol !== "udp" ? { protocol: protocol as "udp" | "tcp" } : {}) };
}

/** The API the router is managed by: the first API service that is on, in the inventory's order of preference. */
function routerApi(tables: Record<string, TableState>): { transport: "api-ssl" | "api" | "rest"; port: number } | undefined {
  const services = new Map(entries(tables, "/ip/service").map((s) => [s.name, s]));
  for (const transport of ["api-ssl", "api", "rest"] as const) {
    const service = ROUTER_SERVICES.find((s) => s.transport === transport)!;
    const entry = services.get(service.name);
    if (entry && entry.disabled !== "true") return { transport, port: entry.port ? Number(entry.port) : service.port };
  }
  return undefined;
}

export function overridesOf(province: ProvinceModel, tables: Record<string, TableState>): NonNullable<Commune["overrides"]> {
  const d = province.defaults;
  const out: NonNullable<Commune["overrides"]> = {};
  const timezone = settingsOf(tables, "/system/clock")["time-zone-name"];
  if (timezone && timezone !== d.timezone) out.timezone = timezone;
  const dns = list(settingsOf(tables, "/ip/dns").servers);
  if (dns.length > 0 && !same(dns, d.dns)) out.dns = dns;
  const ntp = list(settingsOf(tables, "/system/ntp/client").servers);
  if (ntp.length > 0 && !same(ntp, d.ntp)) out.ntp = ntp;
  const syslog = entries(tables, "/system/logging/action")
    .filter((a) => a.target === "remote" && a.remote)
    .map((a) => syslogEntry(a.remote!, a["remote-port"] ? Number(a["remote-port"]) : undefined, a["remote-protocol"]));
  const syslogDefault = d.syslog.map((s) => syslogEntry(s.address, s.port, s.protocol));
  if (syslog.length > 0 && !same(syslog, syslogDefault)) out.syslog = syslog;
  const api = routerApi(tables);
  if (api && (api.transport !== d.router.api.transport || api.port !== d.router.api.port)) {
    out.router = { api: { transport: api.transport, ...(api.port !== defaultApiPort(api.transport) ? { port: api.port } : {}) } };
  }
  return out;
}
