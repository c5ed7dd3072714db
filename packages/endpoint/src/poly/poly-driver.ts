/**
 * Poly endpoints (VideoOS G7500/Studio X, RealPresence Group) over their
 * REST API: `POST /rest/session` login with a session cookie (logout at
 * close), parameters through `/rest/config`, state through `/rest/system`
 * and `/rest/system/status`, reboot only when the device asks for one.
 */
import { EndpointError, pinnedAgent, request, type PinnedAgent, type HttpAnswer, type Pin } from "../https-json";
import { WRITE_ONLY, type EndpointDriver, type EndpointSettings, type RegistrationStatus, type SettingName } from "../endpoint-settings";
import { POLY_PARAMETERS } from "./parameters";

export interface EndpointTarget {
  device: string;
  host: string;
  port?: number;
  username: string;
  password: string;
  pin: Pin;
  timeoutMs?: number;
}

function reason(answer: HttpAnswer): string {
  try {
    const body = JSON.parse(answer.body) as { reason?: string; message?: string };
    return body.reason ?? body.message ?? `HTTP ${answer.status}`;
  } catch {
    return `HTTP ${answer.status}`;
  }
}

export class PolyDriver implements EndpointDriver {
  private readonly agent: PinnedAgent;
  private cookie: string | undefined;

  constructor(private readonly target: EndpointTarget) {
    this.agent = pinnedAgent(target.pin, target.device);
  }

  private async call(method: string, path: string, body?: unknown): Promise<HttpAnswer> {
    return request(this.agent, this.target.device, {
      host: this.target.host,
      port: this.target.port ?? 443,
      method,
      path,
      headers: { "content-type": "application/json", accept: "application/json", ...(this.cookie ? { cookie: this.cookie } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(this.target.timeoutMs ? { timeoutMs: this.target.timeoutMs } : {}),
    });
  }

  private async session(): Promise<void> {
    if (this.cookie) return;
    const answer = await this.call("POST", "/rest/session", { action: "Login", user: this.target.username, password: this.target.password });
    if (answer.status === 200) {
      const set = answer.headers["set-cookie"];
      const cookie = (Array.isArray(set) ? set : [set ?? ""]).map((c) => c.split(";")[0]!).find((c) => c.startsWith("session_id="));
      if (!cookie) throw new EndpointError(`${this.target.device}: login answered without a session`);
      this.cookie = cookie;
      return;
    }
    const why = reason(answer);
    if (answer.status === 401) throw new EndpointError(`${this.target.device}: login as ${this.target.username} refused: ${why}`);
    if (answer.status === 403) throw new EndpointError(`${this.target.device}: the device locked logins: ${why}`);
    if (answer.status === 409) throw new EndpointError(`${this.target.device}: the device refused a new session: ${why}`);
    throw new EndpointError(`${this.target.device}: login failed: ${why}`);
  }

  private async expectOk(answer: HttpAnswer, what: string): Promise<unknown> {
    if (answer.status >= 200 && answer.status < 300) return answer.body === "" ? undefined : JSON.parse(answer.body);
    throw new EndpointError(`${this.target.device}: ${what}: ${reason(answer)}`);
  }

  async read(names: readonly SettingName[]): Promise<EndpointSettings> {
    await this.session();
    const wanted = names.filter((n) => !WRITE_ONLY.has(n));
    const params = wanted.map((n) => POLY_PARAMETERS[n].name);
    const values = (await this.expectOk(await this.call("POST", "/rest/config", { action: "get", names: params }), "reading parameters")) as Array<{ name: string; value: string }>;
    const out: EndpointSettings = {};
    for (const n of wanted) {
      const p = POLY_PARAMETERS[n];
      const found = values.find((v) => v.name === p.name);
      if (found) out[n] = p.decode ? p.decode(found.value) : found.value;
    }
    return out;
  }

  async write(settings: EndpointSettings): Promise<{ rebootNeeded: boolean }> {
    await this.session();
    const body = Object.entries(settings).map(([n, v]) => {
      const p = POLY_PARAMETERS[n as SettingName];
      return { name: p.name, value: p.encode ? p.encode(v!) : v };
    });
    const result = (await this.expectOk(await this.call("POST", "/rest/config", { action: "set", values: body }), "writing parameters")) as { rebootNeeded?: boolean };
    const system = (await this.expectOk(await this.call("GET", "/rest/system"), "reading the system state")) as { rebootNeeded?: boolean };
    return { rebootNeeded: Boolean(result?.rebootNeeded || system.rebootNeeded) };
  }

  async reboot(): Promise<void> {
    await this.session();
    await this.expectOk(await this.call("POST", "/rest/system/reboot", { action: "reboot" }), "rebooting");
    this.cookie = undefined;
  }

  async registration(): Promise<RegistrationStatus[]> {
    await this.session();
    const status = (await this.expectOk(await this.call("GET", "/rest/system/status"), "reading the status")) as Array<{ name: string; state: string; text: string }>;
    const out: RegistrationStatus[] = [];
    for (const s of status) {
      if (s.name === "sipRegistration") out.push({ protocol: "sip", registered: s.state === "up", text: s.text });
      if (s.name === "gatekeeperRegistration") out.push({ protocol: "h323", registered: s.state === "up", text: s.text });
    }
    return out;
  }

  async close(): Promise<void> {
    if (this.cookie) await this.call("POST", "/rest/session", { action: "Logout" }).catch(() => undefined);
    this.cookie = undefined;
    this.agent.destroy();
  }
}
