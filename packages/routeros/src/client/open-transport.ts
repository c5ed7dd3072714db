/**
 * How to reach a router — its management API (binary API, plain or TLS, or
 * REST) and its SSH for `/export` — and the one factory for each: the API
 * transport, and the SSH target of the configuration export. The one type
 * for a router's reach: the provider, `adopt` and the lab's tests use it.
 */
import { RouterOsApiClient } from "./api-client";
import { RouterOsRestClient } from "./rest-client";
import type { RouterOsTransport } from "./transport";
import type { SshExportTarget } from "../ssh/export-configuration";

export type RouterOsTransportKind = "api" | "api-ssl" | "rest";

export interface RouterOsAccess {
  host: string;
  /** The API's port. Default: 8728 (api), 8729 (api-ssl), 443 (rest). */
  port?: number;
  transport: RouterOsTransportKind;
  username: string;
  password: string;
  /** SHA-256 certificate fingerprint, required for api-ssl and rest. */
  tlsFingerprint?: string;
  timeoutMs?: number;
  /** SSH, for the configuration export. Default port: 22. */
  sshPort?: number;
  /** `SHA256:…` as `ssh-keygen -lf` prints it; without it the router has no SSH export (its host key is pinned, never trusted blindly). */
  sshHostKeyFingerprint?: string;
}

export function openTransport(c: RouterOsAccess): RouterOsTransport {
  const common = { host: c.host, username: c.username, password: c.password, ...(c.port ? { port: c.port } : {}), ...(c.timeoutMs ? { timeoutMs: c.timeoutMs } : {}) };
  const tls = { fingerprint256: c.tlsFingerprint! };
  return c.transport === "rest" ? new RouterOsRestClient({ ...common, tls }) : new RouterOsApiClient({ ...common, ...(c.transport === "api-ssl" ? { tls } : {}) });
}

/** Where `/export` is taken over SSH, for the router named `device`; undefined when no host key is pinned. */
export function sshExportTarget(device: string, c: RouterOsAccess): SshExportTarget | undefined {
  if (!c.sshHostKeyFingerprint) return undefined;
  return { device, host: c.host, ...(c.sshPort ? { port: c.sshPort } : {}), username: c.username, password: c.password, hostKeyFingerprint: c.sshHostKeyFingerprint };
}
