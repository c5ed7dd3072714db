/**
 * The IOS driver against the lab switch: a pinned session, the switch intent
 * of Thiệu Trung applied and read back with nothing left to change, and the
 * refusals an engineer must understand.
 */
import { discover, loadInventory } from "@communes/inventory";
import { switchIntents } from "@communes/intent";
import { startLabSwitch, type LabSwitch } from "@communes/lab";
import { CliSession, IOS, observedState, parseRunningConfig, planIosCommands } from "@communes/switch";
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
  ...overrides,
});

describe("IOS driver", () => {
  it("applies the switch intent, saves it, and reads it back unchanged", async () => {
    const want = intent().state;
    const session = await CliSession.open(target(), IOS);
    const have = observedState(parseRunningConfig(await session.run("show running-config")), Object.keys(want.ports), want.management.vlan);
    const lines = planIosCommands(have, want);
    expect(lines).toContain("hostname thieu-trung-sw1");
    expect(lines).toContain(" switchport trunk allowed vlan 10,20,30,40,50");
    await session.configure(lines);
    await session.save();
    const after = observedState(parseRunningConfig(await session.run("show running-config")), Object.keys(want.ports), want.management.vlan);
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
});
