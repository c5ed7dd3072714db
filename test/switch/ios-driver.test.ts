/**
 * The IOS driver against the lab switch: a pinned session with the SSH
 * algorithms of the switch's family, the switch intent of Thiệu Trung
 * applied to a factory VTP server and read back with nothing left to change,
 * VLANs read where IOS keeps them, and the refusals an engineer must
 * understand.
 */
import { discover, loadInventory } from "@communes/inventory";
import { switchIntents } from "@communes/intent";
import { startLabSwitch, type LabSwitch } from "@communes/lab";
import { CliSession, IOS, observedState, parseRunningConfig, parseVlanBrief, planIosCommands, sshFamilyOf, vlansInRunningConfig, type SwitchState } from "@communes/switch";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const file = "examples/thanh-hoa/communes/thieu-trung.yaml";
function intent() {
  const { targets } = discover([file]);
  const inventory = loadInventory(targets[0]!);
  return switchIntents(inventory.communes.find((c) => c.file === file)!, inventory.plans.find((p) => p.file === file)!)[0]!;
}

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

/** Reads as the provider does: VLANs from `show vlan brief` when the configuration does not list them. */
async function read(session: CliSession, want: SwitchState): Promise<SwitchState> {
  const config = parseRunningConfig(await session.run("show running-config"));
  const vlans = vlansInRunningConfig(config.vtpMode) ? config.vlans : parseVlanBrief(await session.run("show vlan brief"));
  return observedState({ ...config, vlans }, Object.keys(want.ports), want.management.vlan);
}

describe("IOS driver", () => {
  it("applies the switch intent to a factory VTP server, saves it, and reads it back unchanged", async () => {
    const { sshLegacyAlgorithms, ...want } = intent().state;
    expect(sshLegacyAlgorithms).toEqual(["diffie-hellman-group14-sha1", "diffie-hellman-group-exchange-sha1", "ssh-rsa", "aes128-cbc", "aes256-cbc", "hmac-sha1"]);
    const session = await CliSession.open(target(), IOS);
    const have = await read(session, want);
    expect(have.vtpMode).toBe("server");
    const lines = planIosCommands(have, want);
    expect(lines.slice(0, 2)).toEqual(["hostname thieu-trung-sw1", "vtp mode transparent"]);
    expect(lines).toContain(" switchport trunk allowed vlan 10,20,30,40,50");
    await session.configure(lines);
    await session.save();
    const config = parseRunningConfig(await session.run("show running-config"));
    expect(config.vtpMode).toBe("transparent");
    const after = observedState(config, Object.keys(want.ports), want.management.vlan);
    expect(planIosCommands(after, want)).toEqual([]);
    expect(after).toEqual(want);
    await session.close();
    expect(lab.server.device.startup.hostname).toBe("thieu-trung-sw1");
  });

  it("refuses a host key other than the pinned one, naming both", async () => {
    const wrong = "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    await expect(CliSession.open(target({ hostKeyFingerprint: wrong }), IOS)).rejects.toThrow(
      new RegExp(`thieu-trung-sw1: the SSH host key of 127\\.0\\.0\\.1 is ${lab.hostKeyFingerprint.replace(/[+/]/g, "\\$&")}, not the pinned ${wrong}; refusing to connect`),
    );
  });

  it("says clearly when the password or the enable secret is wrong", async () => {
    await expect(CliSession.open(target({ password: "nope" }), IOS)).rejects.toThrow(/thieu-trung-sw1: login as communes refused/);
    await expect(CliSession.open(target({ enableSecret: "nope" }), IOS)).rejects.toThrow(/thieu-trung-sw1: the enable secret was refused/);
  });

  it("reports what the switch refused", async () => {
    const session = await CliSession.open(target(), IOS);
    await expect(session.configure(["vlan 5000"])).rejects.toThrow(/"vlan 5000" was refused: .*% Invalid input detected at '\^' marker\./);
    await session.close();
  });

  it("sees a VLAN added by hand on a VTP server, where only show vlan brief lists it", async () => {
    const want = intent().state;
    lab.server.device.running.vlans.set(99, "rogue");
    const session = await CliSession.open(target(), IOS);
    expect(parseRunningConfig(await session.run("show running-config")).vlans).toEqual({});
    const have = await read(session, want);
    expect(have.vlans).toEqual({ 99: "rogue" });
    expect(planIosCommands(have, want)).toContain("no vlan 99");
    await session.close();
  });
});

describe("SSH algorithms per model family", () => {
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
