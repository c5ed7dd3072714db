/**
 * The resolved inventory: province defaults applied once, every value typed
 * and final. Later stages (plan, checks, device layers) read only this.
 */
import type { Commune, Destination, Dhcp, Endpoint, Settings, Switch } from "../schema/schema-types.generated";

/** Settings after merging a commune's overrides onto the province defaults. */
export type ResolvedSettings = Required<Pick<Settings, "timezone" | "dns" | "ntp" | "syslog">> & {
  router: { api: { transport: "api-ssl" | "api" | "rest"; port: number }; credentials: { username: string; passwordSecret: string } };
  switch: { credentials: { username: string; passwordSecret: string }; enableSecret?: string };
  endpoint: { credentials: { username: string; passwordSecret: string }; sipPasswordSecret?: string };
  dedicatedLine: { bandwidthMbps: number };
};

export interface ZoneModel {
  name: string;
  vlan: number;
  label: string;
  ipv4Pool: string;
  ipv4PrefixLength: number;
  ipv6SubnetId: number;
  dhcp?: Required<Dhcp>;
  dscp?: number;
}

export interface FlowModel {
  from: string;
  to: string[];
  description?: string;
}

export interface ProvinceModel {
  file: string;
  code: string;
  name: string;
  /** Zones in the order the province file declares them. */
  zones: ZoneModel[];
  ipv6Pool: string;
  communeIpv6PrefixLength: number;
  mcu: {
    sip?: { registrar: string; proxy: string; domain: string; transport: "udp" | "tcp" | "tls" };
    h323?: { gatekeeper: string };
  };
  destinations: Array<Destination & { name: string; via: "dedicated" | "internet" }>;
  flows: FlowModel[];
  defaults: ResolvedSettings;
}

export interface CommuneModel {
  file: string;
  code: string;
  name: string;
  kind: Commune["kind"];
  mergedFrom: string[];
  index: number;
  synthetic: boolean;
  zoneOverrides: Record<string, { ipv4?: string; ipv6?: string }>;
  /** `dedicated.bandwidthMbps` resolved; `bandwidthDefaulted` when it came from the settings, not the commune's uplink. */
  uplinks: Commune["uplinks"] & { dedicated: { bandwidthMbps: number; bandwidthDefaulted: boolean } };
  /** `trunk` resolved (default DEFAULT_ROUTER_TRUNK, ether3); `trunkDefaulted` when the file does not give it. */
  router: Commune["router"] & { trunk: string; trunkDefaulted: boolean };
  switches: Array<Switch & { dialect: "ios" }>;
  endpoints: Array<Endpoint & { zone: string }>;
  reservations: NonNullable<Commune["reservations"]>;
  settings: ResolvedSettings;
}
