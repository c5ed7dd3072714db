/** The report's reachability section of a router: the paths a change opens or cuts, and the checks it breaks or fixes. */
import { SERVICES } from "@communes/verify";
import type { CheckChange, ReachabilityChange, ReachChange } from "./reachability-change";
import { FLAG_LABELS } from "./risk-flags";

const WHEN: Record<ReachChange["scenario"], string> = { normal: "", "internet-down": ", Internet line down", "dedicated-down": ", dedicated line down" };

const text = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
const verdict = (allowed: boolean) => (allowed ? "allowed" : "blocked");
const path = (c: ReachChange) => `${c.from} → ${c.to}${WHEN[c.scenario]}`;
/** The services of a row; "every service" when it is all the verifier asks about. */
const services = (list: readonly string[]) => (list.length === SERVICES.length ? "every service" : list.join(", "));
const checkText = (c: CheckChange) => `IPv${c.family} ${c.from} → ${c.to}, ${c.what} (${services(c.services)})`;

/** Why a reviewer looks twice: the checks the change breaks, then what it opens and what it cuts; undefined when nothing changes. */
export function reachabilityRisk(change: ReachabilityChange): string | undefined {
  // A path whose broken checks are listed is not listed again as opened or cut.
  const named = new Set(change.broken.map((b) => `${b.family}|${b.from}|${b.to}`));
  const others = change.changes.filter((c) => !named.has(`${c.family}|${c.from}|${c.to}`));
  const reasons = [
    ...change.broken.map((b) => `breaks ${checkText(b)}`),
    ...others.filter((c) => c.after).map((c) => `opens IPv${c.family} ${path(c)} for ${services(c.services)}`),
    ...others.filter((c) => !c.after).map((c) => `cuts IPv${c.family} ${path(c)} for ${services(c.services)}`),
  ];
  if (reasons.length === 0) return undefined;
  return reasons.length > 3 ? `${reasons.slice(0, 3).join("; ")} (and ${reasons.length - 3} more)` : reasons.join("; ");
}

export function reachabilitySection(change: ReachabilityChange): string[] {
  const out = [`### ${change.router}: reachability`, ""];
  if (change.changes.length === 0 && change.broken.length === 0 && change.fixed.length === 0) {
    return [...out, "The router's changes alter no reachability: every path and service gets the same verdict before and after (both lines up, and either one down).", ""];
  }
  out.push("Who reaches what through the router, before and after this change, as `communes verify` computes it (docs/verify.md):", "");
  if (change.changes.length > 0) {
    out.push("| Family | From → to | Services | Before → after | Why, after the change |", "| --- | --- | --- | --- | --- |");
    for (const c of change.changes) out.push(`| IPv${c.family} | ${text(path(c))} | ${text(services(c.services))} | ${verdict(c.before)} → **${verdict(c.after)}** | ${text(c.why)} |`);
    out.push("");
  }
  for (const [title, list] of [["Checks this change breaks", change.broken], ["Checks this change fixes", change.fixed]] as const) {
    if (list.length === 0) continue;
    out.push(`${title}:`, "", ...list.map((c) => `- ${text(checkText(c))}: ${text(c.reason)}`), "");
  }
  const risk = reachabilityRisk(change);
  out.push(risk ? `Risk flags:\n- **${FLAG_LABELS.reachability}**: ${risk}` : "Risk flags: none.", "");
  return out;
}
