/**
 * The settings of a commune stack (the Pulumi stack configuration of
 * `stacks/commune`): their names, and how a device's "reach" (how to get to
 * it when not at its planned address: a lab, a tunnel) is written in them.
 * The one place these are defined: the stack program reads them, the lab,
 * `communes stack init` and `communes adopt` write them, other commands read
 * them back. No Pulumi module is loaded here (the lab imports it).
 */

/** How to reach a device when not at its planned address (a lab, a tunnel). */
export interface RouterReach {
  host?: string;
  port?: number;
  transport?: "api" | "api-ssl" | "rest";
  tlsFingerprint?: string;
  /** SSH, for the configuration export before a change. Default port: 22. */
  sshPort?: number;
  sshHostKeyFingerprint?: string;
}
export interface SwitchReach {
  host?: string;
  port?: number;
  hostKeyFingerprint?: string;
}
export interface EndpointReach {
  host?: string;
  port?: number;
  tlsFingerprint?: string;
}

/** The setting names, by what they hold. */
export const STACK_SETTING = {
  /** The commune's inventory file, relative to the project directory. */
  inventory: "inventory",
  routerHost: "routerHost",
  routerPort: "routerPort",
  routerTransport: "routerTransport",
  routerTlsFingerprint: "routerTlsFingerprint",
  routerSshPort: "routerSshPort",
  routerSshHostKeyFingerprint: "routerSshHostKeyFingerprint",
  /** Per switch host name: a SwitchReach, as JSON. */
  switchEndpoints: "switchEndpoints",
  /** Per endpoint system name: an EndpointReach, as JSON. */
  endpointEndpoints: "endpointEndpoints",
  endpointRegistrationCheck: "endpointRegistrationCheck",
  endpointRegistrationTimeoutMs: "endpointRegistrationTimeoutMs",
  /** The address the stack reaches the router from, as the router sees it. */
  operatorAddress: "operatorAddress",
  /** True for the first operation of an office configured by hand (`communes adopt`). */
  adopt: "adopt",
} as const;

/** Stack settings as written to a stack: by name, a value and whether it is a secret. */
export type StackConfig = Record<string, { value: string; secret?: boolean }>;

/** The settings that say how the stack reaches its devices. */
export function reachSettings(reach: { router: RouterReach; switches: Record<string, SwitchReach>; endpoints: Record<string, EndpointReach> }): StackConfig {
  const r = reach.router;
  const plain = (key: string, value: string | number | undefined) => (value === undefined ? {} : { [key]: { value: String(value) } });
  return {
    ...plain(STACK_SETTING.routerHost, r.host),
    ...plain(STACK_SETTING.routerPort, r.port),
    ...plain(STACK_SETTING.routerTransport, r.transport),
    ...plain(STACK_SETTING.routerTlsFingerprint, r.tlsFingerprint),
    ...plain(STACK_SETTING.routerSshPort, r.sshPort),
    ...plain(STACK_SETTING.routerSshHostKeyFingerprint, r.sshHostKeyFingerprint),
    [STACK_SETTING.switchEndpoints]: { value: JSON.stringify(reach.switches) },
    [STACK_SETTING.endpointEndpoints]: { value: JSON.stringify(reach.endpoints) },
  };
}
