/**
 * The socket under every SSH session the project opens (a router's
 * `/export`, a switch's CLI). RFC 4253 §4.2 lets the server send lines
 * before its identification string (`SSH-2.0-…`, CR LF); a slow line may
 * deliver them in any number of TCP segments. The ssh2 library (1.17)
 * keeps only the first segment of a split identification and then fails
 * ("Invalid identification string") or waits forever. So the socket holds
 * what the server sends until the identification line is complete and
 * hands it over in one piece; after that it passes bytes through as they
 * come. What the client sends is never held.
 */
import * as net from "node:net";
import { Duplex } from "node:stream";

/** Lines before the identification: RFC 4253 allows them; past this many bytes without one the server is not speaking SSH. */
const MAX_HEADER_BYTES = 64 * 1024;

/** Whether `held` ends its identification line: a line starting `SSH-` ended by LF. */
function identComplete(held: Buffer): boolean {
  let start = 0;
  for (let i = 0; i < held.length; i++) {
    if (held[i] !== 10) continue;
    if (held.subarray(start, start + 4).toString("latin1") === "SSH-") return true;
    start = i + 1;
  }
  return false;
}

/** A duplex over `socket` that delivers the server's header (greeting lines and identification) in one chunk. */
export class WholeIdentSocket extends Duplex {
  private held: Buffer | undefined = Buffer.alloc(0);

  constructor(private readonly socket: net.Socket) {
    super();
    socket.on("data", (chunk: Buffer) => this.receive(chunk));
    socket.on("end", () => {
      if (this.held && this.held.length > 0) this.push(this.held);
      this.held = undefined;
      this.push(null);
    });
    socket.on("error", (err) => this.destroy(err));
    socket.on("close", () => this.destroy());
    socket.on("connect", () => this.emit("connect"));
    socket.on("timeout", () => this.emit("timeout"));
  }

  private receive(chunk: Buffer): void {
    if (this.held === undefined) {
      if (!this.push(chunk)) this.socket.pause();
      return;
    }
    this.held = Buffer.concat([this.held, chunk]);
    if (identComplete(this.held) || this.held.length > MAX_HEADER_BYTES) {
      const whole = this.held;
      this.held = undefined;
      if (!this.push(whole)) this.socket.pause();
    }
  }

  override _read(): void {
    this.socket.resume();
  }

  override _write(chunk: Buffer, encoding: BufferEncoding, done: (err?: Error | null) => void): void {
    this.socket.write(chunk, encoding, done);
  }

  override _final(done: (err?: Error | null) => void): void {
    this.socket.end(done);
  }

  override _destroy(err: Error | null, done: (err?: Error | null) => void): void {
    this.socket.destroy();
    done(err);
  }

  setNoDelay(noDelay?: boolean): this {
    this.socket.setNoDelay(noDelay);
    return this;
  }

  setKeepAlive(enable?: boolean, delayMs?: number): this {
    this.socket.setKeepAlive(enable, delayMs);
    return this;
  }

  setTimeout(ms: number, callback?: () => void): this {
    this.socket.setTimeout(ms, callback);
    return this;
  }

  /** As net.Socket's: ssh2 waits for `connect` while it is true. */
  get connecting(): boolean {
    return this.socket.connecting;
  }

  get remoteAddress(): string | undefined {
    return this.socket.remoteAddress;
  }

  get remotePort(): number | undefined {
    return this.socket.remotePort;
  }
}

/**
 * A TCP connection to an SSH server, for ssh2's `sock` option. Connection
 * errors arrive as the stream's `error`. What the client sends goes at once
 * (no Nagle delay): an SSH session's packets are small and answered.
 */
export function sshSocket(host: string, port: number): WholeIdentSocket {
  return new WholeIdentSocket(net.connect({ host, port, noDelay: true }));
}
