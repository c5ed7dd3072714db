/**
 * The IOS driver against the lab switch: the driver conformance suite on a
 * factory VTP server with the SSH algorithms of its family (the Thiệu Trung
 * switch intent applied, saved and read back unchanged), then what only a
 * live SSH server shows: host-key pinning, a wrong password, and
 * negotiation per model family.
 */
import { discover, loadInventory } from "@communes/inventory";
import { switchIntents } from "@communes/intent";
import { startLabSwitch, type LabSwitch } from "@communes/lab";
import { CliSession, IOS, IOS_DRIVER, sshFamilyOf } from "@communes/switch";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { switchDriverConformance } from "./driver-conformance";

const file = "examples/thanh-hoa/communes/thieu-trung.yaml";
function intent() {
  const { targets } = discover([file]);
  const inventory = loadInventory(targets[0]!);
  return switchIntents(inventory.communes.find((c) => c.file === file)!, inventory.plans.find((p) => p.file === file)!)[0]!;
}

const { sshLegacyAlgorithms, ...want } = intent().state;

switchDriverConformance("IOS driver against the lab switch", IOS_DRIVER, {
  want,
  async start(scenario) {
    const lab = await startLabSwitch({ enableSecret: "en-secret" });
    if (scenario === "hand-added-vlan") lab.server.device.running.vlans.set(99, "rogue");
    return {
      target: { device: "thieu-trung-sw1", host: lab.host, port: lab.port, username: lab.username, password: lab.password, enableSecret: scenario === "enable-refused" ? "nope" : "en-secret", hostKeyFingerprint: lab.hostKeyFingerprint, legacyAlgorithms: sshLegacyAlgorithms! },
      async close() {
        // What `write memory` saved is what a reload would bring back.
        if (scenario === "apply") expect(lab.server.device.startup.hostname).toBe(want.hostname);
        await lab.close();
      },
    };
  },
});

let lab: LabSwitch;
beforeEach(async () => {
  lab = await startLabSwitch({ enableSecret: "en-secret" });
});
afterEach(async () => {
  await lab.close();
});

const target = (overrides: Partial<Parameters<typeof CliSession.open>[0]> = {}) => ({
  device: "thieu-trung-sw1",
  host: lab.host,
  port: lab.port,
  username: lab.username,
  password: lab.password,
  enableSecret: "en-secret",
  hostKeyFingerprint: lab.hostKeyFingerprint,
  legacyAlgorithms: sshFamilyOf("Catalyst 2960-X 24")!.legacy,
  ...overrides,
});

describe("IOS driver: what only a live SSH server shows", () => {
  it("refuses a host key other than the pinned one, naming both", async () => {
    const wrong = "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    await expect(CliSession.open(target({ hostKeyFingerprint: wrong }), IOS)).rejects.toThrow(
      new RegExp(`thieu-trung-sw1: the SSH host key of 127\\.0\\.0\\.1 is ${lab.hostKeyFingerprint.replace(/[+/]/g, "\\$&")}, not the pinned ${wrong}; refusing to connect`),
    );
  });

  it("says clearly when the password is wrong", async () => {
    await expect(CliSession.open(target({ password: "nope" }), IOS)).rejects.toThrow(/thieu-trung-sw1: login as communes refused/);
  });
});

describe("SSH algorithms per model family", () => {
  it("a Catalyst 2960-X is offered classic IOS's SHA-1 and CBC algorithms, after the modern ones", () => {
    expect(sshLegacyAlgorithms).toEqual(["diffie-hellman-group14-sha1", "diffie-hellman-group-exchange-sha1", "ssh-rsa", "aes128-cbc", "aes256-cbc", "hmac-sha1"]);
  });

  it("an IOS 15 switch refuses a session offering only modern algorithms, and the error says what to do", async () => {
    await expect(CliSession.open(target({ legacyAlgorithms: [] }), IOS)).rejects.toThrow(
      /thieu-trung-sw1: Handshake failed: no matching key exchange algorithm: the switch accepts none of the SSH algorithms offered, only modern ones \(no SHA-1, no CBC\); a classic IOS 15 switch needs its model in the inventory/,
    );
  });

  it("an IOS-XE 17 switch negotiates modern algorithms with no legacy ones offered", async () => {
    const modern = await startLabSwitch({ enableSecret: "en-secret", sshFamily: "ios-xe-17" });
    try {
      expect(sshFamilyOf("Catalyst 9200L 24T")!.legacy).toEqual([]);
      const session = await CliSession.open({ ...target(), port: modern.port, legacyAlgorithms: [] }, IOS);
      expect(await session.run("show version")).toContain("Cisco IOS Software");
      await session.close();
    } finally {
      await modern.close();
    }
  });
});
