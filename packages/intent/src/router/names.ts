/**
 * Every name the router intent gives to what it creates, with its inverse:
 * adopt's reconstruction and the preview report's risk flags read names
 * back through these functions, never through patterns of their own.
 * Names on the device are a contract: renaming one replaces the entry.
 */

/** The bridge that carries the zones to the switches. */
export const BRIDGE = "bridge";

/** The PPPoE client's interface, when the Internet line is PPPoE. */
export const PPPOE_INTERFACE = "pppoe-out1";

/** The queue that shapes the dedicated line to its committed rate; the videoconference queues hang under it. */
export const DEDICATED_QUEUE = "dedicated";

/** The interface lists: the office's zones, both uplinks. */
export const LAN_LIST = "LAN";
export const WAN_LIST = "WAN";

/** Every name the intent gives is prefixed so (comments, address lists): what carries it is the stack's. */
const PREFIX = "communes";

const dashed = (zone: string) => zone.replace(/_/g, "-");
const undashed = (name: string) => name.replace(/-/g, "_");

/** `vlan20-staff`: the VLAN interface of a zone. */
export function zoneInterface(zone: { vlan: number; zone: string }): string {
  return `vlan${zone.vlan}-${dashed(zone.zone)}`;
}

/** The zone and VLAN a VLAN interface's name stands for; undefined for any other name. */
export function parseZoneInterface(name: string): { vlan: number; zone: string } | undefined {
  const m = /^vlan(\d+)-([a-z0-9-]+)$/.exec(name);
  return m ? { vlan: Number(m[1]), zone: undashed(m[2]!) } : undefined;
}

/** `dhcp-citizen-wifi`: a zone's DHCP server and its address pool. */
export function dhcpName(zone: string): string {
  return `dhcp-${dashed(zone)}`;
}

/** The zone a DHCP server's or pool's name stands for. */
export function zoneOfDhcpName(name: string): string | undefined {
  return name.startsWith("dhcp-") ? undashed(name.slice("dhcp-".length)) : undefined;
}

/** `communes-noc`: the address list of a destination (or `managers`, `destinations`). */
export function addressList(name: string): string {
  return `${PREFIX}-${dashed(name)}`;
}

/** The destination an address list's name stands for. */
export function listName(list: string): string | undefined {
  return list.startsWith(`${PREFIX}-`) ? undashed(list.slice(PREFIX.length + 1)) : undefined;
}

/** The address list of every managing source (the management zone, the NOC). */
export const MANAGERS_LIST = addressList("managers");
/** The address list of every destination of the province together. */
export const DESTINATIONS_LIST = addressList("destinations");

/** `communes: drop invalid`: the comment of an entry the stack owns. */
export function ownComment(text: string): string {
  return `${PREFIX}: ${text}`;
}

/** A firewall or mangle rule the stack owns: its fields, keyed by its own comment. */
export function ownRule(comment: string, fields: Record<string, string>): Record<string, string> {
  return { ...fields, comment: ownComment(comment) };
}

/** What an owned entry's comment says; undefined for a comment the stack did not write. */
export function ownCommentText(comment: string): string | undefined {
  return comment.startsWith(`${PREFIX}: `) ? comment.slice(PREFIX.length + 2) : undefined;
}

/** The packet marks of the videoconference classes on the dedicated line (and their queues' names). */
export const VC_MARKS = { ef: "vc-ef", af41: "vc-af41" } as const;

/** A VLAN's name on the switches: the zone's, dashed (`meeting-room`). */
export function switchVlanName(zone: string): string {
  return dashed(zone);
}

/** The zone a switch VLAN's name stands for. */
export function zoneOfSwitchVlan(name: string): string {
  return undashed(name);
}

/** `soc1`: the logging action of the n-th (from 1) syslog collector. */
export function syslogAction(n: number): string {
  return `soc${n}`;
}
