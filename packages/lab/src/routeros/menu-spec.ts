/**
 * How the emulated RouterOS behaves, menu by menu, as data: property names
 * and defaults as RouterOS prints them, which properties are read-only,
 * which refer to other objects, what makes two entries the same. The engine
 * (menu.ts) reads these tables; nothing menu-specific lives in code.
 */

export type Value = string;

export interface FieldSpec {
  /** Filled in by the device when the client gives no value. */
  default?: Value;
  /** Printed but cannot be set ("readonly" in RouterOS terms). */
  readOnly?: boolean;
  /** Accepted on add/set, never printed (passwords). */
  writeOnly?: boolean;
  /** Must be given on add. */
  required?: boolean;
  /** The value must name an existing object: an interface, a bridge, a pool, a server… */
  ref?: "interface" | "bridge" | "pool" | "dhcp-server" | "logging-action" | "interface-list" | "queue-parent";
  /**
   * Accepted values (booleans accept yes/no/true/false and print true/false;
   * a protocol is a name RouterOS knows or a number 0-255). Only `text`
   * takes an empty value, and keeps it: every other kind refuses one.
   */
  kind?: "bool" | "int" | "address" | "prefix" | "address-or-prefix" | "text" | "bits" | "protocol";
  /** For int: inclusive range. */
  range?: [number, number];
  /** For enumerations. */
  values?: readonly string[];
}

export interface MenuSpec {
  /** API path, e.g. /interface/bridge/port. */
  path: string;
  fields: Record<string, FieldSpec>;
  /** One object, no ids: print returns it, set changes it (identity, dns, ntp client). */
  singleton?: boolean;
  /** Fixed entries the user can set but not add or remove (ip service). */
  fixed?: boolean;
  /** Printed only: every other command is "no such command" (system resource, routerboard, package). */
  printOnly?: boolean;
  /** Properties whose combination must be unique; the trap message when it is not. */
  unique?: Array<{ fields: string[]; message: string }>;
  /** Entries present on a new device. */
  initial?: Array<Record<string, Value>>;
  /** Creating an entry adds an interface of this type (bridge, vlan, pppoe-out). */
  createsInterface?: string;
}

export const BOOL_TRUE = new Set(["yes", "true"]);
export const BOOL_FALSE = new Set(["no", "false"]);
