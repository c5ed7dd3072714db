/** `show` output in the formats a Catalyst running IOS 15.2 prints. */
import { defaultVlanName, formatVlanList, PORTS, shortName, type SwitchConfig } from "./ios-state";

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + " ".repeat(width - text.length);
}

export function showRunningConfig(c: SwitchConfig): string {
  const lines: string[] = ["!", "version 15.2", "no service pad", "service timestamps debug datetime msec", "service timestamps log datetime msec", "service password-encryption", "!", `hostname ${c.hostname}`, "!", "boot-start-marker", "boot-end-marker", "!", "no aaa new-model", "switch 1 provision ws-c2960x-24ts-l", "!", "spanning-tree mode rapid-pvst", "spanning-tree extend system-id", "!", "vlan internal allocation policy ascending", "!"];
  for (const [id, name] of [...c.vlans].sort(([a], [b]) => a - b)) {
    if (id === 1) continue;
    lines.push(`vlan ${id}`);
    if (name !== defaultVlanName(id)) lines.push(` name ${name}`);
    lines.push("!");
  }
  for (const port of PORTS) {
    const p = c.ports.get(port)!;
    lines.push(`interface ${port}`);
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
  lines.push("no ip http server", "no ip http secure-server", "!", "line con 0", "line vty 0 4", " login local");
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
    const ports = PORTS.filter((p) => {
      const s = c.ports.get(p)!;
      return s.mode !== "trunk" && s.accessVlan === id;
    }).map(shortName);
    const rows: string[] = [];
    for (let i = 0; i < ports.length; i += 4) rows.push(ports.slice(i, i + 4).join(", ") + (i + 4 < ports.length ? "," : ""));
    lines.push(`${pad(String(id), 5)}${pad(name, 33)}${pad("active", 10)}${rows[0] ?? ""}`.trimEnd());
    for (const row of rows.slice(1)) lines.push(`${" ".repeat(48)}${row}`);
  }
  for (const [id, name] of [[1002, "fddi-default"], [1003, "token-ring-default"], [1004, "fddinet-default"], [1005, "trnet-default"]] as const) {
    lines.push(`${pad(String(id), 5)}${pad(name, 33)}act/unsup`);
  }
  return `\n${lines.join("\n")}\n`;
}

export function showInterfacesStatus(c: SwitchConfig): string {
  const lines = [`${pad("Port", 10)}${pad("Name", 19)}${pad("Status", 13)}${pad("Vlan", 11)}${pad("Duplex", 7)}${pad("Speed", 6)}Type`];
  for (const port of PORTS) {
    const p = c.ports.get(port)!;
    const status = p.shutdown ? "disabled" : p.mode === "trunk" ? "connected" : "notconnect";
    const vlan = p.mode === "trunk" ? "trunk" : String(p.accessVlan);
    const [duplex, speed] = status === "connected" ? ["a-full", "a-1000"] : ["auto", "auto"];
    lines.push(`${pad(shortName(port), 10)}${pad((p.description ?? "").slice(0, 18), 19)}${pad(status, 13)}${pad(vlan, 11)}${pad(duplex, 7)}${pad(speed, 6)}10/100/1000BaseTX`);
  }
  return `\n${lines.join("\n")}\n`;
}


export function showVersion(hostname: string): string {
  return [
    "Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(7)E8, RELEASE SOFTWARE (fc2)",
    "Technical Support: http://www.cisco.com/techsupport",
    "Copyright (c) 1986-2023 by Cisco Systems, Inc.",
    "",
    "ROM: Bootstrap program is C2960X boot loader",
    "BOOTLDR: C2960X Boot Loader (C2960X-HBOOT-M) Version 15.2(7r)E2, RELEASE SOFTWARE (fc1)",
    "",
    `${hostname} uptime is 3 weeks, 2 days, 4 hours, 11 minutes`,
    "System image file is \"flash:c2960x-universalk9-mz.152-7.E8.bin\"",
    "",
    "cisco WS-C2960X-24TS-L (APM86XXX) processor (revision D0) with 524288K bytes of memory.",
    "24 Gigabit Ethernet interfaces",
    "Base ethernet MAC Address       : 00:1E:BD:38:00:01",
    "Model number                    : WS-C2960X-24TS-L",
    "System serial number            : FOC0000L0AB",
    "",
    "Configuration register is 0xF",
    "",
  ].join("\n");
}
