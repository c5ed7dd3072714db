/** `communes:switch:IosSwitch`: its inputs and its state, one shape (SwitchState, @communes/switch). */
import type { PortConfig, SwitchState } from "@communes/switch";
import { objectType, object, optional, required } from "./object-shape";
import { boolean, integer, list, map, oneOf, readShape, string, type Reading } from "./shape";
import type { ResourceShapes } from "./resource-shapes";

const port = objectType<PortConfig>("communes:switch:PortConfig", "A managed port's configuration.", {
  mode: required(oneOf("communes:switch:PortMode", "`dynamic` is how IOS leaves a port nobody configured (DTP); intents never ask for it.", ["access", "trunk", "dynamic"]), "access, trunk or dynamic"),
  accessVlan: optional(integer(), "Access ports: the zone's VLAN."),
  trunkAllowed: optional(string(), "Trunks: the VLANs carried, as a list like `10,20,30-32`."),
  nativeVlan: optional(integer(), "Trunks: the untagged VLAN."),
  description: optional(string(), "The port's description."),
  shutdown: required(boolean(), "Whether the port is shut down."),
  portfast: required(boolean(), "Whether spanning-tree portfast is on."),
});

const management = objectType<SwitchState["management"]>("communes:switch:Management", "The switch's management interface.", {
  vlan: required(integer(), "The management VLAN (its SVI)."),
  address: required(string(), "IPv4 address of the SVI."),
  mask: required(string(), "Its dotted netmask."),
});

const SWITCH_STATE = object<SwitchState>({
  hostname: required(string(), "The switch's host name (the resource's ID)."),
  vtpMode: required(oneOf("communes:switch:VtpMode", "Where the switch keeps its VLANs: `transparent` and `off` in the running configuration, `server` and `client` in vlan.dat.", ["server", "client", "transparent", "off"]), "Intents ask for `transparent`; absent in states recorded before it was managed, and read as `server`, as IOS does.", { absent: "server" }),
  vlans: required(map(string()), "VLAN ID → name; VLAN 1 and 1002-1005 are the device's and never listed. Owned: VLANs added by hand are drift."),
  ports: required(map(port), "Managed ports by full interface name."),
  management: required(management, "The management SVI."),
  defaultGateway: required(string(), "IPv4 default gateway."),
  vtyTransport: required(oneOf("communes:switch:VtyTransport", "How the vty lines may be reached.", ["ssh", "telnet", "all", "none"]), "How the vty lines may be reached."),
  loggingHosts: optional(list(string()), "Syslog servers (IPv4, UDP 514), as a set. Absent: the switch's logging is left alone."),
  sshLegacyAlgorithms: optional(list(string()), "The SHA-1 SSH algorithms the switch's model family needs, offered after the modern ones. Absent: modern ones only."),
});

export const SWITCH_SHAPES: ResourceShapes<SwitchState, SwitchState> = {
  description: "An access switch's VLANs, port roles, management address and vty lines, over SSH; saved only after every line was accepted.",
  inputs: SWITCH_STATE,
  state: SWITCH_STATE,
};

/** A switch's recorded state or inputs (a preview's before and after), checked. */
export function readSwitchState(value: unknown): Reading<SwitchState> {
  return readShape(SWITCH_STATE, value);
}
