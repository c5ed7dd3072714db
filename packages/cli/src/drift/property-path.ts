/**
 * The engine's property paths, as in a detailed diff: `vlans["99"]`,
 * `entries["10.40.7.1/24 vlan20-staff"].comment`, `order[18]`,
 * `settings.systemName`.
 */

export type Segment = string | number;

const NAME = /^[A-Za-z_][A-Za-z0-9_-]*/;
const QUOTED = /^\["((?:[^"\\]|\\.)*)"\]/;
const INDEX = /^\[(\d+)\]/;

export function parsePath(path: string): Segment[] {
  const segments: Segment[] = [];
  let rest = path;
  while (rest !== "") {
    if (segments.length > 0 && rest.startsWith(".")) rest = rest.slice(1);
    const name = NAME.exec(rest);
    const quoted = name ? null : QUOTED.exec(rest);
    const index = name || quoted ? null : INDEX.exec(rest);
    if (name) segments.push(name[0]);
    else if (quoted) segments.push(JSON.parse(`"${quoted[1]}"`) as string);
    else if (index) segments.push(Number(index[1]));
    else throw new Error(`not a property path: ${path}`);
    rest = rest.slice((name ?? quoted ?? index)![0].length);
  }
  return segments;
}

/** What the engine shows in place of a value Pulumi keeps secret. */
export const ENGINE_SECRET = "[secret]";

/** The value at `segments` inside `value`, undefined when absent, "[secret]" when under a secret. */
export function valueAt(value: unknown, segments: readonly Segment[]): unknown {
  let current = value;
  for (const s of segments) {
    if (current === ENGINE_SECRET) return ENGINE_SECRET;
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[s];
  }
  return current;
}
