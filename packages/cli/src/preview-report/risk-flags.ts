/**
 * What a reviewer must look at twice, with the reason: changes on the
 * management path (losing the device), on the uplinks (losing the office's
 * lines), to the firewall, a switch port moved to another zone or opened
 * (what is plugged in there gets that zone's access), and anything that can
 * interrupt a meeting in the meeting room. Reachability (what a router change
 * opens or cuts, reachability-change.ts) is flagged for the router as a whole.
 */
import { MENU_TABLES, type MenuRisk } from "@communes/routeros";
import { TOKENS } from "@communes/provider/contract";
import { MANAGERS_LIST, parseZoneInterface, roleOfPort, VC_MARKS, zoneOfSwitchVlan } from "@communes/intent";
import type { PortConfig } from "@communes/switch";
import type { ResourceChange } from "./resource-changes";

export type RiskFlag = "management" | "uplinks" | "firewall" | "reachability" | "zones" | "meeting-room";

export const FLAG_LABELS: Record<RiskFlag, string> = {
  management: "management path",
  uplinks: "uplinks",
  firewall: "firewall",
  reachability: "reachability",
  zones: "zone change",
  "meeting-room": "meeting room",
};

export interface Risk {
  flag: RiskFlag;
  reason: string;
}

/** Why a menu's risk class matters, by the class its menu table gives it. */
const MENU_RISK: Record<MenuRisk, (path: string) => string> = {
  firewall: (path) => `${path} decides what reaches the office and the router`,
  management: (path) => `${path} controls who can reach and log in to the router`,
  uplinks: (path) => `${path} carries the office's lines (routes, WAN clients, shaping)`,
};
/** The zones a value names through the intent's interface names (a value may be a list: `bridge,vlan40-meeting-room`). */
const zonesIn = (value: string) => value.split(",").flatMap((v) => parseZoneInterface(v.trim())?.zone ?? []);
const onManagement = (value: string) => value === MANAGERS_LIST || zonesIn(value).includes("management");
const VC = new Set<string>(Object.values(VC_MARKS));
const forMeetings = (value: string) => VC.has(value) || zonesIn(value).includes("meeting_room");
const PHYSICAL_PORT = /^(ether|sfp|qsfp|combo|pppoe|lte)/;
const PORT_FIELDS = ["interface", "in-interface", "out-interface", "parent"];

function routerRisks(change: ResourceChange): Risk[] {
  const path = String(change.after.path ?? change.before.path);
  const risks: Risk[] = [];
  const risk = MENU_TABLES.find((t) => t.path === path)?.risk;
  if (risk) risks.push({ flag: risk, reason: MENU_RISK[risk](path) });
  const entries = (side: Record<string, unknown>) => (side.entries ?? {}) as Record<string, Record<string, string>>;
  const keys = new Set(change.properties.filter((p) => p.path[0] === "entries").map((p) => String(p.path[1])));
  for (const key of keys) {
    for (const entry of [entries(change.before)[key], entries(change.after)[key]]) {
      if (!entry) continue;
      const values = Object.values(entry);
      if (values.some(onManagement)) risks.push({ flag: "management", reason: `entry ${key} is on the management zone or the managers' list` });
      if (entry.list === "WAN" || PORT_FIELDS.some((f) => PHYSICAL_PORT.test(entry[f] ?? ""))) risks.push({ flag: "uplinks", reason: `entry ${key} is on a physical port or the WAN list` });
      if (values.some(forMeetings)) risks.push({ flag: "meeting-room", reason: `entry ${key} serves the meeting room (its zone or videoconference QoS)` });
    }
  }
  return risks;
}

type Port = Pick<PortConfig, "mode" | "shutdown" | "accessVlan">;

function switchRisks(change: ResourceChange): Risk[] {
  const risks: Risk[] = [];
  const side = (s: Record<string, unknown>) => s as { vlans?: Record<string, string>; ports?: Record<string, Port>; management?: { vlan?: number } };
  const [before, after] = [side(change.before), side(change.after)];
  const management = String(after.management?.vlan ?? before.management?.vlan);
  const meeting = new Set(
    [...Object.entries(before.vlans ?? {}), ...Object.entries(after.vlans ?? {})].filter(([, name]) => zoneOfSwitchVlan(name) === "meeting_room").map(([id]) => Number(id)),
  );
  for (const { path } of change.properties) {
    const [top, key] = [String(path[0]), String(path[1])];
    if (["management", "defaultGateway", "vtyTransport"].includes(top)) risks.push({ flag: "management", reason: `${top}: how the NOC reaches the switch` });
    if (top === "vlans" && key === management) risks.push({ flag: "management", reason: `VLAN ${key} is the management VLAN` });
    if (top === "vlans" && meeting.has(Number(key))) risks.push({ flag: "meeting-room", reason: `VLAN ${key} is the meeting room's` });
    if (top !== "ports") continue;
    const ports = [before.ports?.[key], after.ports?.[key]];
    if (ports.some((p) => p && roleOfPort(p) === "trunk")) {
      risks.push({ flag: "management", reason: `${key} is a trunk: it carries the management VLAN` }, { flag: "uplinks", reason: `${key} is a trunk: the switch's way to the router` });
    }
    if (ports.some((p) => p?.accessVlan !== undefined && meeting.has(p.accessVlan))) risks.push({ flag: "meeting-room", reason: `${key} is or becomes a meeting-room port` });
    const [was, will] = ports;
    const vlan = (id: number | undefined) => `VLAN ${id}${after.vlans?.[String(id)] ?? before.vlans?.[String(id)] ? ` (${after.vlans?.[String(id)] ?? before.vlans?.[String(id)]})` : ""}`;
    if (!was || !will) continue;
    const [wasRole, willRole] = [roleOfPort(was), roleOfPort(will)];
    if (wasRole === "unused" && willRole === "access") {
      risks.push({ flag: "zones", reason: `${key} is opened in ${vlan(will.accessVlan)}: anyone plugging in there joins that zone` });
    } else if (wasRole === "access" && willRole === "access" && was.accessVlan !== will.accessVlan) {
      risks.push({ flag: "zones", reason: `${key} moves from ${vlan(was.accessVlan)} to ${vlan(will.accessVlan)}: what is plugged in there joins that zone, with its access` });
    }
  }
  return risks;
}

/** One risk per flag, reasons merged, in a fixed order; long lists cut, but never the ports that change zone (each is a door). */
export function riskFlags(change: ResourceChange): Risk[] {
  const risks =
    change.type === TOKENS.table
      ? routerRisks(change)
      : change.type === TOKENS.switch
        ? switchRisks(change)
        : change.type === TOKENS.endpoint && change.op !== "remove"
          ? [{ flag: "meeting-room" as const, reason: "the meeting-room endpoint is reconfigured: it may re-register with the MCU or reboot, cutting a meeting in progress" }]
          : [];
  return (Object.keys(FLAG_LABELS) as RiskFlag[])
    .map((flag) => ({ flag, reasons: [...new Set(risks.filter((r) => r.flag === flag).map((r) => r.reason))] }))
    .filter((r) => r.reasons.length > 0)
    .map(({ flag, reasons }) => ({ flag, reason: reasons.length > 3 && flag !== "zones" ? `${reasons.slice(0, 3).join("; ")} (and ${reasons.length - 3} more)` : reasons.join("; ") }));
}
