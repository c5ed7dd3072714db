/**
 * The Poly VideoOS parameters the lab knows, by their REST (`/rest/config`)
 * names: value space, factory value, secret, reboot-needed. Source ids are
 * those of the sources in docs/videoconference.md. Only sipusername, h323name and
 * h323extension are recorded from a VideoOS device (PA1); the other names are
 * the Group Series internal names (PM5, PM7) or clients' use (PM2), and their
 * value spaces come from the .cfg schema (PM4). Lengths not in a source are
 * 0..255, and factory values not in a source, are the lab's choice: both
 * marked "unverified".
 */
import type { ParameterRow, ValueSpace } from "./emulated-endpoint";

const bool: ValueSpace = { kind: "bool" };
const text: ValueSpace = { kind: "text", min: 0, max: 255 };
const ipv4: ValueSpace = { kind: "ip" };

export const POLY_PARAMETERS: readonly ParameterRow[] = [
  // PM2 map device.local.deviceName → system.info.systemname; length 1..40 from PM4 (deviceName); factory value unverified.
  { name: "system.info.systemname", space: { kind: "text", min: 1, max: 40 }, factory: "Poly G7500" },
  // PM2 (used on Studio X), PM5; factory value unverified.
  { name: "comm.callpreference.sipenable", space: bool, factory: "False" },
  // PM5 name; values Auto|Specify from PM4 (voIpProt.SIP.serverType); factory value unverified.
  { name: "comm.nics.sipnic.sipconfigtype", space: { kind: "enum", values: ["Auto", "Specify"] }, factory: "Auto" },
  // PM5; length unverified.
  { name: "comm.nics.sipnic.sipregistrarserver", space: text, factory: "" },
  // PM5; length unverified.
  { name: "comm.nics.sipnic.sipproxyserver", space: text, factory: "" },
  // PA1 (recorded on X30 3.12.0): the SIP address; length unverified.
  { name: "comm.nics.sipnic.sipusername", space: text, factory: "" },
  // PM5: the SIP authentication user; length unverified.
  { name: "comm.nics.sipnic.sipaccountname", space: text, factory: "" },
  // PM7; secret (PM3 exports REMOVED_SECURE_CONTENT); length unverified.
  { name: "comm.nics.sipnic.sippassword", space: text, factory: "", secret: true },
  // PM5 name; values from PM4 (voIpProt.SIP.transport), factory "Auto" from PM3 and PM5.
  { name: "comm.nics.sipnic.siptransportprotocol", space: { kind: "enum", values: ["Auto", "TLS", "TCP", "UDP"] }, factory: "Auto" },
  // PM5; factory "True" from PM3 (voIpProt.H323.enable).
  { name: "comm.callpreference.iph323enable", space: bool, factory: "True" },
  // PM5 name; values from PM4 (voIpProt.H323.gk.mode), factory "Off" from PM3.
  { name: "comm.nics.h323nic.gatekeeper.gatekeeperenable", space: { kind: "enum", values: ["Off", "Auto", "Specify"] }, factory: "Off" },
  // PM6, PM5; length unverified.
  { name: "comm.nics.h323nic.gatekeeper.gkipaddress", space: text, factory: "" },
  // PA1 (recorded); length unverified.
  { name: "comm.nics.h323nic.h323name", space: text, factory: "" },
  // PA1 (recorded "7771991048"); digits only and the length 0..30 unverified.
  { name: "comm.nics.h323nic.h323extension", space: { kind: "digits", max: 30 }, factory: "" },
  // PM5 ("Client" = DHCP client); the value "Off" (static) and reboot-needed unverified.
  { name: "system.network.wired.ipv4nic.mode", space: { kind: "enum", values: ["Client", "Off"] }, factory: "Client", reboot: true },
  // PM5, PM2; reboot-needed unverified.
  { name: "system.network.wired.ipv4nic.address", space: ipv4, factory: "", reboot: true },
  // PM5; reboot-needed unverified.
  { name: "system.network.wired.ipv4nic.subnetmask", space: ipv4, factory: "", reboot: true },
  // PM5; reboot-needed unverified.
  { name: "system.network.wired.ipv4nic.defaultgateway", space: ipv4, factory: "", reboot: true },
  // PM5 (dnsserver[0..3]); IPv6 accepted: unverified.
  { name: "system.network.dnsserver[0]", space: { kind: "ip", v6: true }, factory: "" },
  { name: "system.network.dnsserver[1]", space: { kind: "ip", v6: true }, factory: "" },
  // PM3 .cfg name (device.net.vlan.enable, "false"); as a REST name unverified, reboot-needed unverified.
  { name: "device.net.vlan.enable", space: bool, factory: "False", reboot: true },
  // PM5 name; values from PM4 (qos.tosType), factory from PM3 and PM5.
  { name: "comm.qos.tosfield", space: { kind: "enum", values: ["IP_Precedence", "DiffServ"] }, factory: "IP_Precedence" },
  // PM7 CLI map; range 0..63 and factory "0" from PM4 and PM3 (qos.diffServ.audio/video).
  { name: "comm.qos.diffservaudio", space: { kind: "int", min: 0, max: 63 }, factory: "0" },
  { name: "comm.qos.diffservvideo", space: { kind: "int", min: 0, max: 63 }, factory: "0" },
  // PM5 name; values from PM4 (device.local.ntpServer.mode), factory from PM3 and PM5.
  { name: "time.timeserver.mode", space: { kind: "enum", values: ["Auto", "Manual", "Off"] }, factory: "Auto" },
  // PM5; length unverified.
  { name: "time.timeserver.address[0]", space: text, factory: "" },
  // PM1 (write recorded on X30 3.10.0), PM2; factory value unverified.
  { name: "management.provisioning.enabled", space: bool, factory: "True" },
  // PM3 .cfg names with values from PM4; as REST names unverified.
  { name: "device.syslog.enable", space: bool, factory: "False" },
  { name: "device.syslog.serverName", space: text, factory: "" },
  { name: "device.syslog.transport", space: { kind: "enum", values: ["UDP", "TCP", "TLS"] }, factory: "UDP" },
];
