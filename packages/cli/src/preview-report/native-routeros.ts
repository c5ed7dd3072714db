/**
 * A router table's change as RouterOS script lines, the way `/export`
 * writes them: `add` for a new entry, `set [ find <key> ]` for changed
 * fields, `remove [ find <key> ]` for an entry that goes.
 */
import { menuCommand, routerOsValue } from "@communes/intent";
import { MENU_TABLES, type MenuTable } from "@communes/routeros";
import type { ResourceChange } from "./resource-changes";

type Entries = Record<string, Record<string, string>>;

function entriesOf(inputs: Record<string, unknown>): Entries {
  return (typeof inputs.entries === "object" && inputs.entries !== null ? inputs.entries : {}) as Entries;
}

function assignments(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([k, v]) => `${k}=${routerOsValue(v)}`)
    .join(" ");
}

export function routerOsLines(change: ResourceChange): string[] {
  const path = String(change.after.path ?? change.before.path);
  const table: MenuTable | undefined = MENU_TABLES.find((t) => t.path === path);
  if (!table) return [];
  const menu = menuCommand(path);
  const find = (entry: Record<string, string>) =>
    table.kind === "singleton" ? "" : `[ find ${table.key.map((k) => `${k}=${routerOsValue(entry[k] ?? "")}`).join(" ")} ] `;
  const before = entriesOf(change.before);
  const after = entriesOf(change.after);
  const lines: string[] = [];
  for (const key of [...new Set([...Object.keys(after), ...Object.keys(before)])]) {
    const [had, wants] = [before[key], after[key]];
    if (!had && wants) {
      const own = Object.fromEntries(Object.entries(wants).filter(([k]) => table.kind === "list" || !table.key.includes(k)));
      lines.push(table.kind === "list" ? `${menu} add ${assignments(own)}` : `${menu} set ${find(wants)}${assignments(own)}`);
    } else if (had && !wants) {
      // Singletons and built-in entries cannot be removed; the provider leaves them as they are.
      if (table.kind === "list") lines.push(`${menu} remove ${find(had)}`.trim());
    } else if (had && wants) {
      const changed: Record<string, string> = {};
      for (const f of new Set([...Object.keys(had), ...Object.keys(wants)])) {
        if (had[f] !== wants[f]) changed[f] = wants[f] ?? table.fields[f]?.default ?? "";
      }
      if (Object.keys(changed).length > 0) lines.push(`${menu} set ${find(had)}${assignments(changed)}`);
    }
  }
  return lines;
}
