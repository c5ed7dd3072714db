/**
 * Drift as reachability: the router's menus as the refresh read them are
 * verified against the province's policy and the configuration's needs
 * (@communes/verify), so a hand-added accept rule that opens the staff LAN to
 * citizens is a finding that says what it opens and which rule does it —
 * not only an extra firewall entry.
 */
import { discover, loadInventory } from "@communes/inventory";
import { routerConfig, serviceText, verifyCommune, type Row } from "@communes/verify";
import { stackInventoryFile, stackSetting } from "../pulumi/inventory-guard";
import { parseUrn } from "../pulumi/urn";
import type { Finding } from "./audit";
import type { RefreshStep } from "./classify";
import type { RouterExportCheck } from "./router-export-check";

const TABLE = "communes:routeros:Table";

function rowsOf(inputs: Record<string, unknown> | undefined): Row[] {
  const entries = (inputs?.entries ?? {}) as Record<string, Record<string, unknown>>;
  const keys = Array.isArray(inputs?.order) ? (inputs!.order as string[]) : Object.keys(entries);
  // A secret (the PPPoE password) reads as an object: no matcher uses it.
  return keys.flatMap((k) => (entries[k] ? [Object.fromEntries(Object.entries(entries[k]!).map(([f, v]) => [f, typeof v === "string" ? v : ""]))] : []));
}

/** The router's menus as the refresh read them (the live ones; the recorded ones where the refresh saw no change). */
export function liveRouterTables(steps: readonly RefreshStep[], router: string): Array<{ path: string; entries: Row[] }> {
  return steps
    .filter((s) => parseUrn(s.urn).type === TABLE && parseUrn(s.urn).name.startsWith(`${router}/`))
    .map((s) => ({ path: parseUrn(s.urn).name.slice(router.length), entries: rowsOf(s.newState?.inputs ?? s.oldState?.inputs) }));
}

/** The reachability findings of the stack's router, from its refresh. */
export async function checkReachability(stack: string, steps: readonly RefreshStep[]): Promise<RouterExportCheck[]> {
  const file = await stackInventoryFile(stack);
  if (file === undefined) return [];
  const { targets, errors } = discover([file]);
  if (errors.length > 0) return [];
  const inventory = loadInventory(targets[0]!);
  const commune = inventory.communes.find((c) => targets[0]!.requested.has(c.file));
  const plan = inventory.plans.find((p) => p.file === commune?.file);
  if (!inventory.province || !commune || !plan) return [{ device: stack, findings: [], errors: [`the inventory ${file} has problems: reachability was not checked (run communes validate)`] }];
  const device = commune.router.hostname;
  const tables = liveRouterTables(steps, device);
  if (tables.length === 0) return [];
  // The stack may reach the router by another API than the inventory's (a lab, a tunnel): its service is the one kept open.
  const transport = await stackSetting(stack, "routerTransport");
  const verdict = verifyCommune(inventory.province, commune, plan, {
    given: { config: routerConfig(tables), source: "the router as read" },
    ...(transport === "api" || transport === "api-ssl" || transport === "rest" ? { transport } : {}),
  });
  // One finding per pair, family and reason, listing its services.
  const grouped = new Map<string, { property: string; recorded: string; why: string; services: string[] }>();
  for (const c of verdict.checks.filter((x) => x.status === "failed")) {
    const property = `reachability IPv${c.family} ${c.from} → ${c.to}`;
    const recorded = c.kind === "isolation" || c.kind === "management" ? "blocked (the policy does not allow it)" : c.kind === "flow" ? "allowed (the policy's flow)" : `reachable (${c.what})`;
    const key = `${property}|${recorded}|${c.reason}`;
    const g = grouped.get(key) ?? { property, recorded, why: c.reason, services: [] };
    g.services.push(c.service.protocol === "icmp" ? c.service.name : `${c.service.name} ${serviceText(c.service)}`);
    grouped.set(key, g);
  }
  const findings: Finding[] = [...grouped.values()].map((g) => ({ kind: "reachability", property: g.property, recorded: g.recorded, live: `${g.recorded.startsWith("blocked") ? "allowed" : "blocked"} for ${g.services.join(", ")}: ${g.why}` }));
  return [{ device, findings, errors: [] }];
}
