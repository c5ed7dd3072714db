/** The lab router's SSH service: `/export` as the audit trail of a change. */
import { startLabRouter } from "@communes/lab";
import { Client } from "ssh2";
import { expect, it } from "vitest";

function exec(port: number, username: string, password: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const client = new Client();
    client
      .on("ready", () =>
        client.exec(command, (err, stream) => {
          if (err) return reject(err);
          let out = "";
          stream.on("data", (d: Buffer) => (out += d.toString("utf8")));
          stream.on("close", () => {
            client.end();
            resolve(out);
          });
        }),
      )
      .on("error", reject)
      .connect({ host: "127.0.0.1", port, username, password });
  });
}

it("prints the configuration as a RouterOS script over SSH", async () => {
  const router = await startLabRouter();
  try {
    router.device.execute("/system/identity/set", new Map([["name", "UBND xã Thiệu Trung"]]), []);
    const script = await exec(router.sshPort, router.username, router.password, "/export");
    expect(script).toContain('/system identity\r\nset name="UBND xã Thiệu Trung"');
    expect(await exec(router.sshPort, router.username, router.password, "/reboot now")).toBe("bad command name reboot (line 1 column 2)\r\n");
    await expect(exec(router.sshPort, router.username, "wrong", "/export")).rejects.toThrow(/authentication methods failed/);
  } finally {
    await router.close();
  }
});
