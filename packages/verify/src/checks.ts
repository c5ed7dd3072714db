/**
 * The verdicts on a commune's matrix: the flow policy both ways (each flow
 * it allows gets through for every service; what it does not allow is
 * blocked, unless a requirement of the configuration needs exactly that),
 * the router's management services closed to all but the managers, and
 * every requirement of the configuration met. A failure names the places,
 * the family, the service and the rule or missing piece that decides it.
 */
import type { Family } from "@communes/inventory";
import { formatAddress } from "@communes/inventory";
import { matrix, type Cell } from "./matrix";
import { Verifier, type Reach } from "./reach";
import type { Requirement } from "./requirements";
import { serviceText, type Service } from "./services";
import { ROUTER, places, within } from "./site";

export interface PolicyFlow {
  from: string;
  to: readonly string[];
}

export type CheckKind = "flow" | "isolation" | "management" | "requirement";

export interface Check {
  kind: CheckKind;
  /** "ok", "failed", or "unchecked" (a host name the verifier cannot resolve). */
  status: "ok" | "failed" | "unchecked";
  from: string;
  to: string;
  family: Family;
  service: Service;
  /** What the check is about, in words. */
  what: string;
  /** Why it got the status: the rule that decided, or what is missing. */
  reason: string;
  /** For a need of a server: the server as the configuration names it. */
  server?: string;
}

const MANAGEMENT: readonly string[] = ["ssh", "winbox", "api", "api-ssl", "https"];

function check(kind: CheckKind, cell: { from: string; to: string; family: Family; service: Service; server?: string }, ok: boolean, what: string, reach: Reach | string): Check {
  return { kind, status: ok ? "ok" : "failed", from: cell.from, to: cell.to, family: cell.family, service: cell.service, what, reason: typeof reach === "string" ? reach : reach.reason, ...(cell.server !== undefined ? { server: cell.server } : {}) };
}

export interface Verdict {
  checks: Check[];
  matrix: Cell[];
}

export function verify(verifier: Verifier, policy: readonly PolicyFlow[], required: readonly Requirement[], managers: readonly string[]): Verdict {
  const cells = matrix(verifier);
  const site = verifier.site;
  // A flow to (or from) a destination covers the destinations inside it: the MCU's network is part of the government networks.
  const allowedByPolicy = (from: string, to: string) => policy.some((f) => within(site, from, f.from) && f.to.some((t) => within(site, to, t)));
  const needed = (c: Cell) => required.some((r) => r.from.place === c.from && r.to.place === c.to && r.family === c.family && r.service.protocol === c.service.protocol && r.service.port === c.service.port && r.to.address === undefined && r.from.address === undefined);
  const checks: Check[] = [];
  for (const c of cells) {
    const pair = `${c.from} → ${c.to}`;
    if (c.to === ROUTER) {
      if (!MANAGEMENT.includes(c.service.name) || managers.includes(c.from)) continue;
      checks.push(check("management", c, !c.reach.allowed, `${pair} ${c.service.name}: only the managers (${managers.join(", ")}) reach the router's management services`, c.reach));
    } else if (allowedByPolicy(c.from, c.to)) {
      checks.push(check("flow", c, c.reach.allowed, `${pair} ${c.service.name}: allowed by the policy`, c.reach));
    } else if (!needed(c)) {
      checks.push(check("isolation", c, !c.reach.allowed, `${pair} ${c.service.name}: not in the policy, must be blocked`, c.reach));
    }
  }
  for (const r of required) {
    const cell = { from: r.from.place, to: r.to.host ?? r.to.place, family: r.family, service: r.service, ...(r.server !== undefined ? { server: r.server } : {}) };
    if (r.to.host !== undefined) {
      checks.push({ kind: "requirement", status: "unchecked", ...cell, what: r.why, reason: `${r.to.host} is a host name: its address is not known to the verifier (the DNS that resolves it is checked)` });
      continue;
    }
    if (r.from.place === r.to.place && site.zones.some((z) => z.name === r.from.place)) {
      checks.push({ kind: "requirement", status: "ok", ...cell, what: r.why, reason: "within one zone: switched, it does not cross the router" });
      continue;
    }
    const reach = verifier.reach(r.from, r.to, r.service, r.family);
    const where = r.to.address ? ` ${formatAddress(r.to.address)}` : "";
    checks.push(check("requirement", cell, reach.allowed, `${r.why}: ${r.from.place} → ${r.to.place}${where} ${serviceText(r.service)}`, reach));
  }
  return { checks, matrix: cells };
}

/** Policy flows that name a place the site does not have (a typo in the policy is not "allowed"). */
export function unknownPlaces(verifier: Verifier, policy: readonly PolicyFlow[]): string[] {
  const names = new Set(places(verifier.site).map((p) => p.name));
  return [...new Set(policy.flatMap((f) => [f.from, ...f.to]).filter((n) => !names.has(n)))];
}

