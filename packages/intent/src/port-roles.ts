/**
 * The inventory's switch port roles and the IOS port configuration each one
 * is, with the inverse: the intent configures ports from it, adopt reads a
 * port's role back with it, the preview report's risk flags name a port's
 * role with it. The one place a role's configuration is written.
 */
import type { PortConfig } from "@communes/switch/model";

export type PortRole = "access" | "trunk" | "unused";

export interface PortRoleArgs {
  /** Access ports: the zone's VLAN. */
  accessVlan?: number;
  /** Trunks: every zone's VLAN, as a list like `10,20,30-32`. */
  allZones: string;
}

/** What each role is on the switch: an access port of its zone (portfast), a trunk of every zone (native VLAN 1), or a shut port in VLAN 1. */
export const PORT_ROLES: Readonly<Record<PortRole, (args: PortRoleArgs) => PortConfig>> = {
  access: ({ accessVlan }) => ({ mode: "access", accessVlan: accessVlan!, shutdown: false, portfast: true }),
  trunk: ({ allZones }) => ({ mode: "trunk", trunkAllowed: allZones, nativeVlan: 1, shutdown: false, portfast: false }),
  unused: () => ({ mode: "access", accessVlan: 1, shutdown: true, portfast: false }),
};

/** The role a port on the switch plays; undefined for a port no role describes (IOS's unconfigured `dynamic` port). */
export function roleOfPort(port: Pick<PortConfig, "mode" | "shutdown">): PortRole | undefined {
  if (port.mode === "trunk") return "trunk";
  if (port.shutdown) return "unused";
  return port.mode === "access" ? "access" : undefined;
}
