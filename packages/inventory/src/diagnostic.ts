/**
 * A problem found in the inventory, located in the user's own file. Every
 * stage (YAML, schema, semantic checks, addressing) reports these; none throws
 * for bad input.
 */
export type PropertyPath = ReadonlyArray<string | number>;

export interface Diagnostic {
  /** The file as the user named it (relative paths stay relative). */
  file: string;
  /** 1-based line and column of the offending value (or key). */
  line: number;
  col: number;
  /** Where in the document: `zones.meeting_room.vlan`, `switches[0].ports[2]`. */
  path: string;
  /** What is wrong, with the value received and what is allowed. */
  message: string;
}

const PLAIN = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function formatPath(path: PropertyPath): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else if (PLAIN.test(part)) out += out === "" ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/** `file:line:col path: message`, the line the CLI prints. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.col} ${d.path === "" ? "" : `${d.path}: `}${d.message}`;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.message.localeCompare(b.message);
}

/** Sorted by place, identical entries once. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return [...list].sort(compareDiagnostics).filter((d) => {
    const key = formatDiagnostic(d);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A value as the user would write it, for messages: strings quoted, the rest as JSON. */
export function show(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "string") return JSON.stringify(value);
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

/**
 * A problem found by a pure stage (plan, semantic checks) over the resolved
 * model: the file and property path it is about. The orchestrator turns it
 * into a Diagnostic with the line and column from that file.
 */
export interface Finding {
  file: string;
  path: PropertyPath;
  message: string;
  /** Point at the key instead of the value. */
  at?: "key" | "value";
}
