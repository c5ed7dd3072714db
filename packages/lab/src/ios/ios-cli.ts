/**
 * The IOS command line of the emulated switch: modes, a grammar with
 * abbreviations (`conf t`, `int gi1/0/1`, `sw mo acc`), and IOS's own
 * errors (`% Invalid input detected at '^' marker.` under the bad word,
 * `% Incomplete command.`, `% Ambiguous command:`).
 */
import { defaultVlanName, parseVlanList, resolveInterface, vlansInConfig, type PortState, type SwitchConfig, type VtpMode } from "./ios-state";
import { showRunningConfig, showVlanBrief, showVtpStatus } from "./ios-show";
import { showInterfaces, showInterfacesStatus, showInterfacesSwitchport, showIpInterface, showIpInterfaceBrief } from "./ios-show-interfaces";
import { LLDP_NOT_ENABLED, showCdp, showCdpNeighbors, showCdpNeighborsDetail, showMacAddressTable } from "./ios-show-neighbors";
import { showClock, showInventory, showPrivilege, showVersion } from "./ios-show-system";
import { showVlan } from "./ios-show-vlan";
import { SWITCHPORTS } from "./ios-hardware";
import { knownKeywords, matchKeyword } from "./ios-abbreviations";
import { applyPipe, PIPE_FILTERS, splitPipe } from "./ios-pipe";
import { copyRunningToStartup, reload, saveRunning, type Dialogue } from "./ios-dialogues";

export type Mode = "exec" | "privileged" | "config" | "config-if" | "config-vlan" | "config-line";

type Param = "int" | "word" | "text" | "vlanlist" | "ip" | "iface" | "range";
type Token = string | { param: Param; min?: number; max?: number };

interface Session {
  mode: Mode;
  /** Ports (or an SVI) being configured in config-if; the VLAN in config-vlan. */
  ports: string[];
  svi?: number;
  vlan?: number;
  /** In config-if after `interface range` (the prompt is `(config-if-range)#`). */
  range?: boolean;
  terminalLength: number;
}

export interface IosSwitch {
  running: SwitchConfig;
  startup: SwitchConfig;
  enableSecret?: string;
  /** When the switch booted (ms since the epoch), for `show version`'s uptime. */
  bootedAt?: number;
}

interface Command {
  modes: Mode[];
  tokens: Token[];
  run(sw: IosSwitch, s: Session, args: string[]): string | void | Dialogue;
}

const int = (min: number, max: number): Token => ({ param: "int", min, max });
const IF: Mode[] = ["config-if"];
const PRIV: Mode[] = ["privileged"];
const EXEC: Mode[] = ["exec", "privileged"];
const CONF: Mode[] = ["config"];

const CLIENT_REFUSAL = "VTP VLAN configuration not allowed when device is in CLIENT mode.\n";

/**
 * After a VLAN change: outside transparent mode the VLANs live in vlan.dat,
 * written at once (and a server raises its configuration revision), so they
 * are in the startup state whether or not the configuration is saved.
 */
function vlansChanged(sw: IosSwitch): void {
  if (vlansInConfig(sw.running.vtp)) return;
  if (sw.running.vtp.mode === "server") sw.running.vtp.revision++;
  sw.startup.vlans = new Map(sw.running.vlans);
  sw.startup.vtp = { ...sw.running.vtp };
}

function forPorts(sw: IosSwitch, s: Session, change: (p: PortState) => void): string | void {
  if (s.svi !== undefined || s.ports.some((p) => !SWITCHPORTS.includes(p))) return "% Invalid input detected at '^' marker.\n";
  for (const name of s.ports) change(sw.running.ports.get(name)!);
}

/** Runs `show` on the interface the user named (`gi1/0/3`, `vlan 10`), or refuses the name as IOS does. */
function onInterface(sw: IosSwitch, text: string, show: (name: string) => string): string {
  const target = resolveInterface(text);
  if (!target || (target.kind === "svi" && !sw.running.svis.has(target.vlan))) return "% Invalid input detected at '^' marker.\n";
  return show(target.kind === "port" ? target.name : `Vlan${target.vlan}`);
}

/** `show running-config interface X`: that interface's block of the running configuration. */
function showRunningConfigInterface(sw: IosSwitch, text: string): string {
  return onInterface(sw, text, (name) => {
    const config = showRunningConfig(sw.running);
    const start = config.indexOf(`\ninterface ${name}\n`);
    const block = config.slice(start + 1, config.indexOf("\n!\n", start) + 1);
    const body = `!\n${block}end\n`;
    return `Building configuration...\n\nCurrent configuration : ${Buffer.byteLength(body) - 6} bytes\n${body}`;
  });
}

const COMMANDS: Command[] = [
  { modes: ["exec"], tokens: ["enable"], run: (_sw, s) => void (s.mode = "privileged") },
  { modes: PRIV, tokens: ["disable"], run: (_sw, s) => void (s.mode = "exec") },
  { modes: EXEC, tokens: ["terminal", "length", int(0, 512)], run: (_sw, s, [n]) => void (s.terminalLength = Number(n)) },
  { modes: EXEC, tokens: ["terminal", "width", int(0, 512)], run: () => undefined },
  { modes: EXEC, tokens: ["show", "version"], run: (sw) => showVersion(sw.running.hostname, (Date.now() - (sw.bootedAt ?? Date.now())) / 1000, sw.running.svis.size) },
  { modes: EXEC, tokens: ["show", "privilege"], run: (_sw, s) => showPrivilege(s.mode === "privileged") },
  { modes: EXEC, tokens: ["show", "clock"], run: () => showClock(new Date()) },
  { modes: EXEC, tokens: ["show", "inventory"], run: () => showInventory() },
  { modes: PRIV, tokens: ["configure", "terminal"], run: (_sw, s) => {
    s.mode = "config";
    return "Enter configuration commands, one per line.  End with CNTL/Z.\n";
  } },
  { modes: PRIV, tokens: ["show", "running-config"], run: (sw) => showRunningConfig(sw.running) },
  { modes: PRIV, tokens: ["show", "running-config", "interface", { param: "iface" }], run: (sw, _s, [text]) => showRunningConfigInterface(sw, text!) },
  { modes: PRIV, tokens: ["show", "startup-config"], run: (sw) => showRunningConfig(sw.startup).replace(/^Building configuration...\n\nCurrent configuration : \d+ bytes/, "Using 4096 out of 65536 bytes") },
  { modes: EXEC, tokens: ["show", "vlan"], run: (sw) => showVlan(sw.running) },
  { modes: EXEC, tokens: ["show", "vlan", "brief"], run: (sw) => showVlanBrief(sw.running) },
  { modes: EXEC, tokens: ["show", "interfaces"], run: (sw) => showInterfaces(sw.running) },
  { modes: EXEC, tokens: ["show", "interfaces", "status"], run: (sw) => showInterfacesStatus(sw.running) },
  { modes: EXEC, tokens: ["show", "interfaces", "switchport"], run: (sw) => showInterfacesSwitchport(sw.running) },
  { modes: EXEC, tokens: ["show", "interfaces", { param: "iface" }], run: (sw, _s, [text]) => onInterface(sw, text!, (name) => showInterfaces(sw.running, name)) },
  { modes: EXEC, tokens: ["show", "interfaces", { param: "iface" }, "switchport"], run: (sw, _s, [text]) => onInterface(sw, text!, (name) => showInterfacesSwitchport(sw.running, name)) },
  { modes: EXEC, tokens: ["show", "ip", "interface"], run: (sw) => showIpInterface(sw.running) },
  { modes: EXEC, tokens: ["show", "ip", "interface", "brief"], run: (sw) => showIpInterfaceBrief(sw.running) },
  // No interface has IPv6 enabled: IOS prints nothing.
  { modes: EXEC, tokens: ["show", "ipv6", "interface"], run: () => "" },
  { modes: EXEC, tokens: ["show", "mac", "address-table"], run: () => showMacAddressTable() },
  { modes: EXEC, tokens: ["show", "cdp"], run: () => showCdp() },
  { modes: EXEC, tokens: ["show", "cdp", "neighbors"], run: () => showCdpNeighbors() },
  { modes: EXEC, tokens: ["show", "cdp", "neighbors", "detail"], run: () => showCdpNeighborsDetail() },
  { modes: EXEC, tokens: ["show", "lldp"], run: () => LLDP_NOT_ENABLED },
  { modes: EXEC, tokens: ["show", "lldp", "neighbors"], run: () => LLDP_NOT_ENABLED },
  { modes: EXEC, tokens: ["show", "lldp", "neighbors", "detail"], run: () => LLDP_NOT_ENABLED },
  { modes: PRIV, tokens: ["write"], run: (sw) => saveRunning(sw) },
  { modes: PRIV, tokens: ["write", "memory"], run: (sw) => saveRunning(sw) },
  { modes: PRIV, tokens: ["write", "terminal"], run: (sw) => showRunningConfig(sw.running) },
  { modes: PRIV, tokens: ["copy", "running-config", "startup-config"], run: () => copyRunningToStartup() },
  { modes: PRIV, tokens: ["reload"], run: (sw) => reload(sw) },
  { modes: CONF, tokens: ["hostname", { param: "word" }], run: (sw, _s, [name]) => void (sw.running.hostname = name!) },
  { modes: ["config", "config-vlan", "config-if", "config-line"], tokens: ["vlan", int(1, 4094)], run: (sw, s, [id]) => {
    const vlan = Number(id);
    if (sw.running.vtp.mode === "client") return CLIENT_REFUSAL;
    if (vlan >= 1002 && vlan <= 1005) return "Default VLAN " + vlan + " may not have its name changed.\n";
    if (!sw.running.vlans.has(vlan)) {
      sw.running.vlans.set(vlan, defaultVlanName(vlan));
      vlansChanged(sw);
    }
    Object.assign(s, { mode: "config-vlan", vlan, ports: [], svi: undefined });
  } },
  { modes: CONF, tokens: ["no", "vlan", int(1, 4094)], run: (sw, _s, [id]) => {
    if (sw.running.vtp.mode === "client") return CLIENT_REFUSAL;
    if (Number(id) === 1) return "%Default VLAN 1 may not be deleted.\n";
    sw.running.vlans.delete(Number(id));
    vlansChanged(sw);
  } },
  { modes: ["config-vlan"], tokens: ["name", { param: "word" }], run: (sw, s, [name]) => {
    if (name!.length > 32) return "% Invalid input detected at '^' marker.\n";
    sw.running.vlans.set(s.vlan!, name!);
    vlansChanged(sw);
  } },
  ...(["server", "client", "transparent", "off"] as const).map((mode): Command => ({ modes: CONF, tokens: ["vtp", "mode", mode], run: (sw) => setVtpMode(sw, mode) })),
  { modes: CONF, tokens: ["vtp", "domain", { param: "word" }], run: (sw, _s, [domain]) => {
    if (domain!.length > 32) return "% Invalid input detected at '^' marker.\n";
    const before = sw.running.vtp.domain;
    if (before === domain) return `Domain name already set to ${domain}.\n`;
    sw.running.vtp.domain = domain!;
    sw.startup.vtp = { ...sw.running.vtp };
    return `Changing VTP domain name from ${before || "NULL"} to ${domain}\n`;
  } },
  { modes: EXEC, tokens: ["show", "vtp", "status"], run: (sw) => showVtpStatus(sw.running) },
  { modes: ["config", "config-if", "config-vlan", "config-line"], tokens: ["interface", { param: "iface" }], run: (sw, s, [text]) => {
    const target = resolveInterface(text!);
    if (!target) return "% Invalid input detected at '^' marker.\n";
    if (target.kind === "svi") {
      if (!sw.running.svis.has(target.vlan)) sw.running.svis.set(target.vlan, { shutdown: false });
      Object.assign(s, { mode: "config-if", ports: [], svi: target.vlan, range: false });
    } else Object.assign(s, { mode: "config-if", ports: [target.name], svi: undefined, range: false });
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
    Object.assign(s, { mode: "config-if", ports, svi: undefined, range: true });
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
    if (!sw.running.vlans.has(vlan) && sw.running.vtp.mode !== "client") {
      sw.running.vlans.set(vlan, defaultVlanName(vlan));
      vlansChanged(sw);
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
  { modes: CONF, tokens: ["logging", "host", { param: "ip" }], run: (sw, _s, [ip]) => void (sw.running.loggingHosts.includes(ip!) || sw.running.loggingHosts.push(ip!)) },
  { modes: CONF, tokens: ["no", "logging", "host", { param: "ip" }], run: (sw, _s, [ip]) => void (sw.running.loggingHosts = sw.running.loggingHosts.filter((h) => h !== ip)) },
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

/** `vtp mode …`: kept in vlan.dat at once, so it survives a reload whether saved or not. */
function setVtpMode(sw: IosSwitch, mode: VtpMode): string {
  const words = { server: "Server", client: "Client", transparent: "Transparent", off: "Off" }[mode];
  if (sw.running.vtp.mode === mode) return `Device mode already VTP ${words}.\n`;
  sw.running.vtp.mode = mode;
  sw.startup.vtp = { ...sw.running.vtp };
  return `Setting device to VTP ${words} mode for VLANS.\n`;
}

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
  /** A question the command asks before it acts (`copy`, `reload`): the next line typed is its answer. */
  ask?: Dialogue;
}

interface Word {
  text: string;
  at: number;
}

/** Where the words of a line lead in the grammar: the commands still possible and the arguments taken. */
type Walk =
  | { kind: "ok"; candidates: Command[]; pos: number; args: string[]; keywords: string[] }
  | { kind: "ambiguous" }
  | { kind: "invalid"; at: number; unknownWord: boolean };

function splitWords(line: string): Word[] {
  return [...line.matchAll(/\S+/g)].map((m) => ({ text: m[0], at: m.index! }));
}

/** Keywords that may come at `pos` among the candidates, and the ones IOS knows there that the lab does not implement. */
function keywordsAt(s: Session, candidates: Command[], pos: number, path: string[]): { implemented: string[]; known: Record<string, string> } {
  const implemented = [...new Set(candidates.map((c) => c.tokens[pos]).filter((t): t is string => typeof t === "string"))];
  return { implemented, known: path.length === pos ? knownKeywords(s.mode, path) : {} };
}

function walk(s: Session, line: string, words: Word[]): Walk {
  let candidates = COMMANDS.filter((c) => c.modes.includes(s.mode));
  const args: string[] = [];
  const path: string[] = [];
  let pos = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const { implemented, known } = keywordsAt(s, candidates, pos, path);
    const match = matchKeyword(word.text, [...implemented, ...Object.keys(known)]);
    if (match.kind === "ambiguous") return { kind: "ambiguous" };
    if (match.kind === "keyword") {
      // A keyword IOS has and the lab does not is answered as an unknown word.
      if (!implemented.includes(match.keyword)) return { kind: "invalid", at: word.at, unknownWord: i === 0 };
      candidates = candidates.filter((c) => c.tokens[pos] === match.keyword);
      if (path.length === pos) path.push(match.keyword);
      pos++;
      continue;
    }
    const withParam = candidates.filter((c) => typeof c.tokens[pos] === "object");
    const paramOf = (c: Command) => (c.tokens[pos] as { param: Param }).param;
    const rest = withParam.filter((c) => paramOf(c) === "text" || paramOf(c) === "range");
    if (rest.length > 0) {
      // A rest-of-line parameter takes everything that follows.
      args.push(line.slice(word.at).trimEnd());
      return { kind: "ok", candidates: rest, pos: pos + 1, args, keywords: path };
    }
    const iface = withParam.filter((c) => paramOf(c) === "iface");
    if (iface.length > 0) {
      // `interface vlan 10`: the number may come as a separate word.
      let text = word.text;
      const next = words[i + 1];
      if (!/\d/.test(text) && next && /^\d/.test(next.text)) {
        text += next.text;
        i++;
      }
      args.push(text);
      candidates = iface;
      pos++;
      continue;
    }
    const params = withParam.filter((c) => paramMatches(c.tokens[pos] as Exclude<Token, string>, word.text));
    if (params.length === 0) return { kind: "invalid", at: word.at, unknownWord: i === 0 };
    args.push(word.text);
    candidates = params;
    pos++;
  }
  return { kind: "ok", candidates, pos, args, keywords: path };
}

const caret = (prompt: string, at: number): LineResult => ({ output: `${" ".repeat(prompt.length + at)}^\n% Invalid input detected at '^' marker.\n\n`, error: true });

/** Runs one line typed at the prompt `prompt` and returns what IOS prints after the echo. */
export function runLine(sw: IosSwitch, s: Session, line: string, prompt: string): LineResult {
  const trimmed = line.replace(/\s+$/, "");
  if (trimmed.trim() === "" || trimmed.trim().startsWith("!")) return { output: "", error: false };
  // `do <command>` runs a privileged command from configuration mode.
  const doMatch = /^(\s*do\s+)(.*)$/.exec(trimmed);
  if (doMatch && s.mode.startsWith("config")) {
    const mode = s.mode;
    s.mode = "privileged";
    const result = runLine(sw, s, doMatch[2]!, prompt + doMatch[1]!);
    if (s.mode === "privileged") s.mode = mode;
    return result;
  }
  // `show … | include|exclude|begin|section|count REGEX` filters what a show command prints.
  const pipe = splitPipe(trimmed);
  if (pipe.kind !== "none") {
    const command = trimmed.slice(0, trimmed.indexOf("|")).trimEnd();
    const first = splitWords(command)[0];
    const isShow = first !== undefined && matchKeyword(first.text, ["show"]).kind === "keyword";
    if (!isShow) return caret(prompt, trimmed.indexOf("|"));
    if (pipe.kind === "error") {
      if (pipe.message === "incomplete") return { output: "% Incomplete command.\n\n", error: true };
      if (pipe.message === "ambiguous") return { output: `% Ambiguous command:  "${trimmed}"\n`, error: true };
      return caret(prompt, pipe.at);
    }
    const result = runLine(sw, s, pipe.command, prompt);
    if (result.error) return result;
    return { output: applyPipe(result.output, pipe.filter, pipe.regex), error: false };
  }
  const words = splitWords(trimmed);
  const walked = walk(s, trimmed, words);
  if (walked.kind === "ambiguous") return { output: `% Ambiguous command:  "${trimmed}"\n`, error: true };
  if (walked.kind === "invalid") {
    if (walked.unknownWord && (s.mode === "exec" || s.mode === "privileged") && words.length === 1) {
      return { output: "% Unknown command or computer name, or unable to find computer address\n", error: true };
    }
    return caret(prompt, walked.at);
  }
  const ready = walked.candidates.find((c) => c.tokens.length === walked.pos);
  if (!ready) return { output: "% Incomplete command.\n\n", error: true };
  const result = ready.run(sw, s, walked.args) ?? "";
  if (typeof result !== "string") return { output: result.output ?? "", error: false, ask: result };
  if (result === "% Invalid input detected at '^' marker.\n") return caret(prompt, words.at(-1)!.at);
  return { output: result, error: result.startsWith("%") && !result.startsWith("% Access VLAN does not exist") };
}

/** The answer to the line typed in reply to `ask`. */
export function answerDialogue(sw: IosSwitch, ask: Dialogue, text: string): LineResult {
  const next = ask.answer(sw, text);
  if (typeof next !== "string") return { output: next.output ?? "", error: false, ask: next };
  return { output: next, error: next.startsWith("%") };
}

const HEADINGS: Record<Mode, string> = {
  exec: "Exec commands:",
  privileged: "Exec commands:",
  config: "Configure commands:",
  "config-if": "Interface configuration commands:",
  "config-vlan": "VLAN configuration commands:",
  "config-line": "Line configuration commands:",
};

function paramHelp(token: Exclude<Token, string>): [string, string] {
  switch (token.param) {
    case "int":
      return [`<${token.min}-${token.max}>`, "Number"];
    case "ip":
      return ["A.B.C.D", "IP address"];
    case "iface":
    case "range":
      return ["GigabitEthernet", "GigabitEthernet IEEE 802.3z"];
    case "vlanlist":
      return ["WORD", "VLAN IDs of the allowed VLANs when this port is in trunking mode"];
    default:
      return ["LINE", "Text"];
  }
}

/** What IOS prints for `?` typed after `line`: the next keywords with their help, or the keywords a partial word may become. */
export function helpFor(s: Session, line: string): string {
  const partial = /\S$/.test(line);
  const words = splitWords(line);
  const done = partial ? words.slice(0, -1) : words;
  const walked = walk(s, line, done);
  if (walked.kind === "ambiguous") return `% Ambiguous command:  "${line}"\n`;
  if (walked.kind === "invalid") return `% Unrecognized command\n`;
  const inPipe = line.includes("|");
  const { implemented, known } = keywordsAt(s, walked.candidates, walked.pos, walked.keywords);
  const help: Record<string, string> = inPipe ? { ...PIPE_FILTERS } : { ...known };
  if (!inPipe) for (const k of implemented) help[k] ??= "";
  if (partial) {
    const prefix = words.at(-1)!.text.toLowerCase();
    const matching = Object.keys(help).filter((k) => k.startsWith(prefix)).sort();
    return matching.length === 0 ? "% Unrecognized command\n" : `${matching.map((k) => `${k}  `).join("")}\n\n`;
  }
  const rows: Array<[string, string]> = Object.keys(help).sort().map((k) => [k, help[k]!]);
  for (const c of walked.candidates) {
    const token = c.tokens[walked.pos];
    if (typeof token === "object") rows.push(paramHelp(token));
  }
  if (!inPipe && walked.candidates.some((c) => c.tokens.length === walked.pos)) {
    if (done.length > 0 && done[0]!.text.toLowerCase().startsWith("sh")) rows.push(["|", "Output modifiers"]);
    rows.push(["<cr>", ""]);
  }
  const width = Math.max(...rows.map(([k]) => k.length));
  const list = rows.map(([k, h]) => `  ${k.padEnd(width)}  ${h}`.trimEnd()).join("\n");
  return done.length === 0 ? `${HEADINGS[s.mode]}\n${list}\n\n` : `${list}\n\n`;
}

/** Tab: the line with its last word completed to the one keyword it can become, or undefined. */
export function completeLine(s: Session, line: string): string | undefined {
  if (!/\S$/.test(line)) return undefined;
  const words = splitWords(line);
  const last = words.at(-1)!;
  const walked = walk(s, line, words.slice(0, -1));
  if (walked.kind !== "ok") return undefined;
  const { implemented, known } = keywordsAt(s, walked.candidates, walked.pos, walked.keywords);
  const match = matchKeyword(last.text, [...implemented, ...Object.keys(known)]);
  return match.kind === "keyword" ? `${line.slice(0, last.at)}${match.keyword} ` : undefined;
}

export function newSession(): Session {
  return { mode: "exec", ports: [], terminalLength: 24 };
}

export function promptFor(sw: IosSwitch, s: Session): string {
  if (s.mode === "config-if" && s.range) return `${sw.running.hostname}(config-if-range)#`;
  const suffix = { exec: ">", privileged: "#", config: "(config)#", "config-if": "(config-if)#", "config-vlan": "(config-vlan)#", "config-line": "(config-line)#" }[s.mode];
  return `${sw.running.hostname}${suffix}`;
}

export type { Session };
