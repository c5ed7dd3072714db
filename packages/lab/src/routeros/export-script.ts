/**
 * The configuration as RouterOS's `/export` prints it (compact, the
 * default): a header with the time and version, then each menu's entries
 * that differ from the defaults, properties in alphabetical order, booleans
 * as `yes`/`no`, values quoted and escaped as RouterOS writes them (every
 * byte of a non-ASCII character as `\XX`), lines longer than RouterOS's
 * width wrapped with `\` and a four-space indent; `terse` puts each command
 * on one line after its menu. Sources and what is unverified:
 * docs/routeros.md, "The lab router's export".
 */

/** The widest a wrapped line runs before its ` \` (as real exports wrap). */
const WIDTH = 77;

export interface ExportCommand {
  /** `add`, `set`, `set [ find default-name=ether1 ]`, `set telnet`. */
  head: string;
  /** Property → value as the script writes it (exportValue). */
  values: ReadonlyArray<readonly [string, string]>;
}

export interface ExportSection {
  /** `/ip firewall filter`. */
  menu: string;
  commands: ExportCommand[];
}

/** A value as RouterOS writes it in a script: bare when it can be, else quoted with its escapes. */
export function exportValue(value: string, bool: boolean): string {
  if (bool) return value === "true" ? "yes" : value === "false" ? "no" : value;
  if (/^[A-Za-z0-9_.:/*,@+!-]+$/.test(value)) return value;
  let out = "";
  for (const ch of value) {
    if (ch === '"' || ch === "\\" || ch === "$" || ch === "?") out += `\\${ch}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch.codePointAt(0)! < 0x20 || ch.codePointAt(0)! > 0x7e) for (const byte of Buffer.from(ch, "utf8")) out += `\\${byte.toString(16).toUpperCase().padStart(2, "0")}`;
    else out += ch;
  }
  return `"${out}"`;
}

/** One command, wrapped as RouterOS wraps it: between properties, or after `name=` when the name still fits. */
export function wrapCommand(head: string, args: readonly string[]): string[] {
  const lines: string[] = [];
  let line = head;
  for (const arg of args) {
    if (line.length + 1 + arg.length <= WIDTH) {
      line += ` ${arg}`;
      continue;
    }
    const eq = arg.indexOf("=");
    if (eq > 0 && line.length + 1 + eq + 2 <= WIDTH + 1) {
      lines.push(`${line} ${arg.slice(0, eq + 1)}\\`);
      line = `    ${arg.slice(eq + 1)}`;
    } else {
      lines.push(`${line} \\`);
      line = `    ${arg}`;
    }
  }
  lines.push(line);
  return lines;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** The export's first line: RouterOS 7.10 and later write the date as ISO does, older ones as `nov/22/2022`. */
function headerTime(version: string, now: Date): string {
  const [major, minor] = version.split(".").map(Number);
  const pad = (n: number) => String(n).padStart(2, "0");
  const time = `${pad(now.getUTCHours())}:${pad(now.getUTCMinutes())}:${pad(now.getUTCSeconds())}`;
  if (major! > 7 || (major === 7 && minor! >= 10)) return `${now.getUTCFullYear()}-${pad(now.getUTCMonth() + 1)}-${pad(now.getUTCDate())} ${time}`;
  return `${MONTHS[now.getUTCMonth()]}/${pad(now.getUTCDate())}/${now.getUTCFullYear()} ${time}`;
}

/** The whole script: the header of a CHR (no model, an empty software id), then every section. */
export function exportScript(version: string, sections: readonly ExportSection[], now: Date, terse: boolean): string {
  const lines = [`# ${headerTime(version, now)} by RouterOS ${version}`, "# software id = ", "#"];
  for (const section of sections) {
    if (!terse) lines.push(section.menu);
    for (const command of section.commands) {
      const args = [...command.values].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, value]) => `${name}=${value}`);
      if (terse) lines.push(`${section.menu} ${command.head} ${args.join(" ")}`);
      else lines.push(...wrapCommand(command.head, args));
    }
  }
  return `${lines.join("\n")}\n`;
}
