/**
 * The Cisco RoomOS xAPI configuration path behind each managed setting,
 * with its value space and sources (ids of the sources table in
 * docs/videoconference.md). The one place xAPI paths appear. The paths and
 * value spaces are those of Cisco's published schemas, the same in CE 9.15,
 * RoomOS 10.19, 11.14 and 26.4. RoomOS registers SIP through its proxy, so
 * it has no separate registrar or server-selection setting.
 */
import type { ParameterMap } from "../vendor-parameter";

const onOff = { true: "On", false: "Off" };
const SCHEMA = ["CS1"];

export const CISCO_PARAMETERS: ParameterMap = {
  systemName: { name: "SystemUnit/Name", sources: SCHEMA },
  "sip.enabled": { name: "NetworkServices/SIP/Mode", values: onOff, sources: SCHEMA },
  "sip.proxy": { name: "SIP/Proxy/1/Address", sources: SCHEMA },
  "sip.uri": { name: "SIP/URI", sources: SCHEMA },
  "sip.authUser": { name: "SIP/Authentication/UserName", sources: SCHEMA },
  "sip.password": { name: "SIP/Authentication/Password", sources: SCHEMA },
  "sip.transport": { name: "SIP/DefaultTransport", values: { auto: "Auto", tls: "Tls", tcp: "TCP", udp: "UDP" }, sources: SCHEMA },
  "h323.enabled": { name: "NetworkServices/H323/Mode", values: onOff, sources: SCHEMA },
  "h323.gatekeeperSelection": { name: "H323/CallSetup/Mode", values: { manual: "Gatekeeper", off: "Direct" }, sources: SCHEMA },
  "h323.gatekeeper": { name: "H323/Gatekeeper/Address", sources: SCHEMA },
  "h323.alias": { name: "H323/H323Alias/ID", sources: SCHEMA },
  "h323.e164": { name: "H323/H323Alias/E164", sources: SCHEMA },
  "network.ipv4.mode": { name: "Network/1/IPv4/Assignment", values: { dhcp: "DHCP", static: "Static" }, sources: SCHEMA },
  "network.ipv4.address": { name: "Network/1/IPv4/Address", sources: SCHEMA },
  "network.ipv4.mask": { name: "Network/1/IPv4/SubnetMask", sources: SCHEMA },
  "network.ipv4.gateway": { name: "Network/1/IPv4/Gateway", sources: SCHEMA },
  "network.dns1": { name: "Network/1/DNS/Server/1/Address", sources: SCHEMA },
  "network.dns2": { name: "Network/1/DNS/Server/2/Address", sources: SCHEMA },
  "network.vlanTagging": { name: "Network/1/VLAN/Voice/Mode", values: { false: "Off" }, otherwise: "true", sources: SCHEMA },
  "qos.marking": { name: "Network/1/QoS/Mode", values: { diffserv: "Diffserv", off: "Off" }, sources: SCHEMA },
  "qos.audioDscp": { name: "Network/1/QoS/Diffserv/Audio", sources: SCHEMA },
  "qos.videoDscp": { name: "Network/1/QoS/Diffserv/Video", sources: SCHEMA },
  "ntp.mode": { name: "NetworkServices/NTP/Mode", values: { manual: "Manual", auto: "Auto", off: "Off" }, sources: SCHEMA },
  "ntp.server": { name: "NetworkServices/NTP/Server/1/Address", sources: SCHEMA },
  "provisioning.enabled": { name: "Provisioning/Mode", values: { false: "Off", true: "Auto" }, otherwise: "true", sources: SCHEMA },
  "syslog.enabled": { name: "Logging/External/Mode", values: onOff, sources: SCHEMA },
  "syslog.server": { name: "Logging/External/Server/Address", sources: SCHEMA },
  "syslog.transport": { name: "Logging/External/Protocol", values: { udp: "Syslog" }, sources: SCHEMA, unverified: "that Syslog is sent over UDP (the schema says Syslog or SyslogTLS); RoomOS has no syslog over plain TCP" },
};
