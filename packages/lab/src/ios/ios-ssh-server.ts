/**
 * The emulated IOS switch's SSH service: an interactive shell with IOS's
 * prompts and modes, `enable` with the enable secret, echo of what is typed
 * and IOS's line editing (`?`, Tab, Ctrl-U/C/Z), the dialogues of `copy`
 * and `reload`, `--More--` paging until `terminal length 0`, and state kept between
 * sessions. A fixed lab host key (RSA, as IOS generates), loopback only.
 */
import * as net from "node:net";
import { Server, type Connection, type ServerChannel } from "ssh2";
import { answerDialogue, completeLine, helpFor, newSession, promptFor, runLine, type IosSwitch, type LineResult } from "./ios-cli";
import type { Dialogue } from "./ios-dialogues";
import { LineEditor } from "./ios-line-editor";
import { factoryConfig, cloneConfig } from "./ios-state";
import { listenOn, type ListenAddress } from "../listen";
import { labHostKey } from "../lab-host-keys";
import { IOS_SSH_ALGORITHMS, IOS_SSH_IDENT, type IosSshFamily } from "./ios-ssh-algorithms";

export interface IosFaults {
  /** Close the connection after this many more lines of output. One-shot. */
  dropAfterLines?: number;
  /** Pause before each line of output, in milliseconds. */
  slowOutputMs?: number;
  /** Pause before answering each command, in milliseconds (a slow link or a busy switch). */
  latencyMs?: number;
}

export interface LabSwitchOptions {
  hostname?: string;
  username?: string;
  password?: string;
  /** The enable secret; without one, users log in privileged (privilege 15). */
  enableSecret?: string;
  /** The SSH algorithms offered, as this IOS family offers them. Default: "ios-15" (the Catalyst 2960-X emulated). */
  sshFamily?: IosSshFamily;
}


export class IosSshServer {
  private server: Server | undefined;
  private listener: net.Server | undefined;
  private readonly clients = new Set<Connection>();
  readonly device: IosSwitch;
  faults: IosFaults = {};
  /** Sessions opened since start. */
  sessions = 0;
  /** Every command line received, in order, for tests and call counts. */
  readonly commands: string[] = [];

  constructor(private readonly options: Required<Pick<LabSwitchOptions, "username" | "password">> & LabSwitchOptions) {
    const config = factoryConfig(options.hostname ?? "Switch");
    this.device = { running: config, startup: cloneConfig(config), bootedAt: Date.now(), ...(options.enableSecret ? { enableSecret: options.enableSecret } : {}) };
  }

  async listen(at: ListenAddress = {}): Promise<number> {
    this.server = new Server({ hostKeys: [labHostKey("ios")], ident: IOS_SSH_IDENT, algorithms: IOS_SSH_ALGORITHMS[this.options.sshFamily ?? "ios-15"] }, (client) => {
      this.clients.add(client);
      client.on("close", () => this.clients.delete(client));
      client.on("error", () => client.end());
      client.on("authentication", (ctx) => {
        if (ctx.method === "password" && ctx.username === this.options.username && ctx.password === this.options.password) ctx.accept();
        else ctx.reject(["password"]);
      });
      client.on("ready", () =>
        client.on("session", (accept) => {
          const session = accept();
          session.on("pty", (ok) => ok?.());
          session.on("shell", (ok) => this.shell(ok(), client));
          session.on("exec", (ok, _reject, info) => {
            const channel = ok();
            const s = newSession();
            channel.write(runLine(this.device, s, info.command, "").output.replace(/\n/g, "\r\n"));
            channel.exit(0);
            channel.end();
          });
        }),
      );
    });
    // Our own listener, so every connection sends small answers at once (no Nagle delay).
    this.listener = net.createServer((socket) => {
      socket.setNoDelay(true);
      this.server!.injectSocket(socket);
    });
    return listenOn(this.listener, at);
  }

  async close(): Promise<void> {
    for (const c of this.clients) c.end();
    await new Promise<void>((resolve) => (this.listener ? this.listener.close(() => resolve()) : resolve()));
  }

  private shell(channel: ServerChannel, client: Connection): void {
    this.sessions++;
    const s = newSession();
    if (!this.device.enableSecret) s.mode = "privileged";
    let awaiting: "command" | "enable-password" | "more" | "answer" = "command";
    let dialogue: Dialogue | undefined;
    let enableTries = 0;
    let pending: string[] = [];
    let closed = false;
    let queue = Promise.resolve();
    let outgoing = "";
    let flushScheduled = false;

    const write = async (text: string) => {
      if (closed || text === "") return;
      if (this.faults.slowOutputMs === undefined && this.faults.dropAfterLines === undefined) {
        // Writes of one turn go out together: tiny segments would each wait for the peer's delayed ACK.
        outgoing += text.replace(/\r?\n/g, "\r\n");
        if (!flushScheduled) {
          flushScheduled = true;
          setImmediate(() => {
            flushScheduled = false;
            const chunk = outgoing;
            outgoing = "";
            if (!closed && chunk !== "") channel.write(chunk);
          });
        }
        return;
      }
      for (const piece of text.split(/(?<=\n)/)) {
        if (closed || piece === "") continue;
        if (this.faults.slowOutputMs) await new Promise((r) => setTimeout(r, this.faults.slowOutputMs));
        channel.write(piece.replace(/\r?\n/g, "\r\n"));
        if (this.faults.dropAfterLines !== undefined && piece.endsWith("\n") && --this.faults.dropAfterLines <= 0) {
          delete this.faults.dropAfterLines;
          closed = true;
          client.end();
          return;
        }
      }
    };
    const prompt = () => write(promptFor(this.device, s));
    /** Writes output a page at a time while `terminal length` is not 0. */
    const page = async (lines: string[]) => {
      const size = s.terminalLength === 0 ? Infinity : s.terminalLength - 1;
      await write(lines.splice(0, size).join(""));
      if (lines.length > 0) {
        pending = lines;
        awaiting = "more";
        await write(" --More-- ");
      } else {
        await prompt();
      }
    };

    /** Prints a command's answer; a question it asks waits for the next line. */
    const answer = async (result: LineResult) => {
      if (result.ask) {
        dialogue = result.ask;
        awaiting = "answer";
        return write(result.output + result.ask.prompt);
      }
      await page(result.output.split(/(?<=\n)/).filter((l) => l !== ""));
    };

    const onLine = async (text: string) => {
      if (awaiting === "enable-password") {
        await write("\n");
        if (text === this.device.enableSecret) {
          s.mode = "privileged";
          awaiting = "command";
        } else if (++enableTries >= 3) {
          await write("% Bad secrets\n\n");
          awaiting = "command";
          enableTries = 0;
        } else {
          await write("Password: ");
          return;
        }
        return prompt();
      }
      if (awaiting === "answer") {
        // IOS echoes the answer, as it does a command.
        await write(`${text}\n`);
        const ask = dialogue!;
        dialogue = undefined;
        awaiting = "command";
        return answer(answerDialogue(this.device, ask, text));
      }
      const before = promptFor(this.device, s);
      this.commands.push(text.trim());
      if (this.faults.latencyMs) await new Promise((r) => setTimeout(r, this.faults.latencyMs));
      await write("\n");
      if (/^\s*en(a(b(le?)?)?)?\s*$/i.test(text) && s.mode === "exec" && this.device.enableSecret) {
        awaiting = "enable-password";
        return write("Password: ");
      }
      if (/^\s*(exit|logout|quit)\s*$/i.test(text) && (s.mode === "exec" || s.mode === "privileged")) {
        closed = true;
        channel.end();
        return;
      }
      await answer(runLine(this.device, s, text, before));
    };

    const editor = new LineEditor((text) => completeLine(s, text));
    channel.on("data", (data: Buffer) => {
      let echo = "";
      const flushEcho = () => {
        if (echo === "") return;
        const text = echo;
        echo = "";
        queue = queue.then(() => write(text));
      };
      for (const ch of data.toString("utf8")) {
        if (awaiting === "more") {
          const erase = "\b".repeat(10) + " ".repeat(10) + "\b".repeat(10);
          if (ch === "q" || ch === "Q") {
            pending = [];
            awaiting = "command";
            queue = queue.then(() => write(erase)).then(prompt);
          } else {
            const lines = ch === "\r" || ch === "\n" ? pending.splice(0, 1) : pending.splice(0, Math.max(1, s.terminalLength - 1));
            awaiting = pending.length > 0 ? "more" : "command";
            queue = queue
              .then(() => write(erase + lines.join("")))
              .then(() => (pending.length > 0 ? write(" --More-- ") : prompt()));
          }
          continue;
        }
        // Passwords and dialogue answers are not echoed by the editor (a dialogue's answer is echoed with its line).
        for (const event of editor.feed(ch, awaiting === "command")) {
          if (event.kind === "echo") echo += event.text;
          else if (event.kind === "line") {
            flushEcho();
            queue = queue.then(() => onLine(event.text));
          } else if (event.kind === "help") {
            flushEcho();
            const typed = event.text;
            queue = queue.then(() => write(`?\n${helpFor(s, typed)}`)).then(prompt).then(() => write(editor.text));
          } else if (event.kind === "ctrl-z") {
            flushEcho();
            // Ctrl-Z ends configuration mode, as `end` does; the line typed so far is dropped.
            queue = queue.then(async () => {
              if (!s.mode.startsWith("config")) return;
              await write("^Z\n");
              s.mode = "privileged";
              await prompt();
            });
          } else {
            flushEcho();
            // Ctrl-C aborts the line (and leaves configuration mode, as on IOS).
            queue = queue.then(async () => {
              await write("^C\n");
              if (s.mode.startsWith("config")) s.mode = "privileged";
              if (awaiting !== "command") awaiting = "command";
              dialogue = undefined;
              await prompt();
            });
          }
        }
      }
      flushEcho();
    });
    queue = queue.then(() => write("\n")).then(prompt);
  }
}
