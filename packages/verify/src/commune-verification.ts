/**
 * One commune's verification: its router configuration (the intent's, or
 * one read from a router or an exported script), its site, the needs of its
 * devices (endpoints' settings as the intent renders them, switches'
 * management addresses), checked against the province's flow policy.
 */
import { apiPortOf, endpointIntents, managementSources, routerIntent, switchSyslog } from "@communes/intent";
import { parseAddress, type Address, type CommuneModel, type CommunePlan, type ProvinceModel } from "@communes/inventory";
import { verify, type Verdict } from "./checks";
import { communeSite } from "./commune-site";
import { Verifier } from "./reach";
import { requirements, type DeviceFacts } from "./requirements";
import { routerConfig, type RouterConfig } from "./router-config";

export interface CommuneVerification extends Verdict {
  commune: string;
  file: string;
  /** Where the router configuration came from. */
  source: string;
}

export function deviceFacts(province: ProvinceModel, commune: CommuneModel, plan: CommunePlan, operator?: Address, transport = commune.settings.router.api.transport): DeviceFacts {
  return {
    endpoints: endpointIntents(province, commune, plan).map((e, i) => {
      const address = e.address ? parseAddress(e.address) : undefined;
      return { name: e.systemName, zone: commune.endpoints[i]!.zone, ...(address?.ok ? { address: address.value } : {}), settings: e.settings };
    }),
    switches: plan.devices.filter((d) => d.role === "switch").map((d) => ({ name: d.hostname, address: d.address, syslog: switchSyslog(commune) })),
    routerApi: { transport, port: apiPortOf(commune, transport) },
    managers: managementSources(province),
    ...(operator ? { operator } : {}),
  };
}

/** The managers of the router's services: the management zone and the policy's management sources. */
export function managerPlaces(province: ProvinceModel): string[] {
  return ["management", ...managementSources(province)];
}

export interface VerifyOptions {
  /** The router's configuration to check, and where it came from (default: the one the inventory renders). */
  given?: { config: RouterConfig; source: string };
  /** The API the stack reaches the router by, when it overrides the inventory's. */
  transport?: CommuneModel["settings"]["router"]["api"]["transport"];
  /** The address the stack connects from: it must keep its way to the router. */
  operator?: Address;
}

export function verifyCommune(province: ProvinceModel, commune: CommuneModel, plan: CommunePlan, options: VerifyOptions = {}): CommuneVerification {
  const { given, transport, operator } = options;
  const config = given?.config ?? routerConfig(routerIntent(province, commune, plan, transport).tables);
  const site = communeSite(province, commune, plan, config);
  const verdict = verify(new Verifier(config, site), province.flows, requirements(config, site, deviceFacts(province, commune, plan, operator, transport)), managerPlaces(province));
  return { commune: `${commune.kind} ${commune.name}`, file: commune.file, source: given?.source ?? "the configuration the inventory renders", ...verdict };
}

/**
 * The lock-out guard's check on the configuration itself (the one the
 * inventory renders, or `given`): why the managers — and the address this
 * stack connects from, when known — would lose the router's API or SSH
 * under it; empty when they would not.
 */
export function managementPathProblems(province: ProvinceModel, commune: CommuneModel, plan: CommunePlan, options: VerifyOptions = {}): string[] {
  return verifyCommune(province, commune, plan, options)
    .checks.filter((c) => c.kind === "requirement" && c.status === "failed" && c.to === "router" && /manages the router|configuration export|this stack connects from/.test(c.what))
    .map((c) => `${c.what}: ${c.reason}`);
}
