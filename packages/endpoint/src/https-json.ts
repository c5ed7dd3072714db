/**
 * HTTPS to an endpoint with its certificate pinned (SHA-256 fingerprint, or
 * a CA): the request is only sent once the certificate was checked.
 */
import * as https from "node:https";
import type { Duplex } from "node:stream";
import * as tls from "node:tls";

export interface Pin {
  fingerprint256?: string;
  ca?: string | Buffer;
}

export class EndpointError extends Error {
  override name = "EndpointError";
}

/** The endpoint is unreachable or the connection broke; retrying may help. */
export class EndpointConnectionError extends EndpointError {
  override name = "EndpointConnectionError";
}

const normalise = (text: string) => text.replace(/[^0-9a-fA-F]/g, "").toUpperCase();

/** An agent whose connections are handed over only after the certificate matched the pin. */
export class PinnedAgent extends https.Agent {
  constructor(
    private readonly pin: Pin,
    private readonly label: string,
  ) {
    super({ keepAlive: true, maxSockets: 1 });
    if (!pin.fingerprint256 && !pin.ca) throw new EndpointError(`${label}: HTTPS needs a pinned certificate fingerprint or CA; refusing an unverified connection`);
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
        fail(new EndpointError(`${this.label}: TLS certificate fingerprint ${presented} is not the pinned ${this.pin.fingerprint256}; refusing to connect`));
        return;
      }
      callback?.(null, socket);
    });
    return undefined;
  }
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request; rejects only when no answer came (any HTTP status is an answer). */
export function request(agent: PinnedAgent, label: string, options: { host: string; port: number; method: string; path: string; headers?: Record<string, string>; body?: string; timeoutMs?: number }): Promise<HttpAnswer> {
  const payload = options.body === undefined ? undefined : Buffer.from(options.body, "utf8");
  const timeoutMs = options.timeoutMs ?? 15_000;
  return new Promise((resolve, reject) => {
    const req = https.request(
      { host: options.host, port: options.port, method: options.method, path: options.path, agent, headers: { ...options.headers, ...(payload ? { "content-length": String(payload.length) } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") });
        });
      },
    );
    const timer = setTimeout(() => req.destroy(new EndpointConnectionError(`${label}: ${options.method} ${options.path}: no answer within ${timeoutMs} ms`)), timeoutMs);
    req.on("error", (err) => {
      clearTimeout(timer);
      reject(err instanceof EndpointError ? err : new EndpointConnectionError(`${label}: ${err.message}`));
    });
    req.end(payload);
  });
}
