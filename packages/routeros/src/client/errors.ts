/** What can go wrong talking to a router, each with a message an engineer can act on. */
import { TRAP_CATEGORIES } from "../protocol/sentence";

/** The router refused a command (`!trap`). */
export class RouterOsTrapError extends Error {
  override name = "RouterOsTrapError";
  constructor(
    readonly command: string,
    readonly routerMessage: string,
    readonly category: number | undefined,
  ) {
    super(`${command}: ${routerMessage}${category === undefined ? "" : ` (category ${category}: ${TRAP_CATEGORIES[category] ?? "unknown"})`}`);
  }
}

/** Login refused: wrong user name or password. */
export class RouterOsAuthError extends Error {
  override name = "RouterOsAuthError";
}

/** The connection failed, closed, or the router sent `!fatal`. Commands may be retried on a new connection. */
export class RouterOsConnectionError extends Error {
  override name = "RouterOsConnectionError";
}

/** No complete answer within the time limit. */
export class RouterOsTimeoutError extends RouterOsConnectionError {
  override name = "RouterOsTimeoutError";
}

/** The router's TLS certificate is not the pinned one. Never retried. */
export class RouterOsTlsPinError extends Error {
  override name = "RouterOsTlsPinError";
}
