/** `communes:routeros:Table`: what a program passes (entries as a list), and the state it is checked into (TableState, @communes/routeros: entries by key). */
import type { Entry, TableState } from "@communes/routeros";
import { object, optional, required } from "./object-shape";
import { list, map, readShape, string, type Reading } from "./shape";
import type { ResourceShapes } from "./resource-shapes";

/** A table's inputs as a program writes them. */
export interface TableArgs {
  path: string;
  entries: Entry[];
}

const PATH = "The menu, e.g. `/ip/address`. Changing it replaces the resource.";
const entry = map(string());

const TABLE_STATE = object<TableState>({
  path: required(string(), PATH),
  entries: required(map(entry), "The entries as the router holds them, canonical and keyed by what identifies them. Owned: entries on the router and not here are drift."),
  order: optional(list(string()), "In an ordered menu (firewall), the entries' keys in order."),
});

export const TABLE_SHAPES: ResourceShapes<TableArgs, TableState> = {
  description: "One RouterOS menu of one router, owned as a whole: its entries, compared property by property.",
  inputs: object<TableArgs>({
    path: required(string(), PATH),
    entries: required(list(entry), "Every entry the menu should hold, as RouterOS property names and values; in an ordered menu the list order is the rule order."),
  }),
  state: TABLE_STATE,
};

/** A table's recorded state or checked inputs (a preview's before and after), checked. */
export function readTableState(value: unknown): Reading<TableState> {
  return readShape(TABLE_STATE, value);
}
