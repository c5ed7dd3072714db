/**
 * The names of the secrets a commune's network asks for: the device
 * credentials its settings name, and every secret its intents refer to (a
 * PPPoE password, the SIP password). A stack must hold each of them.
 */
import type { CommuneModel, CommunePlan, ProvinceModel } from "@communes/inventory";
import { endpointIntents } from "./endpoint-intent";
import { routerIntent } from "./router";
import { SECRET_PREFIX } from "./secret-ref";

export function secretNames(province: ProvinceModel, commune: CommuneModel, plan: CommunePlan): string[] {
  const names = new Set<string>([commune.settings.router.credentials.passwordSecret]);
  const collect = (values: Record<string, unknown>) => {
    for (const v of Object.values(values)) if (typeof v === "string" && v.startsWith(SECRET_PREFIX)) names.add(v.slice(SECRET_PREFIX.length));
  };
  for (const table of routerIntent(province, commune, plan).tables) table.entries.forEach(collect);
  if (commune.switches.length > 0) {
    names.add(commune.settings.switch.credentials.passwordSecret);
    if (commune.settings.switch.enableSecret) names.add(commune.settings.switch.enableSecret);
  }
  const endpoints = endpointIntents(province, commune, plan);
  if (endpoints.length > 0) names.add(commune.settings.endpoint.credentials.passwordSecret);
  for (const ep of endpoints) collect(ep.settings as Record<string, unknown>);
  return [...names].sort();
}
