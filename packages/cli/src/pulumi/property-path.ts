/**
 * Property paths in the engine's syntax, as detailed diffs name them:
 * `entries.dhcp-staff.lease-time`, `ports["GigabitEthernet1/0/5"].accessVlan`,
 * `settings["h323.e164"]`, `order[2]`.
 */
export type Segment = string | number;

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

export function parsePath(path: string): Segment[] {
  const segments: Segment[] = [];
  let i = 0;
  while (i < path.length) {
    const c = path[i];
    if (c === ".") {
      i++;
    } else if (c === "[" && path[i + 1] === '"') {
      let j = i + 2;
      while (j < path.length && path[j] !== '"') j += path[j] === "\\" ? 2 : 1;
      segments.push(JSON.parse(path.slice(i + 1, j + 1)) as string);
      i = j + 2;
    } else if (c === "[") {
      const end = path.indexOf("]", i);
      segments.push(Number(path.slice(i + 1, end)));
      i = end + 1;
    } else {
      let j = i;
      while (j < path.length && path[j] !== "." && path[j] !== "[") j++;
      segments.push(path.slice(i, j));
      i = j;
    }
  }
  return segments;
}

export function formatPath(segments: readonly Segment[]): string {
  return segments
    .map((s, i) => (typeof s === "number" ? `[${s}]` : PLAIN_KEY.test(s) ? (i === 0 ? s : `.${s}`) : `[${JSON.stringify(s)}]`))
    .join("");
}

/** What the engine shows in place of a value Pulumi keeps secret; the reports show secrets the same way. */
export const ENGINE_SECRET = "[secret]";

/** The value at `segments` inside `value`: undefined when absent, ENGINE_SECRET when under a secret. */
export function valueAt(value: unknown, segments: readonly Segment[]): unknown {
  let current = value;
  for (const s of segments) {
    if (current === ENGINE_SECRET) return ENGINE_SECRET;
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[s];
  }
  return current;
}

/** Order for property paths and names as people read them: GigabitEthernet1/0/9 before GigabitEthernet1/0/10. */
export function byReadingOrder(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}
