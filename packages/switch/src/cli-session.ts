/**
 * An interactive CLI session over SSH: the device's host key pinned (any
 * other key is refused with both fingerprints named), password login,
 * paging off, privileged mode, commands sent one at a time with their echo
 * and the next prompt stripped from the output, refusals detected from the
 * dialect's error patterns, and a time limit on every step.
 */
import { DeviceError } from "@communes/device-error";
import { sshFingerprint } from "@communes/pinned-tls";
import { sshSocket } from "@communes/ssh-socket";
import { Client, type ClientChannel } from "ssh2";
import type { Dialect } from "./dialect";
import { sshAlgorithms } from "./ssh-algorithms";
import type { SwitchAccess } from "./switch-access";

/** How to reach the switch, and how it is named in messages (its host name). */
export interface CliTarget extends SwitchAccess {
  device: string;
}

/** The device refused a command: the command and what it printed. */
export class CliCommandError extends DeviceError {
  override name = "CliCommandError";
  constructor(
    device: string,
    readonly command: string,
    readonly output: string,
  ) {
    super(`${device}: "${command}" was refused: ${output.trim().split("\n").filter((l) => l.trim() !== "" && !/^\s*\^\s*$/.test(l)).join(" ")}`, { device, operation: command, said: output, retryable: false });
  }
}

/** The connection failed or closed; the operation may be retried. */
export class CliConnectionError extends DeviceError {
  override name = "CliConnectionError";
  constructor(message: string, retryable = true) {
    super(message, { retryable });
  }
}

/** The switch and the session share no SSH algorithm. Never retried: the inventory must say what the switch is. */
export class SshNegotiationError extends CliConnectionError {
  override name = "SshNegotiationError";
  constructor(message: string) {
    super(message, false);
  }
}

/** The login or the enable secret was refused. Never retried: the credentials must change. */
export class CliAuthError extends CliConnectionError {
  override name = "CliAuthError";
  constructor(message: string) {
    super(message, false);
  }
}

/** The device presented another host key than the pinned one. Never retried. */
export class HostKeyMismatchError extends DeviceError {
  override name = "HostKeyMismatchError";
  constructor(message: string) {
    super(message, { retryable: false });
  }
}

export class CliSession {
  private constructor(
    private readonly target: CliTarget,
    private readonly dialect: Dialect,
    private readonly client: Client,
    private readonly channel: ClientChannel,
  ) {
    channel.on("data", (d: Buffer) => {
      this.buffer += d.toString("utf8");
      this.wake?.();
    });
    channel.on("close", () => {
      this.closed = true;
      this.wake?.();
    });
  }

  private buffer = "";
  private closed = false;
  private wake: (() => void) | undefined;
  /** Command lines sent, for call counts. */
  readonly sent: string[] = [];

  static async open(target: CliTarget, dialect: Dialect): Promise<CliSession> {
    const client = new Client();
    let presented = "";
    const channel = await new Promise<ClientChannel>((resolve, reject) => {
      const timer = setTimeout(() => {
        client.end();
        reject(new CliConnectionError(`${target.device}: no SSH session with ${target.host}:${target.port ?? 22} within ${target.timeoutMs ?? 20_000} ms`));
      }, target.timeoutMs ?? 20_000);
      client
        .on("ready", () =>
          client.shell({ term: "vt100", cols: 200, rows: 50 }, (err, ch) => {
            clearTimeout(timer);
            if (err) reject(new CliConnectionError(`${target.device}: no shell: ${err.message}`));
            else resolve(ch);
          }),
        )
        .on("error", (err: Error & { level?: string }) => {
          clearTimeout(timer);
          if (presented && presented !== target.hostKeyFingerprint) {
            reject(new HostKeyMismatchError(`${target.device}: the SSH host key of ${target.host} is ${presented}, not the pinned ${target.hostKeyFingerprint}; refusing to connect (if the switch was replaced, collect its new fingerprint and update the inventory)`));
          } else if (err.level === "client-authentication") {
            reject(new CliAuthError(`${target.device}: login as ${target.username} refused (wrong user name or password)`));
          } else if (/no matching/i.test(err.message)) {
            const offered = target.legacyAlgorithms?.length ? `the modern ones and ${target.legacyAlgorithms.join(", ")}` : "only modern ones (no SHA-1, no CBC)";
            reject(new SshNegotiationError(`${target.device}: ${err.message}: the switch accepts none of the SSH algorithms offered, ${offered}; a classic IOS 15 switch needs its model in the inventory (docs/switches.md, "SSH algorithms")`));
          } else reject(new CliConnectionError(`${target.device}: ${err.message}`));
        })
        .connect({
          sock: sshSocket(target.host, target.port ?? 22),
          host: target.host,
          port: target.port ?? 22,
          username: target.username,
          password: target.password,
          readyTimeout: target.timeoutMs ?? 20_000,
          algorithms: sshAlgorithms(target.legacyAlgorithms),
          hostVerifier: (key: Buffer) => {
            presented = sshFingerprint(key);
            return presented === target.hostKeyFingerprint;
          },
        });
    });
    const session = new CliSession(target, dialect, client, channel);
    try {
      await session.until(dialect.prompt);
      if (dialect.userPrompt.test(session.lastPrompt)) await session.enable();
      await session.run(dialect.pagingOff);
    } catch (err) {
      // A session that could not be made ready is hung up, so it holds none of the switch's few vty lines.
      client.end();
      throw err;
    }
    return session;
  }

  /** The last prompt seen. */
  private lastPrompt = "";

  /** Waits until `pattern` matches the end of the output; returns the output and consumes it. */
  private async until(pattern: RegExp): Promise<string> {
    const timeoutMs = this.target.timeoutMs ?? 20_000;
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(this.buffer)) {
      if (this.closed) throw new CliConnectionError(`${this.target.device}: the switch closed the session`);
      const left = deadline - Date.now();
      if (left <= 0) throw new CliConnectionError(`${this.target.device}: no prompt within ${timeoutMs} ms (last output: ${JSON.stringify(this.buffer.slice(-80))})`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    const out = this.buffer;
    this.buffer = "";
    const lines = out.split(/\r?\n/);
    this.lastPrompt = lines.at(-1) ?? "";
    return out;
  }

  private async enable(): Promise<void> {
    if (!this.target.enableSecret) throw new CliAuthError(`${this.target.device}: the account is not privileged and no enable secret is configured`);
    this.channel.write(`${this.dialect.enable.command}\r`);
    await this.until(this.dialect.enable.passwordPrompt);
    this.channel.write(`${this.target.enableSecret}\r`);
    const out = await this.until(new RegExp(`${this.dialect.prompt.source}|${this.dialect.enable.passwordPrompt.source}`));
    if (this.dialect.enable.refused.test(out) || !this.dialect.privilegedPrompt.test(out)) {
      throw new CliAuthError(`${this.target.device}: the enable secret was refused`);
    }
  }

  /** Sends one command; returns its output without the echo and the prompt, or throws what the device said. */
  async run(command: string): Promise<string> {
    this.sent.push(command);
    this.channel.write(`${command}\r`);
    const raw = await this.until(this.dialect.prompt);
    const lines = raw.replace(/\r/g, "").split("\n");
    lines.pop(); // the next prompt
    if (lines[0]?.endsWith(command)) lines.shift(); // the echo
    const output = lines.join("\n");
    if (this.dialect.errors.some((e) => e.test(output))) throw new CliCommandError(this.target.device, command, output);
    return output;
  }

  /** Runs configuration lines in configuration mode, then leaves it. */
  async configure(lines: readonly string[]): Promise<void> {
    await this.run(this.dialect.configure);
    try {
      for (const line of lines) await this.run(line);
    } finally {
      if (!this.closed) await this.run(this.dialect.endConfigure);
    }
  }

  async save(): Promise<void> {
    const out = await this.run(this.dialect.save.command);
    if (!this.dialect.save.ok.test(out)) throw new CliCommandError(this.target.device, this.dialect.save.command, out);
  }

  async close(): Promise<void> {
    if (!this.closed) this.channel.write(`${this.dialect.exit}\r`);
    this.client.end();
  }
}
