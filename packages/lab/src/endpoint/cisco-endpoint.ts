/**
 * An emulated Cisco Room Kit on RoomOS 11.14: the xAPI over HTTPS as the
 * sources of docs/videoconference.md document it (source ids in the comments). Basic
 * authentication on every request, or a session cookie (CS4); the recorded
 * 401 answer (CS3); failed-login lock-out per Security Session settings,
 * which take effect at a restart (CS1); getxml of one subtree with
 * valueSpaceRef and item attributes (CS2, CS3, CS7); putxml configuration,
 * all or nothing, and the SystemUnit Boot command (CS3, CS6).
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { isIP } from "node:net";
import { CISCO_PARAMETERS, maxOccurrence, valueSpaceRef } from "./cisco-parameters";
import { EmulatedEndpoint, LoginLockout, type EmulatedEndpointOptions } from "./emulated-endpoint";
import { gatekeeperOutcome, sipAuthUser, sipOutcome, type LabMcu } from "./lab-mcu";
import { documentOf, element, leaf, leavesOf, parseDocument, renderDocument, xpathOf, type XmlElement, type XmlLeaf } from "./xapi-document";

export type LabCiscoOptions = EmulatedEndpointOptions;

/** The build hash is made up; the form is that of CS3 and CS7. */
const SOFTWARE_VERSION = "ce11.14.4.0.6f4e1c2a9b3";
const ROOT_ATTRS = { product: "Cisco Codec", version: SOFTWARE_VERSION, apiVersion: "4" };

/** CS3, recorded: the body of every 401. */
const UNAUTHORIZED =
  "401 Unauthorized\n\nThis server could not verify that you are authorized to access the document you requested. Either you supplied the wrong credentials (e.g., bad password), or your browser does not understand how to supply the credentials required.\n\n";

/** CS1: MaxSessionsPerUser defaults to 20 (MaxTotalSessions to 30 in 11.14); the lab has one user. */
const MAX_SESSIONS = 20;

function send(res: ServerResponse, status: number, headers: Record<string, string>, body = ""): void {
  res.writeHead(status, { connection: "close", ...headers }).end(body);
}

function xml(res: ServerResponse, doc: XmlElement): void {
  send(res, 200, { "content-type": "text/xml; charset=UTF-8" }, renderDocument(doc));
}

/** CS3: the answer to a command the device does not know. */
const actionError = (reason: string) => element("ActionError", {}, leaf("Reason", reason));

/** The path under `prefix` (segment by segment); every path is under "". */
const within = (path: string, prefix: string) => prefix === "" || path === prefix || path.startsWith(`${prefix}/`);

/** The xAPI of a Cisco Room Kit (RoomOS). */
export class LabCiscoEndpoint extends EmulatedEndpoint {
  private readonly sessions = new Set<string>();
  private lockout!: LoginLockout;
  /** The restart-only settings as the device last booted with them. */
  private readonly inEffect = new Map<string, string>();

  constructor(
    username: string,
    password: string,
    private readonly mcu: LabMcu,
    options: LabCiscoOptions = {},
  ) {
    super(CISCO_PARAMETERS, username, password, options);
    this.takeEffect();
  }

  override restore(saved: Record<string, string>): void {
    super.restore(saved);
    this.takeEffect();
  }

  protected override reboot(): void {
    super.reboot();
    this.sessions.clear();
    this.takeEffect();
  }

  /** Applies the settings that need a restart: the lock-out (CS1; the lab takes its time in seconds, unit unverified). */
  private takeEffect(): void {
    for (const row of CISCO_PARAMETERS) if (row.reboot) this.inEffect.set(row.name, this.param(row.name));
    const seconds = Number(this.inEffect.get("Security/Session/FailedLoginsLockoutTime"));
    this.lockout = new LoginLockout(Number(this.inEffect.get("Security/Session/MaxFailedLogins")), seconds * 1000, this.clock);
  }

  protected handle(req: IncomingMessage, res: ServerResponse, text: string): void {
    // CS3: 401 with a Basic challenge and a plain-text body; a locked-out user gets the same (inferred).
    if (!this.authenticated(req)) return send(res, 401, { "www-authenticate": 'Basic realm="CISCO-Endpoint"', "content-type": "text/plain; charset=UTF-8" }, UNAUTHORIZED);
    const url = new URL(req.url ?? "/", "https://cisco");
    switch (`${req.method} ${url.pathname}`) {
      case "POST /xmlapi/session/begin": {
        // CS4: 204 and a SessionId cookie; its attributes, and the answer beyond the limit (503), are unverified.
        if (this.sessions.size >= MAX_SESSIONS) return send(res, 503, {});
        const id = randomBytes(24).toString("hex");
        this.sessions.add(id);
        return send(res, 204, { "set-cookie": `SessionId=${id}; Path=/; Secure; HttpOnly` });
      }
      case "POST /xmlapi/session/end":
        this.sessions.delete(this.cookie(req, "SessionId") ?? "");
        return send(res, 204, {});
      case "GET /getxml":
        return xml(res, this.getxml(url.searchParams.get("location") ?? ""));
      case "GET /configuration.xml":
        return xml(res, this.configuration(""));
      case "GET /status.xml":
        return xml(res, this.status(""));
      case "POST /putxml":
        return this.putxml(res, text);
      default:
        // Unverified.
        return send(res, 404, { "content-type": "text/plain; charset=UTF-8" }, "404 Not Found\n");
    }
  }

  private authenticated(req: IncomingMessage): boolean {
    const session = this.cookie(req, "SessionId");
    if (session !== undefined && this.sessions.has(session)) return true;
    const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
    if (basic === undefined) return false;
    const decoded = Buffer.from(basic, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    // CS1: the lock-out is per user, so only the device's user can be locked.
    if (colon < 0 || decoded.slice(0, colon) !== this.username || this.lockout.locked()) return false;
    if (decoded.slice(colon + 1) !== this.password) {
      this.lockout.failed();
      return false;
    }
    this.lockout.succeeded();
    return true;
  }

  /** A location that matches nothing gives an empty root element (CS7: 200; the body inferred). */
  private getxml(location: string): XmlElement {
    const [root, ...rest] = location
      .replace(/\[(\d+)\]/g, "/$1")
      .split("/")
      .filter((s) => s !== "");
    if (root === "Status") return this.status(rest.join("/"));
    return root === "Configuration" ? this.configuration(rest.join("/")) : element("Configuration", ROOT_ATTRS);
  }

  private configuration(prefix: string): XmlElement {
    const leaves = CISCO_PARAMETERS.filter((row) => within(row.name, prefix)).map((row) => ({
      path: row.name,
      value: row.secret ? "" : this.param(row.name),
      attrs: { valueSpaceRef: valueSpaceRef(row.space) },
    }));
    return documentOf("Configuration", ROOT_ATTRS, leaves, (at, item) => ({ item, maxOccurrence: String(maxOccurrence(at)) }));
  }

  private status(prefix: string): XmlElement {
    const leaves = this.statusLeaves().filter((l) => within(l.path, prefix));
    return documentOf("Status", ROOT_ATTRS, leaves, (_, item) => ({ item, maxOccurrence: "n" }));
  }

  /** The status paths of CS1 the lab reports; the Reason texts are inferred (CS9 quotes "DNS lookup failed"). */
  private statusLeaves(): XmlLeaf[] {
    const p = (name: string) => this.param(name);
    const proxy = p("SIP/Proxy/1/Address");
    const sip = sipOutcome(this.mcu, {
      enabled: p("NetworkServices/SIP/Mode") === "On",
      registrar: proxy,
      authUser: sipAuthUser(p("SIP/Authentication/UserName"), p("SIP/URI")),
      password: p("SIP/Authentication/Password"),
    });
    const [registration, reason, proxyStatus] = ({
      off: ["Inactive", "", "Off"],
      "no-registrar": ["Inactive", "", "Off"],
      unreachable: isIP(proxy) ? ["Failed", "No response", "Timeout"] : ["Failed", "DNS lookup failed", "DNSFailed"],
      unauthorized: ["Failed", "401 Unauthorized", "AuthenticationFailed"],
      registered: ["Registered", "", "Active"],
    } as const)[sip];
    const h323 = p("NetworkServices/H323/Mode") === "On";
    // Direct call setup uses no gatekeeper: Inactive, as with H.323 off (inferred).
    const gkAddress = p("H323/Gatekeeper/Address");
    const gk = gatekeeperOutcome(this.mcu, h323 && p("H323/CallSetup/Mode") === "Gatekeeper", gkAddress);
    const [gkStatus, gkReason] = ({ off: ["Inactive", ""], "no-gatekeeper": ["Rejected", "No gatekeeper address"], unreachable: ["Rejected", "No response from gatekeeper"], registered: ["Registered", ""] } as const)[gk];
    const ntpMode = p("NetworkServices/NTP/Mode");
    const ntp = ntpMode === "Off" ? "Off" : ntpMode === "Manual" && p("NetworkServices/NTP/Server/1/Address") !== "" ? "Synced" : "NotSynced";
    const rebootRequired = [...this.inEffect].some(([name, value]) => this.param(name) !== value);
    return [
      { path: "SIP/Registration/1/Status", value: registration },
      { path: "SIP/Registration/1/Reason", value: reason },
      { path: "SIP/Registration/1/URI", value: p("SIP/URI") },
      { path: "SIP/Proxy/1/Address", value: proxy },
      { path: "SIP/Proxy/1/Status", value: proxyStatus },
      { path: "H323/Gatekeeper/Status", value: gkStatus },
      { path: "H323/Gatekeeper/Reason", value: gkReason },
      { path: "H323/Gatekeeper/Address", value: gk === "off" ? "" : gkAddress },
      { path: "H323/Mode/Status", value: h323 ? "Enabled" : "Disabled" },
      { path: "H323/Mode/Reason", value: "" },
      { path: "NetworkServices/NTP/Status", value: ntp },
      { path: "SystemUnit/ProductPlatform", value: "Room Kit" },
      { path: "SystemUnit/Software/Version", value: SOFTWARE_VERSION },
      { path: "SystemUnit/Uptime", value: String(Math.floor((this.clock() - this.bootedAt) / 1000)) },
      ...(rebootRequired
        ? [
            { path: "SystemUnit/Notifications/Notification/1/Type", value: "RebootRequired" },
            { path: "SystemUnit/Notifications/Notification/1/Text", value: "Restart the device for the Security Session settings to take effect." },
          ]
        : []),
    ];
  }

  private putxml(res: ServerResponse, text: string): void {
    const doc = parseDocument(text);
    // The answer to a document that is not XML is unverified.
    if (!doc) return xml(res, actionError("Unable to parse XML document"));
    if (doc.name === "Configuration") return xml(res, this.configure(doc));
    if (doc.name !== "Command") return xml(res, actionError("No action detected in document"));
    const command = commandIn(doc);
    if (command?.path !== "SystemUnit/Boot") return xml(res, actionError("No action detected in document"));
    // CS1: Action Restart|Shutdown, Force False|True. The lab comes back after either.
    const allowed: Record<string, string[]> = { Action: ["Restart", "Shutdown"], Force: ["False", "True"] };
    if (!command.params.every((param) => allowed[param.path]?.includes(param.value))) {
      // jsxapi's text for a bad parameter (CS6); the XML form is inferred.
      return xml(res, element("Command", {}, element("BootResult", { status: "Error" }, leaf("Reason", "Invalid or missing parameters"))));
    }
    // The name follows the <Command>Result rule (CS3, CS10); inferred.
    xml(res, element("Command", {}, element("BootResult", { status: "OK" })));
    this.reboot();
  }

  /** All or nothing: the XML forms of CS6's JSON errors (inferred). */
  private configure(doc: XmlElement): XmlElement {
    const checked = leavesOf(doc).map((l) => ({ leaf: l, result: this.check(l.path, l.value) }));
    const unknown = checked.find((c) => !c.result.ok && c.result.error === "unknown");
    if (unknown) return element("Configuration", { status: "Error" }, leaf("Reason", "No match on address expression."), leaf("XPath", xpathOf("Configuration", unknown.leaf.path)));
    const illegal = checked.filter((c) => !c.result.ok).map((c) => ({ path: c.leaf.path, value: "Illegal value", attrs: { error: "True" } }));
    if (illegal.length > 0) return documentOf("Configuration", {}, illegal, (_, item) => ({ item }));
    for (const { result } of checked) if (result.ok) this.params.set(result.row.name, result.value);
    return element("Configuration", {}, element("Success"));
  }
}

/**
 * The command a `<Command>` document runs: the element marked command="True",
 * or one given parameters (CS2); a bare element without the mark is no command (CS3).
 */
function commandIn(e: XmlElement, prefix = ""): { path: string; params: XmlLeaf[] } | undefined {
  for (const c of e.children) {
    const path = `${prefix}${c.name}`;
    if (c.attrs.command === "True") return { path, params: leavesOf(c) };
    if (c.text !== undefined) continue;
    const inner = commandIn(c, `${path}/`);
    if (inner) return inner;
    if (c.children.every((p) => p.text !== undefined)) return { path, params: leavesOf(c) };
  }
  return undefined;
}
