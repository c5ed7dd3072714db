/**
 * The Poly VideoOS REST parameter (`/rest/config`) behind each managed
 * setting, with its value space and sources (ids of the sources table in
 * docs/videoconference.md). The one place Poly parameter names appear.
 *
 * VideoOS keeps two name spaces: the REST names used here, inherited from
 * RealPresence Group Series, and the provisioning (.cfg) names of exports.
 * Three REST names are recorded from a VideoOS device; the others come from
 * a real Group Series export and clients that use them on Studio X.
 */
import type { ParameterMap } from "../vendor-parameter";

const bool = { true: "True", false: "False" };
const GROUP_NAME = "REST name from a Group Series 6.2 export; not recorded from a VideoOS device";

export const POLY_PARAMETERS: ParameterMap = {
  systemName: { name: "system.info.systemname", sources: ["PM2", "PM5"] },
  "sip.enabled": { name: "comm.callpreference.sipenable", values: bool, sources: ["PM2", "PM5"] },
  "sip.serverSelection": { name: "comm.nics.sipnic.sipconfigtype", values: { manual: "Specify", auto: "Auto" }, sources: ["PM5", "PM3"], unverified: GROUP_NAME },
  "sip.registrar": { name: "comm.nics.sipnic.sipregistrarserver", sources: ["PM5"], unverified: GROUP_NAME },
  "sip.proxy": { name: "comm.nics.sipnic.sipproxyserver", sources: ["PM5"], unverified: GROUP_NAME },
  "sip.uri": { name: "comm.nics.sipnic.sipusername", sources: ["PA1", "PM5"] },
  "sip.authUser": { name: "comm.nics.sipnic.sipaccountname", sources: ["PM5"], unverified: GROUP_NAME },
  "sip.password": { name: "comm.nics.sipnic.sippassword", sources: ["PM7"], unverified: "name from a Group Series map; write-only" },
  "sip.transport": { name: "comm.nics.sipnic.siptransportprotocol", values: { auto: "Auto", tls: "TLS", tcp: "TCP", udp: "UDP" }, sources: ["PM5", "PM4"], unverified: GROUP_NAME },
  "h323.enabled": { name: "comm.callpreference.iph323enable", values: bool, sources: ["PM5"], unverified: GROUP_NAME },
  "h323.gatekeeperSelection": { name: "comm.nics.h323nic.gatekeeper.gatekeeperenable", values: { manual: "Specify", auto: "Auto", off: "Off" }, sources: ["PM5", "PM4"], unverified: GROUP_NAME },
  "h323.gatekeeper": { name: "comm.nics.h323nic.gatekeeper.gkipaddress", sources: ["PM5", "PM6"], unverified: GROUP_NAME },
  "h323.alias": { name: "comm.nics.h323nic.h323name", sources: ["PA1"] },
  "h323.e164": { name: "comm.nics.h323nic.h323extension", sources: ["PA1"] },
  "network.ipv4.mode": { name: "system.network.wired.ipv4nic.mode", values: { dhcp: "Client", static: "Off" }, sources: ["PM5"], unverified: `${GROUP_NAME}; "Client" is recorded, the static value "Off" is not` },
  "network.ipv4.address": { name: "system.network.wired.ipv4nic.address", sources: ["PM2", "PM5"] },
  "network.ipv4.mask": { name: "system.network.wired.ipv4nic.subnetmask", sources: ["PM5"], unverified: GROUP_NAME },
  "network.ipv4.gateway": { name: "system.network.wired.ipv4nic.defaultgateway", sources: ["PM5"], unverified: GROUP_NAME },
  "network.dns1": { name: "system.network.dnsserver[0]", sources: ["PM5"], unverified: `${GROUP_NAME}; how REST addresses an indexed name is not recorded` },
  "network.dns2": { name: "system.network.dnsserver[1]", sources: ["PM5"], unverified: `${GROUP_NAME}; how REST addresses an indexed name is not recorded` },
  "network.vlanTagging": { name: "device.net.vlan.enable", values: bool, sources: ["PM3", "PM4"], unverified: "provisioning (.cfg) name; no REST name found" },
  "qos.marking": { name: "comm.qos.tosfield", values: { diffserv: "DiffServ", precedence: "IP_Precedence" }, sources: ["PM5", "PM4"], unverified: GROUP_NAME },
  "qos.audioDscp": { name: "comm.qos.diffservaudio", sources: ["PM7", "PM4"], unverified: "name from a Group Series CLI map" },
  "qos.videoDscp": { name: "comm.qos.diffservvideo", sources: ["PM7", "PM4"], unverified: "name from a Group Series CLI map" },
  "ntp.mode": { name: "time.timeserver.mode", values: { manual: "Manual", auto: "Auto", off: "Off" }, sources: ["PM5", "PM4"], unverified: GROUP_NAME },
  "ntp.server": { name: "time.timeserver.address[0]", sources: ["PM5"], unverified: `${GROUP_NAME}; how REST addresses an indexed name is not recorded` },
  "provisioning.enabled": { name: "management.provisioning.enabled", values: bool, sources: ["PM1", "PM2"] },
  "syslog.enabled": { name: "device.syslog.enable", values: bool, sources: ["PM3", "PM4"], unverified: "provisioning (.cfg) name; no REST name found" },
  "syslog.server": { name: "device.syslog.serverName", sources: ["PM3", "PM4"], unverified: "provisioning (.cfg) name; no REST name found" },
  "syslog.transport": { name: "device.syslog.transport", values: { udp: "UDP", tcp: "TCP" }, sources: ["PM3", "PM4"], unverified: "provisioning (.cfg) name; no REST name found" },
};
