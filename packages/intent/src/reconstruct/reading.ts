/**
 * What the inverse of the intent reads: what an office's devices hold, in
 * the device models' own forms (the RouterOS menus' canonical form, a
 * switch's parsed running configuration, an endpoint's settings), and how
 * each device was reached (the pins written back to the inventory). No
 * credentials: a reading holds none.
 */
import type { ApiTransport, Entry, TableState } from "@communes/routeros/model";
import type { IosConfig } from "@communes/switch/model";
import type { EndpointSettings } from "@communes/endpoint/model";

export interface RouterReading {
  tables: Record<string, TableState>;
  access: { transport: ApiTransport; tlsFingerprint?: string; hostKey?: string };
}

export interface SwitchReading {
  config: IosConfig;
  access: { host: string; hostKey: string; model?: string };
}

export interface EndpointReading {
  settings: EndpointSettings;
  access: { host: string; vendor: "poly" | "cisco"; model: string; room: string; tlsFingerprint: string };
}

export interface OfficeReading {
  router: RouterReading;
  switches: readonly SwitchReading[];
  endpoints: readonly EndpointReading[];
}

/** The entries of a list menu as read. */
export function entries(tables: Record<string, TableState>, path: string): Entry[] {
  return Object.values(tables[path]?.entries ?? {});
}

/** The one entry of a singleton menu as read. */
export function settingsOf(tables: Record<string, TableState>, path: string): Entry {
  return tables[path]?.entries.settings ?? {};
}
