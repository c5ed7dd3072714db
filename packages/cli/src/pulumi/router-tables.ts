/**
 * A router's menus as a stack holds them: the inputs of its
 * `communes:routeros:Table` resources (entries by key, in their order), as
 * rows the verifier reads (@communes/verify).
 */
import type { Row } from "@communes/verify";
import { parseUrn } from "./urn";
import { parseTableResourceName, TOKENS } from "@communes/provider/contract";

export interface RouterTable {
  path: string;
  entries: Row[];
}

/** A table's rows, in their order. A secret (the PPPoE password) reads as an object: no matcher uses it. */
export function tableRows(inputs: Record<string, unknown> | undefined): Row[] {
  const entries = (inputs?.entries ?? {}) as Record<string, Record<string, unknown>>;
  const keys = Array.isArray(inputs?.order) ? (inputs!.order as string[]) : Object.keys(entries);
  return keys.flatMap((k) => (entries[k] ? [Object.fromEntries(Object.entries(entries[k]!).map(([f, v]) => [f, typeof v === "string" ? v : ""]))] : []));
}

/** The menu of `router` a resource is, when it is one of its tables (`/ip/firewall/filter`). */
export function routerMenuOf(urn: string, router: string): string | undefined {
  const { type, name } = parseUrn(urn);
  if (type !== TOKENS.table) return undefined;
  const table = parseTableResourceName(name);
  return table.router === router ? table.path : undefined;
}
