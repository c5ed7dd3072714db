/**
 * What the inventory configures on a meeting-room endpoint, whatever its
 * make: a flat map of setting names to string values. Each API family maps
 * these names to its own parameters (poly/parameters.ts, cisco/parameters.ts).
 */
export const SETTINGS = [
  "systemName",
  "sip.enabled",
  "sip.registrar",
  "sip.proxy",
  "sip.user",
  "sip.password",
  "sip.transport",
  "h323.enabled",
  "h323.gatekeeper",
  "h323.alias",
  "h323.e164",
  "network.ipv4.mode",
  "network.ipv4.address",
  "network.ipv4.mask",
  "network.ipv4.gateway",
  "network.vlan",
  "qos.audioDscp",
  "qos.videoDscp",
  "ntp.server",
  "provisioning.enabled",
  "syslog.server",
] as const;

export type SettingName = (typeof SETTINGS)[number];

/** Settings as the inventory wants them; absent settings are not managed. */
export type EndpointSettings = Partial<Record<SettingName, string>>;

/** Settings that can be written but never read back (the device hides them). */
export const WRITE_ONLY: ReadonlySet<SettingName> = new Set(["sip.password"]);

export interface RegistrationStatus {
  protocol: "sip" | "h323";
  registered: boolean;
  /** The device's own words, e.g. "Registered" or "Failed: 401 Unauthorized". */
  text: string;
}

/** One endpoint, whatever its make. */
export interface EndpointDriver {
  /** Current values of the named settings (write-only ones omitted). */
  read(names: readonly SettingName[]): Promise<EndpointSettings>;
  /** Writes the settings; true when the device says a reboot is needed to apply them. */
  write(settings: EndpointSettings): Promise<{ rebootNeeded: boolean }>;
  reboot(): Promise<void>;
  registration(): Promise<RegistrationStatus[]>;
  close(): Promise<void>;
}
