/** The addressing plan as plain JSON: addresses and prefixes as strings. */
import { formatAddress, formatPrefix, type CommunePlan } from "@communes/inventory";

export function planToJson(plan: CommunePlan) {
  return {
    code: plan.code,
    name: plan.name,
    kind: plan.kind,
    index: plan.index,
    file: plan.file,
    ipv6Block: formatPrefix(plan.ipv6Block),
    zones: plan.zones.map((z) => ({
      zone: z.zone,
      label: z.label,
      vlan: z.vlan,
      ipv4: formatPrefix(z.ipv4),
      ipv4Gateway: formatAddress(z.ipv4Gateway),
      ipv6: formatPrefix(z.ipv6),
      ipv6Gateway: formatAddress(z.ipv6Gateway),
      dhcp: z.dhcp ? { first: formatAddress(z.dhcp.first), last: formatAddress(z.dhcp.last), leaseMinutes: z.dhcp.leaseMinutes } : null,
      dscp: z.dscp ?? null,
      source: z.source,
    })),
    devices: plan.devices.map((d) => ({ hostname: d.hostname, role: d.role, address: formatAddress(d.address) })),
    endpoints: plan.endpoints.map((e) => ({ systemName: e.systemName, zone: e.zone, address: e.address === "dhcp" ? "dhcp" : formatAddress(e.address) })),
    links: plan.links.map((l) => ({ uplink: l.uplink, address: `${formatAddress(l.address)}/${l.prefix.length}`, gateway: formatAddress(l.gateway) })),
  };
}
