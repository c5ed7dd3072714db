/**
 * Each meeting-room endpoint's settings, from the inventory and the
 * province's MCU: its name, SIP and/or H.323 registration, network in the
 * meeting-room zone, DSCP matching the router's videoconference classes
 * (EF for audio, AF41 for video), NTP, syslog, and no provisioning server
 * (the configuration is this project's). A setting that only takes effect
 * with another comes with it (DiffServ marking with the DSCP values, manual
 * NTP with its server, syslog switched on with its collector, registration
 * with the servers given rather than discovered); a static address comes
 * with the DNS server that resolves the registrar's name. The zone's router
 * is the endpoint's NTP server and resolver. Pure.
 */
import { formatAddress, type CommuneModel, type CommunePlan, type ProvinceModel } from "@communes/inventory";
import { parametersOf, type EndpointSettings, type SettingName } from "@communes/endpoint/model";
import { secretRef } from "./secret-ref";

export const DSCP_AUDIO = "46"; // EF
export const DSCP_VIDEO = "34"; // AF41

export interface EndpointIntent {
  systemName: string;
  vendor: "poly" | "cisco";
  /** The endpoint's address in the meeting-room zone, or undefined when it takes one by DHCP. */
  address?: string;
  tlsFingerprint?: string;
  settings: EndpointSettings;
}

function mask(length: number): string {
  const bits = length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0;
  return [24, 16, 8, 0].map((s) => (bits >>> s) & 255).join(".");
}

export function endpointIntents(province: ProvinceModel, commune: CommuneModel, plan: CommunePlan): EndpointIntent[] {
  const { sip, h323 } = province.mcu;
  const settings = commune.settings;
  return commune.endpoints.map((ep, i) => {
    const zone = plan.zones.find((z) => z.zone === ep.zone)!;
    const planned = plan.endpoints[i]!;
    const s: EndpointSettings = { systemName: ep.systemName, "provisioning.enabled": "false", "network.vlanTagging": "false", "qos.marking": "diffserv", "qos.audioDscp": DSCP_AUDIO, "qos.videoDscp": DSCP_VIDEO };
    // The router is the zone's time server and resolver (docs/decisions/0012).
    const router = formatAddress(zone.ipv4Gateway);
    Object.assign(s, { "ntp.mode": "manual", "ntp.server": router });
    if (settings.syslog[0]) Object.assign(s, { "syslog.enabled": "true", "syslog.server": settings.syslog[0].address, "syslog.transport": settings.syslog[0].protocol });
    if (sip && ep.sip) {
      Object.assign(s, {
        "sip.enabled": "true",
        "sip.serverSelection": "manual",
        "sip.registrar": sip.registrar,
        "sip.proxy": sip.proxy,
        "sip.uri": `${ep.sip.user}@${sip.domain}`,
        "sip.authUser": ep.sip.user,
        "sip.transport": sip.transport,
        ...(settings.endpoint.sipPasswordSecret ? { "sip.password": secretRef(settings.endpoint.sipPasswordSecret) } : {}),
      });
    }
    if (h323 && ep.h323) {
      Object.assign(s, { "h323.enabled": "true", "h323.gatekeeperSelection": "manual", "h323.gatekeeper": h323.gatekeeper, ...(ep.h323.alias ? { "h323.alias": ep.h323.alias } : {}), ...(ep.h323.e164 ? { "h323.e164": ep.h323.e164 } : {}) });
    }
    if (planned.address === "dhcp") s["network.ipv4.mode"] = "dhcp";
    else {
      Object.assign(s, {
        "network.ipv4.mode": "static",
        "network.ipv4.address": formatAddress(planned.address),
        "network.ipv4.mask": mask(zone.ipv4.length),
        "network.ipv4.gateway": formatAddress(zone.ipv4Gateway),
        "network.dns1": router,
      });
    }
    // Only what the endpoint's API family has (RoomOS registers through its proxy: no registrar, no server selection).
    const map = parametersOf(ep.vendor);
    const supported = Object.fromEntries(Object.entries(s).filter(([k]) => map[k as SettingName]));
    return {
      systemName: ep.systemName,
      vendor: ep.vendor,
      ...(planned.address === "dhcp" ? {} : { address: formatAddress(planned.address) }),
      ...(ep.tlsFingerprint ? { tlsFingerprint: ep.tlsFingerprint } : {}),
      settings: supported,
    };
  });
}
