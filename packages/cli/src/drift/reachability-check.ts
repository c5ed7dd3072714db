/**
 * Drift as reachability: the router's menus as the refresh read them are
 * verified against the province's policy and the configuration's needs
 * (@communes/verify), so a hand-added accept rule that opens the staff LAN to
 * citizens is a finding that says what it opens and which rule does it —
 * not only an extra firewall entry.
 */
import { routerConfig, serviceLabel, verifyCommune } from "@communes/verify";
import { STACK_SETTING } from "@communes/network/stack-settings";
import { readCommune, routerTransportSetting } from "../load-inventory";
import { stackInventoryFile, stackSetting } from "../pulumi/inventory-guard";
import { routerMenuOf, tableRows, type RouterTable } from "../pulumi/router-tables";
import type { Finding } from "./audit";
import type { RefreshStep } from "./classify";
import type { RouterExportCheck } from "./router-export-check";

/** The router's menus as the refresh read them (the live ones; the recorded ones where the refresh saw no change). */
export function liveRouterTables(steps: readonly RefreshStep[], router: string): RouterTable[] {
  return steps.flatMap((s) => {
    const path = routerMenuOf(s.urn, router);
    return path === undefined ? [] : [{ path, entries: tableRows(s.newState?.inputs ?? s.oldState?.inputs) }];
  });
}

/** The reachability findings of the stack's router, from its refresh. */
export async function checkReachability(stack: string, steps: readonly RefreshStep[]): Promise<RouterExportCheck[]> {
  const file = await stackInventoryFile(stack);
  if (file === undefined) return [];
  const loaded = readCommune(file);
  if ("problem" in loaded) return [{ device: stack, findings: [], errors: [`${loaded.problem}: reachability was not checked`] }];
  const { province, commune, plan } = loaded;
  const device = commune.router.hostname;
  const tables = liveRouterTables(steps, device);
  if (tables.length === 0) return [];
  // The stack may reach the router by another API than the inventory's (a lab, a tunnel): its service is the one kept open.
  const transport = routerTransportSetting(await stackSetting(stack, STACK_SETTING.routerTransport));
  const verdict = verifyCommune(province, commune, plan, { given: { config: routerConfig(tables), source: "the router as read" }, ...(transport ? { transport } : {}) });
  // One finding per pair, family and reason, listing its services.
  const grouped = new Map<string, { property: string; recorded: string; why: string; services: string[] }>();
  for (const c of verdict.checks.filter((x) => x.status === "failed")) {
    const property = `reachability IPv${c.family} ${c.from} → ${c.to}`;
    const recorded = c.kind === "isolation" || c.kind === "management" ? "blocked (the policy does not allow it)" : c.kind === "flow" ? "allowed (the policy's flow)" : `reachable (${c.what})`;
    const key = `${property}|${recorded}|${c.reason}`;
    const g = grouped.get(key) ?? { property, recorded, why: c.reason, services: [] };
    g.services.push(serviceLabel(c.service));
    grouped.set(key, g);
  }
  const findings: Finding[] = [...grouped.values()].map((g) => ({ kind: "reachability", property: g.property, recorded: g.recorded, live: `${g.recorded.startsWith("blocked") ? "allowed" : "blocked"} for ${g.services.join(", ")}: ${g.why}` }));
  return [{ device, findings, errors: [] }];
}
