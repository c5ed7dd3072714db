/**
 * `@communes/routeros/model`: what a RouterOS router holds, as data, without
 * any client, transport or SSH code: the menu tables, the canonical form of
 * their entries, the router's services. The intent, its inverse and the
 * verifier import this; the drivers import the whole package.
 */
export * from "./menus/menu-table";
export * from "./menus/tables";
export * from "./menus/services";
export * from "./engine/normalise";
export { SETTINGS_KEY, canonicalEntry, entryKey, entryInFull, type Entry, type TableState } from "./engine/table-engine";
