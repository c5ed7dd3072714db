/**
 * The emulated router's API service: the RouterOS API wire protocol over TCP
 * (port 8728 on a router) or TLS (8729), on loopback only. Sessions log in
 * (plain since 6.43, or the legacy challenge), commands carry `.tag`s, every
 * sentence is answered by `!done` after any `!re`, `!trap` or (from 7.18)
 * `!empty`, and `!fatal` precedes a close. Faults can be injected.
 */
import { createHash, randomBytes } from "node:crypto";
import * as net from "node:net";
import * as tls from "node:tls";
import { encodeSentence, SentenceDecoder } from "@communes/routeros";
import { RouterOsDevice, Trap } from "./device";
import { listenOn, type ListenAddress } from "../listen";

export interface ApiFaults {
  /**
   * Close the connection (no `!fatal`) on the Nth command from now (login not
   * counted), after the device has carried it out and before any answer: a
   * write lands but the client never learns it did. One-shot. A command is
   * always in flight when the line goes, so the client must see the loss.
   */
  dropOnCommand?: number;
  /** Delay before each reply, in milliseconds. */
  latencyMs?: number;
  /** Write replies in pieces of this many bytes (1 when true), so sentences arrive cut. */
  fragmentWrites?: boolean | number;
  /** Pause between pieces, so the network does not join them again. Default: next tick of the event loop. */
  fragmentDelayMs?: number;
  /**
   * Write each sentence whole but for its last byte (the empty word that ends
   * it), which follows this many milliseconds later: the end mark always
   * arrives in a read of its own.
   */
  holdEndMarkMs?: number;
  /** Answer the Nth configuration change (add, set, remove, move) from now with a trap instead. One-shot. */
  trapOnWrite?: number;
  /** Count only the changes to this menu (`/ip/firewall/filter`) for `trapOnWrite`. Default: every menu. */
  trapOnWriteTo?: string;
  /** Accept connections but never answer (for client timeouts). */
  silent?: boolean;
}

export interface ApiServerOptions {
  device: RouterOsDevice;
  /** Serve TLS (api-ssl) with this certificate. */
  tls?: { key: string | Buffer; cert: string | Buffer };
  faults?: ApiFaults;
}

const WRITE_VERBS = /\/(add|set|remove|move)$/;

export class RouterOsApiServer {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  faults: ApiFaults;
  /** Connections accepted since start. */
  connections = 0;
  private commandsLeft: number | undefined;
  private writesLeft: number | undefined;

  constructor(private readonly options: ApiServerOptions) {
    this.faults = {};
    this.setFaults(options.faults ?? {});
  }

  get device(): RouterOsDevice {
    return this.options.device;
  }

  /** Replaces the active faults; counters start from now. */
  setFaults(faults: ApiFaults): void {
    this.faults = faults;
    this.commandsLeft = faults.dropOnCommand;
    this.writesLeft = faults.trapOnWrite;
  }

  async listen(at: ListenAddress = {}): Promise<number> {
    const onConnection = (socket: net.Socket) => this.session(socket);
    this.server = this.options.tls ? tls.createServer({ ...this.options.tls }, onConnection) : net.createServer(onConnection);
    return listenOn(this.server, at);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Drops every open connection, as a line failure would. */
  dropConnections(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  private session(socket: net.Socket): void {
    // A disabled service takes no connection, as on the router (`/ip service set api disabled=yes`).
    if (!this.device.admits(this.options.tls ? "api-ssl" : "api", socket.remoteAddress)) {
      socket.destroy();
      return;
    }
    this.connections++;
    this.sockets.add(socket);
    socket.setNoDelay(true);
    socket.on("close", () => this.sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    const decoder = new SentenceDecoder();
    let loggedIn = false;
    let challenge: Buffer | undefined;
    let queue = Promise.resolve();
    let closed = false;

    const send = async (words: string[]): Promise<void> => {
      if (closed) return;
      const bytes = encodeSentence(words);
      if (this.faults.fragmentWrites) {
        const size = this.faults.fragmentWrites === true ? 1 : this.faults.fragmentWrites;
        const delay = this.faults.fragmentDelayMs;
        for (let i = 0; i < bytes.length; i += size) {
          if (closed) return;
          socket.write(bytes.subarray(i, i + size));
          await new Promise((r) => (delay ? setTimeout(r, delay) : setImmediate(r)));
        }
      } else if (this.faults.holdEndMarkMs) {
        socket.write(bytes.subarray(0, -1));
        await new Promise((r) => setTimeout(r, this.faults.holdEndMarkMs));
        if (!closed) socket.write(bytes.subarray(-1));
      } else socket.write(bytes);
    };
    const fatal = async (reason: string): Promise<void> => {
      await send(["!fatal", reason]);
      closed = true;
      socket.end();
    };

    // `listen` commands in progress on this connection, by tag: each sends an `!re` for every change of its menu until cancelled.
    const listening = new Map<string, { path: string; stop: () => void }>();
    socket.on("close", () => {
      for (const l of listening.values()) l.stop();
    });

    const handle = async (words: string[]): Promise<void> => {
      const [command, ...rest] = words;
      if (!command) return; // an empty sentence is ignored
      let tag: string | undefined;
      const attributes = new Map<string, string>();
      const queries: string[] = [];
      for (const word of rest) {
        if (word.startsWith(".tag=")) tag = word.slice(5);
        else if (word.startsWith("?")) queries.push(word);
        else if (word.startsWith("=")) {
          const eq = word.indexOf("=", 1);
          attributes.set(eq < 0 ? word.slice(1) : word.slice(1, eq), eq < 0 ? "" : word.slice(eq + 1));
        } else if (word.startsWith(".proplist=")) attributes.set(".proplist", word.slice(10));
      }
      const tagged = (reply: string[]) => (tag === undefined ? reply : [...reply, `.tag=${tag}`]);
      if (this.faults.latencyMs) await new Promise((r) => setTimeout(r, this.faults.latencyMs));

      if (command === "/login") {
        const name = attributes.get("name");
        const password = attributes.get("password");
        const response = attributes.get("response");
        if (name !== undefined && password !== undefined) {
          loggedIn = this.device.checkLogin(name, password);
        } else if (!this.device.acceptsChallengeLogin) {
          // RouterOS 6.45.1 removed the MD5 challenge: a login without a password is refused.
          loggedIn = false;
        } else if (name !== undefined && response !== undefined && challenge) {
          loggedIn = this.device.users().some((u) => u.name === name && legacyResponse(u.password, challenge!) === response);
        } else if (name === undefined && password === undefined) {
          challenge = randomBytes(16);
          await send(tagged(["!done", `=ret=${challenge.toString("hex")}`]));
          return;
        }
        if (!loggedIn) await send(tagged(["!trap", "=message=invalid user name or password (6)"]));
        await send(tagged(["!done"]));
        return;
      }
      if (!loggedIn) return fatal("not logged in");
      if (command === "/quit") return fatal("session terminated on request");
      if (command === "/cancel") {
        // `=tag=` names the command to stop; without it, every one in progress.
        const which = attributes.get("tag");
        for (const [t, l] of [...listening].filter(([t]) => which === undefined || t === which)) {
          l.stop();
          listening.delete(t);
          await send(["!trap", "=category=2", "=message=interrupted", `.tag=${t}`]);
          await send(["!done", `.tag=${t}`]);
        }
        return send(tagged(["!done"]));
      }
      if (command.endsWith("/listen")) {
        const path = command.slice(0, -"/listen".length);
        if (!this.device.hasMenu(path)) {
          await send(tagged(["!trap", "=message=no such command prefix"]));
          return send(tagged(["!done"]));
        }
        const key = tag ?? "";
        const listener = (changed: string, row: Record<string, string>) => {
          if (changed === path) void send(tagged(["!re", ...Object.entries(row).map(([k, v]) => `=${k}=${v}`)]));
        };
        this.device.listeners.add(listener);
        listening.set(key, { path, stop: () => this.device.listeners.delete(listener) });
        return;
      }

      const counted = WRITE_VERBS.test(command) && (this.faults.trapOnWriteTo === undefined || command.slice(0, command.lastIndexOf("/")) === this.faults.trapOnWriteTo);
      if (counted && this.writesLeft !== undefined && --this.writesLeft <= 0) {
        this.writesLeft = undefined;
        await send(tagged(["!trap", "=category=4", "=message=failure: simulated fault injected by the lab"]));
        await send(tagged(["!done"]));
        return;
      }
      if (this.commandsLeft !== undefined && --this.commandsLeft <= 0) {
        this.commandsLeft = undefined;
        closed = true;
        try {
          this.device.execute(command, attributes, queries);
        } finally {
          socket.destroy();
        }
        return;
      }
      try {
        const result = this.device.execute(command, attributes, queries);
        for (const row of result.rows ?? []) {
          await send(tagged(["!re", ...Object.entries(row).map(([k, v]) => `=${k}=${v}`)]));
        }
        if (result.rows && result.rows.length === 0 && this.device.sendsEmpty) await send(tagged(["!empty"]));
        await send(tagged(result.ret === undefined ? ["!done"] : ["!done", `=ret=${result.ret}`]));
      } catch (err) {
        if (!(err instanceof Trap)) throw err;
        await send(tagged(["!trap", ...(err.category === undefined ? [] : [`=category=${err.category}`]), `=message=${err.message}`]));
        await send(tagged(["!done"]));
      }
    };

    socket.on("data", (chunk: Buffer) => {
      if (this.faults.silent) return;
      let sentences: string[][];
      try {
        sentences = decoder.push(chunk);
      } catch {
        socket.destroy();
        return;
      }
      for (const words of sentences) {
        queue = queue.then(() => handle(words)).catch(() => void socket.destroy());
      }
    });
  }
}

/** The pre-6.43 login: MD5 of a zero byte, the password and the challenge. */
export function legacyResponse(password: string, challenge: Buffer): string {
  return `00${createHash("md5").update(Buffer.concat([Buffer.from([0]), Buffer.from(password, "utf8"), challenge])).digest("hex")}`;
}
