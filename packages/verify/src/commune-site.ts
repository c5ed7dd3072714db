/** The verifier's view of one commune of the inventory: its zones, the province's destinations, its uplinks. */
import { parsePrefix, type CommuneModel, type CommunePlan, type Prefix, type ProvinceModel } from "@communes/inventory";
import { active, type RouterConfig } from "./router-config";
import type { Site } from "./site";

export function communeSite(province: ProvinceModel, commune: CommuneModel, plan: CommunePlan, config: RouterConfig): Site {
  const internet = commune.uplinks.internet.interface;
  const pppoe = active(config, "/interface/pppoe-client").filter((p) => p.interface === internet && p.name).map((p) => p.name!);
  return {
    zones: plan.zones.map((z) => ({ name: z.zone, ipv4: z.ipv4, ipv6: z.ipv6, gateway4: z.ipv4Gateway, gateway6: z.ipv6Gateway })),
    destinations: province.destinations.map((d) => ({
      name: d.name,
      hosts: d.hosts ?? [],
      prefixes: d.prefixes.flatMap((p) => {
        const parsed = parsePrefix(p);
        return parsed.ok ? [parsed.value as Prefix] : [];
      }),
    })),
    uplinks: { internet: [internet, ...pppoe], dedicated: commune.uplinks.dedicated.interface },
    links: plan.links.map((l) => l.prefix),
  };
}
