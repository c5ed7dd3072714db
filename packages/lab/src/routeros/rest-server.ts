/**
 * The emulated router's REST API (RouterOS v7 `/rest`, HTTPS with Basic
 * authentication), over the same device as the binary API:
 *   GET    /rest/<menu>[?prop=value&.proplist=a,b]  entries (a singleton menu: its object)
 *   GET    /rest/<menu>/<id>                        one entry
 *   PUT    /rest/<menu>          {...}              add; answers the new entry
 *   PATCH  /rest/<menu>/<id>     {...}              set; answers the changed entry
 *   DELETE /rest/<menu>/<id>                        remove; 204
 *   POST   /rest/<menu>/<command> {...}             any command (print with .proplist/.query, set, move…)
 * All values are strings. Errors are `{"error":code,"message":reason,"detail":router message}`.
 */
import * as https from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { RouterOsDevice, Trap } from "./device";
import { listenOn, type ListenAddress } from "../listen";

const REASONS: Record<number, string> = { 400: "Bad Request", 401: "Unauthorized", 404: "Not Found", 405: "Method Not Allowed", 500: "Internal Server Error" };

export interface RestServerOptions {
  device: RouterOsDevice;
  tls: { key: string | Buffer; cert: string | Buffer };
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly detail?: string,
  ) {
    super(detail ?? REASONS[status]);
  }
}

export class RouterOsRestServer {
  private server: https.Server | undefined;
  /** Connections accepted since start. */
  connections = 0;
  /** Milliseconds to wait before answering. */
  latencyMs = 0;

  constructor(private readonly options: RestServerOptions) {}

  get device(): RouterOsDevice {
    return this.options.device;
  }

  async listen(at: ListenAddress = {}): Promise<number> {
    this.server = https.createServer({ ...this.options.tls }, (req, res) => void this.handle(req, res));
    this.server.on("secureConnection", () => this.connections++);
    // The REST API is served by www-ssl: disabled, it takes no connection, as on the router.
    this.server.on("connection", (socket: Socket) => {
      if (!this.device.admits("www-ssl", socket.remoteAddress)) socket.destroy();
    });
    return listenOn(this.server, at);
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Drops every open connection, as a line failure would. */
  dropConnections(): void {
    this.server?.closeAllConnections();
  }

  private authorised(req: IncomingMessage): boolean {
    const header = req.headers.authorization ?? "";
    if (!header.startsWith("Basic ")) return false;
    const decoded = Buffer.from(header.slice(6), "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    return colon > 0 && this.device.checkLogin(decoded.slice(0, colon), decoded.slice(colon + 1));
  }

  private async body(req: IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (chunks.length === 0) return {};
    try {
      const parsed = JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error();
      return parsed as Record<string, unknown>;
    } catch {
      throw new HttpError(400, "JSON body expected");
    }
  }

  private run(command: string, attributes: Map<string, string>, queries: string[] = []) {
    try {
      return this.device.execute(command, attributes, queries);
    } catch (err) {
      if (!(err instanceof Trap)) throw err;
      if (err.message === "no such command prefix" || err.message === "no such command") throw new HttpError(400, err.message);
      if (err.message === "no such item") throw new HttpError(404, err.message);
      throw new HttpError(400, err.message);
    }
  }

  private one(path: string, id: string): Record<string, string> {
    const rows = this.run(`${path}/print`, new Map(), [id.startsWith("*") ? `?.id=${id}` : `?name=${id}`]).rows ?? [];
    if (rows.length === 0) throw new HttpError(404, "no such item");
    return rows[0]!;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const reply = (status: number, payload?: unknown) => {
      if (payload === undefined) res.writeHead(status).end();
      else res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(payload));
    };
    try {
      if (this.latencyMs) await new Promise((r) => setTimeout(r, this.latencyMs));
      if (!this.authorised(req)) throw new HttpError(401);
      const url = new URL(req.url ?? "/", "https://router");
      if (!url.pathname.startsWith("/rest/")) throw new HttpError(404);
      const segments = url.pathname.slice(5).split("/").filter(Boolean).map(decodeURIComponent);
      const last = segments.at(-1) ?? "";
      // An entry by its id (`*1`), or by its name (`/rest/interface/ether1`) when the path without it is a menu.
      const byName = !last.startsWith("*") && segments.length > 1 && !this.device.hasMenu(`/${segments.join("/")}`) && this.device.hasMenu(`/${segments.slice(0, -1).join("/")}`) && req.method === "GET";
      const hasId = last.startsWith("*") || byName;
      const path = `/${(hasId ? segments.slice(0, -1) : segments).join("/")}`;
      const strings = (obj: Record<string, unknown>) => new Map(Object.entries(obj).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : String(v)]));

      switch (req.method) {
        case "GET": {
          if (hasId) return reply(200, this.one(path, last));
          const attributes = new Map<string, string>();
          const queries: string[] = [];
          for (const [key, value] of url.searchParams) {
            if (key === ".proplist") attributes.set(".proplist", value);
            else queries.push(`?${key}=${value}`);
          }
          const rows = this.run(`${path}/print`, attributes, queries).rows ?? [];
          const singleton = rows.length === 1 && !(".id" in rows[0]!) && queries.length === 0;
          return reply(200, singleton ? rows[0] : rows);
        }
        case "PUT": {
          const { ret } = this.run(`${path}/add`, strings(await this.body(req)));
          return reply(201, this.one(path, ret!));
        }
        case "PATCH": {
          if (!hasId) throw new HttpError(405);
          this.run(`${path}/set`, new Map([[".id", last], ...strings(await this.body(req))]));
          return reply(200, this.one(path, last));
        }
        case "DELETE": {
          if (!hasId) throw new HttpError(405);
          this.run(`${path}/remove`, new Map([[".id", last]]));
          return reply(204);
        }
        case "POST": {
          const body = await this.body(req);
          const queries = Array.isArray(body[".query"]) ? (body[".query"] as unknown[]).map((q) => `?${String(q)}`) : [];
          delete body[".query"];
          const result = this.run(path, strings(body), queries);
          if (result.rows) return reply(200, result.rows);
          return reply(200, result.ret === undefined ? [] : { ret: result.ret });
        }
        default:
          throw new HttpError(405);
      }
    } catch (err) {
      const status = err instanceof HttpError ? err.status : 500;
      const detail = err instanceof HttpError ? err.detail : (err as Error).message;
      reply(status, { error: status, message: REASONS[status] ?? "Error", ...(detail ? { detail } : {}) });
    }
  }
}

