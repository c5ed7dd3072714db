/**
 * What the console prints for `print` of a one-object menu (`/system
 * resource print`, `/system identity print`), as RouterOS lays it out: one
 * `name: value` line per property, the colons aligned two columns after the
 * longest name; sizes in MiB, the CPU's frequency in MHz and load in
 * percent, booleans as yes/no. List menus are not printed by the lab's
 * console (their column layout is not emulated). The layout is from
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

/** The console's answer to `<menu> print`, or undefined when the lab's console does not print that menu. */
export function consolePrint(device: RouterOsDevice, menu: string): string | undefined {
  const path = `/${menu.trim().replace(/^\//, "").split(/\s+/).join("/")}`;
  if (!device.hasMenu(path) || !device.isSingleton(path)) return undefined;
  const row = device.execute(`${path}/print`, new Map(), []).rows![0] ?? {};
  const width = Math.max(...Object.keys(row).map((k) => k.length));
  return Object.entries(row)
    .map(([name, value]) => `${" ".repeat(width - name.length + 2)}${name}: ${consoleValue(name, value)}\n`)
    .join("");
}
