/**
 * The RouterOS v7 REST API (`/rest` over HTTPS, Basic authentication) behind
 * the same transport interface as the binary API. One keep-alive connection
 * per router, the certificate pinned by fingerprint or CA, errors turned
 * into the same error classes as the binary API's traps.
 */
import * as https from "node:https";
import { PinnedAgent } from "@communes/pinned-tls";
import { RouterOsAuthError, RouterOsConnectionError, RouterOsTimeoutError, RouterOsTlsPinError, RouterOsTrapError } from "./errors";
import type { PrintOptions, Row, RouterOsTransport } from "./transport";
import { defaultApiPort } from "../menus/services";

export interface RestClientOptions {
  host: string;
  /** Default: the www-ssl service's port (menus/services.ts). */
  port?: number;
  username: string;
  password: string;
  tls: { fingerprint256?: string; ca?: string | Buffer };
  /** Time for one request. Default: 15000. */
  timeoutMs?: number;
}


export class RouterOsRestClient implements RouterOsTransport {
  /** Made on first use, so a client without a pin fails its first request, not its construction. */
  private agent: https.Agent | undefined;
  /** Requests sent, for counting API calls. */
  requestsSent = 0;

  constructor(private readonly options: RestClientOptions) {}

  private newAgent(): https.Agent {
    return new PinnedAgent(this.options.tls, this.label, (message) => new RouterOsTlsPinError(message));
  }

  private get label(): string {
    return `${this.options.host}:${this.options.port ?? defaultApiPort("rest")}`;
  }

  /** HTTP/1.1 on one connection answers one request at a time: queue them. */
  private queue: Promise<unknown> = Promise.resolve();

  private request(method: string, path: string, body?: unknown): Promise<unknown> {
    const result = this.queue.then(() => this.send(method, path, body));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private send(method: string, path: string, body?: unknown): Promise<unknown> {
    const pin = this.options.tls;
    if (!pin.fingerprint256 && !pin.ca) {
      return Promise.reject(new RouterOsTlsPinError(`${this.label}: TLS needs a pinned certificate fingerprint or CA; refusing an unverified connection`));
    }
    const timeoutMs = this.options.timeoutMs ?? 15_000;
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body), "utf8");
    this.requestsSent++;
    return new Promise((resolve, reject) => {
      const req = https.request(
        {
          host: this.options.host,
          port: this.options.port ?? defaultApiPort("rest"),
          method,
          path: `/rest${path}`,
          agent: (this.agent ??= this.newAgent()),
          auth: `${this.options.username}:${this.options.password}`,
          headers: { accept: "application/json", ...(payload ? { "content-type": "application/json", "content-length": payload.length } : {}) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("error", (err) => reject(new RouterOsConnectionError(`${this.label}: ${err.message}`)));
          res.on("end", () => {
            clearTimeout(timer);
            const text = Buffer.concat(chunks).toString("utf8");
            const status = res.statusCode ?? 0;
            let json: unknown;
            try {
              json = text === "" ? undefined : JSON.parse(text);
            } catch {
              return reject(new RouterOsConnectionError(`${this.label}: ${method} ${path}: answer is not JSON (HTTP ${status})`));
            }
            if (status >= 200 && status < 300) return resolve(json);
            const error = (json ?? {}) as { message?: string; detail?: string };
            if (status === 401) return reject(new RouterOsAuthError(`${this.label}: login as ${this.options.username} refused: ${error.message ?? "Unauthorized"}`));
            reject(new RouterOsTrapError(`${method} ${path}`, error.detail ?? error.message ?? `HTTP ${status}`, undefined));
          });
        },
      );
      const timer = setTimeout(() => {
        req.destroy(new RouterOsTimeoutError(`${this.label}: ${method} ${path}: no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      req.on("error", (err) => {
        clearTimeout(timer);
        if (err instanceof RouterOsTlsPinError || err instanceof RouterOsConnectionError) reject(err);
        else reject(new RouterOsConnectionError(`${this.label}: ${err.message}`));
      });
      req.end(payload);
    });
  }

  async print(path: string, options: PrintOptions = {}): Promise<Row[]> {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(options.where ?? {})) query.set(k, v);
    if (options.proplist) query.set(".proplist", options.proplist.join(","));
    const qs = query.toString();
    const result = await this.request("GET", `${path}${qs ? `?${qs}` : ""}`);
    // A singleton menu answers with its object, lists with an array.
    return Array.isArray(result) ? (result as Row[]) : [result as Row];
  }

  async add(path: string, values: Readonly<Record<string, string>>): Promise<string> {
    const created = (await this.request("PUT", path, values)) as Row;
    return created[".id"]!;
  }

  async set(path: string, id: string | undefined, values: Readonly<Record<string, string>>): Promise<void> {
    if (id === undefined) await this.request("POST", `${path}/set`, values);
    else await this.request("PATCH", `${path}/${encodeURIComponent(id)}`, values);
  }

  /** RouterOS's `unset` command, one property at a time (`value-name` names one). */
  async unset(path: string, id: string | undefined, names: readonly string[]): Promise<void> {
    for (const name of names) await this.request("POST", `${path}/unset`, { ...(id === undefined ? {} : { numbers: id }), "value-name": name });
  }

  async remove(path: string, id: string): Promise<void> {
    await this.request("DELETE", `${path}/${encodeURIComponent(id)}`);
  }

  async move(path: string, ids: readonly string[], destination?: string): Promise<void> {
    await this.request("POST", `${path}/move`, { numbers: ids.join(","), ...(destination ? { destination } : {}) });
  }

  async close(): Promise<void> {
    this.agent?.destroy();
    this.agent = undefined;
  }
}
