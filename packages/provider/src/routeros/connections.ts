/**
 * One connection per router for the life of the provider process (one
 * engine operation), shared by every resource of that router: resources are
 * handled concurrently and the transport multiplexes them.
 */
import { openTransport, type RouterOsAccess, type RouterOsTransport } from "@communes/routeros";
import { OperationError } from "../resource-type";
import type { PropertyMap } from "../wire";

const pool = new Map<string, RouterOsTransport>();

/** How the provider's configuration (`routeros: {...}`) reaches the router, checked. */
export function routerConnection(config: Readonly<PropertyMap>): RouterOsAccess {
  const raw = config.routeros;
  const c = (typeof raw === "string" ? JSON.parse(raw) : raw) as Partial<RouterOsAccess> | undefined;
  const missing = (["host", "transport", "username", "password"] as const).filter((k) => !c?.[k]);
  if (!c || missing.length > 0) {
    throw new OperationError(`this communes provider has no router to talk to: set routeros.${missing.join(", routeros.")} in its configuration`);
  }
  if (!["api", "api-ssl", "rest"].includes(c.transport!)) throw new OperationError(`routeros.transport ${JSON.stringify(c.transport)} is not api, api-ssl or rest`);
  if (c.transport !== "api" && !c.tlsFingerprint) {
    throw new OperationError(`routeros.transport ${c.transport} needs routeros.tlsFingerprint: the router's certificate is pinned, never trusted blindly`);
  }
  return c as RouterOsAccess;
}

export function transportFor(c: RouterOsAccess): RouterOsTransport {
  const key = JSON.stringify([c.transport, c.host, c.port, c.username, c.password, c.tlsFingerprint]);
  let transport = pool.get(key);
  if (!transport) {
    transport = openTransport(c);
    pool.set(key, transport);
  }
  return transport;
}
