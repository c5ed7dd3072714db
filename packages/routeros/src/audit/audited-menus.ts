/**
 * The menus no stack manages that an auditor must see — who may log in, with
 * which rights and keys, what runs by itself, which services listen — read
 * through the management API, since `/export` never lists users. A reading
 * keeps every entry's properties but the ones the router changes by itself
 * (`.id`, counters, last login), so two readings of an untouched router are
 * equal and a hand change shows as an entry added, removed or changed.
 */
import type { Row, RouterOsTransport } from "../client/transport";

export interface AuditedMenu {
  path: string;
  /** The property that names an entry in findings. */
  key: string;
  /** Properties the router changes by itself, left out of a reading. */
  volatile: readonly string[];
}

export const AUDITED_MENUS: readonly AuditedMenu[] = [
  { path: "/user", key: "name", volatile: ["last-logged-in"] },
  { path: "/user/group", key: "name", volatile: [] },
  { path: "/user/ssh-keys", key: "user", volatile: [] },
  { path: "/system/scheduler", key: "name", volatile: ["run-count", "next-run"] },
  { path: "/system/script", key: "name", volatile: ["run-count", "last-started"] },
  { path: "/ip/service", key: "name", volatile: [] },
];

/** Entries by menu, each as `name=value` words in the router's order of properties. */
export type AuditReading = Record<string, string[]>;

function entryLine(menu: AuditedMenu, row: Row): string {
  return Object.entries(row)
    .filter(([name]) => name !== ".id" && !menu.volatile.includes(name))
    .map(([name, value]) => `${name}=${/^[^\s"]+$/.test(value) ? value : JSON.stringify(value)}`)
    .join(" ");
}

export async function readAuditedMenus(transport: RouterOsTransport): Promise<AuditReading> {
  const reading: AuditReading = {};
  for (const menu of AUDITED_MENUS) reading[menu.path] = (await transport.print(menu.path)).map((row) => entryLine(menu, row)).sort();
  return reading;
}

export interface AuditDifference {
  menu: string;
  /** The entry's name (its key property), or the whole line when it has none. */
  entry: string;
  /** In the live reading, not in the recorded one. */
  live?: string;
  /** In the recorded reading, not in the live one. */
  recorded?: string;
}

/** The entries of a reading, each with its name (its key property) and its line. */
export function auditedEntries(reading: AuditReading): Array<{ menu: string; name: string; line: string }> {
  return AUDITED_MENUS.flatMap((menu) => (reading[menu.path] ?? []).map((line) => ({ menu: menu.path, name: entryName(menu, line), line })));
}

function entryName(menu: AuditedMenu, line: string): string {
  const m = new RegExp(`(?:^| )${menu.key}=("(?:[^"\\\\]|\\\\.)*"|\\S+)`).exec(line);
  return m ? (m[1]!.startsWith('"') ? (JSON.parse(m[1]!) as string) : m[1]!) : line;
}

/** What differs between a recorded reading and a live one: entries added, removed, or changed (both lines). */
export function auditDifferences(recorded: AuditReading, live: AuditReading): AuditDifference[] {
  const out: AuditDifference[] = [];
  for (const menu of AUDITED_MENUS) {
    const [was, is] = [recorded[menu.path] ?? [], live[menu.path] ?? []];
    const added = is.filter((l) => !was.includes(l));
    const gone = was.filter((l) => !is.includes(l));
    const names = [...new Set([...added, ...gone].map((l) => entryName(menu, l)))].sort();
    for (const entry of names) {
      const now = added.find((l) => entryName(menu, l) === entry);
      const then = gone.find((l) => entryName(menu, l) === entry);
      out.push({ menu: menu.path, entry, ...(now !== undefined ? { live: now } : {}), ...(then !== undefined ? { recorded: then } : {}) });
    }
  }
  return out;
}
