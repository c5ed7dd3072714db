/** The videoconference endpoints back from their settings: zone and address from the static address, SIP and H.323 identities. */
import { contains, formatAddress, parseAddress, type Commune } from "@communes/inventory";
import { hostNumber } from "./host-number";
import type { EndpointReading } from "./reading";
import type { LiveZone } from "./zones";

export function endpointOf(live: EndpointReading, zones: LiveZone[], problems: string[]): Commune["endpoints"][number] | undefined {
  const s = live.settings;
  const { access } = live;
  if (!s.systemName) {
    problems.push(`endpoint ${access.host} systemName: the endpoint has no system name`);
    return undefined;
  }
  let zone = "meeting_room";
  let address: Commune["endpoints"][number]["address"] = "dhcp";
  if (s["network.ipv4.mode"] !== "dhcp" && s["network.ipv4.address"]) {
    const a = parseAddress(s["network.ipv4.address"], 4);
    const home = a.ok ? zones.find((z) => z.ipv4 && contains(z.ipv4.prefix, a.value)) : undefined;
    if (a.ok && home?.ipv4) {
      zone = home.zone.name;
      const n = hostNumber(home.ipv4.prefix, a.value);
      address = n !== undefined ? { host: n } : { address: formatAddress(a.value) };
    } else if (a.ok) address = { address: formatAddress(a.value) };
  }
  const sipOn = s["sip.enabled"] === "true";
  const user = s["sip.authUser"] || s["sip.uri"]?.split("@")[0];
  return {
    systemName: s.systemName,
    room: access.room,
    vendor: access.vendor,
    model: access.model,
    ...(zone !== "meeting_room" ? { zone } : {}),
    address,
    ...(sipOn && user ? { sip: { user } } : {}),
    ...(s["h323.enabled"] === "true" ? { h323: { ...(s["h323.alias"] ? { alias: s["h323.alias"] } : {}), ...(s["h323.e164"] ? { e164: s["h323.e164"] } : {}) } } : {}),
    tlsFingerprint: access.tlsFingerprint,
  };
}
