/**
 * What the inventory configures on a meeting-room endpoint, whatever its
 * make: a flat map of setting names to string values. Each API family maps
 * these names to its own parameters (poly/parameters.ts, cisco/parameters.ts).
 */
export const SETTINGS = [
  "systemName",
  "sip.enabled",
  /** "manual": register with the servers given, not ones found by discovery. */
  "sip.serverSelection",
  "sip.registrar",
  "sip.proxy",
  /** The endpoint's SIP address, user@domain. */
  "sip.uri",
  /** The digest authentication user name. */
  "sip.authUser",
  "sip.password",
  "sip.transport",
  "h323.enabled",
  /** "manual": register with the gatekeeper given. */
  "h323.gatekeeperSelection",
  "h323.gatekeeper",
  "h323.alias",
  "h323.e164",
  "network.ipv4.mode",
  "network.ipv4.address",
  "network.ipv4.mask",
  "network.ipv4.gateway",
  "network.dns1",
  "network.dns2",
  /** "false": the endpoint sends untagged frames (its switch port is an access port of the zone). */
  "network.vlanTagging",
  /** "diffserv": packets are marked with the DSCP values below. */
  "qos.marking",
  "qos.audioDscp",
  "qos.videoDscp",
  /** "manual": the NTP server below, not one from DHCP. */
  "ntp.mode",
  "ntp.server",
  "provisioning.enabled",
  "syslog.enabled",
  "syslog.server",
  /** "udp" or "tcp". */
  "syslog.transport",
] as const;

export type SettingName = (typeof SETTINGS)[number];

/** Settings as the inventory wants them; absent settings are not managed. */
export type EndpointSettings = Partial<Record<SettingName, string>>;

/** Settings that can be written but never read back (the device hides them). */
export const WRITE_ONLY: ReadonlySet<SettingName> = new Set(["sip.password"]);

export interface RegistrationStatus {
  protocol: "sip" | "h323";
  registered: boolean;
  /** False when the device's status did not say (missing, or in an unknown shape): registration could not be confirmed. */
  confirmed: boolean;
  /** The device's own words, e.g. "system.status.sipserver: down" or "Failed: 401 Unauthorized". */
  text: string;
}

/** One endpoint, whatever its make. */
export interface EndpointDriver {
  /** Current values of the named settings (write-only ones omitted); a parameter the device does not have is an error. */
  read(names: readonly SettingName[]): Promise<EndpointSettings>;
  /** Writes the settings; true when the device says a reboot is needed to apply them. A refused parameter is an error naming it. */
  write(settings: EndpointSettings): Promise<{ rebootNeeded: boolean }>;
  reboot(): Promise<void>;
  /** The registration of each protocol asked for, in that order; unconfirmed when the device does not say. */
  registration(protocols: ReadonlyArray<"sip" | "h323">): Promise<RegistrationStatus[]>;
  close(): Promise<void>;
}
