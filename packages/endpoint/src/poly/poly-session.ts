/**
 * A session with a Poly VideoOS REST API: `POST /rest/session` with the
 * user and password, the `session_id` cookie on every later request, and
 * on VideoOS 4.6.2 and later the `XSRF-TOKEN` cookie echoed in an
 * `X-XSRF-Token` header; `DELETE /rest/session` at the end. Refused logins
 * come as HTTP 400 with the device's reason (`SessionRequestInvalid`,
 * `SessionPortLockout`…); an expired session as 403, after which the
 * session logs in once more.
 */
import { EndpointError, jsonBody, request, type HttpAnswer, type PinnedAgent } from "../https-json";
import type { EndpointTarget } from "../endpoint-target";

/** What the device's login reasons mean. */
const LOGIN_REASONS: Record<string, string> = {
  SessionRequestInvalid: "login as {user} refused",
  SessionPortLockout: "the device locked logins after repeated failures",
  SessionAlreadyActive: "the device says a session is already active",
};

function cookieValue(answer: HttpAnswer, name: string): string | undefined {
  const set = answer.headers["set-cookie"];
  for (const line of Array.isArray(set) ? set : set ? [set] : []) {
    const [pair] = line.split(";");
    const at = pair!.indexOf("=");
    if (pair!.slice(0, at).trim() === name) return pair!.slice(at + 1).trim();
  }
  return undefined;
}

export class PolySession {
  private sessionId: string | undefined;
  private xsrf: string | undefined;

  constructor(
    private readonly target: EndpointTarget,
    private readonly agent: PinnedAgent,
  ) {}

  private send(method: string, path: string, body: unknown, withSession: boolean): Promise<HttpAnswer> {
    const cookies = withSession ? [this.sessionId && `session_id=${this.sessionId}`, this.xsrf && `XSRF-TOKEN=${this.xsrf}`].filter(Boolean) : [];
    return request(this.agent, this.target.device, {
      host: this.target.host,
      port: this.target.port ?? 443,
      method,
      path,
      headers: {
        "content-type": "application/json",
        accept: "application/json",
        ...(cookies.length > 0 ? { cookie: cookies.join("; ") } : {}),
        ...(withSession && this.xsrf ? { "x-xsrf-token": this.xsrf } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(this.target.timeoutMs ? { timeoutMs: this.target.timeoutMs } : {}),
    });
  }

  private async login(): Promise<void> {
    const answer = await this.send("POST", "/rest/session", { user: this.target.username, password: this.target.password }, false);
    const what = "POST /rest/session";
    if (answer.status === 200) {
      const body = jsonBody(this.target.device, what, "a login answer", answer) as { success?: boolean; sessionId?: string; session?: { sessionId?: string } };
      // VideoOS 3.x before 3.10 answered the session id at the top level; later ones under `session`.
      const id = cookieValue(answer, "session_id") ?? body.session?.sessionId ?? body.sessionId;
      if (body.success === false || !id) throw new EndpointError(`${this.target.device}: ${what}: the login answer carries no session`);
      this.sessionId = id;
      this.xsrf = cookieValue(answer, "XSRF-TOKEN") ?? this.xsrf;
      return;
    }
    let reason = `HTTP ${answer.status}`;
    try {
      reason = (JSON.parse(answer.body) as { reason?: string }).reason ?? reason;
    } catch {
      // The status is all the device said.
    }
    const meaning = (LOGIN_REASONS[reason] ?? "login failed").replace("{user}", this.target.username);
    throw new EndpointError(`${this.target.device}: ${meaning} (${reason})`);
  }

  /** One request in the session, logging in first; an expired session (403) logs in again once. */
  async call(method: string, path: string, body?: unknown): Promise<HttpAnswer> {
    if (!this.sessionId) await this.login();
    let answer = await this.send(method, path, body, true);
    if (answer.status === 403) {
      this.sessionId = undefined;
      await this.login();
      answer = await this.send(method, path, body, true);
    }
    this.xsrf = cookieValue(answer, "XSRF-TOKEN") ?? this.xsrf;
    return answer;
  }

  /** The device ends sessions itself when it reboots. */
  forget(): void {
    this.sessionId = undefined;
    this.xsrf = undefined;
  }

  async logout(): Promise<void> {
    if (this.sessionId) await this.send("DELETE", "/rest/session", undefined, true).catch(() => undefined);
    this.forget();
  }
}
