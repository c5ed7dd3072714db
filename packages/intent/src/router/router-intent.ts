/**
 * The commune router's configuration, derived from the validated inventory
 * and its addressing plan: every RouterOS menu the router needs, as entries,
 * one builder per concern. Pure: no device, no Pulumi. The same inputs
 * always give the same intent.
 */
import type { CommuneModel, CommunePlan, ProvinceModel } from "@communes/inventory";
import type { ApiTransport } from "@communes/routeros/model";
import { routerContext, type RouterContext, type TableIntent } from "./context";
import { systemTables } from "./system";
import { addressTables, bridgeTables, interfaceListTables } from "./zones";
import { routeTables, wanClientTables } from "./uplinks";
import { dhcpTables } from "./dhcp";
import { addressListTables } from "./address-lists";
import { firewallTables } from "./firewall";
import { qosTables } from "./qos";
import { loggingTables } from "./logging";
import { serviceTables } from "./services";
import { lockoutProblems } from "./lockout";

export interface RouterIntent {
  hostname: string;
  tables: TableIntent[];
  /** Why this configuration would cut the NOC's management path to the router; empty when it does not. */
  lockout: string[];
}

/** The builders, in the order their menus are listed (scripts, reports); the menu tables say when each is applied. */
const BUILDERS: ReadonlyArray<(ctx: RouterContext) => TableIntent[]> = [
  systemTables,
  bridgeTables,
  wanClientTables,
  interfaceListTables,
  addressTables,
  dhcpTables,
  routeTables,
  addressListTables,
  firewallTables,
  qosTables,
  loggingTables,
  serviceTables,
];

/**
 * `transport`: the API the stack actually reaches the router by, when the
 * stack overrides the inventory's (default: the inventory's). Its service
 * stays enabled and the others are turned off: an intent never disables the
 * door its own stack comes in by.
 */
export function routerIntent(province: ProvinceModel, commune: CommuneModel, plan: CommunePlan, transport: ApiTransport = commune.settings.router.api.transport): RouterIntent {
  const ctx = routerContext(province, commune, plan, transport);
  return { hostname: commune.router.hostname, tables: BUILDERS.flatMap((build) => build(ctx)), lockout: lockoutProblems(ctx) };
}
