/**
 * How `communes adopt` reaches a commune's devices: the `--router`,
 * `--switch` and `--endpoint` arguments, and the passwords, which come from
 * environment variables named after the inventory's secret names
 * (`routerPassword` → `COMMUNES_SECRET_ROUTER_PASSWORD`) or the terminal,
 * never from the command line.
 */
import type { RouterOsAccess } from "@communes/routeros";
import { sshFamilyOf, type SwitchAccess as SwitchReach } from "@communes/switch";
import type { EndpointAccess as EndpointReach } from "@communes/endpoint";
import { secretEnvName, secretValue } from "../stack/secret-input";
import { UsageError } from "../output";

/** What the engineer gave about the router: its access without credentials, the host key under the inventory's name. */
export interface RouterAccess extends Pick<RouterOsAccess, "host" | "port" | "transport" | "tlsFingerprint" | "sshPort"> {
  /** The router's SSH host key, pinned in the written file (configuration exports before changes). */
  hostKey?: RouterOsAccess["sshHostKeyFingerprint"];
}

/** What the engineer gave about a switch: its access without credentials, and its model (which says its SSH algorithms). */
export interface SwitchAccess extends Pick<SwitchReach, "host" | "port"> {
  hostKey: SwitchReach["hostKeyFingerprint"];
  model?: string;
}

/** What the engineer gave about an endpoint: its access without credentials, and what the inventory says of it. */
export interface EndpointAccess extends Pick<EndpointReach, "vendor" | "host" | "port" | "tlsFingerprint"> {
  model: string;
  room: string;
}

/** The passwords of a kind of device, as the device packages' access types name them. */
export type Credentials = Pick<SwitchReach, "username" | "password" | "enableSecret">;

/** The device packages' access, from what the engineer gave and the credentials. */
export function routerReach({ hostKey, ...given }: RouterAccess, credentials: Credentials): RouterOsAccess {
  return { ...given, username: credentials.username, password: credentials.password, ...(hostKey ? { sshHostKeyFingerprint: hostKey } : {}) };
}

export function switchReach({ hostKey, model, ...given }: SwitchAccess, credentials: Credentials): SwitchReach {
  const legacy = (model ? sshFamilyOf(model)?.legacy : undefined) ?? [];
  return { ...given, ...credentials, hostKeyFingerprint: hostKey, ...(legacy.length > 0 ? { legacyAlgorithms: legacy } : {}) };
}

export function endpointReach({ model: _model, room: _room, ...given }: EndpointAccess, credentials: Credentials): EndpointReach {
  return { ...given, username: credentials.username, password: credentials.password };
}

export interface OfficeAccess {
  router: RouterAccess;
  switches: SwitchAccess[];
  endpoints: EndpointAccess[];
}

/** `host`, `host:port` or `[v6]:port`. */
export function parseHostPort(text: string, what: string): { host: string; port?: number } {
  const match = /^(?:\[([^\]]+)\]|([^:]+))(?::(\d+))?$/.exec(text);
  const host = match?.[1] ?? match?.[2];
  if (!match || !host) throw new UsageError(`${what}: ${JSON.stringify(text)} is not host or host:port`);
  const port = match[3] === undefined ? undefined : Number(match[3]);
  if (port !== undefined && (port < 1 || port > 65535)) throw new UsageError(`${what}: port ${port} is not between 1 and 65535`);
  return port === undefined ? { host } : { host, port };
}

/** `key=value,key=value`; values may hold spaces and colons, not commas. */
function fields(text: string, what: string, known: readonly string[], required: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(",")) {
    const eq = part.indexOf("=");
    if (eq < 1) throw new UsageError(`${what}: ${JSON.stringify(part)} is not key=value (keys: ${known.join(", ")})`);
    const key = part.slice(0, eq).trim();
    if (!known.includes(key)) throw new UsageError(`${what}: unknown key ${key} (keys: ${known.join(", ")})`);
    out[key] = part.slice(eq + 1).trim();
  }
  const missing = required.filter((k) => !out[k]);
  if (missing.length > 0) throw new UsageError(`${what}: ${missing.join(", ")} missing in ${JSON.stringify(text)}`);
  return out;
}

export function parseRouterAccess(address: string, transport: string | undefined, tlsFingerprint: string | undefined, hostKey?: string, sshPort?: string): RouterAccess {
  const t = transport ?? "api-ssl";
  if (t !== "api" && t !== "api-ssl" && t !== "rest") throw new UsageError(`--router-transport: ${JSON.stringify(t)} is not api, api-ssl or rest`);
  if (t !== "api" && !tlsFingerprint) throw new UsageError(`--router-transport ${t} needs --router-tls-fingerprint: the router's certificate is pinned, never trusted blindly`);
  if (hostKey !== undefined && !/^SHA256:[A-Za-z0-9+/]{43}$/.test(hostKey)) throw new UsageError(`--router-host-key: ${JSON.stringify(hostKey)} is not SHA256:<43 base64 characters> as ssh-keygen -lf prints it`);
  if (sshPort !== undefined && !(hostKey && /^\d+$/.test(sshPort))) throw new UsageError("--router-ssh-port takes a port number, with --router-host-key");
  return { ...parseHostPort(address, "--router"), transport: t, ...(tlsFingerprint ? { tlsFingerprint } : {}), ...(hostKey ? { hostKey } : {}), ...(sshPort ? { sshPort: Number(sshPort) } : {}) };
}

/** `--switch host=H[:port],hostKey=SHA256:…[,model=M]` */
export function parseSwitchAccess(text: string): SwitchAccess {
  const f = fields(text, "--switch", ["host", "hostKey", "model"], ["host", "hostKey"]);
  if (!/^SHA256:[A-Za-z0-9+/]{43}$/.test(f.hostKey!)) throw new UsageError(`--switch: hostKey ${JSON.stringify(f.hostKey)} is not SHA256:<43 base64 characters> as ssh-keygen -lf prints it`);
  return { ...parseHostPort(f.host!, "--switch host"), hostKey: f.hostKey!, ...(f.model ? { model: f.model } : {}) };
}

/** `--endpoint vendor=poly,host=H[:port],tls=AB:CD:…,model=G7500,room=Hội trường UBND` */
export function parseEndpointAccess(text: string): EndpointAccess {
  const f = fields(text, "--endpoint", ["vendor", "host", "tls", "model", "room"], ["vendor", "host", "tls", "model", "room"]);
  if (f.vendor !== "poly" && f.vendor !== "cisco") throw new UsageError(`--endpoint: vendor ${JSON.stringify(f.vendor)} is not poly or cisco`);
  return { vendor: f.vendor, ...parseHostPort(f.host!, "--endpoint host"), tlsFingerprint: f.tls!, model: f.model!, room: f.room! };
}

/** A secret's value from the environment or, on a terminal, asked without echo; else a one-line error saying which variable to set. */
export async function secretFor(secretName: string, what: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const value = await secretValue(secretName, what, env);
  if (!value) throw new UsageError(`${what}: set ${secretEnvName(secretName)} (the ${secretName} secret) or run on a terminal; passwords are never taken on the command line`);
  return value;
}
