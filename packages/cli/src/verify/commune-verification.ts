/**
 * One commune's verification: its router configuration (the intent's, or
 * one read from a router or an exported script), its site, the needs of its
 * devices (endpoints' settings as the intent renders them, switches'
 * management addresses), checked against the province's flow policy.
 */
import { endpointIntents, managementSources, routerIntent } from "@communes/intent";
import { parseAddress, type Address, type CommuneModel, type CommunePlan, type ProvinceModel } from "@communes/inventory";
import { communeSite, requirements, routerConfig, verify, Verifier, type DeviceFacts, type RouterConfig, type Verdict } from "@communes/verify";

export interface CommuneVerification extends Verdict {
  commune: string;
  file: string;
  /** Where the router configuration came from. */
  source: string;
}

export function deviceFacts(province: ProvinceModel, commune: CommuneModel, plan: CommunePlan, operator?: Address): DeviceFacts {
  return {
    endpoints: endpointIntents(province, commune, plan).map((e, i) => {
      const address = e.address ? parseAddress(e.address) : undefined;
      return { name: e.systemName, zone: commune.endpoints[i]!.zone, ...(address?.ok ? { address: address.value } : {}), settings: e.settings };
    }),
    switches: plan.devices.filter((d) => d.role === "switch").map((d) => ({ name: d.hostname, address: d.address })),
    routerTransport: commune.settings.router.api.transport,
    managers: managementSources(province),
    ...(operator ? { operator } : {}),
  };
}

/** The managers of the router's services: the management zone and the policy's management sources. */
export function managerPlaces(province: ProvinceModel): string[] {
  return ["management", ...managementSources(province)];
}

export function verifyCommune(province: ProvinceModel, commune: CommuneModel, plan: CommunePlan, given?: { config: RouterConfig; source: string }, operator?: Address): CommuneVerification {
  const config = given?.config ?? routerConfig(routerIntent(province, commune, plan).tables);
  const site = communeSite(province, commune, plan, config);
  const verdict = verify(new Verifier(config, site), province.flows, requirements(config, site, deviceFacts(province, commune, plan, operator)), managerPlaces(province));
  return { commune: `${commune.kind} ${commune.name}`, file: commune.file, source: given?.source ?? "the configuration the inventory renders", ...verdict };
}
