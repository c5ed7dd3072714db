/**
 * From validated documents to the resolved model: defaults applied once,
 * documented defaults filled in. Only called on documents the schema accepted.
 */
import type { Commune, Province, Settings } from "../schema/schema-types.generated";
import type { CommuneModel, ProvinceModel, ResolvedSettings } from "./model";
import { DEFAULT_ROUTER_TRUNK } from "./router-ports";
import { defaultApiPort } from "@communes/routeros/model";


function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Deep merge of mappings; lists and scalars of `over` replace those of `base`. */
function merge<T>(base: T, over: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(over)) return (over === undefined ? base : over) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) out[key] = merge(base[key], value);
  return out as T;
}

function resolveSettings(settings: Settings): ResolvedSettings {
  const transport = settings.router?.api?.transport ?? "api-ssl";
  return {
    timezone: settings.timezone!,
    dns: settings.dns!,
    ntp: settings.ntp!,
    syslog: settings.syslog!.map((s) => ({ address: s.address, port: s.port ?? 514, protocol: s.protocol ?? "udp" })),
    router: {
      api: { transport, port: settings.router?.api?.port ?? defaultApiPort(transport) },
      credentials: settings.router!.credentials as ResolvedSettings["router"]["credentials"],
    },
    switch: {
      credentials: settings.switch!.credentials as ResolvedSettings["switch"]["credentials"],
      ...(settings.switch?.enableSecret ? { enableSecret: settings.switch.enableSecret } : {}),
    },
    endpoint: {
      credentials: settings.endpoint!.credentials as ResolvedSettings["endpoint"]["credentials"],
      ...(settings.endpoint?.sipPasswordSecret ? { sipPasswordSecret: settings.endpoint.sipPasswordSecret } : {}),
    },
    dedicatedLine: { bandwidthMbps: settings.dedicatedLine?.bandwidthMbps ?? 10 },
  };
}

export function resolveProvince(file: string, doc: Province): ProvinceModel {
  const sip = doc.services.mcu.sip;
  return {
    file,
    code: doc.province.code,
    name: doc.province.name,
    zones: Object.entries(doc.zones).map(([name, zone]) => ({
      name,
      vlan: zone.vlan,
      label: zone.label,
      ipv4Pool: zone.ipv4.pool,
      ipv4PrefixLength: zone.ipv4.prefixLength,
      ipv6SubnetId: zone.ipv6SubnetId,
      ...(zone.dhcp ? { dhcp: { leaseMinutes: 1440, ...zone.dhcp } } : {}),
      ...(zone.dscp !== undefined ? { dscp: zone.dscp } : {}),
    })),
    ipv6Pool: doc.addressing.ipv6.pool,
    communeIpv6PrefixLength: doc.addressing.ipv6.communePrefixLength,
    mcu: {
      ...(sip
        ? { sip: { registrar: sip.registrar, proxy: sip.proxy ?? sip.registrar, domain: sip.domain ?? sip.registrar, transport: sip.transport ?? "tls" } }
        : {}),
      ...(doc.services.mcu.h323 ? { h323: doc.services.mcu.h323 } : {}),
    },
    destinations: Object.entries(doc.destinations).map(([name, d]) => ({ ...d, name, via: d.via ?? "dedicated" })),
    flows: doc.flows.map((f) => ({ from: f.from, to: [...f.to], ...(f.description ? { description: f.description } : {}) })),
    defaults: resolveSettings(doc.defaults),
  };
}

/** The commune's settings: its overrides merged onto the province's raw defaults. */
export function resolveCommune(file: string, doc: Commune, provinceDefaults: Settings): CommuneModel {
  const settings = resolveSettings(merge(provinceDefaults, doc.overrides ?? {}));
  return {
    file,
    code: doc.code,
    name: doc.name,
    kind: doc.kind,
    mergedFrom: [...doc.mergedFrom],
    index: doc.index,
    synthetic: doc.synthetic ?? false,
    zoneOverrides: doc.zones ?? {},
    uplinks: {
      ...doc.uplinks,
      dedicated: {
        ...doc.uplinks.dedicated,
        bandwidthMbps: doc.uplinks.dedicated.bandwidthMbps ?? settings.dedicatedLine.bandwidthMbps,
        bandwidthDefaulted: doc.uplinks.dedicated.bandwidthMbps === undefined,
      },
    },
    router: { ...doc.router, trunk: doc.router.trunk ?? DEFAULT_ROUTER_TRUNK, trunkDefaulted: doc.router.trunk === undefined },
    switches: doc.switches.map((s) => ({ ...s, dialect: s.dialect ?? "ios" })),
    endpoints: doc.endpoints.map((e) => ({ ...e, zone: e.zone ?? "meeting_room" })),
    reservations: doc.reservations ?? [],
    settings,
  };
}
