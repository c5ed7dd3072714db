/**
 * The emulated router's configuration and the generic engine behind every
 * menu: print (with .proplist, queries, count-only), add, set, remove, move.
 * Errors are RouterOS's own messages and categories; defaults are filled in
 * as the device does; ids look like RouterOS's (`*1A`).
 */
import { refusal } from "./admission";
import { exportScript, exportValue, type ExportSection } from "./export-script";
import { isIP } from "node:net";
import { BOOL_FALSE, BOOL_TRUE, type FieldSpec, type MenuSpec, type Value } from "./menu-spec";
import { MENUS } from "./menus";
import { evaluateQuery } from "./query";

/** A `!trap`: message and, when RouterOS gives one, its category. */
export class Trap extends Error {
  constructor(
    message: string,
    readonly category?: number,
  ) {
    super(message);
  }
}

interface Entry {
  id: number;
  values: Map<string, Value>;
}

interface Menu {
  spec: MenuSpec;
  entries: Entry[];
}

/** A router's configuration as saved between two runs of the lab. */
export interface SavedRouter {
  nextId: number;
  menus: Record<string, Array<{ id: number; values: Record<string, Value> }>>;
}

export interface CommandResult {
  rows?: Array<Record<string, Value>>;
  ret?: string;
}

export interface DeviceUser {
  name: string;
  password: string;
  group?: "full" | "write" | "read";
}

const VERBS = new Set(["print", "getall", "add", "set", "unset", "remove", "move"]);

/** The IP protocol names RouterOS accepts for `protocol=` (or a number 0-255). */
const PROTOCOLS = new Set(["ddp", "egp", "encap", "etherip", "ggp", "gre", "hmp", "icmp", "icmpv6", "idpr-cmtp", "igmp", "ipencap", "ipip", "ipsec-ah", "ipsec-esp", "ipv6-encap", "ipv6-frag", "ipv6-nonxt", "ipv6-opts", "ipv6-route", "iso-tp4", "l2tp", "ospf", "pim", "pup", "rdp", "rspf", "rsvp", "sctp", "st", "tcp", "udp", "udp-lite", "vmtp", "vrrp", "xns-idp", "xtp"]);

/** `1w2d3h4m5s`, as RouterOS prints a duration (no unit that is zero). */
function uptime(ms: number): string {
  let s = Math.floor(ms / 1000);
  const parts: string[] = [];
  for (const [unit, size] of [["w", 604800], ["d", 86400], ["h", 3600], ["m", 60]] as const) {
    if (s >= size) parts.push(`${Math.floor(s / size)}${unit}`);
    s %= size;
  }
  return parts.join("") + (s > 0 || parts.length === 0 ? `${s}s` : "");
}

/** An entry as print gives it: its id (none in a one-object menu) and every property but the write-only ones. */
function rowOf(menu: Menu, entry: { id: number; values: Map<string, Value> }): Record<string, Value> {
  const row: Record<string, Value> = menu.spec.singleton ? {} : { ".id": formatId(entry.id) };
  for (const [name, value] of entry.values) if (!menu.spec.fields[name]?.writeOnly) row[name] = value;
  return row;
}

export function formatId(id: number): string {
  return `*${id.toString(16).toUpperCase()}`;
}

/** `10M` → 10000000, as RouterOS reads rates. */
function parseBits(text: string): string | undefined {
  const m = /^(\d+(?:\.\d+)?)([kKMG]?)$/.exec(text);
  if (!m) return undefined;
  const scale = { "": 1, k: 1e3, K: 1e3, M: 1e6, G: 1e9 }[m[2]!]!;
  return String(Math.round(Number(m[1]) * scale));
}

function validAddress(text: string, prefixAllowed: boolean, prefixRequired: boolean): boolean {
  const slash = text.indexOf("/");
  if (slash < 0) return !prefixRequired && isIP(text) !== 0;
  if (!prefixAllowed) return false;
  const family = isIP(text.slice(0, slash));
  const length = text.slice(slash + 1);
  return family !== 0 && /^\d{1,3}$/.test(length) && Number(length) <= (family === 4 ? 32 : 128);
}

export class RouterOsDevice {
  private readonly menus = new Map<string, Menu>();
  private nextId = 1;
  /** Calls per command word, for the docs' API call counts. */
  readonly calls = new Map<string, number>();
  /** Successful configuration changes (add, set, remove, move). */
  writes = 0;

  /** Told of every entry a write changed: its menu, its row as print gives it, or `{ ".id", ".dead": "yes" }` once removed (as `listen` reports it). */
  readonly listeners = new Set<(path: string, row: Record<string, string>) => void>();

  private changed(menu: Menu, entries: readonly Entry[], dead = false): void {
    for (const entry of entries) {
      const row = dead ? { ".id": formatId(entry.id), ".dead": "yes" } : rowOf(menu, entry);
      for (const listener of this.listeners) listener(menu.spec.path, row);
    }
  }

  /** Whether the menu at this path is one object (`/system/identity`). */
  isSingleton(path: string): boolean {
    return this.menus.get(path)?.spec.singleton === true;
  }

  /** Whether a menu exists at this path (`/ip/address`). */
  hasMenu(path: string): boolean {
    return this.menus.has(path);
  }

  /** Before 6.45.1, the API also took the MD5 challenge login. */
  get acceptsChallengeLogin(): boolean {
    const [major, minor, patch] = this.version.split(".").map(Number);
    return major! < 6 || (major === 6 && (minor! < 45 || (minor === 45 && (patch ?? 0) < 1)));
  }

  /** When the device started, for `/system/resource`'s uptime. */
  private readonly bootedAt = Date.now();

  /** What each entry a new device ships with holds, by id: its export leaves out what still matches. */
  private readonly factory = new Map<number, Map<string, Value>>();

  constructor(readonly version = "7.19.4") {
    for (const spec of MENUS) {
      const menu: Menu = { spec, entries: [] };
      this.menus.set(spec.path, menu);
      if (spec.singleton) {
        menu.entries.push({ id: 0, values: this.withDefaults(spec, {}) });
      }
      if (spec.path === "/system/resource") menu.entries[0]!.values.set("version", `${version} (stable)`);
      for (const initial of spec.initial ?? []) {
        const entry = { id: this.nextId++, values: this.withDefaults(spec, initial) };
        if (spec.path === "/system/package") entry.values.set("version", version);
        this.factory.set(entry.id, new Map(entry.values));
        menu.entries.push(entry);
      }
    }
  }

  /** True when this version answers an empty print with `!empty` (RouterOS 7.18 and later). */
  get sendsEmpty(): boolean {
    const [major = 0, minor = 0] = this.version.split(".").map(Number);
    return major > 7 || (major === 7 && minor >= 18);
  }

  /** Sets a user's password, as `/user set` does. */
  addUser(user: DeviceUser): void {
    this.execute("/user/add", new Map([["name", user.name], ["group", user.group ?? "full"], ["password", user.password]]), []);
  }

  /** Whether a service of `/ip/service` (api, api-ssl, www-ssl, ssh…) is on: a disabled one takes no connection. */
  /**
   * Where the lab's clients come from, as the router sees them: the address
   * (default: the connection's own loopback address) and the interface they
   * arrive on (default: ether1). A commune lab sets the NOC's address and the
   * dedicated line's interface.
   */
  client: { address?: string; interface?: string } = {};
  /** Why the last refused connection was refused, for tests and the lab's log. */
  lastRefusal: string | undefined;

  /** Whether a new connection to `service` from `peerAddress` is taken, as RouterOS decides (admission.ts). */
  admits(service: string, peerAddress: string | undefined): boolean {
    const port = Number(this.menu("/ip/service").entries.find((e) => e.values.get("name") === service)?.values.get("port") ?? 0);
    const address = this.client.address ?? (peerAddress ?? "127.0.0.1").replace(/^::ffff:/, "");
    const why = refusal(service, { address, interface: this.client.interface ?? "ether1", port }, { rows: (path) => (this.menus.get(path)?.entries ?? []).map((e) => Object.fromEntries(e.values)) });
    this.lastRefusal = why;
    return why === undefined;
  }

  /** The system identity (`/system identity`), shown in the CLI prompt. */
  get identity(): string {
    return this.menu("/system/identity").entries[0]!.values.get("name") ?? "MikroTik";
  }

  users(): Array<{ name: string; password: string }> {
    return this.menu("/user").entries
      .filter((e) => e.values.get("disabled") !== "true")
      .map((e) => ({ name: e.values.get("name")!, password: e.values.get("password") ?? "" }));
  }

  checkLogin(name: string, password: string): boolean {
    const user = this.menu("/user").entries.find((e) => e.values.get("name") === name);
    return user !== undefined && user.values.get("disabled") !== "true" && (user.values.get("password") ?? "") === password;
  }

  /**
   * The configuration as the router keeps it across a reboot: every menu's
   * entries with their ids. Lab-only (RouterOS keeps it in flash).
   */
  saved(): SavedRouter {
    return {
      nextId: this.nextId,
      menus: Object.fromEntries([...this.menus].map(([path, menu]) => [path, menu.entries.map((e) => ({ id: e.id, values: Object.fromEntries(e.values) }))])),
    };
  }

  /** Boots from a saved configuration; menus this emulator does not know are left out. */
  restore(saved: SavedRouter): void {
    for (const [path, entries] of Object.entries(saved.menus)) {
      const menu = this.menus.get(path);
      if (menu) menu.entries = entries.map((e) => ({ id: e.id, values: new Map(Object.entries(e.values)) }));
    }
    this.nextId = Math.max(this.nextId, saved.nextId);
  }

  /** Runs a command sentence already split into its command, attributes and query words. */
  execute(command: string, attributes: Map<string, string>, queries: readonly string[]): CommandResult {
    this.calls.set(command, (this.calls.get(command) ?? 0) + 1);
    const slash = command.lastIndexOf("/");
    const path = command.slice(0, slash);
    const verb = command.slice(slash + 1);
    const menu = this.menus.get(path);
    if (!menu) {
      if (this.menus.has(command)) throw new Trap("no such command");
      throw new Trap("no such command prefix");
    }
    if (!VERBS.has(verb) || (menu.spec.printOnly && verb !== "print" && verb !== "getall")) throw new Trap("no such command");
    // `/interface/ethernet` is the ethernet ports of `/interface`, with their hardware properties.
    if (path === "/interface/ethernet" && verb !== "print" && verb !== "getall") return this.execute(`/interface/${verb}`, attributes, queries);
    switch (verb) {
      case "print":
      case "getall": // the older API's name for print
        return this.print(menu, attributes, queries);
      case "add":
        if (menu.spec.singleton || menu.spec.fixed) throw new Trap("no such command");
        return this.add(menu, attributes);
      case "set":
        return this.set(menu, attributes);
      case "unset":
        return this.unset(menu, attributes);
      case "remove":
        if (menu.spec.singleton || menu.spec.fixed) throw new Trap("no such command");
        return this.remove(menu, attributes);
      default:
        if (menu.spec.singleton || menu.spec.fixed) throw new Trap("no such command");
        return this.move(menu, attributes);
    }
  }

  private menu(path: string): Menu {
    return this.menus.get(path)!;
  }

  private withDefaults(spec: MenuSpec, given: Record<string, Value>): Map<string, Value> {
    const values = new Map<string, Value>();
    for (const [name, field] of Object.entries(spec.fields)) {
      if (given[name] !== undefined) values.set(name, given[name]);
      else if (field.default !== undefined) values.set(name, field.default);
    }
    for (const [name, value] of Object.entries(given)) if (!values.has(name)) values.set(name, value);
    return values;
  }

  /** The ethernet ports as `/interface/ethernet` prints them: `/interface`'s entries with their MAC addresses. */
  private ethernetRows(): Array<{ id: number; values: Map<string, Value> }> {
    return this.menu("/interface").entries.map((e, i) => {
      const mac = `0C:C8:1B:00:00:${(i + 1).toString(16).toUpperCase().padStart(2, "0")}`;
      const values = new Map(e.values);
      values.delete("type");
      values.delete("actual-mtu");
      for (const [k, v] of [["mac-address", mac], ["orig-mac-address", mac], ["arp", "enabled"], ["auto-negotiation", "true"], ["loop-protect", "default"]] as const) values.set(k, v);
      return { id: e.id, values };
    });
  }

  /** Every interface name: physical ones and those created by bridge, vlan, pppoe-client… */
  private interfaceRows(): Array<{ id: number; values: Map<string, Value> }> {
    const rows = this.menu("/interface").entries.map((e) => ({ id: e.id, values: e.values }));
    for (const menu of this.menus.values()) {
      if (!menu.spec.createsInterface) continue;
      for (const e of menu.entries) {
        const values = new Map<string, Value>([
          ["name", e.values.get("name")!],
          ["type", menu.spec.createsInterface],
          ["mtu", e.values.get("mtu") ?? "1500"],
          ["actual-mtu", "1500"],
          ["running", e.values.get("disabled") === "true" ? "false" : "true"],
          ["disabled", e.values.get("disabled") ?? "false"],
        ]);
        if (e.values.has("comment")) values.set("comment", e.values.get("comment")!);
        rows.push({ id: e.id, values });
      }
    }
    return rows;
  }

  private exists(ref: NonNullable<FieldSpec["ref"]>, value: Value, path: string): boolean {
    const names = (p: string) => this.menu(p).entries.map((e) => e.values.get("name"));
    switch (ref) {
      case "interface":
        return (path === "/ipv6/nd" && value === "all") || this.interfaceRows().some((r) => r.values.get("name") === value);
      case "bridge":
        return names("/interface/bridge").includes(value);
      case "pool":
        return value === "static-only" || names("/ip/pool").includes(value);
      case "dhcp-server":
        return value === "all" || names("/ip/dhcp-server").includes(value);
      case "logging-action":
        return names("/system/logging/action").includes(value);
      case "interface-list":
        return names("/interface/list").includes(value);
      case "queue-parent":
        return value === "global" || this.interfaceRows().some((r) => r.values.get("name") === value) || names("/queue/tree").includes(value);
    }
  }

  /** Checks and normalises one value as the device would, or traps. */
  private accept(menu: Menu, name: string, raw: Value): Value {
    const field = menu.spec.fields[name];
    if (!field || field.readOnly) throw new Trap(`unknown parameter ${name}`);
    // An empty value is a value, not an unset: only text takes it (and keeps it); a reference matches every name.
    if (raw === "" && field.ref) throw new Trap(`ambiguous value of ${name}`, 1);
    if (raw === "" && field.kind !== undefined && field.kind !== "text") throw new Trap(field.kind === "address-or-prefix" || field.kind === "address" || field.kind === "prefix" ? `invalid value for argument ${name}` : `input does not match any value of ${name}`, 1);
    if (field.kind === "protocol") {
      if (PROTOCOLS.has(raw) || (/^\d+$/.test(raw) && Number(raw) <= 255)) return raw;
      throw new Trap(`input does not match any value of ${name}`, 1);
    }
    if (field.kind === "bool") {
      if (BOOL_TRUE.has(raw)) return "true";
      if (BOOL_FALSE.has(raw)) return "false";
      throw new Trap(`input does not match any value of ${name}`, 1);
    }
    if (field.values && !field.values.includes(raw)) throw new Trap(`input does not match any value of ${name}`, 1);
    if (field.kind === "int") {
      if (!/^\d+$/.test(raw)) throw new Trap(`value of ${name} is not a number`, 1);
      const [min, max] = field.range ?? [0, Number.MAX_SAFE_INTEGER];
      if (Number(raw) < min || Number(raw) > max) throw new Trap(`value of ${name} out of range (${min}..${max})`, 1);
      return String(Number(raw));
    }
    if (field.kind === "bits") {
      const bits = parseBits(raw);
      if (bits === undefined) throw new Trap(`value of ${name} is not a valid rate`, 1);
      return bits;
    }
    if (field.kind === "address" && !validAddress(raw, false, false)) throw new Trap(`invalid value for argument ${name}`, 1);
    if (field.kind === "prefix" && !validAddress(raw, true, true)) throw new Trap(`invalid value for argument ${name}`, 1);
    if (field.kind === "address-or-prefix" && !validAddress(raw.replace(/^!/, ""), true, false) && !/^[\d.:a-fA-F/]+-[\d.:a-fA-F]+$/.test(raw)) {
      throw new Trap(`invalid value for argument ${name}`, 1);
    }
    if (field.ref && !this.exists(field.ref, raw, menu.spec.path)) throw new Trap(`input does not match any value of ${name}`, 1);
    return raw;
  }

  private resolveIds(menu: Menu, spec: string | undefined): Entry[] {
    if (spec === undefined || spec === "") throw new Trap("no such item", 0);
    return spec.split(",").map((one) => {
      const entry = one.startsWith("*")
        ? menu.entries.find((e) => formatId(e.id) === one)
        : menu.entries.find((e) => e.values.get("name") === one);
      if (!entry) throw new Trap("no such item", 0);
      return entry;
    });
  }

  private checkUnique(menu: Menu, values: Map<string, Value>, self?: Entry): void {
    for (const rule of menu.spec.unique ?? []) {
      const clash = menu.entries.find((e) => e !== self && rule.fields.every((f) => e.values.get(f) === values.get(f)));
      if (clash) throw new Trap(rule.message);
    }
    if (menu.spec.createsInterface) {
      const name = values.get("name");
      if (this.interfaceRows().some((r) => r.values.get("name") === name && r.id !== self?.id)) throw new Trap("failure: already have interface with such name");
    }
  }

  private computed(menu: Menu, values: Map<string, Value>): void {
    if (menu.spec.path === "/ip/address") {
      const address = values.get("address")!;
      const [ip = "", length = "32"] = address.split("/");
      if (!address.includes("/")) values.set("address", `${ip}/32`);
      const n = ip.split(".").reduce((acc, o) => acc * 256 + Number(o), 0);
      const bits = Number(length);
      const network = bits === 0 ? 0 : Math.floor(n / 2 ** (32 - bits)) * 2 ** (32 - bits);
      values.set("network", [24, 16, 8, 0].map((s) => Math.floor(network / 2 ** s) % 256).join("."));
      values.set("actual-interface", values.get("interface")!);
    }
    if (menu.spec.path === "/interface/bridge/vlan") {
      values.set("current-tagged", values.get("tagged") ?? "");
      values.set("current-untagged", values.get("untagged") ?? "");
    }
  }

  private print(menu: Menu, attributes: Map<string, string>, queries: readonly string[]): CommandResult {
    const source = menu.spec.path === "/interface" ? this.interfaceRows() : menu.spec.path === "/interface/ethernet" ? this.ethernetRows() : menu.entries;
    if (menu.spec.path === "/system/resource") menu.entries[0]!.values.set("uptime", uptime(Date.now() - this.bootedAt));
    const rows = source.map((e) => rowOf(menu, e));
    const matching = queries.length === 0 ? rows : rows.filter((row) => evaluateQuery(queries, row));
    if (attributes.has("count-only")) return { ret: String(matching.length) };
    const proplist = attributes.get(".proplist");
    if (proplist === undefined) return { rows: matching };
    const wanted = proplist.split(",");
    return { rows: matching.map((row) => Object.fromEntries(wanted.filter((w) => w in row).map((w) => [w, row[w]!]))) };
  }

  private add(menu: Menu, attributes: Map<string, string>): CommandResult {
    const given: Record<string, Value> = {};
    let before: Entry | undefined;
    for (const [name, raw] of attributes) {
      if (name === "place-before") {
        before = this.resolveIds(menu, raw)[0];
        continue;
      }
      given[name] = this.accept(menu, name, raw);
    }
    const missing = Object.entries(menu.spec.fields).filter(([name, f]) => f.required && given[name] === undefined).map(([name]) => name);
    if (missing.length > 0) throw new Trap(`missing value(s) of argument(s) ${missing.join(" ")}`);
    const values = this.withDefaults(menu.spec, given);
    this.computed(menu, values);
    this.checkUnique(menu, values);
    const entry = { id: this.nextId++, values };
    const at = before ? menu.entries.indexOf(before) : menu.entries.length;
    menu.entries.splice(at, 0, entry);
    this.writes++;
    this.changed(menu, [entry]);
    return { ret: formatId(entry.id) };
  }

  /**
   * `set`: each property to its value; `!name` (as the API writes it,
   * `=!name=`) unsets one, as the `unset` command does.
   */
  private set(menu: Menu, attributes: Map<string, string>): CommandResult {
    const targetSpec = attributes.get(".id") ?? attributes.get("numbers");
    const targets = menu.spec.singleton ? menu.entries : this.resolveIds(menu, targetSpec);
    const changes = new Map<string, Value>();
    const unset: string[] = [];
    for (const [name, raw] of attributes) {
      if (name === ".id" || name === "numbers") continue;
      if (name.startsWith("!")) unset.push(this.unsettable(menu, name.slice(1)));
      else changes.set(name, this.accept(menu, name, raw));
    }
    for (const entry of targets) {
      const values = new Map(entry.values);
      for (const [name, value] of changes) values.set(name, value);
      for (const name of unset) this.reset(menu, values, name);
      this.computed(menu, values);
      this.checkUnique(menu, values, entry);
      entry.values = values;
    }
    this.writes++;
    this.changed(menu, targets);
    return {};
  }

  /** `unset numbers=… value-name=…`: the property back to its default, or gone when it has none (a `set` of `!name`). */
  private unset(menu: Menu, attributes: Map<string, string>): CommandResult {
    const name = attributes.get("value-name");
    if (name === undefined) throw new Trap("missing value(s) of argument(s) value-name");
    const target = attributes.get(".id") ?? attributes.get("numbers");
    return this.set(menu, new Map([...(target === undefined ? [] : [[".id", target] as [string, string]]), [`!${name}`, ""]]));
  }

  private unsettable(menu: Menu, name: string): string {
    const field = menu.spec.fields[name];
    if (!field || field.readOnly) throw new Trap(`unknown parameter ${name}`);
    if (field.required) throw new Trap(`${name} can not be unset`);
    return name;
  }

  private reset(menu: Menu, values: Map<string, Value>, name: string): void {
    const fallback = menu.spec.fields[name]!.default;
    if (fallback === undefined) values.delete(name);
    else values.set(name, fallback);
  }

  private remove(menu: Menu, attributes: Map<string, string>): CommandResult {
    const targets = this.resolveIds(menu, attributes.get(".id") ?? attributes.get("numbers"));
    if (targets.some((t) => t.values.get("default") === "true" || t.values.get("builtin") === "true")) throw new Trap("failure: default entries cannot be removed");
    menu.entries = menu.entries.filter((e) => !targets.includes(e));
    this.writes++;
    this.changed(menu, targets, true);
    return {};
  }

  private move(menu: Menu, attributes: Map<string, string>): CommandResult {
    const targets = this.resolveIds(menu, attributes.get("numbers") ?? attributes.get(".id"));
    const destination = attributes.get("destination");
    const rest = menu.entries.filter((e) => !targets.includes(e));
    const before = destination === undefined ? undefined : this.resolveIds(menu, destination)[0];
    const at = before && rest.includes(before) ? rest.indexOf(before) : rest.length;
    rest.splice(at, 0, ...targets);
    menu.entries = rest;
    this.writes++;
    return {};
  }

  /**
   * The configuration as `/export` prints it (export-script.ts): the menus
   * in the lab's order, each entry's non-default values, no `/user`, no
   * secrets unless `show-sensitive`; `terse` puts each command on one line
   * after its menu. Ethernet ports are `/interface ethernet` entries named by
   * `default-name`, services by their name.
   */
  export(options: { terse?: boolean; showSensitive?: boolean } = {}, now = new Date()): string {
    const sections: ExportSection[] = [];
    for (const menu of this.menus.values()) {
      // RouterOS's export never lists users (nor their passwords).
      if (menu.spec.path === "/user") continue;
      const commands: ExportSection["commands"] = [];
      menu.entries.forEach((entry, index) => {
        const shipped = this.factory.get(entry.id);
        const values = [...entry.values]
          .filter(([name, value]) => {
            const field = menu.spec.fields[name];
            if (!field || field.readOnly || (field.writeOnly && !options.showSensitive)) return false;
            return value !== (shipped?.get(name) ?? field.default) && !(value === "" && field.default === undefined && shipped?.get(name) === undefined);
          })
          .map(([name, value]) => [name, exportValue(value, menu.spec.fields[name]!.kind === "bool")] as const);
        if (values.length === 0) return;
        commands.push({ head: this.exportHead(menu, entry, index, shipped !== undefined), values });
      });
      if (commands.length > 0) sections.push({ menu: menu.spec.path === "/interface" ? "/interface ethernet" : `/${menu.spec.path.slice(1).split("/").join(" ")}`, commands });
    }
    return exportScript(this.version, sections, now, options.terse ?? false);
  }

  /** How an export names an entry: `add` for one made here, else the entry the device ships with, as RouterOS finds it. */
  private exportHead(menu: Menu, entry: Entry, index: number, shipped: boolean): string {
    if (menu.spec.singleton) return "set";
    const name = entry.values.get("name");
    if (menu.spec.path === "/interface") return `set [ find default-name=${entry.values.get("default-name") ?? name} ]`;
    if (!shipped && entry.values.get("default") !== "true" && entry.values.get("builtin") !== "true") return "add";
    if (menu.spec.fixed && name !== undefined) return `set ${name}`;
    if (name !== undefined) return `set [ find name=${name} ]`;
    return entry.values.get("default") === "true" ? "set [ find default=yes ]" : `set ${index}`;
  }

}
