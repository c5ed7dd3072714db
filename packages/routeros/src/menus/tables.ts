/** The RouterOS menus a commune router is configured through. */
import type { MenuField, MenuTable } from "./menu-table";
import { routerService } from "./services";

const text = (d = ""): MenuField => ({ default: d });
const bool = (d: boolean): MenuField => ({ default: String(d), normalise: "bool" });
const set = (d = ""): MenuField => ({ default: d, normalise: "set" });

const comment = { comment: text(), disabled: bool(false) };

const rule: Record<string, MenuField> = {
  chain: text(),
  action: text("accept"),
  "src-address": text(),
  "dst-address": text(),
  "src-address-list": text(),
  "dst-address-list": text(),
  "in-interface": text(),
  "out-interface": text(),
  "in-interface-list": text(),
  "out-interface-list": text(),
  protocol: text(),
  "dst-port": set(),
  "connection-state": set(),
  dscp: text(),
  "packet-mark": text(),
  "new-packet-mark": text(),
  "new-connection-mark": text(),
  "new-dscp": text(),
  "connection-mark": text(),
  passthrough: { default: "", normalise: "bool" },
  "to-addresses": text(),
  "jump-target": text(),
  "reject-with": text(),
  log: bool(false),
  "log-prefix": text(),
  ...comment,
};

const firewall = (path: string, stage: number): MenuTable => ({ path, kind: "list", key: ["comment"], ordered: true, ownership: "owned", fields: rule, stage, risk: "firewall" });
const addressList = (path: string): MenuTable => ({
  stage: 1,
  risk: "firewall",
  path,
  kind: "list",
  key: ["list", "address"],
  ownership: "owned",
  fields: { list: text(), address: text(), ...comment },
});
const route = (path: string): MenuTable => ({
  stage: 4,
  risk: "uplinks",
  path,
  kind: "list",
  key: ["dst-address", "gateway"],
  ownership: "owned",
  fields: { "dst-address": text(), gateway: text(), distance: text("1"), "check-gateway": text(), "routing-table": text("main"), ...comment },
});

export const MENU_TABLES: readonly MenuTable[] = [
  {
    path: "/interface/bridge",
    kind: "list",
    key: ["name"],
    ownership: "owned",
    fields: { name: text(), "vlan-filtering": bool(false), "protocol-mode": text("rstp"), "frame-types": text("admit-all"), pvid: text("1"), ...comment },
    stage: 1,
  },
  {
    path: "/interface/bridge/port",
    kind: "list",
    key: ["interface"],
    ownership: "owned",
    fields: { interface: text(), bridge: text(), pvid: text("1"), "frame-types": text("admit-all"), "ingress-filtering": bool(true), ...comment },
    stage: 2,
  },
  {
    path: "/interface/bridge/vlan",
    kind: "list",
    key: ["bridge", "vlan-ids"],
    ownership: "owned",
    fields: { bridge: text(), "vlan-ids": text(), tagged: set(), untagged: set(), ...comment },
    stage: 2,
  },
  {
    path: "/interface/vlan",
    kind: "list",
    key: ["name"],
    ownership: "owned",
    fields: { name: text(), "vlan-id": text(), interface: text(), mtu: text("1500"), ...comment },
    stage: 2,
  },
  { path: "/interface/list", kind: "list", key: ["name"], ownership: "owned", fields: { name: text(), ...comment }, stage: 1 },
  { path: "/interface/list/member", kind: "list", key: ["list", "interface"], ownership: "owned", fields: { list: text(), interface: text(), ...comment }, stage: 3 },
  {
    path: "/interface/pppoe-client",
    kind: "list",
    key: ["name"],
    ownership: "owned",
    fields: { name: text(), interface: text(), user: text(), password: { default: "", writeOnly: true }, "add-default-route": bool(false), "default-route-distance": text("1"), "use-peer-dns": bool(false), ...comment },
    stage: 1,
    risk: "uplinks",
  },
  { path: "/ip/address", kind: "list", key: ["address", "interface"], ownership: "owned", fields: { address: text(), interface: text(), ...comment }, stage: 3 },
  {
    path: "/ip/dhcp-client",
    kind: "list",
    key: ["interface"],
    ownership: "owned",
    fields: { interface: text(), "add-default-route": text("yes"), "default-route-distance": text("1"), "use-peer-dns": bool(true), "use-peer-ntp": bool(true), ...comment },
    stage: 1,
    risk: "uplinks",
  },
  { path: "/ip/pool", kind: "list", key: ["name"], ownership: "owned", fields: { name: text(), ranges: text(), comment: text() }, stage: 1 },
  {
    path: "/ip/dhcp-server",
    kind: "list",
    key: ["name"],
    ownership: "owned",
    fields: { name: text(), interface: text(), "address-pool": text("static-only"), "lease-time": { default: "30m", normalise: "duration" }, ...comment },
    stage: 3,
  },
  {
    path: "/ip/dhcp-server/network",
    kind: "list",
    key: ["address"],
    ownership: "owned",
    fields: { address: text(), gateway: text(), "dns-server": text(), "ntp-server": text(), domain: text(), comment: text() },
    stage: 4,
  },
  {
    path: "/ip/dhcp-server/lease",
    kind: "list",
    key: ["mac-address"],
    ownership: "owned",
    fields: { address: text(), "mac-address": text(), server: text("all"), ...comment },
    stage: 4,
  },
  { path: "/ip/dns", kind: "singleton", key: [], ownership: "owned", fields: { servers: text(), "allow-remote-requests": bool(false) }, stage: 1 },
  firewall("/ip/firewall/filter", 3),
  firewall("/ip/firewall/nat", 4),
  firewall("/ip/firewall/mangle", 3),
  addressList("/ip/firewall/address-list"),
  firewall("/ipv6/firewall/filter", 3),
  addressList("/ipv6/firewall/address-list"),
  {
    path: "/ipv6/address",
    kind: "list",
    key: ["address", "interface"],
    ownership: "owned",
    fields: { address: text(), interface: text(), advertise: bool(true), "eui-64": bool(false), ...comment },
    stage: 3,
  },
  {
    path: "/ipv6/dhcp-client",
    kind: "list",
    key: ["interface"],
    ownership: "owned",
    fields: { interface: text(), request: set(), "add-default-route": bool(false), "default-route-distance": text("1"), "use-peer-dns": bool(true), ...comment },
    stage: 2,
    risk: "uplinks",
  },
  {
    path: "/ipv6/nd",
    kind: "list",
    key: ["interface"],
    ownership: "owned",
    fields: { interface: text(), "managed-address-configuration": bool(false), "other-configuration": bool(false), "advertise-dns": bool(true), dns: set(), ...comment },
    stage: 3,
  },
  route("/ip/route"),
  route("/ipv6/route"),
  {
    path: "/queue/tree",
    kind: "list",
    key: ["name"],
    ownership: "owned",
    fields: { name: text(), parent: text(), "packet-mark": text(), "limit-at": { default: "0", normalise: "bits" }, "max-limit": { default: "0", normalise: "bits" }, priority: text("8"), queue: text("default-small"), ...comment },
    stage: 4,
    risk: "uplinks",
  },
  { path: "/system/identity", kind: "singleton", key: [], ownership: "owned", fields: { name: text("MikroTik") }, stage: 1 },
  { path: "/system/note", kind: "singleton", key: [], ownership: "owned", fields: { note: text(), "show-at-login": bool(true) }, stage: 1 },
  { path: "/system/clock", kind: "singleton", key: [], ownership: "owned", fields: { "time-zone-name": text("manual"), "time-zone-autodetect": bool(true) }, stage: 1 },
  { path: "/system/ntp/client", kind: "singleton", key: [], ownership: "owned", fields: { enabled: bool(false), mode: text("unicast"), servers: text() }, stage: 1 },
  { path: "/system/ntp/server", kind: "singleton", key: [], ownership: "owned", fields: { enabled: bool(false), broadcast: bool(false), multicast: bool(false), manycast: bool(false), "use-local-clock": bool(false) }, stage: 1 },
  {
    path: "/system/logging/action",
    kind: "list",
    key: ["name"],
    ownership: "owned",
    fields: { name: text(), target: text("memory"), remote: text("0.0.0.0"), "remote-port": text("514"), "remote-protocol": text("udp"), "src-address": text("0.0.0.0") },
    stage: 1,
  },
  { path: "/system/logging", kind: "list", key: ["topics", "action"], ownership: "owned", fields: { topics: set(), action: text(), prefix: text(), ...comment }, stage: 2 },
  { path: "/snmp", kind: "singleton", key: [], ownership: "owned", fields: { enabled: bool(false), contact: text(), location: text() }, stage: 1, risk: "management" },
  {
    path: "/ip/service",
    kind: "fixed",
    key: ["name"],
    ownership: "merge",
    fields: { name: text(), port: { default: "", defaultFor: (e) => String(routerService(e.name ?? "")?.port ?? "") }, address: set(), disabled: bool(false) },
    stage: 1,
    risk: "management",
  },
];

export function menuTable(path: string): MenuTable {
  const table = MENU_TABLES.find((t) => t.path === path);
  if (!table) throw new Error(`no menu table for ${path}`);
  return table;
}

/** Menus grouped in the order they are applied: one group per stage, earliest first. */
export function byStage<T extends { path: string }>(menus: readonly T[]): T[][] {
  const stages = [...new Set(menus.map((m) => menuTable(m.path).stage))].sort((a, b) => a - b);
  return stages.map((stage) => menus.filter((m) => menuTable(m.path).stage === stage));
}
