/** The addressing plan for people: aligned tables, Vietnamese intact. */
import { formatAddress, formatPrefix, type CommunePlan } from "@communes/inventory";

/** Width on a terminal: combining marks take no column. */
function width(text: string): number {
  return [...text.normalize("NFC")].filter((ch) => !/\p{M}/u.test(ch)).length;
}

export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ""))));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c + " ".repeat(widths[i]! - width(c))))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}

export function planText(plan: CommunePlan): string {
  const zones = table(
    ["ZONE", "VLAN", "IPv4", "GATEWAY", "IPv6", "DHCP", "DSCP"],
    plan.zones.map((z) => [
      z.zone + (z.source === "override" ? " *" : ""),
      String(z.vlan),
      formatPrefix(z.ipv4),
      formatAddress(z.ipv4Gateway),
      formatPrefix(z.ipv6),
      z.dhcp ? `${formatAddress(z.dhcp.first)} - ${formatAddress(z.dhcp.last)}` : "-",
      z.dscp === undefined ? "-" : String(z.dscp),
    ]),
  );
  const devices = table(
    ["DEVICE", "ROLE", "MANAGEMENT"],
    plan.devices.map((d) => [d.hostname, d.role, formatAddress(d.address)]),
  );
  const endpoints = table(
    ["ENDPOINT", "ZONE", "ADDRESS"],
    plan.endpoints.map((e) => [e.systemName, e.zone, e.address === "dhcp" ? "dhcp" : formatAddress(e.address)]),
  );
  const links = table(
    ["UPLINK", "ADDRESS", "GATEWAY"],
    plan.links.map((l) => [l.uplink, `${formatAddress(l.address)}/${l.prefix.length}`, formatAddress(l.gateway)]),
  );
  const overridden = plan.zones.some((z) => z.source === "override") ? "\n* set explicitly in the commune file, not allocated from the pool" : "";
  return [
    `${plan.kind} ${plan.name} — code ${plan.code}, index ${plan.index} (${plan.file})`,
    `IPv6 block ${formatPrefix(plan.ipv6Block)}`,
    "",
    zones + overridden,
    "",
    devices,
    "",
    endpoints,
    ...(plan.links.length ? ["", links] : []),
  ].join("\n");
}
