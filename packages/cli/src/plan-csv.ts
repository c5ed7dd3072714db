/**
 * Every prefix of every commune as CSV for an IPAM import (NetBox's prefix
 * import takes `prefix`, `status`, `vlan_vid` and `description`; the other
 * columns are for filtering and custom fields).
 */
import { formatPrefix, type CommunePlan } from "@communes/inventory";

const HEADER = ["prefix", "status", "family", "vlan_vid", "commune_code", "commune", "kind", "index", "zone", "description"];

function field(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function provinceCsv(plans: readonly CommunePlan[]): string {
  const rows: Array<Array<string | number>> = [];
  for (const p of [...plans].sort((a, b) => a.index - b.index)) {
    rows.push([formatPrefix(p.ipv6Block), "container", 6, "", p.code, p.name, p.kind, p.index, "", `${p.kind} ${p.name}: IPv6 block`]);
    for (const z of p.zones) {
      for (const [family, prefix] of [[4, z.ipv4], [6, z.ipv6]] as const) {
        rows.push([formatPrefix(prefix), "active", family, z.vlan, p.code, p.name, p.kind, p.index, z.zone, `${p.kind} ${p.name}: ${z.label}`]);
      }
    }
    for (const l of p.links) {
      rows.push([formatPrefix(l.prefix), "active", l.family, "", p.code, p.name, p.kind, p.index, "", `${p.kind} ${p.name}: ${l.uplink} line`]);
    }
  }
  return [HEADER, ...rows].map((r) => r.map(field).join(",")).join("\n");
}
