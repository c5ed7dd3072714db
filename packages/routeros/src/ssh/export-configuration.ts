/**
 * The router's whole configuration as RouterOS prints it for `/export`
 * (passwords hidden, as RouterOS does by default), over SSH with the host
 * key pinned: the audit trail taken before a change.
 */
import { DeviceError } from "@communes/device-error";
import { sshFingerprint } from "@communes/pinned-tls";
import { Client } from "ssh2";
import { sshSocket } from "@communes/ssh-socket";
import type { RouterOsAccess } from "../client/open-transport";

/** The SSH side of a RouterOsAccess (sshExportTarget makes one from it), with the router's name for messages. */
export interface SshExportTarget extends Pick<RouterOsAccess, "host" | "username" | "password"> {
  /** The router's name, for messages. */
  device: string;
  /** RouterOsAccess.sshPort. Default 22. */
  port?: number;
  /** RouterOsAccess.sshHostKeyFingerprint; any other host key is refused. */
  hostKeyFingerprint: string;
  /** Default 20 s. */
  timeoutMs?: number;
}

/** The export could not be taken; `retryable` when the connection failed, not when a pin, a password or the router refused it. */
export class SshExportError extends DeviceError {
  override name = "SshExportError";
  constructor(message: string, retryable: boolean) {
    super(message, { retryable });
  }
}

export function exportConfiguration(target: SshExportTarget): Promise<string> {
  const timeoutMs = target.timeoutMs ?? 20_000;
  const where = `${target.host}:${target.port ?? 22}`;
  return new Promise((resolve, reject) => {
    const client = new Client();
    let presented = "";
    let output = "";
    const fail = (message: string, retryable = false) => {
      clearTimeout(timer);
      client.end();
      reject(new SshExportError(`${target.device}: ${message}`, retryable));
    };
    const timer = setTimeout(() => fail(`no /export from ${where} within ${timeoutMs} ms`, true), timeoutMs);
    client
      .on("ready", () =>
        client.exec("/export", (err, stream) => {
          if (err) return fail(`/export refused: ${err.message}`);
          stream.on("data", (d: Buffer) => (output += d.toString("utf8")));
          stream.stderr.on("data", (d: Buffer) => (output += d.toString("utf8")));
          stream.on("close", () => {
            clearTimeout(timer);
            client.end();
            resolve(output.replace(/\r\n/g, "\n"));
          });
        }),
      )
      .on("error", (err: Error & { level?: string }) => {
        if (presented && presented !== target.hostKeyFingerprint) {
          fail(`the SSH host key of ${where} is ${presented}, not the pinned ${target.hostKeyFingerprint}; refusing to connect`);
        } else if (err.level === "client-authentication") fail(`SSH login as ${target.username} refused (wrong user name or password)`);
        else fail(`no SSH session with ${where}: ${err.message}`, true);
      })
      .connect({
        sock: sshSocket(target.host, target.port ?? 22),
        host: target.host,
        port: target.port ?? 22,
        username: target.username,
        password: target.password,
        readyTimeout: timeoutMs,
        hostVerifier: (key: Buffer) => {
          presented = sshFingerprint(key);
          return presented === target.hostKeyFingerprint;
        },
      });
  });
}
