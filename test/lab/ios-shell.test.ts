/** The lab switch's line editing and dialogues, seen through a plain SSH shell as a terminal user sees them. */
import { startLabSwitch, type LabSwitch } from "@communes/lab";
import { Client, type ClientChannel } from "ssh2";
import { afterAll, beforeAll, expect, it } from "vitest";

let lab: LabSwitch;
let client: Client;
let channel: ClientChannel;
let buffer = "";

beforeAll(async () => {
  lab = await startLabSwitch({ hostname: "sw1" });
  client = new Client();
  channel = await new Promise<ClientChannel>((resolve, reject) => {
    client
      .on("ready", () => client.shell({ term: "vt100" }, (err, ch) => (err ? reject(err) : resolve(ch))))
      .on("error", reject)
      .connect({ host: lab.host, port: lab.port, username: lab.username, password: lab.password, algorithms: { kex: ["diffie-hellman-group14-sha1"], serverHostKey: ["ssh-rsa"], cipher: ["aes128-cbc"], hmac: ["hmac-sha1"] } });
  });
  channel.on("data", (d: Buffer) => void (buffer += d.toString("utf8")));
  await until(/sw1#$/);
});
afterAll(async () => {
  client.end();
  await lab.close();
});

/** Waits until what arrived since the last call ends with `re`, and returns it. */
async function until(re: RegExp): Promise<string> {
  const deadline = Date.now() + 5000;
  while (!re.test(buffer)) {
    if (Date.now() > deadline) throw new Error(`no ${re} in ${JSON.stringify(buffer)}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  const got = buffer;
  buffer = "";
  return got;
}
const type = (keys: string, re: RegExp) => {
  channel.write(keys);
  return until(re);
};

it("answers `?` with the completions, then retypes the line without the `?`", async () => {
  expect(await type("sh?", /sw1#sh$/)).toBe("sh?\r\nshow  \r\n\r\nsw1#sh");
  expect(await type("ow ver?", /sw1#show ver$/)).toBe("ow ver?\r\nversion  \r\n\r\nsw1#show ver");
  expect(await type("\x15", /(\x08 \x08){8}$/)).toBe("\b \b".repeat(8));
});

it("completes a unique keyword on Tab", async () => {
  expect(await type("sh\t", /show $/)).toBe("show ");
  expect(await type("clo\t\r", /sw1#$/)).toMatch(/^clock \r\n\*\d\d:\d\d:\d\d\.\d{3} UTC /);
});

it("ends configuration mode on Ctrl-Z and aborts a line on Ctrl-C", async () => {
  await type("conf t\r", /sw1\(config\)#$/);
  expect(await type("interface range gi1/0/1 - 2\r", /#$/)).toMatch(/sw1\(config-if-range\)#$/);
  expect(await type("\x1a", /sw1#$/)).toBe("^Z\r\nsw1#");
  await type("conf t\r", /sw1\(config\)#$/);
  expect(await type("vla\x03", /sw1#$/)).toBe("vla^C\r\nsw1#");
});

it("asks before copying and before reloading, and refuses the reload", async () => {
  expect(await type("copy running-config startup-config\r", /\? $/)).toMatch(/Destination filename \[startup-config\]\? $/);
  expect(await type("\r", /sw1#$/)).toBe("\r\nBuilding configuration...\r\n[OK]\r\nsw1#");
  await type("conf t\rhostname sw1\rend\r", /sw1#$/);
  lab.server.device.running.vlans.set(42, "unsaved");
  lab.server.device.running.vtp.mode = "transparent";
  expect(await type("reload\r", /: $/)).toMatch(/System configuration has been modified\. Save\? \[yes\/no\]: $/);
  expect(await type("no\r", /\[confirm\]$/)).toMatch(/no\r\nProceed with reload\? \[confirm\]$/);
  expect(await type("\r", /sw1#$/)).toMatch(/^\r\n% Reload refused: this is a lab switch/);
  expect(lab.server.device.running.vlans.get(42)).toBe("unsaved");
});
