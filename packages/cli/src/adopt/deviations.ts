/**
 * What the adopted inventory would change on the devices: the intent of the
 * rebuilt inventory against what was read, with the table engine's own
 * change plan for router menus and property by property for switches and
 * endpoints. Every line is something the engineer must decide on; nothing
 * is dropped. Pure.
 */
import { entryInFull, fieldDefault, menuTable, planChanges, type Entry } from "@communes/routeros";
import { endpointIntents, intendedTable, routerIntent, switchIntents } from "@communes/intent";
import { normalisePort, observedState } from "@communes/switch";
import { WRITE_ONLY, type SettingName } from "@communes/endpoint";
import type { CommuneModel, CommunePlan, ProvinceModel } from "@communes/inventory";
import type { OfficeReading } from "@communes/intent";

export interface Deviation {
  /** `router thieu-trung-r1`, `switch thieu-trung-sw1`, `endpoint Hội trường…`. */
  device: string;
  /** Menu and entry, port and property, or setting. */
  what: string;
  live: string;
  intended: string;
}

const ABSENT = "(absent)";

function show(entry: Entry | undefined): string {
  if (!entry) return ABSENT;
  const fields = Object.entries(entry).map(([k, v]) => `${k}=${v}`);
  return fields.length > 0 ? fields.join(" ") : "(defaults)";
}

function routerDeviations(province: ProvinceModel, commune: CommuneModel, plan: CommunePlan, live: OfficeReading): Deviation[] {
  const intent = routerIntent(province, commune, plan);
  const device = `router ${intent.hostname}`;
  const out: Deviation[] = [];
  for (const t of intent.tables) {
    const table = menuTable(t.path);
    const desired = intendedTable(t);
    const observed = live.router.tables[t.path] ?? { path: t.path, entries: {} };
    for (const change of planChanges(table, desired, observed)) {
      if (change.op === "remove") out.push({ device, what: `${t.path} ${change.key}`, live: show(observed.entries[change.key] && entryInFull(table, observed.entries[change.key]!)), intended: "removed" });
      else if (change.op === "add") out.push({ device, what: `${t.path} ${change.key}`, live: ABSENT, intended: show(change.values) });
      else if (change.op === "set") {
        const current = observed.entries[change.key] ?? {};
        for (const [field, value] of Object.entries(change.values)) {
          out.push({ device, what: `${t.path} ${change.key} ${field}`, live: current[field] ?? `${table.fields[field] ? fieldDefault(table.fields[field], { ...current, ...change.values }) : ""} (default)`, intended: value });
        }
      } else {
        const kept = (observed.order ?? []).filter((k) => k in desired.entries);
        out.push({ device, what: `${t.path} order`, live: kept.join(" | "), intended: change.keys.join(" | ") });
      }
    }
  }
  return out;
}

function switchDeviations(commune: CommuneModel, plan: CommunePlan, live: OfficeReading): Deviation[] {
  const out: Deviation[] = [];
  for (const want of switchIntents(commune, plan)) {
    const device = `switch ${want.hostname}`;
    const found = live.switches.find((s) => s.config.hostname === want.hostname);
    if (!found) {
      out.push({ device, what: "switch", live: ABSENT, intended: "configured" });
      continue;
    }
    const have = observedState(found.config, Object.keys(want.state.ports), want.state.management.vlan);
    const push = (what: string, a: unknown, b: unknown) => {
      const [l, i] = [JSON.stringify(a) ?? ABSENT, JSON.stringify(b) ?? ABSENT];
      if (l !== i) out.push({ device, what, live: l, intended: i });
    };
    push("vtp mode", have.vtpMode, want.state.vtpMode);
    for (const id of new Set([...Object.keys(have.vlans), ...Object.keys(want.state.vlans)])) push(`vlan ${id}`, have.vlans[id], want.state.vlans[id]);
    for (const [port, wanted] of Object.entries(want.state.ports)) {
      const current = have.ports[port];
      if (!current) {
        push(`interface ${port}`, undefined, wanted);
        continue;
      }
      const w = normalisePort(wanted);
      for (const field of new Set([...Object.keys(current), ...Object.keys(w)]) as Set<keyof typeof w>) push(`interface ${port} ${field}`, current[field], w[field]);
    }
    push("management", have.management, want.state.management);
    push("ip default-gateway", have.defaultGateway, want.state.defaultGateway);
    push("line vty transport input", have.vtyTransport, want.state.vtyTransport);
    push("logging host", [...(have.loggingHosts ?? [])].sort(), [...(want.state.loggingHosts ?? [])].sort());
  }
  return out;
}

function endpointDeviations(province: ProvinceModel, commune: CommuneModel, plan: CommunePlan, live: OfficeReading): Deviation[] {
  const out: Deviation[] = [];
  for (const want of endpointIntents(province, commune, plan)) {
    const device = `endpoint ${want.systemName}`;
    const found = live.endpoints.find((e) => e.settings.systemName === want.systemName);
    for (const [name, value] of Object.entries(want.settings) as Array<[SettingName, string]>) {
      if (WRITE_ONLY.has(name)) continue;
      const current = found?.settings[name];
      if (current !== value) out.push({ device, what: name, live: current ?? ABSENT, intended: value });
    }
  }
  return out;
}

export function deviations(province: ProvinceModel, commune: CommuneModel, plan: CommunePlan, live: OfficeReading): Deviation[] {
  return [...routerDeviations(province, commune, plan, live), ...switchDeviations(commune, plan, live), ...endpointDeviations(province, commune, plan, live)];
}

/** One line: what the device holds, what the file wants, and what the first `up` would therefore do. */
export function formatDeviation(d: Deviation): string {
  if (d.intended === "removed" || d.intended === ABSENT) return `${d.device}: ${d.what}: on the device ${d.live}; not in the file, so the first up would remove it`;
  if (d.live === ABSENT) return `${d.device}: ${d.what}: not on the device; the file wants ${d.intended}, so the first up would add it`;
  return `${d.device}: ${d.what}: on the device ${d.live}; the file wants ${d.intended}, so the first up would change it`;
}
