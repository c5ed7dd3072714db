/**
 * The reachability matrix of one commune: for each family, from each zone,
 * destination and the Internet to each zone, destination, the Internet and
 * the router, whether each service gets through and why. Pairs that do not
 * cross the router (a destination to another, the Internet to a
 * destination) are left out.
 */
import type { Family } from "@communes/inventory";

import { Verifier, type Reach, type Scenario } from "./reach";
import { SERVICES, type Service } from "./services";
import { ROUTER, places, representative } from "./site";

export interface Cell {
  from: string;
  to: string;
  family: Family;
  service: Service;
  reach: Reach;
}

export function crossesRouter(verifier: Verifier, from: string, to: string): boolean {
  if (from === to || from === ROUTER) return false;
  const zone = (n: string) => verifier.site.zones.some((z) => z.name === n);
  return to === ROUTER || zone(from) || zone(to);
}

export function matrix(verifier: Verifier, scenario: Scenario = "normal", services: readonly Service[] = SERVICES): Cell[] {
  const all = places(verifier.site).map((p) => p.name);
  const cells: Cell[] = [];
  for (const family of [4, 6] as const) {
    for (const from of all) {
      for (const to of all) {
        if (!crossesRouter(verifier, from, to)) continue;
        if (!representative(verifier.site, from, family) || (to !== ROUTER && !representative(verifier.site, to, family))) continue;
        for (const service of services) cells.push({ from, to, family, service, reach: verifier.reach({ place: from }, { place: to }, service, family, scenario) });
      }
    }
  }
  return cells;
}

/** One line per pair and family: what gets through, by service name. */
export function matrixText(cells: readonly Cell[]): string {
  const rows = new Map<string, { allowed: string[]; blocked: string[]; unmodelled: Set<string> }>();
  for (const c of cells) {
    const key = `IPv${c.family}  ${c.from} → ${c.to}`;
    const row = rows.get(key) ?? { allowed: [], blocked: [], unmodelled: new Set<string>() };
    (c.reach.allowed ? row.allowed : row.blocked).push(c.service.name);
    for (const r of c.reach.unmodelled) row.unmodelled.add(`${r.table} #${r.index}`);
    rows.set(key, row);
  }
  const width = Math.max(...[...rows.keys()].map((k) => k.length));
  return [...rows]
    .map(([key, r]) => {
      const what = r.blocked.length === 0 ? "all" : r.allowed.length === 0 ? "none" : r.allowed.join(" ");
      return `${key.padEnd(width)}  ${what}${r.unmodelled.size > 0 ? `  (unmodelled: ${[...r.unmodelled].join(", ")})` : ""}`;
    })
    .join("\n")
    .concat("\n");
}

