/**
 * Poly endpoints (VideoOS G7500 / Studio X) over their REST API, in the
 * shapes real devices answer: parameters read with `POST /rest/config
 * {"names":[…]}` and written with `{"vars":[{name,value}]}`, each item with
 * its own `result` (`NOERROR`, or the device's reason for refusing it); a
 * reboot only when the device answers `rebootNeeded`; registration from
 * `/rest/system/status` (`system.status.sipserver`, `system.status.gatekeeper`).
 */
import { EndpointError, jsonBody, pinnedAgent, unexpectedAnswer, type HttpAnswer, type PinnedAgent } from "../https-json";
import { WRITE_ONLY, type EndpointDriver, type EndpointSettings, type RegistrationStatus, type SettingName } from "../endpoint-settings";
import type { EndpointTarget } from "../endpoint-target";
import { decodeValue, encodeValue, type VendorParameter } from "../vendor-parameter";
import { POLY_PARAMETERS } from "./parameters";
import { PolySession } from "./poly-session";

interface ConfigItem {
  name: string;
  result: string;
  value?: unknown;
}

interface StatusItem {
  name: string;
  /** VideoOS: stateList; Group Series: state. */
  stateList?: string[];
  state?: string[];
}

const STATUS_OF = { sip: "system.status.sipserver", h323: "system.status.gatekeeper" } as const;

function parameter(setting: SettingName): VendorParameter {
  const p = POLY_PARAMETERS[setting];
  if (!p) throw new EndpointError(`${setting} is not a Poly setting`);
  return p;
}

export class PolyDriver implements EndpointDriver {
  private readonly agent: PinnedAgent;
  private readonly session: PolySession;

  constructor(private readonly target: EndpointTarget) {
    this.agent = pinnedAgent(target.pin, target.device);
    this.session = new PolySession(target, this.agent);
  }

  /** The answer's JSON when it is a success; the device's reason otherwise. */
  private async json(method: string, path: string, body: unknown, expected: string): Promise<unknown> {
    const answer: HttpAnswer = await this.session.call(method, path, body);
    if (answer.status !== 200) throw unexpectedAnswer(this.target.device, `${method} ${path}`, expected, answer);
    return jsonBody(this.target.device, `${method} ${path}`, expected, answer);
  }

  /** `{"vars":[…]}` with every item answered; refused items are one error naming each parameter and the device's result. */
  private async config(body: unknown, names: readonly string[], doing: string): Promise<{ items: Map<string, ConfigItem>; rebootNeeded: boolean }> {
    const expected = `{"vars":[{"name","result",…}]} for ${names.join(", ")}`;
    const answer = (await this.json("POST", "/rest/config", body, expected)) as { vars?: unknown; rebootNeeded?: unknown };
    if (typeof answer !== "object" || answer === null || !Array.isArray(answer.vars)) throw new EndpointError(`${this.target.device}: POST /rest/config (${doing}): expected ${expected}, the device answered ${JSON.stringify(answer).slice(0, 200)}`);
    const items = new Map<string, ConfigItem>();
    for (const v of answer.vars as ConfigItem[]) if (v && typeof v.name === "string") items.set(v.name, v);
    const refused = names.map((n) => [n, items.get(n)?.result ?? "no answer for this parameter"] as const).filter(([, r]) => r !== "NOERROR");
    if (refused.length > 0) throw new EndpointError(`${this.target.device}: ${doing}: the device refused ${refused.map(([n, r]) => `${n} (${r})`).join(", ")}`);
    return { items, rebootNeeded: answer.rebootNeeded === true };
  }

  async read(names: readonly SettingName[]): Promise<EndpointSettings> {
    const wanted = names.filter((n) => !WRITE_ONLY.has(n) && POLY_PARAMETERS[n]);
    if (wanted.length === 0) return {};
    const params = wanted.map((n) => parameter(n).name);
    const { items } = await this.config({ names: params }, params, "reading parameters");
    const out: EndpointSettings = {};
    for (const n of wanted) out[n] = decodeValue(parameter(n), String(items.get(parameter(n).name)!.value ?? ""));
    return out;
  }

  async write(settings: EndpointSettings): Promise<{ rebootNeeded: boolean }> {
    const vars = Object.entries(settings).map(([n, v]) => ({ name: parameter(n as SettingName).name, value: encodeValue(n as SettingName, parameter(n as SettingName), v!) }));
    if (vars.length === 0) return { rebootNeeded: false };
    const { rebootNeeded } = await this.config({ vars }, vars.map((v) => v.name), "writing parameters");
    if (rebootNeeded) return { rebootNeeded };
    const system = (await this.json("GET", "/rest/system", undefined, "the system state")) as { rebootNeeded?: unknown };
    return { rebootNeeded: system?.rebootNeeded === true };
  }

  async reboot(): Promise<void> {
    await this.json("POST", "/rest/system/reboot", { action: "reboot" }, "a reboot answer");
    this.session.forget();
  }

  async registration(protocols: ReadonlyArray<"sip" | "h323">): Promise<RegistrationStatus[]> {
    const expected = `a list of {"name","stateList"} items with ${protocols.map((p) => STATUS_OF[p]).join(" and ")}`;
    const status = await this.json("GET", "/rest/system/status", undefined, expected);
    if (!Array.isArray(status)) throw new EndpointError(`${this.target.device}: GET /rest/system/status: expected ${expected}, the device answered ${JSON.stringify(status).slice(0, 200)}`);
    return protocols.map((protocol) => {
      const item = (status as StatusItem[]).find((s) => s?.name === STATUS_OF[protocol]);
      const states = item?.stateList ?? item?.state;
      if (!Array.isArray(states)) return { protocol, registered: false, confirmed: false, text: `could not confirm registration: the status has no ${STATUS_OF[protocol]}` };
      return { protocol, registered: states.includes("up"), confirmed: true, text: `${STATUS_OF[protocol]}: ${states.join(", ") || "(empty)"}` };
    });
  }

  async close(): Promise<void> {
    await this.session.logout();
    this.agent.destroy();
  }
}
