/**
 * What the console prints for `print` of a one-object menu (`/system
 * resource print`, `/system identity print`), as RouterOS lays it out: one
 * `name: value` line per property, the colons aligned two columns after the
 * longest name; sizes in MiB, the CPU's frequency in MHz and load in
 * percent, booleans as yes/no. List menus are printed by `print detail`
 * (below); their plain `print` columns are not emulated. The layout is from
 * RouterOS's manual's examples (**unverified** against a recorded session).
 */
import type { RouterOsDevice } from "./device";

const MIB = new Set(["free-memory", "total-memory", "free-hdd-space", "total-hdd-space"]);

function consoleValue(name: string, value: string): string {
  if (MIB.has(name) && /^\d+$/.test(value)) return `${(Number(value) / 1048576).toFixed(1)}MiB`;
  if (name === "cpu-frequency" && /^\d+$/.test(value)) return `${value}MHz`;
  if (name === "cpu-load" && /^\d+$/.test(value)) return `${value}%`;
  if (value === "true") return "yes";
  if (value === "false") return "no";
  return value;
}

/** A value as `print detail` writes it: bare when it can be, quoted otherwise. */
function detailValue(name: string, value: string): string {
  const v = consoleValue(name, value);
  return /^[\w.:/,*@+-]*$/.test(v) && v !== "" ? v : JSON.stringify(v);
}

const FLAGS: Array<[field: string, letter: string, word: string]> = [
  ["disabled", "X", "disabled"],
  ["invalid", "I", "invalid"],
  ["dynamic", "D", "dynamic"],
];

/**
 * `print detail` of a list menu: a `Flags:` legend of the flags the menu has,
 * then per entry its number, its flags, its comment as `;;; comment` on a line
 * of its own, and its properties as `name=value` on a continuation line
 * (indented, as community.routeros' facts parser joins them). The layout
 * follows RouterOS's manual and MikroTik's forum transcripts (**unverified**
 * against a recorded session of 7.x: spacing, wrapping at the terminal's
 * width, which is not emulated).
 */
function printDetail(device: RouterOsDevice, path: string): string {
  const rows = device.execute(`${path}/print`, new Map(), []).rows ?? [];
  const fields = new Set(rows.flatMap((r) => Object.keys(r)));
  const flags = FLAGS.filter(([f]) => fields.has(f));
  const lines = flags.length > 0 ? [`Flags: ${flags.map(([, l, w]) => `${l} - ${w}`).join(", ")} `] : [];
  const width = String(Math.max(rows.length - 1, 0)).length;
  rows.forEach((row, i) => {
    const set = flags.filter(([f]) => row[f] === "true").map(([, l]) => l).join("");
    const head = `${String(i).padStart(width + 1)} ${set.padEnd(flags.length)}`;
    const props = Object.entries(row)
      .filter(([k]) => !k.startsWith(".") && k !== "comment" && !flags.some(([f]) => f === k))
      .map(([k, v]) => `${k}=${detailValue(k, v)}`)
      .join(" ");
    const indent = " ".repeat(head.length + 1);
    if (row.comment) lines.push(`${head} ;;; ${row.comment}`, `${indent}${props} `);
    else lines.push(`${head} ${props} `);
  });
  return `${lines.join("\n")}\n`;
}

/** The console's answer to `<menu> print [detail]`, or undefined when the lab's console does not print that menu (a list menu without `detail`: its columns are not emulated). */
export function consolePrint(device: RouterOsDevice, menu: string, detail = false): string | undefined {
  const path = `/${menu.trim().replace(/^\//, "").split(/\s+/).join("/")}`;
  if (!device.hasMenu(path)) return undefined;
  if (!device.isSingleton(path)) return detail ? printDetail(device, path) : undefined;
  const row = device.execute(`${path}/print`, new Map(), []).rows![0] ?? {};
  const width = Math.max(...Object.keys(row).map((k) => k.length));
  return Object.entries(row)
    .map(([name, value]) => `${" ".repeat(width - name.length + 2)}${name}: ${consoleValue(name, value)}\n`)
    .join("");
}
