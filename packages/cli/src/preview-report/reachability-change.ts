/**
 * What a change does to the office's reachability: the router's menus before
 * the change (as the stack recorded them, or as read with --refresh) and
 * after it (as the inventory renders them) go through the verifier
 * (@communes/verify), and the report lists every path and service whose
 * verdict differs — with both lines up and with either one down — and the
 * checks of the policy and of the configuration's needs that the change
 * breaks or fixes.
 *
 * Menus the preview has no step for are unchanged: both sides take them from
 * the inventory's rendering. Both sides are read against the inventory as it
 * is now (its zones' addresses, the province's destinations).
 */
import { parseAddress, type Address } from "@communes/inventory";
import { routerIntent } from "@communes/intent";
import { communeSite, matrix, routerConfig, serviceLabel, Verifier, verifyCommune, type Cell, type Check, type RouterConfig, type Row, type Scenario } from "@communes/verify";
import { STACK_SETTING } from "@communes/network/stack-settings";
import { routerTransportSetting, type LoadedCommune } from "../load-inventory";
import { routerMenuOf, tableRows } from "../pulumi/router-tables";
import type { PreviewJson } from "./preview-json";

export interface ReachChange {
  scenario: Scenario;
  family: 4 | 6;
  from: string;
  to: string;
  /** `smb tcp/445`, `ping`. */
  services: string[];
  before: boolean;
  after: boolean;
  /** Why, after the change: the rule that decides, or what is missing. */
  why: string;
}

/** Checks of one kind on one path that turn the same way for the same reason, their services together. */
export interface CheckChange {
  family: 4 | 6;
  from: string;
  to: string;
  /** What the checks ask: "not in the policy: must stay blocked", or the need itself ("DHCP of staff hands out … as DNS server"). */
  what: string;
  services: string[];
  /** Why they fail, on the side where they fail. */
  reason: string;
}

export interface ReachabilityChange {
  router: string;
  changes: ReachChange[];
  /** Checks that pass before the change and fail after it; the reason is the one after. */
  broken: CheckChange[];
  /** Checks that fail before the change and pass after it; the reason is the one before. */
  fixed: CheckChange[];
}

const SCENARIOS: readonly Scenario[] = ["normal", "internet-down", "dedicated-down"];

/** The router's menus on each side of the preview, the inventory's rendering where the preview has no step. */
function sides(preview: PreviewJson, router: string, rendered: ReadonlyArray<{ path: string; entries: readonly Row[] }>): { before: RouterConfig; after: RouterConfig; touched: boolean } {
  const before = new Map<string, readonly Row[]>(rendered.map((t) => [t.path, t.entries]));
  const after = new Map(before);
  let touched = false;
  for (const step of preview.steps ?? []) {
    const path = routerMenuOf(step.urn, router);
    // A refresh step only reads (its update step, if any, carries what was read); a same step changes nothing.
    if (path === undefined || step.op === "same" || step.op === "refresh") continue;
    touched = true;
    if (step.oldState) before.set(path, tableRows(step.oldState.inputs));
    else before.delete(path);
    if (step.newState && step.op !== "delete") after.set(path, tableRows(step.newState.inputs));
    else after.delete(path);
  }
  const config = (m: Map<string, readonly Row[]>) => routerConfig([...m].map(([path, entries]) => ({ path, entries })));
  return { before: config(before), after: config(after), touched };
}

function cellChanges(scenario: Scenario, before: readonly Cell[], after: readonly Cell[]): ReachChange[] {
  const key = (c: Cell) => `${c.family}|${c.from}|${c.to}|${c.service.name}`;
  const was = new Map(before.map((c) => [key(c), c]));
  const grouped = new Map<string, ReachChange>();
  for (const c of after) {
    const old = was.get(key(c));
    if (!old || old.reach.allowed === c.reach.allowed) continue;
    const group = `${c.family}|${c.from}|${c.to}|${c.reach.allowed}|${c.reach.reason}`;
    const change = grouped.get(group) ?? { scenario, family: c.family, from: c.from, to: c.to, services: [], before: old.reach.allowed, after: c.reach.allowed, why: c.reach.reason };
    change.services.push(serviceLabel(c.service));
    grouped.set(group, change);
  }
  return [...grouped.values()];
}

function checkKey(c: Check): string {
  return `${c.kind}|${c.what}|${c.family}|${c.from}|${c.to}|${c.service.name}`;
}

const KIND_WHAT: Record<Exclude<Check["kind"], "requirement">, string> = {
  flow: "the policy's flow: must get through",
  isolation: "not in the policy: must stay blocked",
  management: "the router's management services: for the managers only",
};

/** The checks that fail on the `failing` side and pass on the `passing` one, grouped, with the reason they fail. */
function turned(failing: readonly Check[], passing: readonly Check[]): CheckChange[] {
  const failed = new Map(failing.filter((c) => c.status === "failed").map((c) => [checkKey(c), c]));
  const groups = new Map<string, CheckChange>();
  for (const c of passing.filter((x) => x.status === "ok" && failed.has(checkKey(x)))) {
    const reason = failed.get(checkKey(c))!.reason;
    const what = c.kind === "requirement" ? c.what : KIND_WHAT[c.kind];
    const key = `${c.family}|${c.from}|${c.to}|${what}|${reason}`;
    const group = groups.get(key) ?? { family: c.family, from: c.from, to: c.to, what, services: [], reason };
    group.services.push(serviceLabel(c.service));
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** The reachability the preview's router changes alter; undefined when the preview changes none of the router's menus. */
export function reachabilityChange(preview: PreviewJson, loaded: LoadedCommune): ReachabilityChange | undefined {
  const { province, commune, plan } = loaded;
  const transport = routerTransportSetting(preview.config?.[`commune:${STACK_SETTING.routerTransport}`]);
  const operator = operatorOf(preview.config);
  const router = commune.router.hostname;
  const rendered = routerIntent(province, commune, plan, transport).tables;
  const { before, after, touched } = sides(preview, router, rendered);
  if (!touched) return undefined;
  const options = { ...(transport ? { transport } : {}), ...(operator ? { operator } : {}) };
  const verdict = (config: RouterConfig, source: string) => verifyCommune(province, commune, plan, { given: { config, source }, ...options });
  const [was, will] = [verdict(before, "before the change"), verdict(after, "after the change")];
  const verifier = (config: RouterConfig) => new Verifier(config, communeSite(province, commune, plan, config));
  const changes = SCENARIOS.flatMap((scenario) =>
    scenario === "normal" ? cellChanges(scenario, was.matrix, will.matrix) : cellChanges(scenario, matrix(verifier(before), scenario), matrix(verifier(after), scenario)),
  );
  // After a change of the normal case, the same change when a line is down says nothing new.
  const normal = new Set(changes.filter((c) => c.scenario === "normal").map((c) => `${c.family}|${c.from}|${c.to}|${c.services.join()}|${c.after}`));
  return {
    router,
    changes: changes.filter((c) => c.scenario === "normal" || !normal.has(`${c.family}|${c.from}|${c.to}|${c.services.join()}|${c.after}`)),
    broken: turned(will.checks, was.checks),
    fixed: turned(was.checks, will.checks),
  };
}

function operatorOf(config: PreviewJson["config"]): Address | undefined {
  const value = config?.[`commune:${STACK_SETTING.operatorAddress}`];
  const parsed = value === undefined ? undefined : parseAddress(value);
  return parsed?.ok ? parsed.value : undefined;
}
