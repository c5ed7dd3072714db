/**
 * The emulated router's SSH service, enough for the audit trail: `/export`
 * (as an exec request or typed at the prompt) prints the configuration as a
 * RouterOS script. Other commands get RouterOS's own error. Loopback only,
 * a fixed lab host key, the device's users and passwords.
 */
import { Server, type Connection, type ServerChannel } from "ssh2";
import type { RouterOsDevice } from "./device";
import { listenOn, type ListenAddress } from "../listen";
import { labHostKey } from "../lab-host-keys";
import { consolePrint } from "./console-print";

/** A console login may carry options after a `+` (`admin+cet1024w`: no colours, no auto-detection, dumb terminal, 1024 columns): the account is the name before it. */
function accountOf(login: string): string {
  return login.replace(/\+[a-z0-9]*$/, "");
}


function run(device: RouterOsDevice, line: string): string {
  const command = line.trim();
  if (/^\/export(\s+(terse|verbose|hide-sensitive|show-sensitive))*$/.test(command)) {
    const words = command.split(/\s+/);
    return device.export({ terse: words.includes("terse"), showSensitive: words.includes("show-sensitive") });
  }
  // `<menu> print [detail]`, with the console's `without-paging` (what Ansible's RouterOS CLI and facts send).
  const print = /^(\/[\w\s/-]*?)\s+print(\s+detail)?(\s+without-paging)?$/.exec(command);
  const printed = print ? consolePrint(device, print[1]!, print[2] !== undefined) : undefined;
  if (printed !== undefined) return printed;
  const word = command.split(/\s+/)[0] ?? "";
  return `bad command name ${word.replace(/^\//, "")} (line 1 column ${command.indexOf(word) + 2})\n`;
}

export class RouterOsSshServer {
  private server: Server | undefined;
  private readonly connections = new Set<Connection>();

  constructor(private readonly device: RouterOsDevice) {}

  async listen(at: ListenAddress = {}): Promise<number> {
    this.server = new Server({ hostKeys: [labHostKey("routeros")] }, (client, info) => {
      if (!this.device.admits("ssh", info.ip)) {
        client.end(); // the ssh service disabled: no session, as on the router
        return;
      }
      this.connections.add(client);
      client.on("close", () => this.connections.delete(client));
      client.on("error", () => client.end());
      let user = "";
      client.on("authentication", (ctx) => {
        if (ctx.method === "password" && this.device.checkLogin(accountOf(ctx.username), ctx.password)) {
          user = accountOf(ctx.username);
          ctx.accept();
        } else ctx.reject(["password"]);
      });
      client.on("ready", () => {
        client.on("session", (accept) => {
          const session = accept();
          session.on("exec", (acceptExec, _reject, info) => {
            const channel = acceptExec();
            channel.write(run(this.device, info.command).replace(/\n/g, "\r\n"));
            channel.exit(0);
            channel.end();
          });
          session.on("pty", (acceptPty) => acceptPty?.());
          session.on("shell", (acceptShell) => this.shell(acceptShell(), user));
        });
      });
    });
    return listenOn(this.server, at);
  }

  private shell(channel: ServerChannel, user: string): void {
    const prompt = () => channel.write(`[${user}@${this.device.identity}] > `);
    let line = "";
    prompt();
    channel.on("data", (data: Buffer) => {
      for (const ch of data.toString("utf8")) {
        if (ch === "\r" || ch === "\n") {
          channel.write("\r\n");
          if (line.trim() === "/quit") {
            channel.write("interrupted\r\n");
            channel.end();
            return;
          }
          if (line.trim() !== "") channel.write(run(this.device, line).replace(/\n/g, "\r\n"));
          line = "";
          prompt();
        } else {
          line += ch;
          channel.write(ch);
        }
      }
    });
  }

  async close(): Promise<void> {
    for (const c of this.connections) c.end();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
