/**
 * Cisco RoomOS endpoints over the xAPI on HTTPS, in the shapes real devices
 * answer: Basic authentication on each request; configuration read with
 * `getxml` of just the subtrees needed and written with `putxml`, answered
 * by `<Success/>`, by `status="Error"` with a Reason and XPath, or by the
 * refused element marked `error="True"`; a reboot only when the status
 * carries a `RebootRequired` notification; registration from
 * `Status SIP Registration` and `Status H323 Gatekeeper`.
 */
import { EndpointConnectionError, EndpointError, pinnedAgent, request, unexpectedAnswer, type HttpAnswer, type PinnedAgent } from "../https-json";
import { WRITE_ONLY, type EndpointDriver, type EndpointSettings, type RegistrationStatus, type SettingName } from "../endpoint-settings";
import type { EndpointTarget } from "../endpoint-target";
import { decodeValue, encodeValue, type VendorParameter } from "../vendor-parameter";
import { CISCO_PARAMETERS } from "./parameters";
import { configurationXml, elementsAt, errorsIn, parseXml, valueAt } from "./xml";

function parameter(setting: SettingName): VendorParameter {
  const p = CISCO_PARAMETERS[setting];
  if (!p) throw new EndpointError(`${setting} is not a RoomOS setting`);
  return p;
}

/** `SIP/Proxy/1/Address` as RoomOS writes it: `SIP Proxy 1 Address`. */
const spoken = (path: string) => path.split("/").join(" ");

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
      headers: { authorization: `Basic ${Buffer.from(`${this.target.username}:${this.target.password}`).toString("base64")}`, ...(body === undefined ? {} : { "content-type": "text/xml" }) },
      ...(body === undefined ? {} : { body }),
      ...(this.target.timeoutMs ? { timeoutMs: this.target.timeoutMs } : {}),
    });
    // RoomOS answers a wrong password, and a user locked after Security Session MaxFailedLogins, with the same 401.
    if (answer.status === 401) throw new EndpointError(`${this.target.device}: login as ${this.target.username} refused (HTTP 401; a wrong password, or the user locked after repeated failures)`);
    if (answer.status !== 200) throw unexpectedAnswer(this.target.device, `${method} ${path}`, "HTTP 200", answer);
    return answer;
  }

  /** The document's root element, e.g. `Configuration`, or an error saying what came instead. */
  private async document(location: string, root: "Configuration" | "Status"): Promise<unknown> {
    const path = `/getxml?location=${location}`;
    const answer = await this.call("GET", path);
    const doc = (() => {
      try {
        return parseXml(answer.body);
      } catch {
        return {};
      }
    })();
    if (!(root in doc)) throw unexpectedAnswer(this.target.device, `GET ${path}`, `a <${root}> document`, answer);
    return doc[root];
  }

  async read(names: readonly SettingName[]): Promise<EndpointSettings> {
    const wanted = names.filter((n) => !WRITE_ONLY.has(n) && CISCO_PARAMETERS[n]);
    const trees = new Map<string, unknown>();
    for (const top of new Set(wanted.map((n) => parameter(n).name.split("/")[0]!))) trees.set(top, await this.document(`/Configuration/${top}`, "Configuration"));
    const out: EndpointSettings = {};
    for (const n of wanted) {
      const p = parameter(n);
      const value = valueAt(trees.get(p.name.split("/")[0]!), p.name);
      if (value === undefined) throw new EndpointError(`${this.target.device}: the device has no Configuration ${spoken(p.name)} (its software may predate it)`);
      out[n] = decodeValue(p, value);
    }
    return out;
  }

  async write(settings: EndpointSettings): Promise<{ rebootNeeded: boolean }> {
    const values: Record<string, string> = {};
    for (const [n, v] of Object.entries(settings)) values[parameter(n as SettingName).name] = encodeValue(n as SettingName, parameter(n as SettingName), v!);
    if (Object.keys(values).length === 0) return { rebootNeeded: false };
    const answer = await this.call("POST", "/putxml", configurationXml(values));
    const doc = parseXml(answer.body);
    const result = doc.Configuration as Record<string, unknown> | undefined;
    const refused = (why: string) => new EndpointError(`${this.target.device}: the endpoint refused the configuration: ${why}`);
    if (result === undefined && typeof doc.ActionError === "object") throw refused(String(valueAt(doc.ActionError, "Reason") ?? "ActionError"));
    if (typeof result !== "object" || result === null) throw unexpectedAnswer(this.target.device, "POST /putxml", "a <Configuration> answer", answer);
    if (result["@status"] === "Error") throw refused(`${valueAt(result, "Reason") ?? "error"} (${valueAt(result, "XPath") ?? "no XPath"})`);
    const errors = errorsIn(result);
    if (errors.length > 0) throw refused(errors.map((e) => `${spoken(e.path)}: ${e.text}`).join("; "));
    if (!("Success" in result)) throw unexpectedAnswer(this.target.device, "POST /putxml", "<Configuration><Success/></Configuration>", answer);
    return { rebootNeeded: await this.rebootRequired() };
  }

  /** The device says so with a `SystemUnit Notifications Notification Type: RebootRequired`. */
  private async rebootRequired(): Promise<boolean> {
    const status = await this.document("/Status/SystemUnit/Notifications", "Status");
    const list = elementsAt(status, "SystemUnit/Notifications/Notification");
    return list.some((n) => valueAt(n, "Type") === "RebootRequired");
  }

  async reboot(): Promise<void> {
    try {
      const answer = await this.call("POST", "/putxml", '<Command><SystemUnit><Boot command="True"><Action>Restart</Action></Boot></SystemUnit></Command>');
      if (parseXml(answer.body).ActionError) throw unexpectedAnswer(this.target.device, "POST /putxml (SystemUnit Boot)", "a BootResult", answer);
    } catch (err) {
      // The device may drop the connection as it goes down: that is the restart.
      if (!(err instanceof EndpointConnectionError)) throw err;
    }
  }

  async registration(protocols: ReadonlyArray<"sip" | "h323">): Promise<RegistrationStatus[]> {
    const out: RegistrationStatus[] = [];
    for (const protocol of protocols) {
      const status = await this.document(protocol === "sip" ? "/Status/SIP" : "/Status/H323", "Status");
      const [path, mode] = protocol === "sip" ? ["SIP/Registration/1", undefined] : ["H323/Gatekeeper", valueAt(status, "H323/Mode/Status")];
      const state = valueAt(status, `${path}/Status`);
      if (state === undefined) {
        out.push({ protocol, registered: false, confirmed: false, text: `could not confirm registration: the status has no ${spoken(path)} Status` });
        continue;
      }
      const reason = valueAt(status, `${path}/Reason`);
      const words = [state, reason, mode === "Disabled" ? `H323 Mode Status: Disabled (${valueAt(status, "H323/Mode/Reason") ?? ""})` : undefined].filter((w) => w);
      out.push({ protocol, registered: state === "Registered", confirmed: true, text: words.join(": ") });
    }
    return out;
  }

  async close(): Promise<void> {
    this.agent.destroy();
  }
}

