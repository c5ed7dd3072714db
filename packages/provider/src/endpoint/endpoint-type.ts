/**
 * `communes:endpoint:Endpoint`: a meeting-room endpoint's settings over its
 * HTTP API (Poly REST or Cisco xAPI), compared setting by setting. After an
 * apply, the endpoint must register with the MCU (SIP and/or H.323) within a
 * bounded wait; failure is reported with the device's own status text, as an
 * error (default) or a warning kept in the outputs.
 */
import { DeviceError } from "@communes/device-error";
import { openEndpoint, WRITE_ONLY, type EndpointAccess, type EndpointDriver, type EndpointSettings, type RegistrationStatus, type SettingName } from "@communes/endpoint";
import { checkShape, OperationError, PartialFailure, type OperationContext, type ResourceType } from "../resource-type";
import { TOKENS } from "../contract";
import { ENDPOINT_SHAPES } from "../shapes/endpoint-shapes";

export const ENDPOINT_TOKEN = TOKENS.endpoint;

export interface EndpointInputs {
  systemName: string;
  settings: EndpointSettings;
}

export interface EndpointState extends EndpointInputs {
  /** Registration as last verified; empty when not checked. */
  registration: RegistrationStatus[];
}

/** What the provider's `endpoint` configuration holds: how to reach the endpoint, and how its registration is checked. */
export interface EndpointConnection extends EndpointAccess {
  /** "error" (default): an endpoint that does not register fails the update; "warning": it is recorded in the outputs. */
  registrationCheck?: "error" | "warning";
  /** How long to wait for registration. Default: 30000. */
  registrationTimeoutMs?: number;
}

function connection(config: OperationContext["config"]): EndpointConnection {
  const raw = config.endpoint;
  const c = (typeof raw === "string" ? JSON.parse(raw) : raw) as Partial<EndpointConnection> | undefined;
  const missing = (["vendor", "host", "username", "password", "tlsFingerprint"] as const).filter((k) => !c?.[k]);
  if (!c || missing.length > 0) throw new OperationError(`this communes provider has no endpoint to talk to: set endpoint.${missing.join(", endpoint.")} in its configuration`);
  return c as EndpointConnection;
}

function expected(settings: EndpointSettings): Array<"sip" | "h323"> {
  return [...(settings["sip.enabled"] === "true" || settings["sip.proxy"] ? ["sip" as const] : []), ...(settings["h323.enabled"] === "true" ? ["h323" as const] : [])];
}

/** Polls until every expected protocol is registered or the wait runs out; a status the device does not give is never taken for registered. */
async function verifyRegistration(driver: EndpointDriver, settings: EndpointSettings, timeoutMs: number): Promise<{ status: RegistrationStatus[]; missing: RegistrationStatus[] }> {
  const wanted = expected(settings);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = wanted.length === 0 ? [] : await driver.registration(wanted);
    const missing = status.filter((s) => !s.registered);
    if (missing.length === 0 || Date.now() >= deadline) return { status, missing };
    await new Promise((r) => setTimeout(r, Math.min(1000, Math.max(50, deadline - Date.now()))));
  }
}

/** `reading`: a read (refresh, drift audit) changes nothing, so a lost connection gives no advice to run up. */
async function withDriver<T>(name: string, ctx: OperationContext, body: (driver: EndpointDriver, c: EndpointConnection) => Promise<T>, reading = false): Promise<T> {
  const c = connection(ctx.config);
  let driver: EndpointDriver | undefined;
  try {
    driver = openEndpoint(name, c);
    return await body(driver, c);
  } catch (err) {
    if (!(err instanceof DeviceError)) throw err;
    throw new OperationError(err.retryable ? `${err.message}; ${reading ? "could not read the endpoint" : "run up again"}` : err.message);
  } finally {
    await driver?.close();
  }
}

async function converge(want: EndpointInputs, ctx: OperationContext, written?: EndpointSettings): Promise<EndpointState> {
  return withDriver(want.systemName, ctx, async (driver, c) => {
    const names = Object.keys(want.settings) as SettingName[];
    const have = await driver.read(names);
    const changes: EndpointSettings = {};
    for (const n of names) {
      const current = WRITE_ONLY.has(n) ? written?.[n] : have[n];
      if (current !== want.settings[n]) changes[n] = want.settings[n];
    }
    if (Object.keys(changes).length > 0) {
      // A device that lost other settings (a factory reset) has likely lost
      // its passwords too, which cannot be read to tell: send them along.
      for (const n of names) if (WRITE_ONLY.has(n) && want.settings[n] !== undefined) changes[n] = want.settings[n];
      const { rebootNeeded } = await driver.write(changes);
      if (rebootNeeded) await driver.reboot();
    }
    const { status, missing } = await verifyRegistration(driver, want.settings, c.registrationTimeoutMs ?? 30_000);
    const state: EndpointState = { ...want, registration: status };
    if (missing.length > 0 && (c.registrationCheck ?? "error") === "error") {
      const why = missing.map((m) => `${m.protocol === "sip" ? "SIP" : "H.323"}: ${m.text}`).join("; ");
      const verdict = missing.every((m) => m.confirmed) ? "not registered with the MCU" : "its registration with the MCU could not be confirmed";
      throw new PartialFailure(`${want.systemName}: configured, but ${verdict} (${why})`, want.systemName, state);
    }
    return state;
  });
}

export const endpointType: ResourceType<EndpointInputs, EndpointState> = {
  token: ENDPOINT_TOKEN,
  shapes: ENDPOINT_SHAPES,
  replaceOnChanges: [],

  check: (news) => checkShape(ENDPOINT_SHAPES.inputs, news),

  async create(inputs, ctx) {
    return { id: inputs.systemName, state: await converge(inputs, ctx) };
  },

  async read(_id, state, ctx) {
    const like = state as EndpointState;
    return withDriver(like.systemName, ctx, async (driver) => {
      const names = Object.keys(like.settings) as SettingName[];
      const have = await driver.read(names);
      // Passwords cannot be read back: keep what was written.
      for (const n of names) if (WRITE_ONLY.has(n) && like.settings[n] !== undefined) have[n] = like.settings[n];
      const inputs = { systemName: like.systemName, settings: have };
      return { state: { ...inputs, registration: like.registration ?? [] }, inputs };
    }, true);
  },

  async update(_id, olds, news, ctx) {
    return converge(news, ctx, olds.settings);
  },

  async delete() {
    // The endpoint stays as configured: it sits on the meeting-room desk and
    // has no "absent" state; decommissioning it is a factory reset on site.
  },
};
