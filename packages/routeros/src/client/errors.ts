/** What can go wrong talking to a router, each with a message an engineer can act on. */
import { DeviceError } from "@communes/device-error";
import { TRAP_CATEGORIES } from "../protocol/sentence";

/** The router refused a command (`!trap`). */
export class RouterOsTrapError extends DeviceError {
  override name = "RouterOsTrapError";
  constructor(
    readonly command: string,
    readonly routerMessage: string,
    readonly category: number | undefined,
  ) {
    super(`${command}: ${routerMessage}${category === undefined ? "" : ` (category ${category}: ${TRAP_CATEGORIES[category] ?? "unknown"})`}`, { operation: command, said: routerMessage, retryable: false });
  }
}

/** Login refused: wrong user name or password. */
export class RouterOsAuthError extends DeviceError {
  override name = "RouterOsAuthError";
  constructor(message: string) {
    super(message, { retryable: false });
  }
}

/** The connection failed, closed, or the router sent `!fatal`. Commands may be retried on a new connection. */
export class RouterOsConnectionError extends DeviceError {
  override name = "RouterOsConnectionError";
  constructor(message: string) {
    super(message, { retryable: true });
  }
}

/** No complete answer within the time limit. */
export class RouterOsTimeoutError extends RouterOsConnectionError {
  override name = "RouterOsTimeoutError";
}

/** The router's TLS certificate is not the pinned one. Never retried. */
export class RouterOsTlsPinError extends DeviceError {
  override name = "RouterOsTlsPinError";
  constructor(message: string) {
    super(message, { retryable: false });
  }
}

/** The router no longer holds what a change was planned against (an entry removed meanwhile): reading it again and planning anew may succeed. */
export class RouterOsStateError extends DeviceError {
  override name = "RouterOsStateError";
  constructor(message: string) {
    super(message, { retryable: true });
  }
}
