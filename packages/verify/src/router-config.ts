/**
 * A router's configuration as the verifier reads it: the rows of each
 * RouterOS menu, whether they come from the rendered intent, from a live
 * read of the router, or from an exported script.
 */
export type Row = Readonly<Record<string, string>>;

export interface RouterConfig {
  /** The rows of a menu, `/ip/firewall/filter` style, in their order; none when the menu is absent. */
  rows(path: string): readonly Row[];
}

export function routerConfig(tables: Iterable<{ path: string; entries: readonly Row[] }>): RouterConfig {
  const byPath = new Map<string, readonly Row[]>();
  for (const t of tables) byPath.set(t.path, t.entries);
  return { rows: (path) => byPath.get(path) ?? [] };
}

/** RouterOS booleans as printed by the API (true/false) or written in scripts (yes/no). */
export function isYes(value: string | undefined): boolean {
  return value === "true" || value === "yes";
}

/** Rows that are in effect: not disabled. */
export function active(config: RouterConfig, path: string): Row[] {
  return config.rows(path).filter((r) => !isYes(r.disabled));
}

/** A comma-separated RouterOS list, without empty items. */
export function items(value: string | undefined): string[] {
  return (value ?? "").split(",").map((s) => s.trim()).filter((s) => s !== "");
}
