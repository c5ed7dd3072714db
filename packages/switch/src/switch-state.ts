/**
 * An access switch's managed configuration, the same whatever the dialect:
 * what the inventory wants and what a read finds are both in this form, so
 * one comparison shows drift and one plan fixes it.
 */
export interface PortConfig {
  /** `dynamic` is how IOS leaves a port nobody configured (DTP negotiation); intents never ask for it. */
  mode: "access" | "trunk" | "dynamic";
  /** Access ports: the zone's VLAN. */
  accessVlan?: number;
  /** Trunks: the VLANs carried, as a list like `10,20,30-32`. */
  trunkAllowed?: string;
  nativeVlan?: number;
  description?: string;
  shutdown: boolean;
  portfast: boolean;
}

/** Where a switch keeps its VLANs: `transparent` and `off` in the running configuration; `server` and `client` in vlan.dat only. */
export type VtpMode = "server" | "client" | "transparent" | "off";

export interface SwitchState {
  hostname: string;
  /**
   * Intents ask for `transparent`: the VLANs are then in the configuration
   * (saved, backed up, audited with it) and no VTP update from another
   * switch can replace them. A running configuration without a `vtp mode`
   * line reads as `server` (a client looks the same there).
   */
  vtpMode: VtpMode;
  /** VLAN ID → name. VLAN 1 and 1002-1005 are the device's and never listed. */
  vlans: Record<string, string>;
  /** Managed ports by full interface name. */
  ports: Record<string, PortConfig>;
  management: { vlan: number; address: string; mask: string };
  defaultGateway: string;
  /** How the vty lines may be reached. */
  vtyTransport: "ssh" | "telnet" | "all" | "none";
  /**
   * The syslog servers (IPv4, UDP port 514) the switch sends its messages
   * to: its `logging host` lines, as a set. Absent in states recorded before
   * the project managed them: the switch's logging is then left alone.
   */
  loggingHosts?: string[];
  /**
   * Not configuration but how the provider talks to the switch: the SHA-1
   * SSH algorithms its model family needs, offered after the modern ones
   * (ios/ssh-families.ts). Absent: modern algorithms only.
   */
  sshLegacyAlgorithms?: string[];
}

export const RESERVED_VLANS = new Set([1, 1002, 1003, 1004, 1005]);

/**
 * What a switch is left with when its stack lets it go: every managed port
 * back to a plain access port in VLAN 1, the VLANs removed; the management
 * address, gateway and vty lines stay, so the switch remains reachable.
 */
export function releasedState(state: SwitchState): SwitchState {
  return {
    ...state,
    vlans: {},
    ports: Object.fromEntries(Object.keys(state.ports).map((p) => [p, { mode: "access" as const, accessVlan: 1, shutdown: false, portfast: false }])),
  };
}
