/**
 * The province's policy checked where it is written: for every commune, the
 * configuration the inventory renders is verified, and each check that fails
 * becomes a problem in the province file: at the server's value when a need
 * of a server the province names fails (the gatekeeper, the registrar, a
 * default NTP, DNS or syslog server), at the flow itself when a flow of the
 * policy does not get through, else at `flows`. A failure shared by several
 * communes is reported once, naming them.
 */
import type { CommuneModel, CommunePlan, Finding, ProvinceModel } from "@communes/inventory";
import { serviceText } from "./services";
import { verifyCommune } from "./commune-verification";

const MAX_FINDINGS = 20;

/** Where the province writes a server, when it does: its services, then its default settings. */
export function serverPath(province: ProvinceModel, server: string): Array<string | number> | undefined {
  const sip = province.mcu.sip;
  if (sip?.registrar === server) return ["services", "mcu", "sip", "registrar"];
  if (sip?.proxy === server) return ["services", "mcu", "sip", "proxy"];
  if (province.mcu.h323?.gatekeeper === server) return ["services", "mcu", "h323", "gatekeeper"];
  const d = province.defaults;
  for (const [key, list] of [["ntp", d.ntp], ["dns", d.dns]] as const) {
    const i = list.indexOf(server);
    if (i >= 0) return ["defaults", key, i];
  }
  const s = d.syslog.findIndex((x) => x.address === server);
  return s >= 0 ? ["defaults", "syslog", s, "address"] : undefined;
}

export function policyFindings(province: ProvinceModel, communes: readonly CommuneModel[], plans: readonly CommunePlan[]): Finding[] {
  // Keyed without what differs from commune to commune (device names, rule numbers), so a province-wide fault is one problem.
  const byProblem = new Map<string, { text: string; path: Array<string | number>; communes: string[] }>();
  for (const commune of communes) {
    const plan = plans.find((p) => p.file === commune.file);
    if (!plan) continue;
    for (const c of verifyCommune(province, commune, plan).checks) {
      if (c.status !== "failed") continue;
      const reason = c.reason.replace(/ #\d+/g, "");
      const key = [c.kind, c.family, c.from, c.to, serviceText(c.service), reason].join("|");
      const flow = c.kind === "flow" ? province.flows.findIndex((f) => f.from === c.from) : -1;
      const text = c.kind === "requirement" ? `${c.what} is blocked: ${reason}` : `${c.kind} IPv${c.family} ${c.from} → ${c.to} ${serviceText(c.service)} fails: ${reason}`;
      const path = (c.kind === "requirement" && c.server !== undefined ? serverPath(province, c.server) : undefined) ?? (flow >= 0 ? ["flows", flow] : ["flows"]);
      const entry = byProblem.get(key) ?? { text, path, communes: [] };
      const name = `${commune.kind} ${commune.name}`;
      if (!entry.communes.includes(name)) entry.communes.push(name);
      byProblem.set(key, entry);
    }
  }
  const all = [...byProblem];
  const findings: Finding[] = all.slice(0, MAX_FINDINGS).map(([, e]) => ({
    file: province.file,
    path: e.path,
    message: `the policy cannot be met in ${e.communes.length === 1 ? e.communes[0] : `${e.communes.length} communes (${e.communes.slice(0, 3).join(", ")}${e.communes.length > 3 ? ", …" : ""})`}: ${e.communes.length > 1 ? "for example, " : ""}${e.text}`,
  }));
  if (all.length > MAX_FINDINGS) findings.push({ file: province.file, path: ["flows"], message: `and ${all.length - MAX_FINDINGS} more policy failures (communes verify lists them all)` });
  return findings;
}
