/**
 * The forward direction in the inverse's terms: what an office's devices
 * would hold if they held exactly the intent (the router's menus in the
 * engine's canonical form, secrets left out since no read shows them; each
 * switch's configuration; each endpoint's readable settings). Adopt compares
 * a real reading with it; the round-trip tests feed it to `reconstruct`.
 */
import type { CommuneModel, CommunePlan, ProvinceModel } from "@communes/inventory";
import { canonicalEntry, entryKey, MENU_TABLES, menuTable, type TableState } from "@communes/routeros/model";
import type { IosConfig, SwitchState } from "@communes/switch/model";
import { WRITE_ONLY, type EndpointSettings, type SettingName } from "@communes/endpoint/model";
import { endpointIntents } from "../endpoint-intent";
import { routerIntent, type TableIntent } from "../router";
import { secretOf } from "../secret-ref";
import { switchIntents } from "../switch-intent";
import type { EndpointReading, OfficeReading, RouterReading, SwitchReading } from "./reading";

/** A menu as the intent wants it, in the engine's canonical form; secrets (never readable) left out. */
export function intendedTable({ path, entries }: TableIntent): TableState {
  const table = menuTable(path);
  const state: TableState = { path, entries: {}, ...(table.ordered ? { order: [] } : {}) };
  for (const raw of entries) {
    const plain = Object.fromEntries(Object.entries(raw).filter(([name, v]) => !table.fields[name]?.writeOnly && secretOf(v) === undefined));
    const { entry } = canonicalEntry(table, plain);
    const key = entryKey(table, entry);
    state.entries[key] = entry;
    state.order?.push(key);
  }
  return state;
}

/** A switch's running configuration as the parser gives it back, for a switch holding `state`. */
export function intendedConfig(state: SwitchState): IosConfig {
  const { management: m } = state;
  return { hostname: state.hostname, vtpMode: state.vtpMode, vlans: state.vlans, ports: state.ports, svis: { [String(m.vlan)]: { address: m.address, mask: m.mask, shutdown: false } }, defaultGateway: state.defaultGateway, vtyTransport: state.vtyTransport, loggingHosts: state.loggingHosts ?? [] };
}

/** How each device was reached: what the reading's `access` holds, by device. */
export interface ReadingAccess {
  router: RouterReading["access"];
  switch(index: number): SwitchReading["access"];
  endpoint(index: number): EndpointReading["access"];
}

export function intendedReading(province: ProvinceModel, commune: CommuneModel, plan: CommunePlan, access: ReadingAccess): OfficeReading {
  const tables: Record<string, TableState> = Object.fromEntries(MENU_TABLES.map((t) => [t.path, { path: t.path, entries: {}, ...(t.ordered ? { order: [] } : {}) }]));
  for (const t of routerIntent(province, commune, plan).tables) tables[t.path] = intendedTable(t);
  return {
    router: { access: access.router, tables },
    switches: switchIntents(commune, plan).map((sw, i) => ({ access: access.switch(i), config: intendedConfig(sw.state) })),
    endpoints: endpointIntents(province, commune, plan).map((ep, i) => ({
      access: access.endpoint(i),
      settings: Object.fromEntries(Object.entries(ep.settings).filter(([n]) => !WRITE_ONLY.has(n as SettingName))) as EndpointSettings,
    })),
  };
}
