/**
 * The Cisco RoomOS xAPI configuration path behind each managed setting, and
 * how values are written there. The one place xAPI paths appear. RoomOS
 * registers SIP through its proxy, so it has no separate registrar setting.
 */
import type { SettingName } from "../endpoint-settings";

export interface CiscoParameter {
  /** Path under /Configuration, numbered items as numbers: SIP/Proxy/1/Address. */
  path: string;
  encode?: (value: string) => string;
  decode?: (value: string) => string;
}

const onOff = { encode: (v: string) => (v === "true" ? "On" : "Off"), decode: (v: string) => String(v === "On") };

export const CISCO_PARAMETERS: Readonly<Partial<Record<SettingName, CiscoParameter>>> = {
  systemName: { path: "SystemUnit/Name" },
  "sip.proxy": { path: "SIP/Proxy/1/Address" },
  "sip.user": { path: "SIP/URI" },
  "sip.password": { path: "SIP/Authentication/Password" },
  "sip.transport": { path: "SIP/DefaultTransport", encode: (v) => ({ tls: "Tls", tcp: "TCP", udp: "UDP" })[v] ?? "Auto", decode: (v) => v.toLowerCase() },
  "h323.enabled": { path: "H323/Mode", ...onOff },
  "h323.gatekeeper": { path: "H323/Gatekeeper/Address" },
  "h323.alias": { path: "H323/H323Alias/ID" },
  "h323.e164": { path: "H323/H323Alias/E164" },
  "network.ipv4.mode": { path: "Network/1/IPv4/Assignment", encode: (v) => (v === "dhcp" ? "DHCP" : "Static"), decode: (v) => v.toLowerCase() },
  "network.ipv4.address": { path: "Network/1/IPv4/Address" },
  "network.ipv4.mask": { path: "Network/1/IPv4/SubnetMask" },
  "network.ipv4.gateway": { path: "Network/1/IPv4/Gateway" },
  "network.vlan": { path: "Network/1/VLAN/Voice/VlanId" },
  "qos.audioDscp": { path: "Network/1/QoS/Diffserv/Audio" },
  "qos.videoDscp": { path: "Network/1/QoS/Diffserv/Video" },
  "ntp.server": { path: "NetworkServices/NTP/Server/1/Address" },
  "provisioning.enabled": { path: "Provisioning/Mode", encode: (v) => (v === "true" ? "Auto" : "Off"), decode: (v) => String(v !== "Off") },
  "syslog.server": { path: "Logging/External/Server/1/Address" },
};
