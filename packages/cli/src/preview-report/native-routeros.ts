/**
 * A router table's change as RouterOS script lines, the way `/export`
 * writes them. The changes are the provider's own plan (`planChanges`), in
 * the order it applies them: `remove [ find <key> ]` first, then `set` and
 * `add`, then one `move` per entry of a reordered menu, each moving its
 * entry to the end, so the lines leave the menu in the wanted order.
 */
import { menuCommand, routerOsValue } from "@communes/intent";
import { MENU_TABLES, planChanges, type Change, type MenuTable, type TableState } from "@communes/routeros";
import type { ResourceChange } from "./resource-changes";

type Entry = Record<string, string>;

function tableState(path: string, inputs: Record<string, unknown>): TableState {
  const entries = (typeof inputs.entries === "object" && inputs.entries !== null ? inputs.entries : {}) as Record<string, Entry>;
  return { path, entries, ...(Array.isArray(inputs.order) ? { order: inputs.order as string[] } : {}) };
}

function assignments(fields: Entry): string {
  return Object.entries(fields)
    .map(([k, v]) => `${k}=${routerOsValue(v)}`)
    .join(" ");
}

function scriptLines(table: MenuTable, changes: readonly Change[], entryOf: (key: string) => Entry): string[] {
  const menu = menuCommand(table.path);
  const find = (key: string) => {
    const entry = entryOf(key);
    return `[ find ${table.key.map((k) => `${k}=${routerOsValue(entry[k] ?? "")}`).join(" ")} ]`;
  };
  const withoutKey = (values: Entry) => Object.fromEntries(Object.entries(values).filter(([k]) => !table.key.includes(k)));
  return changes.flatMap((change) => {
    switch (change.op) {
      case "remove":
        return [`${menu} remove ${find(change.key)}`];
      case "add":
        return [`${menu} add ${assignments(change.values)}`];
      case "set":
        return table.kind === "singleton" ? [`${menu} set ${assignments(change.values)}`] : [`${menu} set ${find(change.key)} ${assignments(withoutKey(change.values))}`];
      case "move":
        return change.keys.map((key) => `${menu} move ${find(key)}`);
    }
  });
}

export function routerOsLines(change: ResourceChange): string[] {
  const path = String(change.after.path ?? change.before.path);
  const table = MENU_TABLES.find((t) => t.path === path);
  if (!table) return [];
  const before = tableState(path, change.before);
  const after = tableState(path, change.after);
  // Singletons and built-in entries are never removed: the provider leaves them as they are.
  if (change.op === "remove") return table.kind === "list" ? scriptLines(table, Object.keys(before.entries).map((key) => ({ op: "remove", key })), (k) => before.entries[k]!) : [];
  return scriptLines(table, planChanges(table, after, before), (key) => after.entries[key] ?? before.entries[key]!);
}
