/**
 * The Poly (VideoOS / RealPresence Group) configuration parameter behind
 * each managed setting, and how values are written in it. The one place
 * Poly parameter names appear.
 */
import type { SettingName } from "../endpoint-settings";

export interface PolyParameter {
  name: string;
  /** Setting value → Poly value (default: unchanged). */
  encode?: (value: string) => string;
  decode?: (value: string) => string;
}

const bool = { encode: (v: string) => (v === "true" ? "True" : "False"), decode: (v: string) => String(v.toLowerCase() === "true") };

export const POLY_PARAMETERS: Readonly<Record<SettingName, PolyParameter>> = {
  systemName: { name: "device.local.deviceName" },
  "sip.enabled": { name: "comm.nics.sipnic.enable", ...bool },
  "sip.registrar": { name: "comm.nics.sipnic.registrarserver" },
  "sip.proxy": { name: "comm.nics.sipnic.proxyserver" },
  "sip.user": { name: "comm.nics.sipnic.username" },
  "sip.password": { name: "comm.nics.sipnic.password" },
  "sip.transport": { name: "comm.nics.sipnic.transportprotocol", encode: (v) => v.toUpperCase(), decode: (v) => v.toLowerCase() },
  "h323.enabled": { name: "comm.nics.h323nic.enable", ...bool },
  "h323.gatekeeper": { name: "comm.nics.h323nic.gatekeeperipaddress" },
  "h323.alias": { name: "comm.nics.h323nic.h323name" },
  "h323.e164": { name: "comm.nics.h323nic.h323extension" },
  "network.ipv4.mode": { name: "device.net.dhcp", encode: (v) => (v === "dhcp" ? "Client" : "Off"), decode: (v) => (v === "Client" ? "dhcp" : "static") },
  "network.ipv4.address": { name: "device.net.ipaddress" },
  "network.ipv4.mask": { name: "device.net.subnetmask" },
  "network.ipv4.gateway": { name: "device.net.defaultgateway" },
  "network.vlan": { name: "device.net.vlanid" },
  "qos.audioDscp": { name: "comm.qos.audio.dscp" },
  "qos.videoDscp": { name: "comm.qos.video.dscp" },
  "ntp.server": { name: "device.sntp.address" },
  "provisioning.enabled": { name: "provisionserver.enable", ...bool },
  "syslog.server": { name: "device.syslog.serveraddress" },
};
