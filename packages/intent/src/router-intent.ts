/**
 * The commune router's configuration, derived from the validated inventory
 * and its addressing plan: every RouterOS menu the router needs, as entries.
 * Pure: no device, no Pulumi. The same inputs always give the same intent.
 */
import { formatAddress, formatPrefix, parseAddress, parsePrefix, type CommuneModel, type CommunePlan, type ProvinceModel, type ZonePlan } from "@communes/inventory";

export type Fields = Record<string, string>;

export interface TableIntent {
  /** RouterOS menu, e.g. /ip/address. */
  path: string;
  /** Entries; in an ordered menu (firewall) in rule order. */
  entries: Fields[];
}

export interface RouterIntent {
  hostname: string;
  tables: TableIntent[];
  /** Why this configuration would cut the NOC's management path to the router; empty when it does not. */
  lockout: string[];
}

export const BRIDGE = "bridge";

/**
 * A value the intent cannot hold because it is a secret: the name of the
 * Pulumi config secret that holds it. The stack program substitutes it.
 */
export const SECRET_PREFIX = "$secret:";
export function secretRef(name: string): string {
  return `${SECRET_PREFIX}${name}`;
}

const DEFAULT_TRUNK = "ether3";

/** `vlan20-staff`: the VLAN interface of a zone. */
export function zoneInterface(zone: Pick<ZonePlan, "vlan" | "zone">): string {
  return `vlan${zone.vlan}-${zone.zone.replace(/_/g, "-")}`;
}

const list = (name: string) => `communes-${name.replace(/_/g, "-")}`;
const rule = (comment: string, fields: Fields): Fields => ({ ...fields, comment: `communes: ${comment}` });

function split(prefixes: readonly string[]): { v4: string[]; v6: string[] } {
  const v4: string[] = [];
  const v6: string[] = [];
  for (const text of prefixes) {
    const p = parsePrefix(text);
    if (p.ok) (p.value.family === 4 ? v4 : v6).push(formatPrefix(p.value));
  }
  return { v4, v6 };
}

/** Interfaces the router's API and SSH must stay reachable from: the management zone and the management sources of the flow policy. */
export function managementSources(province: ProvinceModel): string[] {
  return province.flows.filter((f) => f.to.includes("management") && f.from !== "management").map((f) => f.from);
}

/**
 * `transport`: the API the stack actually reaches the router by, when the
 * stack overrides the inventory's (default: the inventory's). Its service
 * stays enabled and the others are turned off: an intent never disables the
 * door its own stack comes in by.
 */
export function routerIntent(province: ProvinceModel, commune: CommuneModel, plan: CommunePlan, transport: CommuneModel["settings"]["router"]["api"]["transport"] = commune.settings.router.api.transport): RouterIntent {
  const trunk = commune.router.trunk ?? DEFAULT_TRUNK;
  const dedicated = commune.uplinks.dedicated;
  const internet = commune.uplinks.internet;
  const internetInterface = internet.type === "pppoe" ? "pppoe-out1" : internet.interface;
  const zones = plan.zones;
  const zoneByName = new Map(zones.map((z) => [z.zone, z]));
  const destinations = new Map(province.destinations.map((d) => [d.name, { ...d, ...split(d.prefixes) }]));
  const settings = commune.settings;
  const tables: TableIntent[] = [];
  const table = (path: string, entries: Fields[]) => tables.push({ path, entries });

  // Identity (the ASCII host name NMS tools, syslog and prompts expect), the commune's own name in the note, clock, NTP, DNS.
  table("/system/identity", [{ name: commune.router.hostname }]);
  table("/system/note", [{ note: `${commune.kind} ${commune.name}`, "show-at-login": "yes" }]);
  table("/system/clock", [{ "time-zone-name": settings.timezone, "time-zone-autodetect": "false" }]);
  // The router is the zones' resolver and time server (docs/decisions/0012): it alone talks to the
  // provincial DNS and NTP over the dedicated line, so no zone needs a flow to them.
  table("/system/ntp/client", [{ enabled: "true", mode: "unicast", servers: settings.ntp.join(",") }]);
  table("/system/ntp/server", [{ enabled: "true" }]);
  table("/ip/dns", [{ servers: settings.dns.join(","), "allow-remote-requests": "true" }]);

  // Bridge with VLAN filtering, the trunk to the switch, one VLAN interface per zone.
  table("/interface/bridge", [{ name: BRIDGE, "vlan-filtering": "true", comment: "communes: zones to the switches" }]);
  table("/interface/bridge/port", [{ interface: trunk, bridge: BRIDGE, "frame-types": "admit-only-vlan-tagged", "ingress-filtering": "true", comment: "communes: trunk to the switch" }]);
  table(
    "/interface/bridge/vlan",
    zones.map((z) => ({ bridge: BRIDGE, "vlan-ids": String(z.vlan), tagged: `${BRIDGE},${trunk}`, comment: `communes: ${z.label}` })),
  );
  table(
    "/interface/vlan",
    zones.map((z) => ({ name: zoneInterface(z), "vlan-id": String(z.vlan), interface: BRIDGE, comment: z.label })),
  );
  if (internet.type === "dhcp") {
    table("/ip/dhcp-client", [{ interface: internet.interface, "add-default-route": "yes", "default-route-distance": "1", "use-peer-dns": "false", "use-peer-ntp": "false", comment: "communes: Internet line" }]);
  } else {
    table("/ip/dhcp-client", []);
  }
  table(
    "/interface/pppoe-client",
    internet.type === "pppoe"
      ? [{ name: "pppoe-out1", interface: internet.interface, user: internet.username, password: secretRef(internet.passwordSecret), "add-default-route": "true", "default-route-distance": "1", "use-peer-dns": "false", comment: "communes: Internet line" }]
      : [],
  );
  table("/interface/list", [
    { name: "LAN", comment: "communes: office zones" },
    { name: "WAN", comment: "communes: both uplinks" },
  ]);
  table("/interface/list/member", [
    ...zones.map((z) => ({ list: "LAN", interface: zoneInterface(z) })),
    { list: "WAN", interface: internetInterface },
    { list: "WAN", interface: dedicated.interface },
  ]);

  // Addresses: the router is the gateway of every zone.
  const links4 = plan.links.filter((l) => l.family === 4);
  const links6 = plan.links.filter((l) => l.family === 6);
  const linkInterface = (uplink: "dedicated" | "internet") => (uplink === "dedicated" ? dedicated.interface : internet.interface);
  table("/ip/address", [
    ...zones.map((z) => ({ address: `${formatAddress(z.ipv4Gateway)}/${z.ipv4.length}`, interface: zoneInterface(z), comment: z.label })),
    ...links4.map((l) => ({ address: `${formatAddress(l.address)}/${l.prefix.length}`, interface: linkInterface(l.uplink), comment: `communes: ${l.uplink} line` })),
  ]);
  table("/ipv6/address", [
    ...zones.map((z) => ({ address: `${formatAddress(z.ipv6Gateway)}/64`, interface: zoneInterface(z), advertise: "true", comment: z.label })),
    ...links6.map((l) => ({ address: `${formatAddress(l.address)}/${l.prefix.length}`, interface: linkInterface(l.uplink), advertise: "false", comment: `communes: ${l.uplink} line` })),
  ]);
  table("/ipv6/nd", zones.map((z) => ({ interface: zoneInterface(z), "advertise-dns": "true", dns: formatAddress(z.ipv6Gateway) })));

  // DHCP in the zones that have it, and reservations.
  const dhcpZones = zones.filter((z) => z.dhcp);
  table("/ip/pool", dhcpZones.map((z) => ({ name: `dhcp-${z.zone.replace(/_/g, "-")}`, ranges: `${formatAddress(z.dhcp!.first)}-${formatAddress(z.dhcp!.last)}` })));
  table(
    "/ip/dhcp-server",
    dhcpZones.map((z) => ({ name: `dhcp-${z.zone.replace(/_/g, "-")}`, interface: zoneInterface(z), "address-pool": `dhcp-${z.zone.replace(/_/g, "-")}`, "lease-time": `${z.dhcp!.leaseMinutes}m` })),
  );
  table(
    "/ip/dhcp-server/network",
    dhcpZones.map((z) => ({ address: formatPrefix(z.ipv4), gateway: formatAddress(z.ipv4Gateway), "dns-server": formatAddress(z.ipv4Gateway), "ntp-server": formatAddress(z.ipv4Gateway), comment: z.label })),
  );
  table(
    "/ip/dhcp-server/lease",
    commune.reservations.map((r) => ({
      address: r.address,
      "mac-address": r.mac.toUpperCase(),
      server: zoneByName.get(r.zone)?.dhcp ? `dhcp-${r.zone.replace(/_/g, "-")}` : "all",
      comment: r.name,
    })),
  );

  // Uplinks: the Internet line, the dedicated line with routes to the government networks.
  // IPv6 on a DHCP or PPPoE Internet line: the ISP's address and default route by DHCPv6.
  table(
    "/ipv6/dhcp-client",
    internet.type === "static"
      ? []
      : [{ interface: internetInterface, request: "address", "add-default-route": "true", "default-route-distance": "2", "use-peer-dns": "false", comment: "communes: Internet line (IPv6, the router's own address)" }],
  );
  const dedicated4 = links4.find((l) => l.uplink === "dedicated");
  const dedicated6 = links6.find((l) => l.uplink === "dedicated");
  const viaDedicated = [...destinations.values()].filter((d) => d.via === "dedicated");
  const routes4: Fields[] = [];
  const routes6: Fields[] = [];
  for (const d of viaDedicated) {
    if (dedicated4) for (const p of d.v4) routes4.push({ "dst-address": p, gateway: formatAddress(dedicated4.gateway), comment: `communes: ${d.label}` });
    if (dedicated6) for (const p of d.v6) routes6.push({ "dst-address": p, gateway: formatAddress(dedicated6.gateway), comment: `communes: ${d.label}` });
  }
  // IPv4 Internet: the Internet line's default route has distance 1; when it is down, distance 2 over the dedicated line takes over.
  // IPv6 Internet: over the dedicated line, whose province addresses the zones use (docs/decisions/0012); the ISP's line
  // carries only the router's own IPv6 address, at distance 2.
  const static4 = links4.find((l) => l.uplink === "internet");
  const static6 = links6.find((l) => l.uplink === "internet");
  if (static4) routes4.push({ "dst-address": "0.0.0.0/0", gateway: formatAddress(static4.gateway), distance: "1", "check-gateway": "ping", comment: "communes: Internet line" });
  if (dedicated4) routes4.push({ "dst-address": "0.0.0.0/0", gateway: formatAddress(dedicated4.gateway), distance: "2", comment: "communes: Internet failover over the dedicated line" });
  if (dedicated6) routes6.push({ "dst-address": "::/0", gateway: formatAddress(dedicated6.gateway), distance: "1", comment: "communes: IPv6 Internet over the dedicated line" });
  if (static6) routes6.push({ "dst-address": "::/0", gateway: formatAddress(static6.gateway), distance: "2", "check-gateway": "ping", comment: "communes: Internet line (IPv6, the router's own address)" });
  table("/ip/route", routes4);
  table("/ipv6/route", routes6);

  // Address lists: every destination, all of them together, and who may manage the router.
  const mgmtSources = managementSources(province);
  const management = zoneByName.get("management");
  const addressList4: Fields[] = [];
  const addressList6: Fields[] = [];
  for (const d of destinations.values()) {
    for (const p of d.v4) addressList4.push({ list: list(d.name), address: p }, { list: list("destinations"), address: p });
    for (const p of d.v6) addressList6.push({ list: list(d.name), address: p }, { list: list("destinations"), address: p });
  }
  const managers4 = [...(management ? [formatPrefix(management.ipv4)] : []), ...mgmtSources.flatMap((s) => destinations.get(s)?.v4 ?? [])];
  const managers6 = [...(management ? [formatPrefix(management.ipv6)] : []), ...mgmtSources.flatMap((s) => destinations.get(s)?.v6 ?? [])];
  for (const a of managers4) addressList4.push({ list: list("managers"), address: a });
  for (const a of managers6) addressList6.push({ list: list("managers"), address: a });
  const dedupe = (entries: Fields[]) => [...new Map(entries.map((e) => [`${e.list} ${e.address}`, e])).values()];
  table("/ip/firewall/address-list", dedupe(addressList4));
  table("/ipv6/firewall/address-list", dedupe(addressList6));

  // The zone firewall: the province's flow policy, everything else dropped.
  const forward = (family: 4 | 6): Fields[] => {
    const rules: Fields[] = [
      rule("accept established and related", { chain: "forward", action: "accept", "connection-state": "established,related" }),
      rule("drop invalid", { chain: "forward", action: "drop", "connection-state": "invalid" }),
    ];
    // No blanket ICMPv6 accept: the errors of a connection (packet too big, unreachable) are `related`, and ping follows the flows.
    for (const flow of province.flows) {
      const fromZone = zoneByName.get(flow.from);
      for (const to of flow.to) {
        const what = `${flow.from} to ${to}`;
        const toZone = zoneByName.get(to);
        const source: Fields = fromZone ? { "in-interface": zoneInterface(fromZone) } : { "src-address-list": list(flow.from), "in-interface-list": "WAN" };
        if (toZone) rules.push(rule(what, { chain: "forward", action: "accept", ...source, "out-interface": zoneInterface(toZone) }));
        else if (to === "internet") rules.push(rule(what, { chain: "forward", action: "accept", ...source, "out-interface-list": "WAN", "dst-address-list": `!${list("destinations")}` }));
        else rules.push(rule(what, { chain: "forward", action: "accept", ...source, "dst-address-list": list(to) }));
      }
    }
    rules.push(...dependencies(family));
    rules.push(rule("drop everything else", { chain: "forward", action: "drop" }));
    return rules;
  };
  // What the office's own devices need beyond the flow policy: the endpoints' syslog to the SOC,
  // and the managers' HTTPS to each endpoint (its API, the only way it is configured).
  const endpointZones = [...new Set(commune.endpoints.map((e) => e.zone))].flatMap((name) => zoneByName.get(name) ?? []);
  const dependencies = (family: 4 | 6): Fields[] => {
    const rules: Fields[] = [];
    for (const zone of endpointZones) {
      for (const s of settings.syslog) {
        const a = parseAddress(s.address);
        if (!a.ok || a.value.family !== family) continue;
        rules.push(rule(`${zone.zone} endpoints: syslog to ${s.address}`, { chain: "forward", action: "accept", "in-interface": zoneInterface(zone), protocol: s.protocol ?? "udp", "dst-address": s.address, "dst-port": String(s.port ?? 514) }));
      }
    }
    if (family !== 4) return rules; // endpoints are addressed in IPv4
    commune.endpoints.forEach((ep, i) => {
      const zone = zoneByName.get(ep.zone);
      const address = plan.endpoints[i]?.address;
      if (!zone) return;
      const target: Fields = address === undefined || address === "dhcp" ? { "out-interface": zoneInterface(zone) } : { "dst-address": formatAddress(address) };
      for (const s of mgmtSources) {
        const fromZone = zoneByName.get(s);
        const source: Fields = fromZone ? { "in-interface": zoneInterface(fromZone) } : { "src-address-list": list(s), "in-interface-list": "WAN" };
        rules.push(rule(`${s} to endpoint ${ep.systemName}: HTTPS`, { chain: "forward", action: "accept", ...source, protocol: "tcp", "dst-port": "443", ...target }));
      }
    });
    return rules;
  };
  const input = (family: 4 | 6): Fields[] => [
    rule("router: accept established and related", { chain: "input", action: "accept", "connection-state": "established,related" }),
    rule("router: drop invalid", { chain: "input", action: "drop", "connection-state": "invalid" }),
    rule("router: accept ping", { chain: "input", action: "accept", protocol: family === 4 ? "icmp" : "icmpv6" }),
    rule("router: management from the management zone and the NOC", { chain: "input", action: "accept", protocol: "tcp", "dst-port": "22,443,8291,8728,8729", "src-address-list": list("managers") }),
    rule("router: DNS and NTP for the zones", { chain: "input", action: "accept", protocol: "udp", "dst-port": "53,123", "in-interface-list": "LAN" }),
    rule("router: DNS over TCP for the zones", { chain: "input", action: "accept", protocol: "tcp", "dst-port": "53", "in-interface-list": "LAN" }),
    ...(family === 4 ? [rule("router: DHCP from the zones", { chain: "input", action: "accept", protocol: "udp", "dst-port": "67", "in-interface-list": "LAN" })] : []),
    // As MikroTik's default IPv6 firewall: the DHCPv6 client's replies come from the ISP's link-local address.
    ...(family === 6 && internet.type !== "static" ? [rule("router: DHCPv6 client replies on the Internet line", { chain: "input", action: "accept", protocol: "udp", "dst-port": "546", "src-address": "fe80::/10", "in-interface": internetInterface })] : []),
    rule("router: drop everything else", { chain: "input", action: "drop" }),
  ];
  table("/ip/firewall/filter", [...input(4), ...forward(4)]);
  table("/ipv6/firewall/filter", [...input(6), ...forward(6)]);

  // NAT to the Internet (IPv4); the government networks see the communes' own addresses.
  table("/ip/firewall/nat", [
    rule("masquerade to the Internet", { chain: "srcnat", action: "masquerade", "out-interface-list": "WAN", "dst-address-list": `!${list("destinations")}` }),
  ]);

  // QoS on the dedicated line: mark, then shape to the committed rate with videoconference first.
  const bandwidth = `${Math.round(dedicated.bandwidthMbps * 1_000_000)}`;
  const mangle: Fields[] = [];
  for (const z of zones) {
    if (z.dscp === undefined) continue;
    mangle.push(rule(`DSCP ${z.dscp} for ${z.zone}`, { chain: "forward", action: "change-dscp", "new-dscp": String(z.dscp), "in-interface": zoneInterface(z), "out-interface": dedicated.interface, passthrough: "yes" }));
  }
  mangle.push(
    rule("videoconference EF", { chain: "postrouting", action: "mark-packet", "out-interface": dedicated.interface, dscp: "46", "new-packet-mark": "vc-ef", passthrough: "no" }),
    rule("videoconference AF41", { chain: "postrouting", action: "mark-packet", "out-interface": dedicated.interface, dscp: "34", "new-packet-mark": "vc-af41", passthrough: "no" }),
    rule("everything else on the dedicated line", { chain: "postrouting", action: "mark-packet", "out-interface": dedicated.interface, "new-packet-mark": "other", passthrough: "no" }),
  );
  table("/ip/firewall/mangle", mangle);
  table("/queue/tree", [
    { name: "dedicated", parent: dedicated.interface, "max-limit": bandwidth, comment: "communes: committed rate of the dedicated line" },
    { name: "vc-ef", parent: "dedicated", "packet-mark": "vc-ef", priority: "1", "limit-at": String(Math.round(Number(bandwidth) * 0.4)), "max-limit": bandwidth },
    { name: "vc-af41", parent: "dedicated", "packet-mark": "vc-af41", priority: "2", "limit-at": String(Math.round(Number(bandwidth) * 0.3)), "max-limit": bandwidth },
    { name: "other", parent: "dedicated", "packet-mark": "other", priority: "8", "max-limit": bandwidth },
  ]);

  // Logs to the SOC.
  const actions = settings.syslog.map((s, i) => ({ name: `soc${i + 1}`, target: "remote", remote: s.address, "remote-port": String(s.port ?? 514), "remote-protocol": s.protocol ?? "udp" }));
  table("/system/logging/action", actions);
  table(
    "/system/logging",
    actions.flatMap((a) => ["info", "warning", "error", "critical"].map((topics) => ({ topics, action: a.name }))),
  );

  // Hardening: no telnet, ftp, web; API and SSH only from the managers.
  const managers = [...managers4, ...managers6].join(",");
  table("/ip/service", [
    { name: "telnet", disabled: "true" },
    { name: "ftp", disabled: "true" },
    { name: "www", disabled: "true" },
    { name: "www-ssl", disabled: transport === "rest" ? "false" : "true", address: managers },
    { name: "api", disabled: transport === "api" ? "false" : "true", address: managers },
    { name: "api-ssl", disabled: transport === "api-ssl" ? "false" : "true", address: managers },
    { name: "ssh", disabled: "false", address: managers },
    { name: "winbox", disabled: "false", address: managers },
  ]);

  return { hostname: commune.router.hostname, tables, lockout: lockoutProblems(province, mgmtSources, managers4) };
}

/** The lock-out guard: the NOC must keep a way to the router's API and SSH. */
function lockoutProblems(province: ProvinceModel, mgmtSources: readonly string[], managers4: readonly string[]): string[] {
  const problems: string[] = [];
  if (mgmtSources.length === 0) {
    problems.push(
      "no flow of the province's policy reaches the management zone from outside the commune (e.g. `from: noc, to: [management]`): the router's API and SSH would be open to nobody outside the office, and this provisioning would lose the router after the next change",
    );
  }
  for (const s of mgmtSources) {
    const d = province.destinations.find((x) => x.name === s);
    if (!d) problems.push(`the management flow from ${s} names no destination ${s}`);
  }
  if (managers4.length === 0) problems.push("the router's management services would accept no IPv4 source at all");
  return problems;
}
