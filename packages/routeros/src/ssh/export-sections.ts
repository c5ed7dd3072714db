/**
 * A RouterOS `/export` read by menu, and what differs between two exports of
 * the same router: the lines of each menu one has and the other lacks. The
 * header (date, model) and comments are not compared; lines RouterOS wrapped
 * (`\` at the end) are joined first.
 */

/** A line of one export that the other lacks. */
export interface ExportLineDifference {
  /** The menu, as a path: `/ip/firewall/filter`. */
  menu: string;
  /** In the live export, not in the recorded one. */
  live?: string;
  /** In the recorded export, not in the live one. */
  recorded?: string;
}

/** The menu path of a section header: `/ip firewall filter` → `/ip/firewall/filter`. */
function menuPath(header: string): string {
  return `/${header.slice(1).trim().split(/\s+/).join("/")}`;
}

/** An export's lines by menu: comments left out, lines RouterOS wrapped (`\` at the end) joined. */
export function exportSections(script: string): Map<string, string[]> {
  const sections = new Map<string, string[]>();
  let menu: string | undefined;
  let pending = "";
  for (const raw of script.split(/\r?\n/)) {
    const line = pending + (pending ? raw.trimStart() : raw);
    if (line.endsWith("\\")) {
      pending = line.slice(0, -1);
      continue;
    }
    pending = "";
    if (line.trim() === "" || line.startsWith("#")) continue;
    if (line.startsWith("/")) {
      menu = menuPath(line);
      if (!sections.has(menu)) sections.set(menu, []);
    } else if (menu !== undefined) sections.get(menu)!.push(line.trim());
  }
  return sections;
}

/** The lines of the menus not in `except` that one export has and the other lacks, menu by menu: the live one's first. */
export function exportDifferences(recorded: string, live: string, except: ReadonlySet<string> = new Set()): ExportLineDifference[] {
  const [before, now] = [exportSections(recorded), exportSections(live)];
  const out: ExportLineDifference[] = [];
  for (const menu of [...new Set([...before.keys(), ...now.keys()])].filter((m) => !except.has(m)).sort()) {
    const [was, is] = [before.get(menu) ?? [], now.get(menu) ?? []];
    for (const line of is.filter((l) => !was.includes(l))) out.push({ menu, live: line });
    for (const line of was.filter((l) => !is.includes(l))) out.push({ menu, recorded: line });
  }
  return out;
}
