/**
 * IOS's abbreviation rules need the whole keyword list of each level, not
 * only what the lab implements: `show s` is ambiguous on a real 2960-X
 * (sdm, sessions, snmp, spanning-tree, ssh, startup-config, storm-control,
 * switch, system…) even though the lab only answers `show startup-config`.
 * These are the keywords of IOS 15.2 on a Catalyst 2960-X (LAN Base) with
 * their `?` help, per mode and after `show` / `show ip`. A keyword the lab
 * does not implement is answered as IOS answers an unknown word.
 */
import type { Mode } from "./ios-cli";

type Keywords = Record<string, string>;

const USER_EXEC: Keywords = {
  "access-enable": "Create a temporary Access-List entry",
  "access-profile": "Apply user-profile to interface",
  connect: "Open a terminal connection",
  crypto: "Encryption related commands.",
  disable: "Turn off privileged commands",
  disconnect: "Disconnect an existing network connection",
  enable: "Turn on privileged commands",
  exit: "Exit from the EXEC",
  help: "Description of the interactive help system",
  lock: "Lock the terminal",
  login: "Log in as a particular user",
  logout: "Exit from the EXEC",
  "name-connection": "Name an existing network connection",
  ping: "Send echo messages",
  rcommand: "Run command on remote switch",
  resume: "Resume an active network connection",
  show: "Show running system information",
  ssh: "Open a secure shell client connection",
  systat: "Display information about terminal lines",
  telnet: "Open a telnet connection",
  terminal: "Set terminal line parameters",
  traceroute: "Trace route to destination",
  tunnel: "Open a tunnel connection",
  udld: "UDLD protocol commands",
  where: "List active connections",
};

const PRIVILEGED: Keywords = {
  ...USER_EXEC,
  archive: "manage archive files",
  "cd": "Change current directory",
  clear: "Reset functions",
  clock: "Manage the system clock",
  cns: "CNS agents",
  configure: "Enter configuration mode",
  copy: "Copy from one file to another",
  debug: "Debugging functions (see also 'undebug')",
  delete: "Delete a file",
  diagnostic: "Diagnostic commands",
  dir: "List files on a filesystem",
  dot1x: "IEEE 802.1X Exec Commands",
  erase: "Erase a filesystem",
  format: "Format a filesystem",
  fsck: "Fsck a filesystem",
  ip: "Global IP commands",
  ipv6: "Global IPv6 commands",
  mkdir: "Create new directory",
  monitor: "Monitoring different system events",
  more: "Display the contents of a file",
  no: "Disable debugging functions",
  pwd: "Display current working directory",
  release: "Release a resource",
  reload: "Halt and perform a cold restart",
  rename: "Rename a file",
  renew: "Renew a resource",
  rmdir: "Remove existing directory",
  send: "Send a message to other tty lines",
  set: "Set system parameter (not config)",
  setup: "Run the SETUP command facility",
  squeeze: "Squeeze a filesystem",
  test: "Test subsystems, memory, and interfaces",
  undebug: "Disable debugging functions (see also 'debug')",
  verify: "Verify a file",
  vmps: "VMPS actions",
  write: "Write running configuration to memory, network, or terminal",
};

const CONFIG: Keywords = {
  aaa: "Authentication, Authorization and Accounting.",
  "access-list": "Add an access list entry",
  alias: "Create command alias",
  archive: "Archive the configuration",
  arp: "Set a static ARP entry",
  banner: "Define a login banner",
  boot: "Boot Commands",
  cdp: "Global CDP configuration subcommands",
  "class-map": "Configure CPL Class Map",
  clock: "Configure time-of-day clock",
  crypto: "Encryption module",
  default: "Set a command to its defaults",
  do: "To run exec commands in config mode",
  dot1x: "IEEE 802.1X Global Configuration Commands",
  enable: "Modify enable password parameters",
  end: "Exit from configure mode",
  errdisable: "Error disable",
  exit: "Exit from configure mode",
  hostname: "Set system's network name",
  interface: "Select an interface to configure",
  ip: "Global IP configuration subcommands",
  ipv6: "Global IPv6 configuration commands",
  line: "Configure a terminal line",
  lldp: "Global LLDP configuration subcommands",
  logging: "Modify message logging facilities",
  mac: "Global MAC configuration subcommands",
  monitor: "Monitoring different system events",
  no: "Negate a command or set its defaults",
  ntp: "Configure NTP",
  "policy-map": "Configure QoS Policy Map",
  "port-channel": "EtherChannel configuration",
  privilege: "Command privilege parameters",
  service: "Modify use of network based services",
  "snmp-server": "Modify SNMP engine parameters",
  "spanning-tree": "Spanning Tree Subsystem",
  system: "Configure system parameters",
  "tacacs-server": "Modify TACACS query parameters",
  udld: "Configure global UDLD setting",
  username: "Establish User Name Authentication",
  vlan: "Vlan commands",
  vtp: "Configure global VTP state",
};

const CONFIG_IF: Keywords = {
  cdp: "CDP interface subcommands",
  "channel-group": "Etherchannel/port bundling configuration",
  default: "Set a command to its defaults",
  description: "Interface specific description",
  duplex: "Configure duplex operation.",
  end: "Exit from configure mode",
  exit: "Exit from interface configuration mode",
  help: "Description of the interactive help system",
  ip: "Interface Internet Protocol config commands",
  ipv6: "IPv6 interface subcommands",
  lldp: "LLDP interface subcommands",
  "load-interval": "Specify interval for load calculation for an interface",
  logging: "Configure logging for interface",
  no: "Negate a command or set its defaults",
  power: "Power configuration",
  shutdown: "Shutdown the selected interface",
  "spanning-tree": "Spanning Tree Subsystem",
  speed: "Configure speed operation.",
  "storm-control": "storm configuration",
  switchport: "Set switching mode characteristics",
  udld: "Configure UDLD enabled or disabled and ignore global UDLD setting",
  vlan: "Vlan commands",
  interface: "Select an interface to configure",
};

const CONFIG_VLAN: Keywords = {
  end: "Exit from configure mode",
  exit: "Apply changes, bump revision number, and exit mode",
  media: "Media type of the VLAN",
  mtu: "VLAN Maximum Transmission Unit",
  name: "Ascii name of the VLAN",
  no: "Negate a command or set its defaults",
  "remote-span": "Configure as Remote SPAN VLAN",
  shutdown: "Shutdown VLAN switching",
  state: "Operational state of the VLAN",
  vlan: "Vlan commands",
  interface: "Select an interface to configure",
};

const CONFIG_LINE: Keywords = {
  "access-class": "Filter connections based on an IP access list",
  end: "Exit from configure mode",
  exec: "Start an EXEC process",
  "exec-timeout": "Set the EXEC timeout",
  exit: "Exit from line configuration mode",
  length: "Set number of lines on a screen",
  line: "Configure a terminal line",
  logging: "Modify message logging facilities",
  login: "Enable password checking",
  no: "Negate a command or set its defaults",
  password: "Set a password",
  privilege: "Change privilege level for line",
  transport: "Define transport protocols for line",
  width: "Set width of the display terminal",
};

const SHOW: Keywords = {
  aaa: "Show AAA values",
  "access-lists": "List access lists",
  archive: "Archive functions",
  arp: "ARP table",
  authentication: "Shows Auth Manager registrations or sessions",
  boot: "show boot attributes",
  buffers: "Buffer pool statistics",
  "cable-diagnostics": "Show Cable Diagnostics Results",
  cdp: "CDP information",
  "class-map": "Show QoS Class Map",
  clock: "Display the system clock",
  configuration: "Contents of Non-Volatile memory",
  controllers: "Interface controller status",
  crypto: "Encryption module",
  debugging: "State of each debugging option",
  dhcp: "Dynamic Host Configuration Protocol status",
  diagnostic: "Show command for diagnostic",
  dot1x: "Dot1x information",
  dtp: "DTP information",
  env: "Environmental facilities",
  errdisable: "Error disable",
  etherchannel: "EtherChannel information",
  file: "Show filesystem information",
  flash: "display information about flash: file system",
  flowcontrol: "show flow control information",
  history: "Display the session command history",
  hosts: "IP domain-name, lookup style, nameservers, and host table",
  interfaces: "Interface status and configuration",
  inventory: "Show the physical inventory",
  ip: "IP information",
  ipv6: "IPv6 information",
  lacp: "Port channel information",
  license: "Show license information",
  line: "TTY line information",
  lldp: "LLDP information",
  logging: "Show the contents of logging buffers",
  mac: "MAC configuration",
  memory: "Memory statistics",
  mls: "Show MultiLayer Switching information",
  monitor: "SPAN information and configuration",
  ntp: "Network time protocol",
  pagp: "Port channel information",
  parser: "Display parser information",
  platform: "platform specific show commands",
  "policy-map": "Show QoS Policy Map",
  "port-security": "Show secure port information",
  power: "Switch Power",
  privilege: "Show current privilege level",
  processes: "Active process statistics",
  reload: "Scheduled reload information",
  rep: "Resilient Ethernet Protocol info",
  "running-config": "Current operating configuration",
  sdm: "Switch Database Management",
  sessions: "Information about Telnet connections",
  snmp: "snmp statistics",
  "spanning-tree": "Spanning tree topology",
  ssh: "Status of SSH server connections",
  "startup-config": "Contents of startup configuration",
  "storm-control": "Show storm control configuration",
  switch: "show switch stack information",
  system: "show the system configuration",
  "tech-support": "Show system information for Tech-Support",
  terminal: "Display terminal configuration parameters",
  udld: "UDLD information",
  users: "Display information about terminal lines",
  version: "System hardware and software status",
  vlan: "VTP VLAN status",
  vtp: "VTP information",
};

const SHOW_IP: Keywords = {
  "access-lists": "List IP access lists",
  arp: "IP ARP table",
  dhcp: "Show items in the DHCP database",
  "default-gateway": "Default gateway",
  http: "HTTP information",
  igmp: "IGMP information",
  interface: "IP interface status and configuration",
  route: "IP routing table",
  ssh: "Information on SSH",
  traffic: "IP protocol statistics",
};

const BY_MODE: Record<Mode, Keywords> = {
  exec: USER_EXEC,
  privileged: PRIVILEGED,
  config: CONFIG,
  "config-if": CONFIG_IF,
  "config-vlan": CONFIG_VLAN,
  "config-line": CONFIG_LINE,
};

/** The keywords IOS knows after `before` (the keywords already matched) in `mode`, with their help. */
export function knownKeywords(mode: Mode, before: readonly string[]): Keywords {
  const exec = mode === "exec" || mode === "privileged";
  if (before.length === 0) return BY_MODE[mode];
  if (exec && before[0] === "show" && before.length === 1) return SHOW;
  if (exec && before[0] === "show" && before[1] === "ip" && before.length === 2) return SHOW_IP;
  return {};
}

export type KeywordMatch = { kind: "keyword"; keyword: string } | { kind: "ambiguous" } | { kind: "none" };

/**
 * IOS's rule: a word that is a whole keyword is that keyword; otherwise any
 * unique prefix of one keyword; a prefix of several is ambiguous.
 */
export function matchKeyword(word: string, keywords: Iterable<string>): KeywordMatch {
  const lower = word.toLowerCase();
  const all = [...new Set(keywords)];
  if (all.includes(lower)) return { kind: "keyword", keyword: lower };
  const prefixed = all.filter((k) => k.startsWith(lower));
  if (prefixed.length === 1) return { kind: "keyword", keyword: prefixed[0]! };
  return prefixed.length > 1 ? { kind: "ambiguous" } : { kind: "none" };
}
