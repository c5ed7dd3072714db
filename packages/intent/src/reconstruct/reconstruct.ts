/**
 * The inverse of the intent: a commune inventory document rebuilt from what
 * its devices hold. The province says how zones, VLANs and pools are laid
 * out; the router's zone addresses give the commune's index (decision 0005)
 * and any subnet that is not the allocated one becomes a zone override.
 * What no device holds (the official code, the former communes, models,
 * rooms) comes from the engineer. Pure: no device, no file.
 */
import { contains, DEFAULT_ROUTER_TRUNK, parseAddress, type Commune, type ProvinceModel } from "@communes/inventory";
import { endpointOf } from "./endpoints";
import { entries, settingsOf, type OfficeReading } from "./reading";
import { overridesOf } from "./settings";
import { switchOf } from "./switches";
import { uplinksOf } from "./uplinks";
import { communeIndex, liveZones, zoneOverrides } from "./zones";

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

/** "Thiệu Trung" → "thieu-trung". */
export function slug(name: string): string {
  return name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

/** The commune's kind and name: in the router's note (older configurations kept them in the identity). */
function communeName(tables: OfficeReading["router"]["tables"], identity: Identity, problems: string[]): { kind?: "xã" | "phường"; name?: string } {
  const hostIdentity = settingsOf(tables, "/system/identity").name ?? "";
  const note = settingsOf(tables, "/system/note").note ?? "";
  const [where, label] = note.trim() !== "" ? ["/system/note note", note] : ["/system/identity name", hostIdentity];
  const named = /^(xã|phường)\s+(.+)$/.exec(label.trim());
  const kind = identity.kind ?? (named?.[1] as "xã" | "phường" | undefined);
  const name = identity.name ?? named?.[2];
  if (!kind || !name) problems.push(`router ${where}: ${JSON.stringify(label)} is not "xã <name>" or "phường <name>"; give --name and --kind`);
  return { kind, name };
}

export function reconstruct(province: ProvinceModel, live: OfficeReading, identity: Identity): Reconstruction {
  const problems: string[] = [];
  const unexpressed: string[] = [];
  const tables = live.router.tables;
  const { kind, name } = communeName(tables, identity, problems);
  const hostIdentity = settingsOf(tables, "/system/identity").name ?? "";
  const identityHostname = /^[a-z0-9][a-z0-9-]*$/.test(hostIdentity) ? hostIdentity : undefined;

  const zones = liveZones(province, tables);
  for (const z of zones) if (!z.interface) unexpressed.push(`router /interface/vlan: no VLAN interface for zone ${z.zone.name}; the inventory will create it`);
  const index = identity.index ?? communeIndex(province, zones);
  if (index === undefined) problems.push("router /ip/address: no zone address lies in the province's pools, so the commune's index cannot be told; give --index");

  const zoneIfs = new Set(zones.flatMap((z) => (z.interface ? [z.interface] : [])));
  const links = uplinksOf(province, tables, zoneIfs, problems);
  const trunk = entries(tables, "/interface/bridge/port")[0]?.interface;
  const switches = live.switches.map((s) => switchOf(s, zones, unexpressed, problems));
  const endpoints = live.endpoints.map((e) => endpointOf(e, zones, problems));
  const reservations = entries(tables, "/ip/dhcp-server/lease").flatMap((l) => {
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
  const settingOverrides = overridesOf(province, tables);
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
      ...(trunk && trunk !== DEFAULT_ROUTER_TRUNK ? { trunk } : {}),
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
