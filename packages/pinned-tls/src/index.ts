/**
 * One kept-alive HTTPS connection per device, handed to a request only after
 * the certificate matched the pin: credentials never reach an unverified
 * peer, and there is no fallback to an unverified connection.
 */
import * as https from "node:https";
import type { Duplex } from "node:stream";
import * as tls from "node:tls";

export interface Pin {
  /** SHA-256 fingerprint of the device's certificate, any separators. */
  fingerprint256?: string;
  /** Or a CA that signed it. */
  ca?: string | Buffer;
}

const normalise = (text: string) => text.replace(/[^0-9a-fA-F]/g, "").toUpperCase();

export class PinnedAgent extends https.Agent {
  /**
   * @param label how the device is named in messages
   * @param refuse builds the error for a missing pin or a certificate that does not match
   */
  constructor(
    private readonly pin: Pin,
    private readonly label: string,
    private readonly refuse: (message: string) => Error,
  ) {
    super({ keepAlive: true, maxSockets: 1 });
    if (!pin.fingerprint256 && !pin.ca) throw refuse(`${label}: TLS needs a pinned certificate fingerprint or CA; refusing an unverified connection`);
  }

  override createConnection(options: https.RequestOptions, callback?: (err: Error | null, stream: Duplex) => void): Duplex | null | undefined {
    const socket = tls.connect({
      ...(options as tls.ConnectionOptions),
      rejectUnauthorized: this.pin.ca !== undefined,
      ...(this.pin.ca ? { ca: this.pin.ca, checkServerIdentity: () => undefined } : {}),
    });
    socket.setNoDelay(true);
    const fail = (err: Error) => {
      socket.destroy();
      callback?.(err, socket);
    };
    socket.once("error", fail);
    socket.once("secureConnect", () => {
      socket.removeListener("error", fail);
      const presented = socket.getPeerCertificate().fingerprint256 ?? "";
      if (this.pin.fingerprint256 && normalise(presented) !== normalise(this.pin.fingerprint256)) {
        fail(this.refuse(`${this.label}: TLS certificate fingerprint ${presented} is not the pinned ${this.pin.fingerprint256}; refusing to connect`));
        return;
      }
      callback?.(null, socket);
    });
    return undefined; // the socket is handed over through the callback, once checked
  }
}
export * from "./ssh-fingerprint";
