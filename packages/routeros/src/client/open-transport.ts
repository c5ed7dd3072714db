/**
 * How to reach a router's management API, and the transport for it: the
 * binary API (plain or TLS) or the REST API. The one place that turns
 * connection settings into a client.
 */
import { RouterOsApiClient } from "./api-client";
import { RouterOsRestClient } from "./rest-client";
import type { RouterOsTransport } from "./transport";

export interface RouterOsAccess {
  host: string;
  port?: number;
  transport: "api" | "api-ssl" | "rest";
  username: string;
  password: string;
  /** SHA-256 certificate fingerprint, required for api-ssl and rest. */
  tlsFingerprint?: string;
  timeoutMs?: number;
}

export function openTransport(c: RouterOsAccess): RouterOsTransport {
  const common = { host: c.host, username: c.username, password: c.password, ...(c.port ? { port: c.port } : {}), ...(c.timeoutMs ? { timeoutMs: c.timeoutMs } : {}) };
  const tls = { fingerprint256: c.tlsFingerprint! };
  return c.transport === "rest" ? new RouterOsRestClient({ ...common, tls }) : new RouterOsApiClient({ ...common, ...(c.transport === "api-ssl" ? { tls } : {}) });
}
