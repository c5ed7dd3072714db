/** Checks of one commune against the province and its own plan. */
import { contains, formatAddress, formatPrefix, isUsable, parseAddress, type Address } from "../addressing/cidr";
import type { Finding } from "../diagnostic";
import type { CommuneModel, ProvinceModel } from "../model/model";
import { expandPorts, isBackwardsRange } from "../model/ports";
import type { CommunePlan, ZonePlan } from "../plan/commune-plan";
import { closest } from "../schema/suggest";
import { timeZoneProblem } from "./time-zones";

export function checkCommune(p: ProvinceModel, c: CommuneModel, plan: CommunePlan | undefined): Finding[] {
  const findings: Finding[] = [];
  const at = (path: (string | number)[], message: string, key = false): void => {
    findings.push({ file: c.file, path, message, ...(key ? { at: "key" as const } : {}) });
  };
  const zoneNames = p.zones.map((z) => z.name);
  const zoneExists = (name: string, path: (string | number)[], key = false): boolean => {
    if (zoneNames.includes(name)) return true;
    const near = closest(name, zoneNames);
    at(path, `zone ${JSON.stringify(name)} does not exist in the province${near ? `; did you mean ${JSON.stringify(near)}?` : `; zones: ${zoneNames.join(", ")}`}`, key);
    return false;
  };

  for (const name of Object.keys(c.zoneOverrides)) zoneExists(name, ["zones", name], true);

  // Switch ports: one role each, access ports in existing zones.
  c.switches.forEach((sw, si) => {
    const owner = new Map<string, number>();
    sw.ports.forEach((entry, ei) => {
      if (entry.zone !== undefined) zoneExists(entry.zone, ["switches", si, "ports", ei, "zone"]);
      entry.ports.forEach((spec, pi) => {
        if (isBackwardsRange(spec)) at(["switches", si, "ports", ei, "ports", pi], `range ${spec} runs backwards; write the lower number first`);
        const clashes = new Map<number, string[]>();
        for (const port of expandPorts(spec)) {
          const first = owner.get(port);
          if (first === undefined) owner.set(port, ei);
          else clashes.set(first, [...(clashes.get(first) ?? []), port]);
        }
        for (const [first, ports] of clashes) {
          const was = sw.ports[first]!;
          at(["switches", si, "ports", ei, "ports", pi], `${ports.join(", ")} already ${ports.length === 1 ? "has" : "have"} the role ${was.role}${was.zone ? ` (${was.zone})` : ""} in ports[${first}]; a port has one role`);
        }
      });
    });
  });
  // Endpoints' zone: see device-checks (only meeting_room).
  if (c.settings.timezone !== p.defaults.timezone) {
    const problem = timeZoneProblem(c.settings.timezone);
    if (problem) at(["overrides", "timezone"], problem);
  }
  c.reservations.forEach((r, i) => zoneExists(r.zone, ["reservations", i, "zone"]));

  if (!plan) return findings;
  const zone = (name: string): ZonePlan | undefined => plan.zones.find((z) => z.zone === name);

  // Every fixed address: inside its zone, usable, not the gateway, outside the DHCP pool, used once.
  const taken = new Map<bigint, string>();
  const place = (zoneName: string, text: string | undefined, address: Address | undefined, what: string, path: (string | number)[], inPoolAllowed: boolean): void => {
    const z = zone(zoneName);
    const addr = address ?? (text !== undefined ? (parseAddress(text, 4) as { ok: true; value: Address }).value : undefined);
    if (!z || !addr) return;
    const shown = formatAddress(addr);
    if (!contains(z.ipv4, addr)) return at(path, `${shown} is outside the ${zoneName} subnet ${formatPrefix(z.ipv4)}`);
    if (!isUsable(z.ipv4, addr)) return at(path, `${shown} is the network or broadcast address of ${formatPrefix(z.ipv4)}`);
    if (addr.value === z.ipv4Gateway.value) return at(path, `${shown} is the router's address (the gateway) in ${zoneName}`);
    if (!inPoolAllowed && z.dhcp && addr.value >= z.dhcp.first.value && addr.value <= z.dhcp.last.value) {
      return at(path, `${shown} is inside the DHCP pool of ${zoneName} (${formatAddress(z.dhcp.first)} to ${formatAddress(z.dhcp.last)}); fixed addresses must stay outside it`);
    }
    const other = taken.get(addr.value);
    if (other) return at(path, `${shown} is already used by ${other}`);
    taken.set(addr.value, what);
  };
  c.switches.forEach((sw, i) => {
    const planned = plan.devices.find((d) => d.role === "switch" && d.hostname === sw.hostname);
    place("management", sw.management.address, planned?.address, `switch ${sw.hostname}`, ["switches", i, "management", sw.management.address !== undefined ? "address" : "host"], false);
  });
  c.endpoints.forEach((ep, i) => {
    if (ep.address === "dhcp") return;
    const planned = plan.endpoints[i];
    place(ep.zone, ep.address.address, planned && planned.address !== "dhcp" ? planned.address : undefined, `endpoint ${JSON.stringify(ep.systemName)}`, ["endpoints", i, "address", ep.address.address !== undefined ? "address" : "host"], false);
  });
  const macs = new Map<string, number>();
  c.reservations.forEach((r, i) => {
    // A DHCP reservation is handed out by the server: it may not sit inside the dynamic pool either.
    place(r.zone, r.address, undefined, `reservation ${JSON.stringify(r.name)}`, ["reservations", i, "address"], false);
    const mac = r.mac.toUpperCase();
    const first = macs.get(mac);
    if (first !== undefined) at(["reservations", i, "mac"], `MAC ${r.mac} is already reserved by reservations[${first}]`);
    else macs.set(mac, i);
  });

  // Uplinks: the gateway on the link and not the router's own address; the two lines apart.
  const linkPaths: Record<string, (string | number)[]> = {
    "dedicated4": ["uplinks", "dedicated", "ipv4"],
    "dedicated6": ["uplinks", "dedicated", "ipv6"],
    "internet4": ["uplinks", "internet", "ipv4"],
    "internet6": ["uplinks", "internet", "ipv6"],
  };
  for (const link of plan.links) {
    const path = linkPaths[`${link.uplink}${link.family}`]!;
    const linkLocal = link.family === 6 && link.gateway.value >> 118n === 0x3fan; // fe80::/10
    if (link.gateway.value === link.address.value) at([...path, "gateway"], `the gateway ${formatAddress(link.gateway)} is the router's own address`);
    else if (!linkLocal && !contains(link.prefix, link.gateway)) at([...path, "gateway"], `the gateway ${formatAddress(link.gateway)} is not on the link ${formatPrefix(link.prefix)}`);
    if (!isUsable(link.prefix, link.address)) at([...path, "address"], `${formatAddress(link.address)} is the network or broadcast address of ${formatPrefix(link.prefix)}`);
  }
  const { dedicated, internet } = c.uplinks;
  if (dedicated.interface === internet.interface) at(["uplinks", "internet", "interface"], `${internet.interface} already carries the dedicated line; the two lines need separate interfaces`);
  return findings;
}
