/**
 * Reads a RouterOS script — an `/export` or the project's rendered
 * configuration — into menu rows: `/menu` lines, `add`/`set` commands with
 * `name=value` arguments, quoted values with RouterOS's escapes (`\"`,
 * `\\`, `\XX` bytes), and lines continued with a trailing backslash.
 * `set [ find name=x ] …` and `set x …` of fixed menus (`/ip service`)
 * become the row named x; a `set` of a one-object menu is its row.
 * Comments and blank lines are skipped.
 */
import type { Row, RouterConfig } from "./router-config";
import { routerConfig } from "./router-config";

function logicalLines(text: string): string[] {
  const out: string[] = [];
  let current = "";
  for (const raw of text.split(/\r?\n/)) {
    const line = current === "" ? raw : raw.replace(/^\s+/, "");
    if (/\\$/.test(line) && !/\\\\$/.test(line)) current += line.slice(0, -1);
    else {
      out.push(current + line);
      current = "";
    }
  }
  if (current !== "") out.push(current);
  return out;
}

function unescape(quoted: string): string {
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < quoted.length; i++) {
    const c = quoted[i]!;
    if (c !== "\\") {
      bytes.push(...encoder.encode(c));
      continue;
    }
    const next = quoted.slice(i + 1, i + 3);
    if (/^[0-9A-Fa-f]{2}$/.test(next)) {
      bytes.push(parseInt(next, 16));
      i += 2;
    } else {
      const e = quoted[i + 1] ?? "";
      bytes.push(...encoder.encode(e === "n" ? "\n" : e === "t" ? "\t" : e));
      i += 1;
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** Splits `a=b c="d e" [ find name=x ]` into words, keeping brackets and quotes whole. */
function words(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    if (line[i] === " ") {
      i++;
      continue;
    }
    let word = "";
    while (i < line.length && line[i] !== " ") {
      if (line[i] === '"') {
        let j = i + 1;
        while (j < line.length && line[j] !== '"') j += line[j] === "\\" ? 2 : 1;
        word += line.slice(i, j + 1);
        i = j + 1;
      } else if (line[i] === "[") {
        const j = line.indexOf("]", i);
        word += line.slice(i, j < 0 ? line.length : j + 1);
        i = j < 0 ? line.length : j + 1;
      } else word += line[i++];
    }
    out.push(word);
  }
  return out;
}

function value(text: string): string {
  return text.startsWith('"') && text.endsWith('"') && text.length >= 2 ? unescape(text.slice(1, -1)) : text;
}

export function parseRouterScript(text: string): RouterConfig {
  const tables = new Map<string, Row[]>();
  let path = "";
  for (const line of logicalLines(text)) {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    const ws = words(trimmed);
    let at = 0;
    if (ws[0]!.startsWith("/")) {
      // `/ip firewall filter` or `/ip/firewall/filter`, maybe followed by a command on the same line.
      const parts: string[] = [];
      while (at < ws.length && !ws[at]!.includes("=") && !["add", "set"].includes(ws[at]!)) parts.push(ws[at++]!);
      path = `/${parts.join("/").replace(/^\/+/, "").replace(/\/+/g, "/")}`;
    }
    const verb = ws[at];
    if (verb !== "add" && verb !== "set") continue;
    const row: Record<string, string> = {};
    for (const w of ws.slice(at + 1)) {
      const find = /^\[\s*find\s+(?:where\s+)?name=(.+?)\s*\]$/.exec(w);
      if (find) row.name = value(find[1]!);
      else if (w.includes("=")) {
        const eq = w.indexOf("=");
        row[w.slice(0, eq)] = value(w.slice(eq + 1));
      } else if (verb === "set" && !w.startsWith("[")) row.name = value(w);
    }
    const rows = tables.get(path) ?? [];
    const named = verb === "set" && row.name !== undefined ? rows.find((r) => r.name === row.name) : verb === "set" ? rows[0] : undefined;
    if (named) Object.assign(named, row);
    else rows.push(row);
    tables.set(path, rows);
  }
  return routerConfig([...tables].map(([p, entries]) => ({ path: p, entries })));
}
