/**
 * The interface views of the emulated Catalyst 2960-X in IOS 15.2's layouts:
 * `show interfaces [X]`, `show interfaces status`, `show interfaces [X]
 * switchport`, `show ip interface [brief]` (captures in
 * test/fixtures/ios-captures/). The lab has no cables: a trunk port is
 * taken as linked to the router (connected, 1000/full), any other port that
 * is not shut down as unplugged (notconnect); an SVI is up when it is not
 * shut down and its VLAN is carried by a connected port.
 */
import { interfaceMac, mediaOf, PORTS } from "./ios-hardware";
import { formatVlanList, shortName, type PortState, type SwitchConfig } from "./ios-state";

export type LinkState = "connected" | "notconnect" | "disabled";

export function linkState(p: PortState, port: string): LinkState {
  if (p.shutdown) return "disabled";
  return p.mode === "trunk" && mediaOf(port) === "copper" ? "connected" : "notconnect";
}

/** The queue and rate lines every interface block prints (an idle lab link). */
const QUEUES = [
  '  Last clearing of "show interface" counters never',
  "  Input queue: 0/75/0/0 (size/max/drops/flushes); Total output drops: 0",
  "  Queueing strategy: fifo",
  "  Output queue: 0/40 (size/max)",
  "  5 minute input rate 0 bits/sec, 0 packets/sec",
  "  5 minute output rate 0 bits/sec, 0 packets/sec",
];

function carries(p: PortState, vlan: number): boolean {
  return p.mode === "trunk" ? (p.trunkAllowed ?? [vlan]).includes(vlan) : p.accessVlan === vlan;
}

export function sviUp(c: SwitchConfig, vlan: number): boolean {
  if (c.svis.get(vlan)?.shutdown !== false || !c.vlans.has(vlan)) return false;
  return PORTS.some((name) => {
    const p = c.ports.get(name);
    return p !== undefined && mediaOf(name) !== "management" && linkState(p, name) === "connected" && carries(p, vlan);
  });
}

function maskBits(mask: string): number {
  return mask.split(".").reduce((n, o) => n + (Number(o) >>> 0).toString(2).replace(/0/g, "").length, 0);
}

/** The state words of the first line: `is up, line protocol is up (connected)`. */
function portHeadline(name: string, state: LinkState): string {
  if (state === "connected") return `${name} is up, line protocol is up (connected)`;
  if (state === "disabled") return `${name} is administratively down, line protocol is down (disabled)`;
  return `${name} is down, line protocol is down (notconnect)`;
}

const COUNTERS = [
  "     0 packets input, 0 bytes, 0 no buffer",
  "     Received 0 broadcasts (0 multicasts)",
  "     0 runts, 0 giants, 0 throttles",
  "     0 input errors, 0 CRC, 0 frame, 0 overrun, 0 ignored",
  "     0 watchdog, 0 multicast, 0 pause input",
  "     0 input packets with dribble condition detected",
  "     0 packets output, 0 bytes, 0 underruns",
  "     0 output errors, 0 collisions, 1 interface resets",
  "     0 babbles, 0 late collision, 0 deferred",
  "     0 lost carrier, 0 no carrier, 0 PAUSE output",
  "     0 output buffer failures, 0 output buffers swapped out",
];

function portBlock(name: string, p: PortState): string[] {
  const state = linkState(p, name);
  const media = mediaOf(name);
  const up = state === "connected";
  const hardware = media === "management" ? "PowerPC FastEthernet" : "Gigabit Ethernet";
  const bw = up ? 1000000 : 10000;
  const mediaType = media === "sfp" ? "Not Present" : media === "management" ? "10/100BaseTX" : "10/100/1000BaseTX";
  const lines = [portHeadline(name, state), `  Hardware is ${hardware}, address is ${interfaceMac(name)} (bia ${interfaceMac(name)})`];
  if (p.description) lines.push(`  Description: ${p.description}`);
  lines.push(
    `  MTU 1500 bytes, BW ${bw} Kbit, DLY ${up ? 10 : 1000} usec,`,
    "     reliability 255/255, txload 1/255, rxload 1/255",
    "  Encapsulation ARPA, loopback not set",
    up ? "  Keepalive set (10 sec)" : "  Keepalive not set",
    up ? `  Full-duplex, 1000Mb/s, media type is ${mediaType}` : `  Auto-duplex, Auto-speed, media type is ${mediaType}`,
    "  input flow-control is off, output flow-control is unsupported",
    "  ARP type: ARPA, ARP Timeout 04:00:00",
    up ? "  Last input 00:00:01, output 00:00:00, output hang never" : "  Last input never, output never, output hang never",
    ...QUEUES,
    ...COUNTERS,
  );
  return lines;
}

function sviBlock(c: SwitchConfig, vlan: number): string[] {
  const svi = c.svis.get(vlan)!;
  const name = `Vlan${vlan}`;
  const up = sviUp(c, vlan);
  const head = svi.shutdown ? `${name} is administratively down, line protocol is down` : `${name} is ${up ? "up" : "down"}, line protocol is ${up ? "up" : "down"}`;
  const lines = [head, `  Hardware is EtherSVI, address is ${interfaceMac(name)} (bia ${interfaceMac(name)})`];
  if (svi.address) lines.push(`  Internet address is ${svi.address.ip}/${maskBits(svi.address.mask)}`);
  lines.push(
    "  MTU 1500 bytes, BW 1000000 Kbit, DLY 10 usec,",
    "     reliability 255/255, txload 1/255, rxload 1/255",
    "  Encapsulation ARPA, loopback not set",
    "  Keepalive not supported",
    "  ARP type: ARPA, ARP Timeout 04:00:00",
    "  Last input never, output never, output hang never",
    ...QUEUES,
    "     0 packets input, 0 bytes, 0 no buffer",
    "     Received 0 broadcasts (0 IP multicasts)",
    "     0 runts, 0 giants, 0 throttles",
    "     0 input errors, 0 CRC, 0 frame, 0 overrun, 0 ignored",
    "     0 packets output, 0 bytes, 0 underruns",
    "     0 output errors, 0 interface resets",
    "     0 output buffer failures, 0 output buffers swapped out",
  );
  return lines;
}

/** Every interface IOS lists, SVIs first as a Catalyst does: `Vlan1`, …, then the ports. */
export function interfaceNames(c: SwitchConfig): string[] {
  return [...[...c.svis.keys()].sort((a, b) => a - b).map((v) => `Vlan${v}`), ...PORTS];
}

/** `show interfaces` (all, or the named interfaces). */
export function showInterfaces(c: SwitchConfig, only?: string): string {
  const names = only ? [only] : interfaceNames(c);
  const lines = names.flatMap((n) => (n.startsWith("Vlan") ? sviBlock(c, Number(n.slice(4))) : portBlock(n, c.ports.get(n)!)));
  return `${lines.join("\n")}\n`;
}

/** Right-aligns `text` in `width` columns, as IOS prints Duplex and Speed. */
const right = (text: string, width: number) => text.padStart(width);
/** Left-aligns and truncates to the column, so columns never run together. */
const column = (text: string, width: number) => text.slice(0, width - 1).padEnd(width);

export function showInterfacesStatus(c: SwitchConfig): string {
  const lines = [`${column("Port", 10)}${column("Name", 19)}${column("Status", 13)}${column("Vlan", 11)}${right("Duplex", 6)} ${right("Speed", 6)} Type`];
  for (const port of PORTS) {
    const p = c.ports.get(port)!;
    const state = linkState(p, port);
    const media = mediaOf(port);
    const vlan = media === "management" ? "routed" : p.mode === "trunk" ? "trunk" : String(p.accessVlan);
    const [duplex, speed] = state === "connected" ? ["a-full", "a-1000"] : ["auto", "auto"];
    const type = media === "sfp" ? "Not Present" : media === "management" ? "10/100BaseTX" : "10/100/1000BaseTX";
    lines.push(`${column(shortName(port), 10)}${column(p.description ?? "", 19)}${column(state, 13)}${column(vlan, 11)}${right(duplex, 6)} ${right(speed, 6)} ${type}`);
  }
  return `\n${lines.join("\n")}\n`;
}

export function showInterfacesSwitchport(c: SwitchConfig, only?: string): string {
  const names = (only ? [only] : PORTS).filter((n) => mediaOf(n) !== "management");
  const blocks = names.map((name) => {
    const p = c.ports.get(name)!;
    const vlanName = (v: number) => `${v} (${c.vlans.get(v) ?? "Inactive"})`;
    const admin = p.mode === "trunk" ? "trunk" : p.mode === "access" ? "static access" : "dynamic auto";
    const oper = linkState(p, name) === "connected" ? (p.mode === "trunk" ? "trunk" : "static access") : "down";
    return [
      `Name: ${shortName(name)}`,
      "Switchport: Enabled",
      `Administrative Mode: ${admin}`,
      `Operational Mode: ${oper}`,
      "Administrative Trunking Encapsulation: dot1q",
      `Operational Trunking Encapsulation: ${oper === "trunk" ? "dot1q" : "native"}`,
      `Negotiation of Trunking: ${p.mode === "access" ? "Off" : "On"}`,
      `Access Mode VLAN: ${vlanName(p.accessVlan)}`,
      `Trunking Native Mode VLAN: ${vlanName(p.nativeVlan)}`,
      "Administrative Native VLAN tagging: enabled",
      "Voice VLAN: none",
      "Administrative private-vlan host-association: none",
      "Administrative private-vlan mapping: none",
      "Administrative private-vlan trunk native VLAN: none",
      "Administrative private-vlan trunk Native VLAN tagging: enabled",
      "Administrative private-vlan trunk encapsulation: dot1q",
      "Administrative private-vlan trunk normal VLANs: none",
      "Administrative private-vlan trunk associations: none",
      "Administrative private-vlan trunk mappings: none",
      "Operational private-vlan: none",
      `Trunking VLANs Enabled: ${p.trunkAllowed === undefined ? "ALL" : p.trunkAllowed.length === 0 ? "NONE" : formatVlanList(p.trunkAllowed)}`,
      "Pruning VLANs Enabled: 2-1001",
      "Capture Mode Disabled",
      "Capture VLANs Allowed: ALL",
      "",
      "Protected: false",
      "Appliance trust: none",
      "",
    ].join("\n");
  });
  return `${blocks.join("")}`;
}

export function showIpInterfaceBrief(c: SwitchConfig): string {
  const row = (name: string, ip: string, status: string, protocol: string) =>
    `${name.padEnd(27)}${ip.padEnd(16)}YES ${(ip === "unassigned" ? "unset" : "NVRAM").padEnd(7)}${status.padEnd(22)}${protocol}`;
  const lines = [`${"Interface".padEnd(27)}${"IP-Address".padEnd(16)}OK? Method Status                Protocol`];
  for (const name of interfaceNames(c)) {
    if (name.startsWith("Vlan")) {
      const vlan = Number(name.slice(4));
      const svi = c.svis.get(vlan)!;
      const up = sviUp(c, vlan);
      lines.push(row(name, svi.address?.ip ?? "unassigned", svi.shutdown ? "administratively down" : up ? "up" : "down", up ? "up" : "down"));
    } else {
      const state = linkState(c.ports.get(name)!, name);
      lines.push(row(name, "unassigned", state === "disabled" ? "administratively down" : state === "connected" ? "up" : "down", state === "connected" ? "up" : "down"));
    }
  }
  return `${lines.join("\n")}\n`;
}

const IP_ENABLED = [
  "  Broadcast address is 255.255.255.255",
  "  Address determined by non-volatile memory",
  "  MTU is 1500 bytes",
  "  Helper address is not set",
  "  Directed broadcast forwarding is disabled",
  "  Outgoing access list is not set",
  "  Inbound  access list is not set",
  "  Proxy ARP is enabled",
  "  Local Proxy ARP is disabled",
  "  Security level is default",
  "  Split horizon is enabled",
  "  ICMP redirects are always sent",
  "  ICMP unreachables are always sent",
  "  ICMP mask replies are never sent",
  "  IP fast switching is enabled",
  "  IP Null turbo vector",
  "  IP multicast fast switching is enabled",
  "  IP multicast distributed fast switching is disabled",
  "  Router Discovery is disabled",
  "  IP output packet accounting is disabled",
  "  IP access violation accounting is disabled",
  "  TCP/IP header compression is disabled",
  "  RTP/IP header compression is disabled",
  "  Probe proxy name replies are disabled",
  "  Policy routing is disabled",
  "  Network address translation is disabled",
  "  BGP Policy Mapping is disabled",
  "  Input features: MCI Check",
];

/** `show ip interface`: the SVIs' IP settings; switchports have no IP processing. */
export function showIpInterface(c: SwitchConfig): string {
  const lines: string[] = [];
  for (const name of interfaceNames(c)) {
    if (name.startsWith("Vlan")) {
      const vlan = Number(name.slice(4));
      const svi = c.svis.get(vlan)!;
      const up = sviUp(c, vlan);
      lines.push(svi.shutdown ? `${name} is administratively down, line protocol is down` : `${name} is ${up ? "up" : "down"}, line protocol is ${up ? "up" : "down"}`);
      if (svi.address) lines.push(`  Internet address is ${svi.address.ip}/${maskBits(svi.address.mask)}`, ...IP_ENABLED);
      else lines.push("  Internet protocol processing disabled");
    } else {
      const state = linkState(c.ports.get(name)!, name);
      lines.push(portHeadline(name, state).replace(/ \((connected|notconnect|disabled)\)$/, ""), "  Internet protocol processing disabled");
    }
  }
  return `${lines.join("\n")}\n`;
}
