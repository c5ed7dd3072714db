/** The lab IOS switch seen through a plain SSH shell, as an engineer or a network automation tool sees it. */
import { startLabSwitch, type LabSwitch } from "@communes/lab";
import { Client, type ClientChannel } from "ssh2";
import { afterEach, beforeEach, expect, it } from "vitest";

let lab: LabSwitch;
beforeEach(async () => {
  lab = await startLabSwitch({ hostname: "sw1", enableSecret: "en-secret" });
});
afterEach(async () => {
  await lab.close();
});

/** An interactive shell: `send` types a line and returns what came back until the next prompt. */
async function shell(): Promise<{ send(line: string, until?: RegExp): Promise<string>; close(): void }> {
  const client = new Client();
  const channel = await new Promise<ClientChannel>((resolve, reject) => {
    client
      .on("ready", () => client.shell({ term: "vt100" }, (err, ch) => (err ? reject(err) : resolve(ch))))
      .on("error", reject)
      .connect({ host: lab.host, port: lab.port, username: lab.username, password: lab.password, algorithms: { kex: ["diffie-hellman-group14-sha1"], serverHostKey: ["ssh-rsa"], cipher: ["aes128-cbc"], hmac: ["hmac-sha1"] } });
  });
  let buffer = "";
  let arrived = () => undefined as void;
  channel.on("data", (d: Buffer) => {
    buffer += d.toString("utf8");
    arrived();
  });
  /** Everything received until `re` matches the end of it; a failure that shows what came after 10 s without a match. */
  const waitFor = async (re: RegExp) => {
    const deadline = Date.now() + 10_000;
    while (!re.test(buffer)) {
      if (Date.now() > deadline) throw new Error(`no ${re} after 10 s; received: ${JSON.stringify(buffer)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        arrived = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    const out = buffer;
    buffer = "";
    return out;
  };
  await waitFor(/sw1>$/);
  return {
    send: async (line, until = /(sw1[>#]|\(config[\w-]*\)#|Password: | --More-- )$/) => {
      channel.write(`${line}\r`);
      return waitFor(until);
    },
    close: () => client.end(),
  };
}

it("speaks IOS: enable, errors with the caret, incomplete commands, paging, configuration, write memory", async () => {
  const sh = await shell();
  expect(await sh.send("show running-config")).toContain("% Invalid input detected at '^' marker.");
  expect(await sh.send("enable")).toMatch(/Password: $/);
  expect(await sh.send("en-secret")).toMatch(/sw1#$/);
  expect(await sh.send("show running-config")).toContain(" --More-- ");
  sh.close();

  const again = await shell();
  await again.send("enable");
  await again.send("en-secret");
  expect(await again.send("terminal length 0")).toMatch(/sw1#$/);
  expect(await again.send("terminal width 511")).toMatch(/^terminal width 511\r\nsw1#$/); // as automation tools send it
  expect(await again.send("show version | include Software")).toContain("Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(7)E8");
  expect(await again.send("show running-config | include ^hostname")).toMatch(/^show running-config \| include \^hostname\r\nhostname sw1\r\nsw1#$/);
  expect(await again.send("conf t")).toMatch(/sw1\(config\)#$/);
  expect(await again.send("vlan 20")).toMatch(/\(config-vlan\)#$/);
  expect(await again.send("name staff")).toMatch(/\(config-vlan\)#$/);
  expect(await again.send("int gi1/0/1")).toMatch(/\(config-if\)#$/);
  expect(await again.send("sw mo acc")).toMatch(/\(config-if\)#$/);
  expect(await again.send("switchport access vlan 20")).toMatch(/\(config-if\)#$/);
  const caret = await again.send("switchport access vlan abc");
  // The caret sits under the first character of the bad word, counting the prompt.
  const column = "sw1(config-if)#".length + "switchport access vlan ".length;
  expect(caret).toContain(`\r\n${" ".repeat(column)}^\r\n% Invalid input detected at '^' marker.`);
  expect(await again.send("switchport access")).toContain("% Incomplete command.");
  expect(await again.send("end")).toMatch(/sw1#$/);
  const vlans = await again.send("show vlan brief");
  expect(vlans).toMatch(/\r\n20   staff                            active    Gi1\/0\/1\r\n/);
  expect(await again.send("write memory")).toContain("Building configuration...\r\n[OK]\r\n");
  const running = await again.send("show running-config");
  expect(running).toContain("interface GigabitEthernet1/0/1\r\n switchport access vlan 20\r\n switchport mode access\r\n!");
  again.close();
  expect(lab.server.device.startup.vlans.get(20)).toBe("staff");
});

it("with latency set, waits that long before answering each command (the benchmark's injected delay)", async () => {
  lab.setFaults({ latencyMs: 300 });
  const s = await shell();
  const started = performance.now();
  const out = await s.send("show version | include uptime");
  // A timer may fire up to a millisecond before the clock says so.
  expect(performance.now() - started).toBeGreaterThanOrEqual(298);
  expect(out).toMatch(/sw1>$/);
  s.close();
});

it("identifies and negotiates as classic IOS: SSH-2.0-Cisco-1.25, and a client offering no CBC cipher gets no session", async () => {
  const net = await import("node:net");
  const greeting = await new Promise<string>((resolve, reject) => {
    const socket = net.connect(lab.port, lab.host);
    socket.once("data", (d: Buffer) => {
      resolve(d.toString("latin1").split("\r\n")[0]!);
      socket.destroy();
    });
    socket.once("error", reject);
  });
  expect(greeting).toBe("SSH-2.0-Cisco-1.25");
  const refused = new Promise<Error>((resolve) => {
    const client = new Client();
    client
      .on("ready", () => resolve(new Error("a session was opened")))
      .on("error", resolve)
      .connect({ host: lab.host, port: lab.port, username: lab.username, password: lab.password, algorithms: { kex: ["diffie-hellman-group14-sha1"], serverHostKey: ["ssh-rsa"], cipher: ["aes128-ctr", "aes256-gcm@openssh.com"], hmac: ["hmac-sha1"] } });
  });
  expect((await refused).message).toBe("Handshake failed: no matching C->S cipher");
});
