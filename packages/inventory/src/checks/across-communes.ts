/**
 * Checks over the whole province at once: what must be unique across all
 * communes, and no address space used twice anywhere.
 */
import { formatAddress, formatPrefix, lastAddress, parsePrefix, type Prefix } from "../addressing/cidr";
import type { Finding, PropertyPath } from "../diagnostic";
import type { CommuneModel, ProvinceModel } from "../model/model";
import type { CommunePlan } from "../plan/commune-plan";

interface Owned {
  prefix: Prefix;
  /** How the owner is named in messages. */
  owner: string;
  file: string;
  path: PropertyPath;
  /** Communes sharing an index are reported once, as a duplicate index. */
  index?: number;
  destination?: boolean;
}

function describeCommune(c: { kind: string; name: string }): string {
  return `${c.kind} ${c.name}`;
}

export function checkAcrossCommunes(province: ProvinceModel, communes: readonly CommuneModel[], plans: readonly CommunePlan[]): Finding[] {
  const findings: Finding[] = [];

  // Unique keys.
  const unique = <T>(label: string, entries: Array<{ key: T; show: string; file: string; path: PropertyPath; owner: string; index?: number }>) => {
    const first = new Map<T, (typeof entries)[number]>();
    for (const e of entries) {
      const seen = first.get(e.key);
      if (!seen) first.set(e.key, e);
      else if (seen.index !== undefined && seen.index === e.index) continue; // reported as a duplicate index
      else {
        findings.push({ file: e.file, path: e.path, message: `${label} ${e.show} is already used by ${seen.owner} (${seen.file})` });
        if (seen.file === e.file) continue;
        findings.push({ file: seen.file, path: seen.path, message: `${label} ${seen.show} is also used by ${e.owner} (${e.file})` });
      }
    }
  };
  unique("commune code", communes.map((c) => ({ key: c.code, show: c.code, file: c.file, path: ["code"], owner: describeCommune(c) })));
  unique("allocation index", communes.map((c) => ({ key: c.index, show: String(c.index), file: c.file, path: ["index"], owner: describeCommune(c) })));
  unique(
    "host name",
    communes.flatMap((c) => [
      { key: c.router.hostname, show: c.router.hostname, file: c.file, path: ["router", "hostname"], owner: `the router of ${describeCommune(c)}` },
      ...c.switches.map((s, i) => ({ key: s.hostname, show: s.hostname, file: c.file, path: ["switches", i, "hostname"], owner: `a switch of ${describeCommune(c)}` })),
    ]),
  );
  // What devices are known and registered by: one device each in the province.
  const endpoint = (c: CommuneModel, i: number) => `endpoint ${JSON.stringify(c.endpoints[i]!.systemName)} of ${describeCommune(c)}`;
  const fold = (text: string) => text.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
  unique(
    "system name",
    communes.flatMap((c) => c.endpoints.map((ep, i) => ({ key: fold(ep.systemName), show: JSON.stringify(ep.systemName), file: c.file, path: ["endpoints", i, "systemName"], owner: `an endpoint of ${describeCommune(c)}` }))),
  );
  unique(
    "SIP user",
    communes.flatMap((c) => c.endpoints.flatMap((ep, i) => (ep.sip ? [{ key: ep.sip.user.toLowerCase(), show: JSON.stringify(ep.sip.user), file: c.file, path: ["endpoints", i, "sip", "user"], owner: endpoint(c, i) }] : []))),
  );
  unique(
    "H.323 alias",
    communes.flatMap((c) => c.endpoints.flatMap((ep, i) => (ep.h323?.alias !== undefined ? [{ key: ep.h323.alias.toLowerCase(), show: JSON.stringify(ep.h323.alias), file: c.file, path: ["endpoints", i, "h323", "alias"], owner: endpoint(c, i) }] : []))),
  );
  unique(
    "E.164 number",
    communes.flatMap((c) => c.endpoints.flatMap((ep, i) => (ep.h323?.e164 !== undefined ? [{ key: ep.h323.e164, show: ep.h323.e164, file: c.file, path: ["endpoints", i, "h323", "e164"], owner: endpoint(c, i) }] : []))),
  );
  unique(
    "SSH host key",
    communes.flatMap((c) => [
      ...(c.router.hostKey ? [{ key: c.router.hostKey, show: c.router.hostKey, file: c.file, path: ["router", "hostKey"], owner: `the router of ${describeCommune(c)}` }] : []),
      ...c.switches.map((s, i) => ({ key: s.hostKey, show: s.hostKey, file: c.file, path: ["switches", i, "hostKey"], owner: `switch ${s.hostname} of ${describeCommune(c)}` })),
    ]),
  );
  unique(
    "TLS fingerprint",
    communes.flatMap((c) => [
      ...(c.router.tlsFingerprint ? [{ key: c.router.tlsFingerprint.toUpperCase(), show: c.router.tlsFingerprint, file: c.file, path: ["router", "tlsFingerprint"], owner: `the router of ${describeCommune(c)}` }] : []),
      ...c.endpoints.flatMap((ep, i) => (ep.tlsFingerprint ? [{ key: ep.tlsFingerprint.toUpperCase(), show: ep.tlsFingerprint, file: c.file, path: ["endpoints", i, "tlsFingerprint"], owner: endpoint(c, i) }] : [])),
    ]),
  );
  unique(
    "management address",
    plans.flatMap((p) => {
      const c = communes.find((x) => x.file === p.file)!;
      return p.devices.map((d) => ({
        key: d.address.value,
        show: formatAddress(d.address),
        file: p.file,
        path: d.role === "router" ? ["router", "hostname"] : ["switches", c.switches.findIndex((s) => s.hostname === d.hostname), "management"],
        owner: `${d.hostname} of ${describeCommune(c)}`,
        ...(d.role === "router" || c.switches.find((s) => s.hostname === d.hostname)?.management.host !== undefined ? { index: c.index } : {}),
      }));
    }),
  );

  // Address space: every prefix of every commune, the links, the destinations.
  const owned: Owned[] = [];
  for (const p of plans) {
    const c = communes.find((x) => x.file === p.file)!;
    for (const z of p.zones) {
      for (const [family, prefix] of [["ipv4", z.ipv4], ["ipv6", z.ipv6]] as const) {
        const override = c.zoneOverrides[z.zone]?.[family] !== undefined;
        owned.push({
          prefix,
          owner: `zone ${z.zone} of ${describeCommune(c)}`,
          file: c.file,
          path: override ? ["zones", z.zone, family] : ["index"],
          ...(override ? {} : { index: c.index }),
        });
      }
    }
    for (const link of p.links) {
      owned.push({
        prefix: link.prefix,
        owner: `the ${link.uplink} line of ${describeCommune(c)}`,
        file: c.file,
        path: ["uplinks", link.uplink, `ipv${link.family}`, "address"],
      });
    }
  }
  province.destinations.forEach((d) =>
    d.prefixes.forEach((text, i) => {
      const parsed = parsePrefix(text);
      if (parsed.ok) owned.push({ prefix: parsed.value, owner: `destination ${d.name}`, file: province.file, path: ["destinations", d.name, "prefixes", i], destination: true });
    }),
  );

  // Sweep in address order: CIDR blocks either nest or are disjoint, so each
  // block only needs comparing with the open blocks that still cover it.
  owned.sort((a, b) => a.prefix.family - b.prefix.family || (a.prefix.network < b.prefix.network ? -1 : a.prefix.network > b.prefix.network ? 1 : a.prefix.length - b.prefix.length));
  const open: Owned[] = [];
  for (const item of owned) {
    while (open.length > 0 && (open.at(-1)!.prefix.family !== item.prefix.family || lastAddress(open.at(-1)!.prefix) < item.prefix.network)) open.pop();
    for (const other of open) {
      if (other.destination && item.destination) continue; // nested destinations (mcu inside government) are fine
      if (other.index !== undefined && other.index === item.index) continue; // reported as a duplicate index
      findings.push({ file: item.file, path: item.path, message: `${formatPrefix(item.prefix)} (${item.owner}) overlaps ${formatPrefix(other.prefix)} (${other.owner})` });
      if (other.file !== item.file || other.path.join() !== item.path.join()) {
        findings.push({ file: other.file, path: other.path, message: `${formatPrefix(other.prefix)} (${other.owner}) overlaps ${formatPrefix(item.prefix)} (${item.owner})` });
      }
    }
    open.push(item);
  }
  return findings;
}
