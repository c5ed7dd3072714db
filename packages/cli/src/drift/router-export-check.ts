/**
 * The router's menus no stack manages, checked all the same: a user added
 * by hand (`/user`), a port disabled (`/interface`) never shows in a
 * refresh of the menus, since no table reads those. The stack keeps the
 * router's whole `/export` from before its last change, and a reading of
 * the menus `/export` never lists (users, groups, SSH keys, scheduler,
 * scripts, services) through the API (`communes:routeros:ConfigExport`);
 * an `up` never touches the menus it does not manage, so that is what they
 * should still hold. The provider compares them during the audit's refresh
 * (COMPARE_EXPORT_ENV), with its own credentials; this turns the
 * comparison its refresh step carries into findings, for the menus no table
 * of the stack manages (the refresh compares those itself).
 */
import { parseTableResourceName, TOKENS } from "@communes/provider/contract";
import type { ExportComparison } from "@communes/provider/export-comparison";
import { parseUrn } from "../pulumi/urn";
import type { Finding } from "./audit";
import type { RefreshRun } from "./classify";

export interface RouterExportCheck {
  /** The router's name. */
  device: string;
  findings: Finding[];
  errors: string[];
}

/** The menus the stack's tables of `router` manage, from every resource the refresh named. */
function managedMenus(urns: readonly string[], router: string): Set<string> {
  const tables = urns.map(parseUrn).filter((r) => r.type === TOKENS.table).map((r) => parseTableResourceName(r.name));
  return new Set(tables.filter((t) => t.router === router).map((t) => t.path));
}

function findingsOf(comparison: ExportComparison, managed: ReadonlySet<string>): Finding[] {
  const lines = comparison.exportLines.filter((d) => !managed.has(d.menu));
  const entries = comparison.auditedEntries.filter((d) => !managed.has(d.menu));
  return [
    ...lines.map((d): Finding => (d.live !== undefined ? { kind: "unmanaged", resource: d.menu, property: "export line", live: d.live } : { kind: "missing", resource: d.menu, property: "export line", recorded: d.recorded })),
    ...entries.flatMap((d): Finding[] => [
      ...(d.recorded !== undefined ? [{ kind: "missing" as const, resource: d.menu, property: "entry", recorded: `add ${d.recorded}` }] : []),
      ...(d.live !== undefined ? [{ kind: "unmanaged" as const, resource: d.menu, property: "entry", live: `add ${d.live}` }] : []),
    ]),
  ];
}

/** Every router whose export the refresh compared with the router: its ConfigExport step's `comparison`, in the refreshed state. */
export function routerExportChecks(run: Pick<RefreshRun, "steps" | "diagnostics" | "recorded">): RouterExportCheck[] {
  const urns = [...run.steps.map((s) => s.urn), ...run.diagnostics.flatMap((d) => (d.urn ? [d.urn] : [])), ...(run.recorded ?? [])];
  return run.steps.flatMap((step) => {
    const comparison = step.newState?.outputs?.comparison as ExportComparison | undefined;
    if (parseUrn(step.urn).type !== TOKENS.configExport || !comparison) return [];
    const device = String(step.newState?.inputs?.router ?? parseUrn(step.urn).name);
    const errors = [comparison.exportError, comparison.auditedError].filter((e): e is string => e !== undefined);
    return [{ device, findings: findingsOf(comparison, managedMenus(urns, device)), errors }];
  });
}
