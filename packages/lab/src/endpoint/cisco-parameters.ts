/**
 * The Cisco RoomOS configuration the lab knows, by slash path
 * ("SIP/Proxy/1/Address"; a number is the item of the element before it):
 * value space, factory value, secret. Value spaces and defaults are those of
 * Cisco's xAPI schema (CS1 of the sources in docs/videoconference.md), the same in CE 9.15,
 * RoomOS 10.19, 11.14 and 26.4. The names of the `/Valuespace/…` references
 * are derived from the value space; only STR_0_50_NoFilt (CS7), TTPAR_OnOff
 * and INT_<min>_<max> (CS3) are recorded.
 */
import type { ParameterRow, ValueSpace } from "./emulated-endpoint";

const onOff: ValueSpace = { kind: "enum", values: ["On", "Off"], ref: "TTPAR_OnOff" };
const str = (max: number): ValueSpace => ({ kind: "text", min: 0, max });
const dscp: ValueSpace = { kind: "int", min: 0, max: 63 };

/** Olson names the lab accepts; the device has 596 (CS1, 11.14): this list is abridged. */
const TIME_ZONES = ["Etc/UTC", "Asia/Ho_Chi_Minh", "Asia/Bangkok", "Asia/Singapore", "Asia/Tokyo", "Europe/London", "Europe/Oslo", "America/New_York"];

/** `n` items of a numbered element: the rows for `<element>/1/<leaf>` … `<element>/n/<leaf>`. */
function items(n: number, element: string, leaf: string, row: Omit<ParameterRow, "name">): ParameterRow[] {
  return Array.from({ length: n }, (_, i) => ({ name: `${element}/${i + 1}/${leaf}`, ...row }));
}

export const CISCO_PARAMETERS: readonly ParameterRow[] = [
  // CS1; valueSpaceRef STR_0_50_NoFilt recorded in CS7.
  { name: "SystemUnit/Name", space: str(50), factory: "" },
  // CS1: SIP on/off is NetworkServices SIP Mode (there is no SIP Mode).
  { name: "NetworkServices/SIP/Mode", space: onOff, factory: "On" },
  // CS1.
  { name: "SIP/URI", space: str(255), factory: "" },
  { name: "SIP/DisplayName", space: str(550), factory: "" },
  ...items(4, "SIP/Proxy", "Address", { space: str(255), factory: "" }),
  { name: "SIP/Authentication/UserName", space: str(128), factory: "" },
  // CS1: hide_value.
  { name: "SIP/Authentication/Password", space: str(128), factory: "", secret: true },
  { name: "SIP/DefaultTransport", space: { kind: "enum", values: ["Auto", "TCP", "Tls", "UDP"] }, factory: "Auto" },
  // CS1: H.323 on/off is NetworkServices H323 Mode (there is no H323 Mode configuration).
  { name: "NetworkServices/H323/Mode", space: onOff, factory: "Off" },
  { name: "H323/CallSetup/Mode", space: { kind: "enum", values: ["Direct", "Gatekeeper"] }, factory: "Gatekeeper" },
  { name: "H323/Gatekeeper/Address", space: str(255), factory: "" },
  { name: "H323/H323Alias/ID", space: str(49), factory: "" },
  { name: "H323/H323Alias/E164", space: str(30), factory: "" },
  // CS1: only Network[1] exists; addresses are strings of 0..64, not checked as addresses.
  { name: "Network/1/IPv4/Assignment", space: { kind: "enum", values: ["DHCP", "Static"] }, factory: "DHCP" },
  { name: "Network/1/IPv4/Address", space: str(64), factory: "" },
  { name: "Network/1/IPv4/Gateway", space: str(64), factory: "" },
  { name: "Network/1/IPv4/SubnetMask", space: str(64), factory: "" },
  ...items(3, "Network/1/DNS/Server", "Address", { space: str(64), factory: "" }),
  { name: "Network/1/DNS/Domain/Name", space: str(64), factory: "" },
  { name: "Network/1/VLAN/Voice/Mode", space: { kind: "enum", values: ["Auto", "Manual", "Off"] }, factory: "Auto" },
  { name: "Network/1/VLAN/Voice/VlanId", space: { kind: "int", min: 1, max: 4094 }, factory: "1" },
  { name: "Network/1/QoS/Mode", space: { kind: "enum", values: ["Diffserv", "Off"] }, factory: "Diffserv" },
  { name: "Network/1/QoS/Diffserv/Audio", space: dscp, factory: "46" },
  { name: "Network/1/QoS/Diffserv/Video", space: dscp, factory: "34" },
  { name: "Network/1/QoS/Diffserv/Data", space: dscp, factory: "34" },
  { name: "Network/1/QoS/Diffserv/Signalling", space: dscp, factory: "24" },
  { name: "Network/1/QoS/Diffserv/ICMPv6", space: dscp, factory: "0" },
  { name: "Network/1/QoS/Diffserv/NTP", space: dscp, factory: "0" },
  // CS1.
  { name: "NetworkServices/NTP/Mode", space: { kind: "enum", values: ["Auto", "Manual", "Off"] }, factory: "Auto" },
  // CS1 gives one default for Server[1..3].
  ...items(3, "NetworkServices/NTP/Server", "Address", { space: str(255), factory: "0.tandberg.pool.ntp.org" }),
  // CS1: a single external syslog server, not numbered.
  { name: "Logging/External/Mode", space: onOff, factory: "Off" },
  { name: "Logging/External/Server/Address", space: str(255), factory: "" },
  { name: "Logging/External/Server/Port", space: { kind: "int", min: 0, max: 65535 }, factory: "514" },
  { name: "Logging/External/Protocol", space: { kind: "enum", values: ["Syslog", "SyslogTLS"] }, factory: "SyslogTLS" },
  // CS1.
  { name: "Provisioning/Mode", space: { kind: "enum", values: ["Auto", "CUCM", "Edge", "Off", "TMS", "VCS", "Webex"] }, factory: "Auto" },
  // CS1 (abridged list); the valueSpaceRef name is unverified.
  { name: "Time/Zone", space: { kind: "enum", values: TIME_ZONES, ref: "TTPAR_TimeZone" }, factory: "Etc/UTC" },
  // CS1: take effect after a restart; 0 failed logins = no limit. The unit of the lock-out time is unverified (the lab: seconds).
  { name: "Security/Session/MaxFailedLogins", space: { kind: "int", min: 0, max: 10 }, factory: "0", reboot: true },
  { name: "Security/Session/FailedLoginsLockoutTime", space: { kind: "int", min: 0, max: 10000 }, factory: "60", reboot: true },
];

/** The `/Valuespace/…` reference getxml puts on a configuration leaf. */
export function valueSpaceRef(space: ValueSpace): string {
  switch (space.kind) {
    case "text":
      return `/Valuespace/STR_${space.min}_${space.max}_NoFilt`;
    case "int":
      return `/Valuespace/INT_${space.min}_${space.max}`;
    case "enum":
      return `/Valuespace/${space.ref ?? `TTPAR_${space.values.join("")}`}`;
    default:
      throw new Error(`no RoomOS value space for ${space.kind}`);
  }
}

/** How many items a numbered configuration element has ("SIP/Proxy" → 4), as getxml's `maxOccurrence`. */
export function maxOccurrence(element: string): number {
  const prefix = `${element}/`;
  return new Set(CISCO_PARAMETERS.filter((r) => r.name.startsWith(prefix)).map((r) => r.name.slice(prefix.length).split("/")[0])).size;
}
