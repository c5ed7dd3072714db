/**
 * Emulated meeting-room endpoints: a Poly (REST API) and a Cisco RoomOS
 * (xAPI) over HTTPS with the lab certificate, on loopback. Each keeps its
 * parameters, validates what it is given, limits sessions, locks logins after
 * repeated failures, and reports SIP / H.323 registration as "up" only when
 * the configured registrar or gatekeeper and credentials match the lab MCU.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import * as https from "node:https";
import { XMLParser } from "fast-xml-parser";
import { labCertificate } from "../routeros/lab-certificate";
import { listenOn, type ListenAddress } from "../listen";

/** What the lab MCU accepts. */
export interface LabMcu {
  registrar: string;
  gatekeeper: string;
  /** SIP credentials it accepts, user → password. */
  sipUsers: Record<string, string>;
}

export interface EndpointFaults {
  /** Answer every request with 503 (the device is busy or rebooting). */
  unavailable?: boolean;
  /** Delay each answer, in milliseconds. */
  latencyMs?: number;
}

interface Validation {
  kind: "text" | "bool" | "int" | "enum" | "ipv4";
  range?: [number, number];
  values?: readonly string[];
  /** Never returned by reads. */
  secret?: boolean;
  /** Changing it needs a reboot to take effect. */
  reboot?: boolean;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function valid(v: Validation, value: string): boolean {
  switch (v.kind) {
    case "bool":
      return ["True", "False"].includes(value);
    case "int":
      return /^\d+$/.test(value) && Number(value) >= v.range![0] && Number(value) <= v.range![1];
    case "enum":
      return v.values!.includes(value);
    case "ipv4":
      return value === "" || (IPV4.test(value) && value.split(".").every((o) => Number(o) <= 255));
    default:
      return value.length <= 64;
  }
}

/** The Poly parameters the lab knows, with their rules and factory values. */
const POLY: Record<string, Validation & { factory: string }> = {
  "device.local.deviceName": { kind: "text", factory: "Poly G7500" },
  "comm.nics.sipnic.enable": { kind: "bool", factory: "False" },
  "comm.nics.sipnic.registrarserver": { kind: "text", factory: "" },
  "comm.nics.sipnic.proxyserver": { kind: "text", factory: "" },
  "comm.nics.sipnic.username": { kind: "text", factory: "" },
  "comm.nics.sipnic.password": { kind: "text", factory: "", secret: true },
  "comm.nics.sipnic.transportprotocol": { kind: "enum", values: ["AUTO", "TCP", "UDP", "TLS"], factory: "AUTO" },
  "comm.nics.h323nic.enable": { kind: "bool", factory: "True" },
  "comm.nics.h323nic.gatekeeperipaddress": { kind: "text", factory: "" },
  "comm.nics.h323nic.h323name": { kind: "text", factory: "" },
  "comm.nics.h323nic.h323extension": { kind: "text", factory: "" },
  "device.net.dhcp": { kind: "enum", values: ["Client", "Off"], factory: "Client", reboot: true },
  "device.net.ipaddress": { kind: "ipv4", factory: "", reboot: true },
  "device.net.subnetmask": { kind: "ipv4", factory: "", reboot: true },
  "device.net.defaultgateway": { kind: "ipv4", factory: "", reboot: true },
  "device.net.vlanid": { kind: "int", range: [1, 4094], factory: "1", reboot: true },
  "comm.qos.audio.dscp": { kind: "int", range: [0, 63], factory: "0" },
  "comm.qos.video.dscp": { kind: "int", range: [0, 63], factory: "0" },
  "device.sntp.address": { kind: "text", factory: "" },
  "provisionserver.enable": { kind: "bool", factory: "True" },
  "device.syslog.serveraddress": { kind: "text", factory: "" },
};

/** The Cisco configuration paths the lab knows. */
const CISCO: Record<string, Validation & { factory: string }> = {
  "SystemUnit/Name": { kind: "text", factory: "" },
  "SIP/Proxy/1/Address": { kind: "text", factory: "" },
  "SIP/URI": { kind: "text", factory: "" },
  "SIP/Authentication/Password": { kind: "text", factory: "", secret: true },
  "SIP/DefaultTransport": { kind: "enum", values: ["Auto", "TCP", "Tls", "UDP"], factory: "Auto" },
  "H323/Mode": { kind: "enum", values: ["On", "Off"], factory: "Off" },
  "H323/Gatekeeper/Address": { kind: "text", factory: "" },
  "H323/H323Alias/ID": { kind: "text", factory: "" },
  "H323/H323Alias/E164": { kind: "text", factory: "" },
  "Network/1/IPv4/Assignment": { kind: "enum", values: ["Static", "DHCP"], factory: "DHCP" },
  "Network/1/IPv4/Address": { kind: "ipv4", factory: "" },
  "Network/1/IPv4/SubnetMask": { kind: "ipv4", factory: "" },
  "Network/1/IPv4/Gateway": { kind: "ipv4", factory: "" },
  "Network/1/VLAN/Voice/VlanId": { kind: "int", range: [1, 4094], factory: "1" },
  "Network/1/QoS/Diffserv/Audio": { kind: "int", range: [0, 63], factory: "0" },
  "Network/1/QoS/Diffserv/Video": { kind: "int", range: [0, 63], factory: "0" },
  "NetworkServices/NTP/Server/1/Address": { kind: "text", factory: "" },
  "Provisioning/Mode": { kind: "enum", values: ["Off", "Auto", "CUCM", "Webex"], factory: "Auto" },
  "Logging/External/Server/1/Address": { kind: "text", factory: "" },
};

const MAX_SESSIONS = 5;
const LOCK_AFTER_FAILURES = 5;

abstract class EmulatedEndpoint {
  private server: https.Server | undefined;
  readonly params = new Map<string, string>();
  faults: EndpointFaults = {};
  protected failures = 0;
  /** Requests answered, for call counts. */
  requests = 0;

  constructor(
    protected readonly table: Record<string, Validation & { factory: string }>,
    readonly username: string,
    readonly password: string,
    protected readonly mcu: LabMcu,
  ) {
    for (const [name, v] of Object.entries(table)) this.params.set(name, v.factory);
  }

  /** The settings as the endpoint keeps them across a reboot. */
  saved(): Record<string, string> {
    return Object.fromEntries(this.params);
  }

  /** Boots with saved settings; names this model does not have are left out. */
  restore(saved: Record<string, string>): void {
    for (const [name, value] of Object.entries(saved)) if (name in this.table) this.params.set(name, value);
  }

  async listen(at: ListenAddress = {}): Promise<number> {
    const { key, cert } = labCertificate();
    this.server = https.createServer({ key, cert }, (req, res) => void this.serve(req, res));
    return listenOn(this.server, at);
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  protected async body(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.requests++;
    if (this.faults.latencyMs) await new Promise((r) => setTimeout(r, this.faults.latencyMs));
    if (this.faults.unavailable) {
      res.writeHead(503).end();
      return;
    }
    await this.handle(req, res);
  }

  protected abstract handle(req: IncomingMessage, res: ServerResponse): Promise<void>;

  /** Checks and stores values; the name of the first bad parameter and why, or undefined. */
  protected set(values: ReadonlyArray<[string, string]>): { error?: string; rebootNeeded: boolean } {
    for (const [name, value] of values) {
      const rule = this.table[name];
      if (!rule) return { error: `Unknown parameter ${name}`, rebootNeeded: false };
      if (!valid(rule, value)) {
        const allowed = rule.kind === "int" ? ` (range ${rule.range![0]}-${rule.range![1]})` : rule.kind === "enum" ? ` (allowed: ${rule.values!.join(", ")})` : "";
        return { error: `Invalid value for ${name}: ${value}${allowed}`, rebootNeeded: false };
      }
    }
    let rebootNeeded = false;
    for (const [name, value] of values) {
      if (this.params.get(name) !== value && this.table[name]!.reboot) rebootNeeded = true;
      this.params.set(name, value);
    }
    return { rebootNeeded };
  }

  protected sipState(registrar: string, user: string, password: string, enabled: boolean): { up: boolean; text: string } {
    if (!enabled) return { up: false, text: "Disabled" };
    if (registrar === "") return { up: false, text: "No registrar configured" };
    if (registrar !== this.mcu.registrar) return { up: false, text: `Failed: no response from ${registrar}` };
    if (this.mcu.sipUsers[user] === undefined || this.mcu.sipUsers[user] !== password) return { up: false, text: "Failed: 401 Unauthorized" };
    return { up: true, text: `Registered to ${registrar} as ${user}` };
  }

  protected gatekeeperState(gatekeeper: string, enabled: boolean): { up: boolean; text: string } {
    if (!enabled) return { up: false, text: "Disabled" };
    if (gatekeeper === "") return { up: false, text: "No gatekeeper configured" };
    if (gatekeeper !== this.mcu.gatekeeper) return { up: false, text: `Rejected: gatekeeper ${gatekeeper} not reachable` };
    return { up: true, text: `Registered with ${gatekeeper}` };
  }
}

/** A Poly G7500 (VideoOS) REST API. */
export class LabPolyEndpoint extends EmulatedEndpoint {
  private readonly sessions = new Set<string>();
  private lockedUntil = 0;
  reboots = 0;
  rebootNeeded = false;

  constructor(username: string, password: string, mcu: LabMcu) {
    super(POLY, username, password, mcu);
  }

  private json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "https://poly");
    const text = await this.body(req);
    let body: Record<string, unknown> = {};
    try {
      body = text === "" ? {} : (JSON.parse(text) as Record<string, unknown>);
    } catch {
      return this.json(res, 400, { success: false, reason: "Malformed JSON" });
    }
    const cookie = /session_id=([0-9a-f]+)/.exec(req.headers.cookie ?? "")?.[1];
    if (url.pathname === "/rest/session" && req.method === "POST" && body.action === "Login") {
      if (Date.now() < this.lockedUntil) return this.json(res, 403, { success: false, reason: "Account locked: too many failed login attempts. Try again in 60 seconds." });
      if (body.user !== this.username || body.password !== this.password) {
        if (++this.failures >= LOCK_AFTER_FAILURES) {
          this.lockedUntil = Date.now() + 60_000;
          this.failures = 0;
        }
        return this.json(res, 401, { success: false, reason: "Invalid username or password" });
      }
      if (this.sessions.size >= MAX_SESSIONS) return this.json(res, 409, { success: false, reason: `Maximum number of sessions (${MAX_SESSIONS}) reached` });
      this.failures = 0;
      const id = randomBytes(16).toString("hex");
      this.sessions.add(id);
      return this.json(res, 200, { success: true }, { "set-cookie": `session_id=${id}; Path=/; Secure; HttpOnly` });
    }
    if (!cookie || !this.sessions.has(cookie)) return this.json(res, 401, { success: false, reason: "Session expired or not logged in" });
    if (url.pathname === "/rest/session" && body.action === "Logout") {
      this.sessions.delete(cookie);
      return this.json(res, 200, { success: true });
    }
    if (url.pathname === "/rest/config" && req.method === "POST" && body.action === "get") {
      const names = (body.names ?? []) as string[];
      const unknown = names.find((n) => !(n in POLY));
      if (unknown) return this.json(res, 400, { success: false, reason: `Unknown parameter ${unknown}` });
      return this.json(res, 200, names.filter((n) => !POLY[n]!.secret).map((n) => ({ name: n, value: this.params.get(n) })));
    }
    if (url.pathname === "/rest/config" && req.method === "POST" && body.action === "set") {
      const values = ((body.values ?? []) as Array<{ name: string; value: string }>).map((v) => [v.name, String(v.value)] as [string, string]);
      const result = this.set(values);
      if (result.error) return this.json(res, 400, { success: false, reason: result.error });
      this.rebootNeeded ||= result.rebootNeeded;
      return this.json(res, 200, { success: true, rebootNeeded: this.rebootNeeded });
    }
    if (url.pathname === "/rest/system" && req.method === "GET") {
      return this.json(res, 200, { systemName: this.params.get("device.local.deviceName"), model: "G7500", softwareVersion: "4.1.0", rebootNeeded: this.rebootNeeded });
    }
    if (url.pathname === "/rest/system/reboot" && req.method === "POST") {
      this.reboots++;
      this.rebootNeeded = false;
      this.sessions.clear();
      return this.json(res, 200, { success: true });
    }
    if (url.pathname === "/rest/system/status" && req.method === "GET") {
      const p = (n: string) => this.params.get(n) ?? "";
      const sip = this.sipState(p("comm.nics.sipnic.registrarserver"), p("comm.nics.sipnic.username"), p("comm.nics.sipnic.password"), p("comm.nics.sipnic.enable") === "True");
      const gk = this.gatekeeperState(p("comm.nics.h323nic.gatekeeperipaddress"), p("comm.nics.h323nic.enable") === "True");
      return this.json(res, 200, [
        { name: "sipRegistration", state: sip.up ? "up" : "down", text: sip.text },
        { name: "gatekeeperRegistration", state: gk.up ? "up" : "down", text: gk.text },
        { name: "network", state: "up", text: p("device.net.dhcp") === "Client" ? "DHCP" : `Static ${p("device.net.ipaddress")}` },
        { name: "provisioning", state: p("provisionserver.enable") === "True" ? "up" : "off", text: "" },
      ]);
    }
    return this.json(res, 404, { success: false, reason: `No such resource ${url.pathname}` });
  }
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", parseTagValue: false, textNodeName: "#text" });

/** Flattens `<Configuration><SIP><Proxy item="1"><Address>x</Address>…` into `SIP/Proxy/1/Address = x`. */
function flatten(node: unknown, prefix: string, out: Array<[string, string]>): void {
  if (node === null || typeof node !== "object") {
    out.push([prefix, node === undefined || node === null ? "" : String(node)]);
    return;
  }
  const obj = node as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => !k.startsWith("@"));
  if (keys.length === 1 && keys[0] === "#text") {
    out.push([prefix, String(obj["#text"])]);
    return;
  }
  if (keys.length === 0) {
    out.push([prefix, ""]);
    return;
  }
  for (const key of keys) {
    for (const child of Array.isArray(obj[key]) ? (obj[key] as unknown[]) : [obj[key]]) {
      const item = typeof child === "object" && child !== null ? (child as Record<string, unknown>)["@item"] : undefined;
      flatten(child, `${prefix ? `${prefix}/` : ""}${key}${item !== undefined ? `/${item}` : ""}`, out);
    }
  }
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Renders flat `a/1/b = v` pairs as RoomOS XML under `root`. */
function render(root: string, pairs: ReadonlyArray<[string, string]>): string {
  interface N { children: Map<string, N>; value?: string }
  const top: N = { children: new Map() };
  for (const [path, value] of pairs) {
    let node = top;
    const parts = path.split("/");
    for (let i = 0; i < parts.length; i++) {
      const key = /^\d+$/.test(parts[i + 1] ?? "") ? `${parts[i]}#${parts[++i]}` : parts[i]!;
      if (!node.children.has(key)) node.children.set(key, { children: new Map() });
      node = node.children.get(key)!;
    }
    node.value = value;
  }
  const out = (name: string, node: N): string => {
    const [tag, item] = name.split("#");
    const inner = node.value !== undefined ? escape(node.value) : [...node.children].map(([k, v]) => out(k, v)).join("");
    return `<${tag}${item ? ` item="${item}"` : ""}>${inner}</${tag}>`;
  };
  return `<?xml version="1.0"?>\n${out(root, top)}\n`;
}

/** A Cisco RoomOS xAPI over HTTPS with Basic authentication. */
export class LabCiscoEndpoint extends EmulatedEndpoint {
  private lockedUntil = 0;
  reboots = 0;

  constructor(username: string, password: string, mcu: LabMcu) {
    super(CISCO, username, password, mcu);
  }

  private status(): string {
    const p = (n: string) => this.params.get(n) ?? "";
    const sip = this.sipState(p("SIP/Proxy/1/Address"), p("SIP/URI"), p("SIP/Authentication/Password"), true);
    const gk = this.gatekeeperState(p("H323/Gatekeeper/Address"), p("H323/Mode") === "On");
    return render("Status", [
      ["SIP/Registration/1/Status", sip.up ? "Registered" : p("SIP/Proxy/1/Address") === "" ? "Inactive" : "Failed"],
      ["SIP/Registration/1/Reason", sip.up ? "" : sip.text],
      ["SIP/Registration/1/URI", p("SIP/URI")],
      ["H323/Mode", p("H323/Mode")],
      ["H323/Gatekeeper/Status", gk.up ? "Registered" : p("H323/Mode") === "On" ? "Rejected" : "Inactive"],
      ["H323/Gatekeeper/Reason", gk.up ? "" : gk.text],
    ]);
  }

  private xml(res: ServerResponse, status: number, text: string): void {
    res.writeHead(status, { "content-type": "text/xml" }).end(text);
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "https://cisco");
    const text = await this.body(req);
    if (Date.now() < this.lockedUntil) return this.xml(res, 403, "Access denied: too many failed login attempts, try again later\n");
    const auth = Buffer.from((req.headers.authorization ?? "").replace(/^Basic /, ""), "base64").toString("utf8");
    if (auth !== `${this.username}:${this.password}`) {
      if (++this.failures >= LOCK_AFTER_FAILURES) {
        this.lockedUntil = Date.now() + 60_000;
        this.failures = 0;
      }
      res.writeHead(401, { "www-authenticate": 'Basic realm="RoomOS"' }).end();
      return;
    }
    this.failures = 0;
    if (req.method === "GET" && url.pathname === "/getxml") {
      const location = url.searchParams.get("location") ?? "/Configuration";
      if (location.startsWith("/Configuration")) {
        return this.xml(res, 200, render("Configuration", [...this.params].filter(([n]) => !CISCO[n]!.secret)));
      }
      if (location.startsWith("/Status")) return this.xml(res, 200, this.status());
      return this.xml(res, 200, `<?xml version="1.0"?>\n<XmlDoc status="Error"><Reason>No match on address expression</Reason></XmlDoc>\n`);
    }
    if (req.method === "GET" && url.pathname === "/configuration.xml") return this.xml(res, 200, render("Configuration", [...this.params].filter(([n]) => !CISCO[n]!.secret)));
    if (req.method === "GET" && url.pathname === "/status.xml") return this.xml(res, 200, this.status());
    if (req.method === "POST" && url.pathname === "/putxml") {
      const doc = xml.parse(text) as Record<string, unknown>;
      if (doc.Command) {
        this.reboots++;
        return this.xml(res, 200, `<?xml version="1.0"?>\n<Command><BootResult status="OK"/></Command>\n`);
      }
      const pairs: Array<[string, string]> = [];
      flatten(doc.Configuration, "", pairs);
      const result = this.set(pairs);
      if (result.error) {
        const path = /(?:parameter|for) (\S+?):?( |$)/.exec(result.error)?.[1] ?? "";
        return this.xml(res, 200, `<?xml version="1.0"?>\n<Configuration><Error><Details>${escape(result.error)}</Details><XPath>/Configuration/${escape(path)}</XPath></Error></Configuration>\n`);
      }
      return this.xml(res, 200, `<?xml version="1.0"?>\n<Configuration><Success/></Configuration>\n`);
    }
    return this.xml(res, 404, "Not found\n");
  }
}

export interface LabEndpoint {
  vendor: "poly" | "cisco";
  device: LabPolyEndpoint | LabCiscoEndpoint;
  host: string;
  port: number;
  username: string;
  password: string;
  fingerprint256: string;
  close(): Promise<void>;
}

/** `listen`: where to serve HTTPS (default: 127.0.0.1, a port chosen by the system). */
export async function startLabEndpoint(vendor: "poly" | "cisco", mcu: LabMcu, credentials = { username: "admin", password: "lab-password" }, listen: ListenAddress = {}): Promise<LabEndpoint> {
  const device = vendor === "poly" ? new LabPolyEndpoint(credentials.username, credentials.password, mcu) : new LabCiscoEndpoint(credentials.username, credentials.password, mcu);
  const port = await device.listen(listen);
  return { vendor, device, host: listen.host ?? "127.0.0.1", port, ...credentials, fingerprint256: labCertificate().fingerprint256, close: () => device.close() };
}
