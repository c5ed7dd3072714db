/**
 * A RouterOS API client over TCP (8728) or TLS (8729). Every command is
 * tagged, so commands run concurrently on one connection; replies are
 * matched by tag, sentences reassembled whatever the TCP segmentation, text
 * is UTF-8, `!empty` (7.18+) is understood, traps keep their category, and a
 * dropped connection fails the commands in flight and is re-opened by the
 * next command. TLS is only used with a pinned certificate (fingerprint or
 * CA): there is no unverified fallback.
 */
import * as net from "node:net";
import * as tls from "node:tls";
import { encodeSentence, SentenceDecoder } from "../protocol/words";
import { attributeWord, parseReply, type Reply } from "../protocol/sentence";
import { RouterOsAuthError, RouterOsConnectionError, RouterOsTimeoutError, RouterOsTlsPinError, RouterOsTrapError } from "./errors";
import type { PrintOptions, Row, RouterOsTransport } from "./transport";
import { defaultApiPort } from "../menus/services";

export interface ApiClientOptions {
  host: string;
  /** Default: the api-ssl service's port with TLS, the api service's without (menus/services.ts). */
  port?: number;
  username: string;
  password: string;
  /** Use TLS, verified by one of these. */
  tls?: { fingerprint256?: string; ca?: string | Buffer };
  /** Time for one command's complete answer. Default: 15000. */
  timeoutMs?: number;
  /** Time to connect and log in. Default: 10000. */
  connectTimeoutMs?: number;
}

interface Pending {
  command: string;
  rows: Row[];
  trap?: Reply;
  resolve: (result: { rows: Row[]; ret?: string }) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

function normaliseFingerprint(text: string): string {
  return text.replace(/[^0-9a-fA-F]/g, "").toUpperCase();
}

export class RouterOsApiClient implements RouterOsTransport {
  private socket: net.Socket | undefined;
  private connecting: Promise<void> | undefined;
  private readonly pending = new Map<string, Pending>();
  private nextTag = 1;
  /** Sentences written, for counting API calls. */
  commandsSent = 0;

  constructor(private readonly options: ApiClientOptions) {}

  private get label(): string {
    return `${this.options.host}:${this.port}`;
  }

  private get port(): number {
    return this.options.port ?? defaultApiPort(this.options.tls ? "api-ssl" : "api");
  }

  /** Opens the connection and logs in; commands call it themselves. */
  connect(): Promise<void> {
    if (this.socket && !this.socket.destroyed) return Promise.resolve();
    this.connecting ??= this.open().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async open(): Promise<void> {
    const socket = await this.dial();
    this.socket = socket;
    const decoder = new SentenceDecoder();
    socket.on("data", (chunk: Buffer) => {
      let sentences: string[][];
      try {
        sentences = decoder.push(chunk);
      } catch (err) {
        this.fail(socket, new RouterOsConnectionError(`${this.label}: ${(err as Error).message}`));
        return;
      }
      for (const words of sentences) this.onSentence(socket, words);
    });
    socket.on("error", (err) => this.fail(socket, new RouterOsConnectionError(`${this.label}: connection lost (${err.message})`)));
    socket.on("close", () => this.fail(socket, new RouterOsConnectionError(`${this.label}: connection closed by the router`)));
    try {
      await this.send("/login", [attributeWord("name", this.options.username), attributeWord("password", this.options.password)], this.options.connectTimeoutMs ?? 10_000);
    } catch (err) {
      socket.destroy();
      if (err instanceof RouterOsTrapError) throw new RouterOsAuthError(`${this.label}: login as ${this.options.username} refused: ${err.routerMessage}`);
      throw err;
    }
  }

  private dial(): Promise<net.Socket> {
    const timeoutMs = this.options.connectTimeoutMs ?? 10_000;
    return new Promise((resolve, reject) => {
      const pin = this.options.tls;
      let socket: net.Socket;
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new RouterOsTimeoutError(`${this.label}: no connection within ${timeoutMs} ms`));
      }, timeoutMs);
      const done = (err?: Error) => {
        clearTimeout(timer);
        if (err) {
          socket.destroy();
          reject(err);
        } else {
          socket.removeAllListeners("error");
          resolve(socket);
        }
      };
      if (pin) {
        if (!pin.fingerprint256 && !pin.ca) {
          clearTimeout(timer);
          reject(new RouterOsTlsPinError(`${this.label}: TLS needs a pinned certificate fingerprint or CA; refusing an unverified connection`));
          return;
        }
        const tlsSocket = tls.connect({
          host: this.options.host,
          port: this.port,
          // With a fingerprint the certificate is checked below instead of against a CA.
          rejectUnauthorized: pin.ca !== undefined,
          ...(pin.ca ? { ca: pin.ca, checkServerIdentity: () => undefined } : {}),
        });
        socket = tlsSocket;
        tlsSocket.once("secureConnect", () => {
          if (pin.fingerprint256) {
            const presented = tlsSocket.getPeerCertificate().fingerprint256 ?? "";
            if (normaliseFingerprint(presented) !== normaliseFingerprint(pin.fingerprint256)) {
              done(new RouterOsTlsPinError(`${this.label}: TLS certificate fingerprint ${presented} is not the pinned ${pin.fingerprint256}; refusing to connect`));
              return;
            }
          }
          done();
        });
      } else {
        socket = net.connect({ host: this.options.host, port: this.port }, () => done());
      }
      socket.setNoDelay(true);
      socket.once("error", (err) => done(new RouterOsConnectionError(`${this.label}: ${err.message}`)));
    });
  }

  private onSentence(socket: net.Socket, words: string[]): void {
    let reply: Reply;
    try {
      reply = parseReply(words);
    } catch {
      return; // not a reply sentence: ignore, as RouterOS clients must
    }
    if (reply.type === "!fatal") {
      this.fail(socket, new RouterOsConnectionError(`${this.label}: the router closed the session: ${reply.text ?? "no reason given"}`));
      return;
    }
    const pending = reply.tag === undefined ? undefined : this.pending.get(reply.tag);
    if (!pending) return;
    if (reply.type === "!re") pending.rows.push(reply.attributes);
    else if (reply.type === "!trap") pending.trap ??= reply;
    else if (reply.type === "!done") {
      this.pending.delete(reply.tag!);
      clearTimeout(pending.timer);
      if (pending.trap) {
        const category = pending.trap.attributes.category;
        pending.reject(new RouterOsTrapError(pending.command, pending.trap.attributes.message ?? "failed", category === undefined ? undefined : Number(category)));
      } else {
        pending.resolve({ rows: pending.rows, ...(reply.attributes.ret !== undefined ? { ret: reply.attributes.ret } : {}) });
      }
    }
    // !empty: nothing to collect; !done follows.
  }

  /** Fails every command in flight on this socket and forgets it. */
  private fail(socket: net.Socket, err: Error): void {
    if (this.socket === socket) this.socket = undefined;
    socket.destroy();
    for (const [tag, pending] of this.pending) {
      clearTimeout(pending.timer);
      this.pending.delete(tag);
      pending.reject(err);
    }
  }

  private send(command: string, words: readonly string[], timeoutMs = this.options.timeoutMs ?? 15_000): Promise<{ rows: Row[]; ret?: string }> {
    const socket = this.socket;
    if (!socket) return Promise.reject(new RouterOsConnectionError(`${this.label}: not connected`));
    const tag = String(this.nextTag++);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.fail(socket, new RouterOsTimeoutError(`${this.label}: ${command}: no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(tag, { command, rows: [], resolve, reject, timer });
      this.commandsSent++;
      socket.write(encodeSentence([command, ...words, `.tag=${tag}`]));
    });
  }

  /** Runs any command; rows of `!re`, and `=ret=` of `!done`. */
  async command(command: string, attributes: Readonly<Record<string, string>> = {}, queries: readonly string[] = []): Promise<{ rows: Row[]; ret?: string }> {
    await this.connect();
    return this.send(command, [...Object.entries(attributes).map(([k, v]) => attributeWord(k, v)), ...queries]);
  }

  async print(path: string, options: PrintOptions = {}): Promise<Row[]> {
    const attributes: Record<string, string> = options.proplist ? { ".proplist": options.proplist.join(",") } : {};
    const queries = Object.entries(options.where ?? {}).map(([k, v]) => `?${k}=${v}`);
    return (await this.command(`${path}/print`, attributes, queries)).rows;
  }

  async add(path: string, values: Readonly<Record<string, string>>): Promise<string> {
    const { ret } = await this.command(`${path}/add`, values);
    if (ret === undefined) throw new RouterOsConnectionError(`${this.label}: ${path}/add returned no id`);
    return ret;
  }

  async set(path: string, id: string | undefined, values: Readonly<Record<string, string>>): Promise<void> {
    await this.command(`${path}/set`, id === undefined ? values : { ".id": id, ...values });
  }

  /** A `set` whose words `=!name=` unset properties (as librouteros and community.routeros send them). */
  async unset(path: string, id: string | undefined, names: readonly string[]): Promise<void> {
    const words = Object.fromEntries(names.map((n) => [`!${n}`, ""]));
    await this.command(`${path}/set`, id === undefined ? words : { ".id": id, ...words });
  }

  async remove(path: string, id: string): Promise<void> {
    await this.command(`${path}/remove`, { ".id": id });
  }

  async move(path: string, ids: readonly string[], destination?: string): Promise<void> {
    await this.command(`${path}/move`, { numbers: ids.join(","), ...(destination ? { destination } : {}) });
  }

  async close(): Promise<void> {
    const socket = this.socket;
    if (!socket) return;
    this.socket = undefined;
    await new Promise<void>((resolve) => {
      socket.once("close", () => resolve());
      socket.end(encodeSentence(["/quit"]));
      setTimeout(() => socket.destroy(), 1000).unref();
    });
  }
}
