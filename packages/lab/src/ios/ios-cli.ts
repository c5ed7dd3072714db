/**
 * The IOS command line of the emulated switch: modes, a grammar with
 * abbreviations (`conf t`, `int gi1/0/1`, `sw mo acc`), and IOS's own
 * errors (`% Invalid input detected at '^' marker.` under the bad word,
 * `% Incomplete command.`, `% Ambiguous command:`).
 */
import { cloneConfig, defaultVlanName, parseVlanList, resolveInterface, type PortState, type SwitchConfig } from "./ios-state";
import { showInterfacesStatus, showRunningConfig, showVersion, showVlanBrief } from "./ios-show";

export type Mode = "exec" | "privileged" | "config" | "config-if" | "config-vlan" | "config-line";

type Param = "int" | "word" | "text" | "vlanlist" | "ip" | "iface" | "range";
type Token = string | { param: Param; min?: number; max?: number };

interface Session {
  mode: Mode;
  /** Ports (or an SVI) being configured in config-if; the VLAN in config-vlan. */
  ports: string[];
  svi?: number;
  vlan?: number;
  terminalLength: number;
}

export interface IosSwitch {
  running: SwitchConfig;
  startup: SwitchConfig;
  enableSecret?: string;
}

interface Command {
  modes: Mode[];
  tokens: Token[];
  run(sw: IosSwitch, s: Session, args: string[]): string | void;
}

const int = (min: number, max: number): Token => ({ param: "int", min, max });
const IF: Mode[] = ["config-if"];
const PRIV: Mode[] = ["privileged"];
const EXEC: Mode[] = ["exec", "privileged"];
const CONF: Mode[] = ["config"];

function forPorts(sw: IosSwitch, s: Session, change: (p: PortState) => void): string | void {
  if (s.svi !== undefined) return "% Invalid input detected at '^' marker.\n";
  for (const name of s.ports) change(sw.running.ports.get(name)!);
}

const COMMANDS: Command[] = [
  { modes: ["exec"], tokens: ["enable"], run: (_sw, s) => void (s.mode = "privileged") },
  { modes: PRIV, tokens: ["disable"], run: (_sw, s) => void (s.mode = "exec") },
  { modes: EXEC, tokens: ["terminal", "length", int(0, 512)], run: (_sw, s, [n]) => void (s.terminalLength = Number(n)) },
  { modes: EXEC, tokens: ["terminal", "width", int(0, 512)], run: () => undefined },
  { modes: EXEC, tokens: ["show", "version"], run: (sw) => showVersion(sw.running.hostname) },
  { modes: PRIV, tokens: ["configure", "terminal"], run: (_sw, s) => {
    s.mode = "config";
    return "Enter configuration commands, one per line.  End with CNTL/Z.\n";
  } },
  { modes: PRIV, tokens: ["show", "running-config"], run: (sw) => showRunningConfig(sw.running) },
  { modes: PRIV, tokens: ["show", "startup-config"], run: (sw) => showRunningConfig(sw.startup).replace(/^Building configuration...\n\nCurrent configuration : \d+ bytes/, "Using 4096 out of 65536 bytes") },
  { modes: EXEC, tokens: ["show", "vlan", "brief"], run: (sw) => showVlanBrief(sw.running) },
  { modes: EXEC, tokens: ["show", "interfaces", "status"], run: (sw) => showInterfacesStatus(sw.running) },
  { modes: PRIV, tokens: ["write", "memory"], run: (sw) => {
    sw.startup = cloneConfig(sw.running);
    return "Building configuration...\n[OK]\n";
  } },
  { modes: PRIV, tokens: ["copy", "running-config", "startup-config"], run: (sw) => {
    sw.startup = cloneConfig(sw.running);
    return "Destination filename [startup-config]? \nBuilding configuration...\n[OK]\n";
  } },
  { modes: CONF, tokens: ["hostname", { param: "word" }], run: (sw, _s, [name]) => void (sw.running.hostname = name!) },
  { modes: ["config", "config-vlan", "config-if", "config-line"], tokens: ["vlan", int(1, 4094)], run: (sw, s, [id]) => {
    const vlan = Number(id);
    if (vlan >= 1002 && vlan <= 1005) return "Default VLAN " + vlan + " may not have its name changed.\n";
    if (!sw.running.vlans.has(vlan)) sw.running.vlans.set(vlan, defaultVlanName(vlan));
    Object.assign(s, { mode: "config-vlan", vlan, ports: [], svi: undefined });
  } },
  { modes: CONF, tokens: ["no", "vlan", int(1, 4094)], run: (sw, _s, [id]) => {
    if (Number(id) === 1) return "%Default VLAN 1 may not be deleted.\n";
    sw.running.vlans.delete(Number(id));
  } },
  { modes: ["config-vlan"], tokens: ["name", { param: "word" }], run: (sw, s, [name]) => {
    if (name!.length > 32) return "% Invalid input detected at '^' marker.\n";
    sw.running.vlans.set(s.vlan!, name!);
  } },
  { modes: ["config", "config-if", "config-vlan", "config-line"], tokens: ["interface", { param: "iface" }], run: (sw, s, [text]) => {
    const target = resolveInterface(text!);
    if (!target) return "% Invalid input detected at '^' marker.\n";
    if (target.kind === "svi") {
      if (!sw.running.svis.has(target.vlan)) sw.running.svis.set(target.vlan, { shutdown: false });
      Object.assign(s, { mode: "config-if", ports: [], svi: target.vlan });
    } else Object.assign(s, { mode: "config-if", ports: [target.name], svi: undefined });
  } },
  { modes: ["config", "config-if"], tokens: ["interface", "range", { param: "range" }], run: (_sw, s, [text]) => {
    const m = /^(.*?)(\d+)\s*-\s*(\d+)$/.exec(text!.trim());
    const first = m ? resolveInterface(`${m[1]}${m[2]}`) : resolveInterface(text!);
    if (!first || first.kind !== "port") return "% Invalid input detected at '^' marker.\n";
    const stem = first.name.replace(/\d+$/, "");
    const from = Number(m ? m[2] : first.name.match(/(\d+)$/)![1]);
    const to = Number(m ? m[3] : from);
    const ports = Array.from({ length: to - from + 1 }, (_, i) => `${stem}${from + i}`);
    if (to < from || ports.some((p) => !resolveInterface(p))) return "% Command rejected: Bad interface range.\n";
    Object.assign(s, { mode: "config-if", ports, svi: undefined });
  } },
  { modes: IF, tokens: ["description", { param: "text" }], run: (sw, s, [text]) => forPorts(sw, s, (p) => void (p.description = text)) },
  { modes: IF, tokens: ["no", "description"], run: (sw, s) => forPorts(sw, s, (p) => void delete p.description) },
  { modes: IF, tokens: ["switchport", "mode", "access"], run: (sw, s) => forPorts(sw, s, (p) => void (p.mode = "access")) },
  { modes: IF, tokens: ["switchport", "mode", "trunk"], run: (sw, s) => forPorts(sw, s, (p) => void (p.mode = "trunk")) },
  { modes: IF, tokens: ["no", "switchport", "mode"], run: (sw, s) => forPorts(sw, s, (p) => void delete p.mode) },
  { modes: IF, tokens: ["switchport", "access", "vlan", int(1, 4094)], run: (sw, s, [v]) => {
    const vlan = Number(v);
    const out = forPorts(sw, s, (p) => void (p.accessVlan = vlan));
    if (out) return out;
    if (!sw.running.vlans.has(vlan)) {
      sw.running.vlans.set(vlan, defaultVlanName(vlan));
      return "% Access VLAN does not exist. Creating vlan " + vlan + "\n";
    }
  } },
  { modes: IF, tokens: ["no", "switchport", "access", "vlan"], run: (sw, s) => forPorts(sw, s, (p) => void (p.accessVlan = 1)) },
  { modes: IF, tokens: ["switchport", "trunk", "allowed", "vlan", { param: "vlanlist" }], run: (sw, s, [list]) => {
    if (list === "all") return forPorts(sw, s, (p) => void delete p.trunkAllowed);
    if (list === "none") return forPorts(sw, s, (p) => void (p.trunkAllowed = []));
    const vlans = parseVlanList(list!);
    if (!vlans) return "% Invalid input detected at '^' marker.\n";
    return forPorts(sw, s, (p) => void (p.trunkAllowed = vlans));
  } },
  { modes: IF, tokens: ["no", "switchport", "trunk", "allowed", "vlan"], run: (sw, s) => forPorts(sw, s, (p) => void delete p.trunkAllowed) },
  { modes: IF, tokens: ["switchport", "trunk", "native", "vlan", int(1, 4094)], run: (sw, s, [v]) => forPorts(sw, s, (p) => void (p.nativeVlan = Number(v))) },
  { modes: IF, tokens: ["no", "switchport", "trunk", "native", "vlan"], run: (sw, s) => forPorts(sw, s, (p) => void (p.nativeVlan = 1)) },
  { modes: IF, tokens: ["spanning-tree", "portfast"], run: (sw, s) => forPorts(sw, s, (p) => void (p.portfast = true)) },
  { modes: IF, tokens: ["spanning-tree", "portfast", "trunk"], run: (sw, s) => forPorts(sw, s, (p) => void (p.portfast = true)) },
  { modes: IF, tokens: ["no", "spanning-tree", "portfast"], run: (sw, s) => forPorts(sw, s, (p) => void (p.portfast = false)) },
  { modes: IF, tokens: ["shutdown"], run: (sw, s) => {
    if (s.svi !== undefined) sw.running.svis.get(s.svi)!.shutdown = true;
    else return forPorts(sw, s, (p) => void (p.shutdown = true));
  } },
  { modes: IF, tokens: ["no", "shutdown"], run: (sw, s) => {
    if (s.svi !== undefined) sw.running.svis.get(s.svi)!.shutdown = false;
    else return forPorts(sw, s, (p) => void (p.shutdown = false));
  } },
  { modes: IF, tokens: ["ip", "address", { param: "ip" }, { param: "ip" }], run: (sw, s, [ip, mask]) => {
    if (s.svi === undefined) return "% Invalid input detected at '^' marker.\n";
    sw.running.svis.get(s.svi)!.address = { ip: ip!, mask: mask! };
  } },
  { modes: IF, tokens: ["no", "ip", "address"], run: (sw, s) => void (s.svi !== undefined && delete sw.running.svis.get(s.svi)!.address) },
  { modes: CONF, tokens: ["no", "interface", { param: "iface" }], run: (sw, _s, [text]) => {
    const target = resolveInterface(text!);
    if (!target || target.kind !== "svi" || target.vlan === 1) return "% Invalid input detected at '^' marker.\n";
    sw.running.svis.delete(target.vlan);
  } },
  { modes: CONF, tokens: ["ip", "default-gateway", { param: "ip" }], run: (sw, _s, [ip]) => void (sw.running.defaultGateway = ip) },
  { modes: CONF, tokens: ["no", "ip", "default-gateway"], run: (sw) => void delete sw.running.defaultGateway },
  { modes: ["config", "config-line"], tokens: ["line", "vty", int(0, 15), int(0, 15)], run: (_sw, s) => void Object.assign(s, { mode: "config-line", ports: [], svi: undefined }) },
  { modes: ["config-line"], tokens: ["transport", "input", { param: "word" }], run: (sw, _s, [what]) => {
    if (!["all", "ssh", "telnet", "none"].includes(what!)) return "% Invalid input detected at '^' marker.\n";
    sw.running.vtyTransport = what as SwitchConfig["vtyTransport"];
  } },
  { modes: ["config-line"], tokens: ["login", "local"], run: () => undefined },
  { modes: ["config", "config-if", "config-vlan", "config-line"], tokens: ["end"], run: (_sw, s) => void (s.mode = "privileged") },
  { modes: ["config-if", "config-vlan", "config-line"], tokens: ["exit"], run: (_sw, s) => void (s.mode = "config") },
  { modes: ["config"], tokens: ["exit"], run: (_sw, s) => void (s.mode = "privileged") },
];

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function paramMatches(token: Exclude<Token, string>, word: string): boolean {
  switch (token.param) {
    case "int":
      return /^\d+$/.test(word) && Number(word) >= token.min! && Number(word) <= token.max!;
    case "ip":
      return IPV4.test(word) && word.split(".").every((o) => Number(o) <= 255);
    case "vlanlist":
      return /^[\d,-]+$/.test(word) || word === "all" || word === "none";
    default:
      return true;
  }
}

export interface LineResult {
  output: string;
  /** True when the line was refused (an IOS error was printed). */
  error: boolean;
}

/** Runs one line typed at the prompt `prompt` and returns what IOS prints after the echo. */
export function runLine(sw: IosSwitch, s: Session, line: string, prompt: string): LineResult {
  const trimmed = line.replace(/\s+$/, "");
  if (trimmed.trim() === "" || trimmed.trim().startsWith("!")) return { output: "", error: false };
  // `do <command>` runs a privileged command from configuration mode.
  const doMatch = /^\s*do\s+(.*)$/.exec(trimmed);
  if (doMatch && s.mode.startsWith("config")) {
    const mode = s.mode;
    s.mode = "privileged";
    const result = runLine(sw, s, doMatch[1]!, prompt);
    if (s.mode === "privileged") s.mode = mode;
    return result;
  }
  // `show … | include|exclude|begin|section REGEX` filters what a show command prints.
  const pipe = /^(show\s.*?)\s+\|\s+(\w+)\s+(.+)$/i.exec(trimmed.trim());
  if (pipe) {
    const filter = ["include", "exclude", "begin", "section"].find((f) => f.startsWith(pipe[2]!.toLowerCase()));
    if (!filter) return { output: `${" ".repeat(prompt.length + trimmed.indexOf(pipe[2]!))}^\n% Invalid input detected at '^' marker.\n\n`, error: true };
    const result = runLine(sw, s, pipe[1]!, prompt);
    if (result.error) return result;
    return { output: applyPipe(result.output, filter, new RegExp(pipe[3]!)), error: false };
  }
  const words: Array<{ text: string; at: number }> = [];
  for (const m of trimmed.matchAll(/\S+/g)) words.push({ text: m[0], at: m.index! });
  const invalid = (at: number): LineResult => ({ output: `${" ".repeat(prompt.length + at)}^\n% Invalid input detected at '^' marker.\n\n`, error: true });
  let candidates = COMMANDS.filter((c) => c.modes.includes(s.mode));
  const args: string[] = [];
  let pos = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const lower = word.text.toLowerCase();
    const keywords = [...new Set(candidates.map((c) => c.tokens[pos]).filter((t): t is string => typeof t === "string"))];
    const exact = keywords.filter((k) => k === lower);
    const prefixed = exact.length > 0 ? exact : keywords.filter((k) => k.startsWith(lower));
    if (prefixed.length > 1) return { output: `% Ambiguous command:  "${trimmed}"\n`, error: true };
    if (prefixed.length === 1) {
      candidates = candidates.filter((c) => c.tokens[pos] === prefixed[0]);
      pos++;
      continue;
    }
    const withParam = candidates.filter((c) => typeof c.tokens[pos] === "object");
    const paramOf = (c: Command) => (c.tokens[pos] as { param: Param }).param;
    const rest = withParam.find((c) => paramOf(c) === "text" || paramOf(c) === "range");
    if (rest) {
      // A rest-of-line parameter takes everything that follows.
      args.push(trimmed.slice(word.at));
      candidates = [rest];
      pos++;
      break;
    }
    const iface = withParam.find((c) => paramOf(c) === "iface");
    if (iface) {
      // `interface vlan 10`: the number may come as a separate word.
      let text = word.text;
      const next = words[i + 1];
      if (!/\d/.test(text) && next && /^\d/.test(next.text)) {
        text += next.text;
        i++;
      }
      args.push(text);
      candidates = [iface];
      pos++;
      continue;
    }
    const params = withParam.filter((c) => paramMatches(c.tokens[pos] as Exclude<Token, string>, word.text));
    if (params.length > 0) {
      args.push(word.text);
      candidates = params;
      pos++;
      continue;
    }
    if (i === 0 && (s.mode === "exec" || s.mode === "privileged") && words.length === 1) {
      return { output: "% Unknown command or computer name, or unable to find computer address\n", error: true };
    }
    return invalid(word.at);
  }
  const ready = candidates.find((c) => c.tokens.length === pos);
  if (!ready) return { output: "% Incomplete command.\n\n", error: true };
  const output = ready.run(sw, s, args) ?? "";
  if (output === "% Invalid input detected at '^' marker.\n") return invalid(words.at(-1)!.at);
  return { output, error: output.startsWith("%") && !output.startsWith("% Access VLAN does not exist") };
}

function applyPipe(output: string, filter: string, re: RegExp): string {
  const lines = output.split("\n");
  let kept: string[];
  if (filter === "include") kept = lines.filter((l) => re.test(l));
  else if (filter === "exclude") kept = lines.filter((l) => !re.test(l));
  else if (filter === "begin") kept = lines.slice(Math.max(0, lines.findIndex((l) => re.test(l))));
  else {
    // section: each top-level line that matches, with its indented lines.
    kept = [];
    let inSection = false;
    for (const l of lines) {
      if (!l.startsWith(" ")) inSection = re.test(l);
      if (inSection) kept.push(l);
    }
  }
  return kept.filter((l) => l !== "").join("\n") + "\n";
}

export function newSession(): Session {
  return { mode: "exec", ports: [], terminalLength: 24 };
}

export function promptFor(sw: IosSwitch, s: Session): string {
  const suffix = { exec: ">", privileged: "#", config: "(config)#", "config-if": "(config-if)#", "config-vlan": "(config-vlan)#", "config-line": "(config-line)#" }[s.mode];
  return `${sw.running.hostname}${suffix}`;
}

export type { Session };
