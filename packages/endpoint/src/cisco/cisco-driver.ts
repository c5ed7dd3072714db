/**
 * Cisco RoomOS endpoints over the xAPI on HTTPS: Basic authentication,
 * configuration written with `/putxml` (answered by `<Success/>` or an error
 * document) and read with `/getxml`, status from `/getxml` on /Status.
 */
import { EndpointError, pinnedAgent, request, type PinnedAgent, type HttpAnswer } from "../https-json";
import { WRITE_ONLY, type EndpointDriver, type EndpointSettings, type RegistrationStatus, type SettingName } from "../endpoint-settings";
import type { EndpointTarget } from "../poly/poly-driver";
import { CISCO_PARAMETERS } from "./parameters";
import { configurationXml, parseXml, valueAt } from "./xml";

export class CiscoDriver implements EndpointDriver {
  private readonly agent: PinnedAgent;

  constructor(private readonly target: EndpointTarget) {
    this.agent = pinnedAgent(target.pin, target.device);
  }

  private async call(method: string, path: string, body?: string): Promise<HttpAnswer> {
    const answer = await request(this.agent, this.target.device, {
      host: this.target.host,
      port: this.target.port ?? 443,
      method,
      path,
      headers: { authorization: `Basic ${Buffer.from(`${this.target.username}:${this.target.password}`).toString("base64")}`, "content-type": "text/xml" },
      ...(body === undefined ? {} : { body }),
      ...(this.target.timeoutMs ? { timeoutMs: this.target.timeoutMs } : {}),
    });
    if (answer.status === 401) throw new EndpointError(`${this.target.device}: login as ${this.target.username} refused (HTTP 401 Unauthorized)`);
    if (answer.status === 403) throw new EndpointError(`${this.target.device}: the device locked logins (HTTP 403): ${answer.body.trim()}`);
    if (answer.status !== 200) throw new EndpointError(`${this.target.device}: ${method} ${path}: HTTP ${answer.status}`);
    return answer;
  }

  async read(names: readonly SettingName[]): Promise<EndpointSettings> {
    const doc = parseXml((await this.call("GET", "/getxml?location=/Configuration")).body);
    const out: EndpointSettings = {};
    for (const n of names) {
      const p = CISCO_PARAMETERS[n];
      if (!p || WRITE_ONLY.has(n)) continue;
      const value = valueAt(doc.Configuration, p.path);
      if (value !== undefined) out[n] = p.decode ? p.decode(value) : value;
    }
    return out;
  }

  async write(settings: EndpointSettings): Promise<{ rebootNeeded: boolean }> {
    const values: Record<string, string> = {};
    for (const [n, v] of Object.entries(settings)) {
      const p = CISCO_PARAMETERS[n as SettingName];
      if (p) values[p.path] = p.encode ? p.encode(v!) : v!;
    }
    const answer = parseXml((await this.call("POST", "/putxml", configurationXml(values))).body);
    const result = answer.Configuration as Record<string, unknown> | undefined;
    if (result && "Success" in result) return { rebootNeeded: false };
    const error = (result?.Error ?? {}) as Record<string, unknown>;
    throw new EndpointError(`${this.target.device}: the endpoint refused the configuration: ${String(error.Details ?? "unknown error")} (${String(error.XPath ?? "")})`);
  }

  async reboot(): Promise<void> {
    await this.call("POST", "/putxml", "<Command><SystemUnit><Boot><Action>Restart</Action></Boot></SystemUnit></Command>");
  }

  async registration(): Promise<RegistrationStatus[]> {
    const doc = parseXml((await this.call("GET", "/getxml?location=/Status")).body).Status;
    const out: RegistrationStatus[] = [];
    const sip = valueAt(doc, "SIP/Registration/1/Status");
    if (sip !== undefined) out.push({ protocol: "sip", registered: sip === "Registered", text: [sip, valueAt(doc, "SIP/Registration/1/Reason")].filter(Boolean).join(": ") });
    const h323 = valueAt(doc, "H323/Gatekeeper/Status");
    if (h323 !== undefined && valueAt(doc, "H323/Mode") !== "Off") out.push({ protocol: "h323", registered: h323 === "Registered", text: [h323, valueAt(doc, "H323/Gatekeeper/Reason")].filter(Boolean).join(": ") });
    return out;
  }

  async close(): Promise<void> {
    this.agent.destroy();
  }
}
