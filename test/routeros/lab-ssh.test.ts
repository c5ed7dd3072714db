/** The lab router's SSH service and our client of it: `/export` as the audit trail of a change. */
import { startLabRouter } from "@communes/lab";
import { exportConfiguration } from "@communes/routeros";
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
    expect(script).toContain("/system identity\r\nset name=\"UBND x\\C3\\A3 Thi\\E1\\BB\\87u Trung\"");
    expect(await exec(router.sshPort, router.username, router.password, "/reboot now")).toBe("bad command name reboot (line 1 column 2)\r\n");
    await expect(exec(router.sshPort, router.username, "wrong", "/export")).rejects.toThrow(/authentication methods failed/);
  } finally {
    await router.close();
  }
});

it("exportConfiguration reads it with the host key pinned, passwords hidden, and refuses another key or a wrong password", async () => {
  const router = await startLabRouter();
  try {
    router.device.execute("/system/identity/set", new Map([["name", "UBND xã Thiệu Trung"]]), []);
    router.device.execute("/interface/pppoe-client/add", new Map([["name", "pppoe-out1"], ["interface", "ether2"], ["user", "tt@isp"], ["password", "ppp-secret-77"]]), []);
    const target = { device: "thieu-trung-r1", host: router.host, port: router.sshPort, username: router.username, password: router.password, hostKeyFingerprint: router.sshHostKeyFingerprint };
    const script = await exportConfiguration(target);
    expect(script).toContain("/system identity\nset name=\"UBND x\\C3\\A3 Thi\\E1\\BB\\87u Trung\""); // RouterOS escapes every byte of a non-ASCII character
    expect(script).toMatch(/\/interface pppoe-client\nadd .*user=tt@isp/);
    expect(script).not.toContain("ppp-secret-77");
    await expect(exportConfiguration({ ...target, hostKeyFingerprint: "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" })).rejects.toThrow(
      `thieu-trung-r1: the SSH host key of 127.0.0.1:${router.sshPort} is ${router.sshHostKeyFingerprint}, not the pinned SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA; refusing to connect`,
    );
    await expect(exportConfiguration({ ...target, password: "wrong" })).rejects.toThrow(`thieu-trung-r1: SSH login as ${router.username} refused (wrong user name or password)`);
  } finally {
    await router.close();
  }
});
