/** `show` output in the formats a Catalyst running IOS 15.2 prints. */
import { SWITCHPORTS } from "./ios-hardware";
import { defaultVlanName, formatVlanList, PORTS, shortName, vlansInConfig, type SwitchConfig } from "./ios-state";

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + " ".repeat(width - text.length);
}

export function showRunningConfig(c: SwitchConfig): string {
  const lines: string[] = ["!", "version 15.2", "no service pad", "service timestamps debug datetime msec", "service timestamps log datetime msec", "service password-encryption", "!", `hostname ${c.hostname}`, "!", "boot-start-marker", "boot-end-marker", "!", "no aaa new-model", "switch 1 provision ws-c2960x-24ts-l", "!"];
  // VTP's lines come among the global ones (a real 2960-X stack's export puts them after `ipv6 mld snooping`).
  if (c.vtp.domain !== "" && vlansInConfig(c.vtp)) lines.push(`vtp domain ${c.vtp.domain}`);
  if (vlansInConfig(c.vtp)) lines.push(`vtp mode ${c.vtp.mode}`, "!");
  lines.push("spanning-tree mode rapid-pvst", "spanning-tree extend system-id", "!", "vlan internal allocation policy ascending", "!");
  for (const [id, name] of [...c.vlans].sort(([a], [b]) => a - b)) {
    if (id === 1 || !vlansInConfig(c.vtp)) continue;
    lines.push(`vlan ${id}`);
    if (name !== defaultVlanName(id)) lines.push(` name ${name}`);
    lines.push("!");
  }
  for (const port of PORTS) {
    const p = c.ports.get(port)!;
    lines.push(`interface ${port}`);
    if (!SWITCHPORTS.includes(port)) {
      // FastEthernet0, the routed management port: no switchport lines.
      lines.push(" no ip address", ...(p.shutdown ? [" shutdown"] : []), "!");
      continue;
    }
    if (p.description) lines.push(` description ${p.description}`);
    if (p.accessVlan !== 1) lines.push(` switchport access vlan ${p.accessVlan}`);
    if (p.nativeVlan !== 1) lines.push(` switchport trunk native vlan ${p.nativeVlan}`);
    if (p.trunkAllowed) lines.push(` switchport trunk allowed vlan ${p.trunkAllowed.length === 0 ? "none" : formatVlanList(p.trunkAllowed)}`);
    if (p.mode) lines.push(` switchport mode ${p.mode}`);
    if (p.shutdown) lines.push(" shutdown");
    if (p.portfast) lines.push(` spanning-tree portfast${p.mode === "trunk" ? " trunk" : ""}`);
    lines.push("!");
  }
  for (const [vlan, svi] of [...c.svis].sort(([a], [b]) => a - b)) {
    lines.push(`interface Vlan${vlan}`);
    lines.push(svi.address ? ` ip address ${svi.address.ip} ${svi.address.mask}` : " no ip address");
    if (svi.shutdown) lines.push(" shutdown");
    lines.push("!");
  }
  if (c.defaultGateway) lines.push(`ip default-gateway ${c.defaultGateway}`);
  lines.push("no ip http server", "no ip http secure-server", "!");
  if (c.loggingHosts.length > 0) lines.push(...c.loggingHosts.map((h) => `logging host ${h}`), "!");
  lines.push("line con 0", "line vty 0 4", " login local");
  if (c.vtyTransport !== "all") lines.push(` transport input ${c.vtyTransport}`);
  lines.push("line vty 5 15", " login local");
  if (c.vtyTransport !== "all") lines.push(` transport input ${c.vtyTransport}`);
  lines.push("!", "end");
  const body = lines.join("\n");
  return `Building configuration...\n\nCurrent configuration : ${Buffer.byteLength(body)} bytes\n${body}\n`;
}

export function showVlanBrief(c: SwitchConfig): string {
  const lines = [
    `${pad("VLAN", 5)}${pad("Name", 33)}${pad("Status", 10)}Ports`,
    `${"-".repeat(4)} ${"-".repeat(32)} ${"-".repeat(9)} ${"-".repeat(31)}`,
  ];
  const vlans = [...c.vlans].sort(([a], [b]) => a - b);
  for (const [id, name] of vlans) {
    const ports = SWITCHPORTS.filter((p) => {
      const s = c.ports.get(p)!;
      return s.mode !== "trunk" && s.accessVlan === id;
    }).map(shortName);
    const rows: string[] = [];
    for (let i = 0; i < ports.length; i += 4) rows.push(ports.slice(i, i + 4).join(", "));
    lines.push(`${pad(String(id), 5)}${pad(name, 33)}${pad("active", 10)}${rows[0] ?? ""}`);
    for (const row of rows.slice(1)) lines.push(`${" ".repeat(48)}${row}`);
  }
  for (const [id, name] of [[1002, "fddi-default"], [1003, "token-ring-default"], [1004, "fddinet-default"], [1005, "trnet-default"]] as const) {
    lines.push(`${pad(String(id), 5)}${pad(name, 33)}act/unsup `);
  }
  return `\n${lines.join("\n")}\n`;
}

/** `show vtp status` in the layout of a captured IOS 15 answer (ntc-templates' cisco_ios_show_vtp_status.raw). */
export function showVtpStatus(c: SwitchConfig): string {
  const row = (label: string, value: string | number) => `${pad(label, 34)}: ${value}`.trimEnd();
  const mode = { server: "Server", client: "Client", transparent: "Transparent", off: "Off" }[c.vtp.mode];
  return [
    `${pad("VTP Version capable", 32)}: 1 to 3`,
    `${pad("VTP version running", 32)}: 1`,
    `${pad("VTP Domain Name", 32)}: ${c.vtp.domain}`.trimEnd(),
    `${pad("VTP Pruning Mode", 32)}: Disabled`,
    `${pad("VTP Traps Generation", 32)}: Disabled`,
    `${pad("Device ID", 32)}: 001e.bd38.0001`,
    "Configuration last modified by 0.0.0.0 at 0-0-00 00:00:00",
    "",
    "Feature VLAN:",
    "--------------",
    row("VTP Operating Mode", mode),
    row("Maximum VLANs supported locally", 1005),
    row("Number of existing VLANs", c.vlans.size + 4),
    row("Configuration Revision", c.vtp.revision),
    `${row("MD5 digest", "0x3D 0x05 0xEE 0x1F 0x35 0xCC 0x7C 0x74")} `,
    `${" ".repeat(36)}0x41 0x6E 0x2A 0x3A 0x0C 0x1A 0x40 0xE5 `,
    "",
  ].join("\n");
}
