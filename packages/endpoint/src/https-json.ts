/**
 * HTTPS to an endpoint with its certificate pinned (SHA-256 fingerprint, or
 * a CA): the request is only sent once the certificate was checked.
 */
import * as https from "node:https";
import { PinnedAgent, type Pin } from "@communes/pinned-tls";
import { EndpointError } from "./endpoint-error";

export type { Pin };
export { PinnedAgent, EndpointError };

/** The endpoint is unreachable or the connection broke; retrying may help. */
export class EndpointConnectionError extends EndpointError {
  override name = "EndpointConnectionError";
  constructor(message: string) {
    super(message, true);
  }
}

/** The device's certificate is checked against its pin before anything is sent. */
export function pinnedAgent(pin: Pin, label: string): PinnedAgent {
  return new PinnedAgent(pin, label, (message) => new EndpointError(message));
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

/** An answer the driver cannot read: names the device, the request and what was expected, with the start of what came. */
export function unexpectedAnswer(label: string, request: string, expected: string, answer: HttpAnswer): EndpointError {
  const start = answer.body.length > 200 ? `${answer.body.slice(0, 200)}…` : answer.body;
  return new EndpointError(`${label}: ${request}: expected ${expected}, the device answered HTTP ${answer.status}${start.trim() ? `: ${start.trim()}` : " with no body"}`);
}

/** The JSON body of an answer, or an EndpointError saying what was expected. */
export function jsonBody(label: string, request: string, expected: string, answer: HttpAnswer): unknown {
  try {
    return JSON.parse(answer.body);
  } catch {
    throw unexpectedAnswer(label, request, expected, answer);
  }
}
