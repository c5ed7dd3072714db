/**
 * The generic engine over the menu tables: the canonical form of entries,
 * reading a menu into it with one print, and the changes (add, set, remove,
 * move) that turn what the device holds into what the inventory says.
 */
import { RouterOsStateError } from "../client/errors";
import { fieldDefault, type MenuTable } from "../menus/menu-table";
import { MENU_TABLES } from "../menus/tables";
import type { Row, RouterOsTransport } from "../client/transport";
import { normalise } from "./normalise";

/** Fields of one entry in canonical form: normalised, device defaults left out (key fields always kept). */
export type Entry = Record<string, string>;

/** A menu's managed state: entries by key, and their order where order matters. */
export interface TableState {
  path: string;
  entries: Record<string, Entry>;
  order?: string[];
}

/** The key of the single entry of a singleton menu. */
export const SETTINGS_KEY = "settings";

export interface Problem {
  field: string;
  reason: string;
}

/**
 * An entry as the device holds it, for people to read: the canonical form
 * leaves out fields at their default, so a rule that accepts has no
 * `action`; here every field with a non-empty default is put back, in the
 * menu's field order (fields the table does not know come last).
 */
export function entryInFull(table: MenuTable, entry: Readonly<Record<string, string>>): Entry {
  const known = Object.entries(table.fields).flatMap(([name, field]): Array<[string, string]> => {
    const fallback = fieldDefault(field, entry);
    return entry[name] !== undefined ? [[name, entry[name]]] : fallback !== "" ? [[name, normalise(field.normalise, fallback)]] : [];
  });
  return Object.fromEntries([...known, ...Object.entries(entry).filter(([name]) => !(name in table.fields))]);
}

/** An entry of the menu at `path` in full (entryInFull); anything else, or an unknown menu, as it is. */
export function entryInFullAt(path: unknown, entry: unknown): unknown {
  const table = MENU_TABLES.find((t) => t.path === path);
  if (!table || typeof entry !== "object" || entry === null || Array.isArray(entry)) return entry;
  return entryInFull(table, entry as Record<string, string>);
}

/** The canonical form of an entry; problems for fields the table does not know. */
export function canonicalEntry(table: MenuTable, fields: Readonly<Record<string, string>>): { entry: Entry; problems: Problem[] } {
  const entry: Entry = {};
  const problems: Problem[] = [];
  for (const [name, raw] of Object.entries(fields)) {
    const spec = table.fields[name];
    if (!spec) {
      problems.push({ field: name, reason: `${table.path} has no managed property ${name}; known: ${Object.keys(table.fields).join(", ")}` });
      continue;
    }
    const value = normalise(spec.normalise, raw);
    if (value !== normalise(spec.normalise, fieldDefault(spec, fields)) || table.key.includes(name)) entry[name] = value;
  }
  return { entry, problems };
}

export function entryKey(table: MenuTable, entry: Readonly<Record<string, string>>): string {
  if (table.kind === "singleton") return SETTINGS_KEY;
  return table.key.map((k) => entry[k] ?? "").join(" ");
}

/** True for entries the device made itself or ships with: never owned, never removed. */
function unmanageable(row: Row): boolean {
  return row.dynamic === "true" || row.default === "true" || row.builtin === "true";
}

export interface Observed {
  state: TableState;
  /** `.id` of each entry by key. */
  ids: Record<string, string>;
}

/** Copies write-only fields (which a read cannot see) from a recorded state into an observed one. */
export function keepWriteOnly(table: MenuTable, observed: TableState, recorded: TableState | undefined): TableState {
  const writeOnly = Object.entries(table.fields).filter(([, f]) => f.writeOnly).map(([n]) => n);
  if (writeOnly.length === 0 || !recorded) return observed;
  const entries = Object.fromEntries(
    Object.entries(observed.entries).map(([key, entry]) => {
      const kept = Object.fromEntries(writeOnly.filter((n) => recorded.entries[key]?.[n] !== undefined).map((n) => [n, recorded.entries[key]![n]!]));
      return [key, { ...entry, ...kept }];
    }),
  );
  return { ...observed, entries };
}

/** Reads a menu with one print and puts it in canonical form. */
export async function readTable(transport: RouterOsTransport, table: MenuTable): Promise<Observed> {
  const rows = await transport.print(table.path);
  const entries: Record<string, Entry> = {};
  const ids: Record<string, string> = {};
  const order: string[] = [];
  for (const row of rows) {
    if (unmanageable(row)) continue;
    const known = Object.fromEntries(Object.entries(row).filter(([k]) => k in table.fields));
    const { entry } = canonicalEntry(table, known);
    const key = entryKey(table, entry);
    // Two entries with one key: keep the first; the second shows up as drift on the next read.
    if (key in entries) continue;
    entries[key] = entry;
    if (row[".id"]) ids[key] = row[".id"];
    order.push(key);
  }
  return { state: { path: table.path, entries, ...(table.ordered ? { order } : {}) }, ids };
}

export type Change =
  | { op: "add"; key: string; values: Entry }
  /** `unset`: properties the inventory no longer sets that have no default, cleared as RouterOS clears them (never sent as empty values). */
  | { op: "set"; key: string; values: Entry; unset: string[] }
  | { op: "remove"; key: string }
  | { op: "move"; keys: string[] };

/**
 * What makes `current` into `wanted`: changed values, device values reset to
 * their defaults, and properties with no default unset. Write-only fields
 * (passwords) are compared with `written`, what was last written, since the
 * device never shows them.
 */
function fieldChanges(table: MenuTable, observed: Entry, wanted: Entry, written: Entry = {}): { values: Entry; unset: string[] } {
  const current: Entry = { ...observed };
  for (const [name, field] of Object.entries(table.fields)) if (field.writeOnly && written[name] !== undefined) current[name] = written[name];
  const values: Entry = {};
  const unset: string[] = [];
  for (const [name, value] of Object.entries(wanted)) if (current[name] !== value) values[name] = value;
  for (const name of Object.keys(current)) {
    if (name in wanted) continue;
    const field = table.fields[name]!;
    const fallback = fieldDefault(field, { ...observed, ...wanted });
    if (fallback === "") unset.push(name);
    else values[name] = normalise(field.normalise, fallback);
  }
  return { values, unset };
}

/**
 * The changes from `observed` to `desired`, in the order to apply them:
 * removals first (so a re-used key or address is free), then sets, adds,
 * and one move to restore the order of an ordered menu.
 */
export function planChanges(table: MenuTable, desired: TableState, observed: TableState, written?: TableState): Change[] {
  const changes: Change[] = [];
  if (table.ownership === "owned" && table.kind === "list") {
    for (const key of Object.keys(observed.entries)) if (!(key in desired.entries)) changes.push({ op: "remove", key });
  }
  const wantedOrder = desired.order ?? Object.keys(desired.entries);
  // Adds go in the wanted order: in an ordered menu they land at the end in that order.
  for (const key of table.ordered ? wantedOrder : Object.keys(desired.entries)) {
    const wanted = desired.entries[key]!;
    const current = observed.entries[key];
    if (current === undefined) {
      if (table.kind === "list") changes.push({ op: "add", key, values: wanted });
      else changes.push({ op: "set", key, ...fieldChanges(table, {}, wanted) });
      continue;
    }
    const { values, unset } = fieldChanges(table, current, wanted, written?.entries[key]);
    if (Object.keys(values).length > 0 || unset.length > 0) changes.push({ op: "set", key, values, unset });
  }
  if (table.ordered) {
    const kept = (observed.order ?? []).filter((k) => k in desired.entries);
    const after = [...kept, ...wantedOrder.filter((k) => !kept.includes(k))];
    if (after.join("\u0000") !== wantedOrder.join("\u0000")) changes.push({ op: "move", keys: wantedOrder });
  }
  return changes;
}

/** Applies changes; `ids` is updated as entries are added and removed. */
export async function applyChanges(transport: RouterOsTransport, table: MenuTable, changes: readonly Change[], ids: Record<string, string>): Promise<void> {
  for (const change of changes) {
    switch (change.op) {
      case "remove":
        await transport.remove(table.path, ids[change.key]!);
        delete ids[change.key];
        break;
      case "add":
        ids[change.key] = await transport.add(table.path, change.values);
        break;
      case "set": {
        const id = table.kind === "singleton" ? undefined : ids[change.key];
        if (table.kind !== "singleton" && id === undefined) throw new RouterOsStateError(`${table.path}: no entry ${change.key} on the device to change (changed meanwhile? run up again)`);
        if (Object.keys(change.values).length > 0) await transport.set(table.path, id, change.values);
        if (change.unset.length > 0) await transport.unset(table.path, id, change.unset);
        break;
      }
      case "move":
        await transport.move(table.path, change.keys.map((k) => ids[k]!));
        break;
    }
  }
}
