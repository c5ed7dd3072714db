/**
 * An emulated Poly G7500 on VideoOS: the REST API as the sources of
 * docs/videoconference.md document it (source ids in the comments). Session login with a
 * `session_id` cookie (PM1, PA2, PS1) and, from 4.6.2, an XSRF token every
 * later request must echo in `X-XSRF-Token` (PD1, PA3); port lock-out after
 * repeated failures (PS1); `/rest/config` reads and per-item writes (PA1, PM1);
 * `/rest/system`, its status list and its SIP servers and gatekeepers (PA1);
 * reboot (PA2, PM2). `/rest/current/…` paths are the same as `/rest/…` (PA2).
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { EmulatedEndpoint, LoginLockout, type EmulatedEndpointOptions } from "./emulated-endpoint";
import { gatekeeperOutcome, sipAuthUser, sipOutcome, type GatekeeperOutcome, type LabMcu, type SipOutcome } from "./lab-mcu";
import { POLY_PARAMETERS } from "./poly-parameters";

/** 4.6.2 added the XSRF token (PD1); 3.12.0 is the version PA1 recorded. */
export type PolySoftwareVersion = "4.6.2" | "3.12.0";

export interface LabPolyOptions extends EmulatedEndpointOptions {
  /** Default "4.6.2". */
  softwareVersion?: PolySoftwareVersion;
  /** Consecutive failed logins that lock logins (default 5: unverified). */
  lockoutAttempts?: number;
  /** How long logins stay locked, in milliseconds (default 60 s: unverified). */
  lockoutMs?: number;
}

/** Build numbers: 366027 is PA1's for 3.12.0; the 4.6.2 one is made up. */
const BUILDS: Record<PolySoftwareVersion, string> = { "4.6.2": "482011", "3.12.0": "366027" };

interface Session {
  /** The XSRF token later requests must carry (4.6.2 and later). */
  xsrf: string | undefined;
}

function json(res: ServerResponse, status: number, body: unknown, cookies: string[] = []): void {
  res.writeHead(status, { "content-type": "application/json", ...(cookies.length > 0 ? { "set-cookie": cookies } : {}) }).end(JSON.stringify(body));
}

/** The parsed body; undefined when it is not JSON. An empty body is `{}`. */
function parseJson(text: string): unknown {
  try {
    return text === "" ? {} : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A field of a request body as the device echoes it: its string form, or undefined when it is not a plain value. */
function plain(v: unknown): string | undefined {
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? String(v) : undefined;
}

/** The REST API of a Poly G7500 (VideoOS). */
export class LabPolyEndpoint extends EmulatedEndpoint {
  readonly softwareVersion: PolySoftwareVersion;
  /** A parameter whose change needs a reboot has changed since the last reboot. */
  rebootNeeded = false;
  private readonly sessions = new Map<string, Session>();
  private readonly lockout: LoginLockout;

  constructor(
    username: string,
    password: string,
    private readonly mcu: LabMcu,
    options: LabPolyOptions = {},
  ) {
    super(POLY_PARAMETERS, username, password, options);
    this.softwareVersion = options.softwareVersion ?? "4.6.2";
    this.lockout = new LoginLockout(options.lockoutAttempts ?? 5, options.lockoutMs ?? 60_000, this.clock);
  }

  protected handle(req: IncomingMessage, res: ServerResponse, text: string): void {
    const path = new URL(req.url ?? "/", "https://poly").pathname.replace(/^\/rest\/current\//, "/rest/").replace(/(.)\/$/, "$1");
    const route = `${req.method} ${path}`;
    if (route === "POST /rest/session") return this.login(req, res, parseJson(text));
    const id = this.cookie(req, "session_id");
    const session = id === undefined ? undefined : this.sessions.get(id);
    // PS1: logout without a session is SessionNoActiveSession, a 400 like the other session errors.
    if (route === "DELETE /rest/session" && !session) return json(res, 400, { success: false, reason: "SessionNoActiveSession" });
    // PA2: 403 without a valid session or (4.6.2) XSRF token; the body is unverified.
    if (!session || (session.xsrf !== undefined && req.headers["x-xsrf-token"] !== session.xsrf)) {
      return json(res, 403, { success: false, reason: "SessionNoActiveSession" });
    }
    switch (route) {
      case "DELETE /rest/session":
        this.sessions.delete(id!);
        return json(res, 200, { success: true });
      case "POST /rest/config":
        return this.config(res, parseJson(text));
      case "GET /rest/system":
        return json(res, 200, this.system());
      case "POST /rest/system/reboot":
        return this.rebootRequest(res, parseJson(text));
      case "GET /rest/system/status":
        return json(res, 200, this.statusList());
      case "GET /rest/system/sipservers":
        return json(res, 200, this.sipServers());
      case "GET /rest/system/h323gatekeepers":
        return json(res, 200, this.gatekeepers());
      default:
        // PA2 saw 404 for resources that do not exist; for unknown paths unverified.
        return json(res, 404, { success: false, reason: "NotFound" });
    }
  }

  protected override reboot(): void {
    super.reboot();
    this.rebootNeeded = false;
    this.sessions.clear();
  }

  /** PS1: every login failure is a 400 with a reason; PM1: the success body. */
  private login(req: IncomingMessage, res: ServerResponse, body: unknown): void {
    if (this.lockout.locked()) return json(res, 400, { success: false, reason: "SessionPortLockout" });
    if (!isRecord(body) || body.user !== this.username || body.password !== this.password) {
      this.lockout.failed();
      return json(res, 400, { success: false, reason: "SessionRequestInvalid" });
    }
    const failedLogins = this.lockout.succeeded();
    const sessionId = `PS${randomBytes(36).toString("base64")}`;
    const xsrf = this.softwareVersion === "4.6.2" ? randomBytes(24).toString("base64url") : undefined;
    this.sessions.set(sessionId, { xsrf });
    const client = (req.socket.remoteAddress ?? "").replace(/^::ffff:/, "");
    const now = this.clock();
    json(
      res,
      200,
      {
        loginStatus: { failedLogins, isPasswordAgeLimitReached: false, lastLoginClient: client, lastLoginClientType: "WEB", lastLoginTime: now, loginResult: "NOLOCKOUT" },
        session: { clientType: "WEB", creationTime: now, isAuthenticated: true, isConnected: false, isNew: true, isStale: false, location: client, role: "ADMIN", sessionId, userId: this.username },
        success: true,
      },
      [`session_id=${sessionId}; Path=/; Secure; HttpOnly`, ...(xsrf ? [`XSRF-TOKEN=${xsrf}; Path=/; Secure`] : [])],
    );
  }

  /** `{"names":[…]}` reads (PA1), `{"vars":[…]}` writes item by item (PM1); the failure codes are unverified. */
  private config(res: ServerResponse, body: unknown): void {
    if (isRecord(body) && Array.isArray(body.names)) return json(res, 200, { vars: body.names.map((name) => this.read(String(name))) });
    if (isRecord(body) && Array.isArray(body.vars)) {
      const vars = body.vars.map((item) => this.write(isRecord(item) ? item : {}));
      return json(res, 200, { vars, rebootNeeded: this.rebootNeeded });
    }
    json(res, 400, { success: false, reason: body === undefined ? "InvalidJson" : "InvalidRequest" });
  }

  private read(name: string): Record<string, unknown> {
    const row = this.row(name);
    if (!row) return { name, result: "UNKNOWN_PARAMETER" };
    return { name, result: "NOERROR", value: row.secret ? "" : this.param(name), isEditable: true, isHidden: false, isSecure: row.secret === true };
  }

  private write(item: Record<string, unknown>): Record<string, unknown> {
    const name = plain(item.name) ?? "";
    const requestedValue = plain(item.value);
    const answer = (result: string) => ({ name, requestedValue: requestedValue ?? "", result });
    const checked = this.check(name, requestedValue ?? "");
    if (!checked.ok) return answer(checked.error === "unknown" ? "UNKNOWN_PARAMETER" : "INVALID_VALUE");
    if (requestedValue === undefined) return answer("INVALID_VALUE");
    if (checked.row.reboot && this.param(name) !== checked.value) this.rebootNeeded = true;
    this.params.set(name, checked.value);
    return answer("NOERROR");
  }

  /** PA1's shape; the serial number is the lab's. */
  private system(): Record<string, unknown> {
    const timeServerUp = this.param("time.timeserver.mode") === "Manual" && this.param("time.timeserver.address[0]") !== "";
    return {
      build: BUILDS[this.softwareVersion],
      buildType: "Release",
      hardwareVersion: "1",
      lanStatus: { duplex: "FULL", speedMbps: 1000, state: "LAN_UP" },
      model: "G7500",
      rebootNeeded: this.rebootNeeded,
      serialNumber: "8L2LAB00G7500",
      softwareVersion: this.softwareVersion,
      state: "READY",
      systemName: this.param("system.info.systemname"),
      systemTime: this.clock(),
      timeOffset: 0,
      timeServerState: timeServerUp ? "TIMESERVER_UP" : "TIMESERVER_DOWN",
      uptime: (this.clock() - this.bootedAt) / 1000,
    };
  }

  /** PA1's items; "down" for a failed SIP registration is inferred. */
  private statusList(): Array<Record<string, unknown>> {
    const state = (outcome: SipOutcome | GatekeeperOutcome) => (outcome === "registered" ? "up" : outcome === "off" ? "off" : "down");
    return [
      { langtag: "LAN_NETWORK_HEADING", name: "system.status.ipnetwork", stateList: ["up"] },
      { langtag: "SIP_SERVER_HEADING", name: "system.status.sipserver", stateList: [state(this.sip())] },
      { langtag: "GATEKEEPER_HEADING", name: "system.status.gatekeeper", stateList: [state(this.gatekeeper())] },
      // No provisioning server in the lab: "down" when enabled (PM1), "off" when not (PA1).
      { langtag: "PROVISIONING_SERVICE_HEADING", name: "system.status.provisioning", stateList: [this.param("management.provisioning.enabled") === "True" ? "down" : "off"] },
    ];
  }

  /** PA1's shape; "DOWN" is unverified. */
  private sipServers(): Array<Record<string, unknown>> {
    const outcome = this.sip();
    if (outcome === "off" || outcome === "no-registrar") return [];
    return [{ address: this.sipRegistrar(), model: "Unknown", state: outcome === "registered" ? "UP" : "DOWN", version: "" }];
  }

  private gatekeepers(): Array<Record<string, unknown>> {
    const outcome = this.gatekeeper();
    if (outcome === "off" || outcome === "no-gatekeeper") return [];
    return [{ address: this.param("comm.nics.h323nic.gatekeeper.gkipaddress"), model: "", state: outcome === "registered" ? "UP" : "DOWN", version: "" }];
  }

  /** The registrar in use: the one set when the SIP server is specified; the lab has none to discover with Auto. */
  private sipRegistrar(): string {
    return this.param("comm.nics.sipnic.sipconfigtype") === "Specify" ? this.param("comm.nics.sipnic.sipregistrarserver") : "";
  }

  private sip(): SipOutcome {
    return sipOutcome(this.mcu, {
      enabled: this.param("comm.callpreference.sipenable") === "True",
      registrar: this.sipRegistrar(),
      authUser: sipAuthUser(this.param("comm.nics.sipnic.sipaccountname"), this.param("comm.nics.sipnic.sipusername")),
      password: this.param("comm.nics.sipnic.sippassword"),
    });
  }

  /** Off with H.323 or the gatekeeper off; the lab has no gatekeeper to discover with Auto. */
  private gatekeeper(): GatekeeperOutcome {
    const mode = this.param("comm.nics.h323nic.gatekeeper.gatekeeperenable");
    const enabled = this.param("comm.callpreference.iph323enable") === "True" && mode !== "Off";
    return gatekeeperOutcome(this.mcu, enabled, mode === "Specify" ? this.param("comm.nics.h323nic.gatekeeper.gkipaddress") : "");
  }

  /** `{"action":"reboot"}` (PA2, PM2) or no body (PS1); the answer body is unverified. */
  private rebootRequest(res: ServerResponse, body: unknown): void {
    if (!isRecord(body) || (body.action !== undefined && body.action !== "reboot")) return json(res, 400, { success: false, reason: "InvalidRequest" });
    json(res, 200, { success: true });
    this.reboot();
  }
}
