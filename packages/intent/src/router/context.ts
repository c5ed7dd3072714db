/**
 * What every builder of the router intent reads, computed once from the
 * inventory and its plan: the zones by name, the destinations split by
 * family, the uplinks' interfaces and links, who may manage the router.
 */
import { formatPrefix, parsePrefix, type CommuneModel, type CommunePlan, type LinkPlan, type ProvinceModel, type ZonePlan } from "@communes/inventory";
import type { ApiTransport } from "@communes/routeros/model";
import { PPPOE_INTERFACE } from "./names";

export type Fields = Record<string, string>;

export interface TableIntent {
  /** RouterOS menu, e.g. /ip/address. */
  path: string;
  /** Entries; in an ordered menu (firewall) in rule order. */
  entries: Fields[];
}

export interface Destination {
  name: string;
  label: string;
  via: "dedicated" | "internet";
  v4: string[];
  v6: string[];
}

export interface RouterContext {
  province: ProvinceModel;
  commune: CommuneModel;
  plan: CommunePlan;
  zones: readonly ZonePlan[];
  zone(name: string): ZonePlan | undefined;
  destinations: ReadonlyMap<string, Destination>;
  /** The Internet line's interface as the router names it (the PPPoE client's, when PPPoE). */
  internetInterface: string;
  links: Record<4 | 6, { dedicated?: LinkPlan; internet?: LinkPlan }>;
  /** The sources outside the office that manage the router (the policy's flows to the management zone). */
  managementSources: string[];
  /** Who may reach the router's management services, by family. */
  managers: Record<4 | 6, string[]>;
  /** The API the stack reaches the router by. */
  transport: ApiTransport;
}

function split(prefixes: readonly string[]): { v4: string[]; v6: string[] } {
  const v4: string[] = [];
  const v6: string[] = [];
  for (const text of prefixes) {
    const p = parsePrefix(text);
    if (p.ok) (p.value.family === 4 ? v4 : v6).push(formatPrefix(p.value));
  }
  return { v4, v6 };
}

/** Interfaces the router's API and SSH must stay reachable from: the management zone and the management sources of the flow policy. */
export function managementSources(province: ProvinceModel): string[] {
  return province.flows.filter((f) => f.to.includes("management") && f.from !== "management").map((f) => f.from);
}

export function routerContext(province: ProvinceModel, commune: CommuneModel, plan: CommunePlan, transport: ApiTransport): RouterContext {
  const zoneByName = new Map(plan.zones.map((z) => [z.zone, z]));
  const destinations = new Map(province.destinations.map((d) => [d.name, { name: d.name, label: d.label, via: d.via, ...split(d.prefixes) }]));
  const internet = commune.uplinks.internet;
  const link = (family: 4 | 6, uplink: LinkPlan["uplink"]) => plan.links.find((l) => l.family === family && l.uplink === uplink);
  const sources = managementSources(province);
  const management = zoneByName.get("management");
  const managers = (family: 4 | 6) => [
    ...(management ? [formatPrefix(family === 4 ? management.ipv4 : management.ipv6)] : []),
    ...sources.flatMap((s) => (family === 4 ? destinations.get(s)?.v4 : destinations.get(s)?.v6) ?? []),
  ];
  return {
    province,
    commune,
    plan,
    zones: plan.zones,
    zone: (name) => zoneByName.get(name),
    destinations,
    internetInterface: internet.type === "pppoe" ? PPPOE_INTERFACE : internet.interface,
    links: { 4: { dedicated: link(4, "dedicated"), internet: link(4, "internet") }, 6: { dedicated: link(6, "dedicated"), internet: link(6, "internet") } },
    managementSources: sources,
    managers: { 4: managers(4), 6: managers(6) },
    transport,
  };
}
