/**
 * What the provider knows about each RouterOS menu it manages, as data (the
 * community.routeros model): the path, what identifies an entry, the settable
 * fields with the defaults the device fills in and how their values compare,
 * whether order matters, who owns the entries, when the menu is applied and
 * what a change of it puts at risk. One generic engine
 * (engine/table-engine.ts) reads, compares and applies every menu.
 */

/** How values of a field compare: RouterOS accepts several spellings of one value. */
export type Normaliser =
  /** yes/true, no/false → true/false */
  | "bool"
  /** 10M, 10000k, 10000000 → 10000000 */
  | "bits"
  /** 1d, 24h, 1d00:00:00 → seconds */
  | "duration"
  /** a,b and b,a are the same set */
  | "set"
  /** compared as written */
  | "text";

export interface MenuField {
  /** What the device holds when nobody set the field; "" when it is empty. */
  default: string;
  /** When the default differs per entry (each service its own port): the default for an entry, from its key fields. */
  defaultFor?: (entry: Readonly<Record<string, string>>) => string;
  normalise?: Normaliser;
  /** Accepted but never printed (passwords): compared with what was last written, not with the device. */
  writeOnly?: boolean;
}

export interface MenuTable {
  path: string;
  /**
   * list: entries added and removed; singleton: one object (identity, dns);
   * fixed: entries that exist on every device and can only be changed (services).
   */
  kind: "list" | "singleton" | "fixed";
  /** Fields whose values together identify an entry (not `.id`, which differs per device). */
  key: readonly string[];
  /** Entries form a sequence evaluated in order (firewall rules): order is part of the state. */
  ordered?: boolean;
  /**
   * owned: entries the inventory does not declare are drift and are removed;
   * merge: they are left alone. Dynamic and built-in entries are never touched.
   */
  ownership: "owned" | "merge";
  /** The fields the provider manages, with the device's defaults. */
  fields: Readonly<Record<string, MenuField>>;
  /**
   * When the menu is applied, from 1: a menu refers only to what menus of
   * earlier stages create (a bridge port to its bridge, an address to its
   * VLAN interface, a route to its gateway's address). Menus of one stage
   * are applied in parallel.
   */
  stage: number;
  /** What a change of this menu puts at risk, for reviewers (the preview report's flags); none for the rest. */
  risk?: MenuRisk;
}

/**
 * management: who can reach and log in to the router; uplinks: the office's
 * lines (routes, WAN clients, shaping); firewall: what reaches the office
 * and the router.
 */
export type MenuRisk = "management" | "uplinks" | "firewall";

/** The default of a field for one entry: its own (`defaultFor`) where the menu gives each entry one, else the field's. */
export function fieldDefault(field: MenuField, entry: Readonly<Record<string, string>>): string {
  return field.defaultFor?.(entry) ?? field.default;
}
