/**
 * The IOS driver against replays of recorded Catalyst 2960-X sessions
 * (test/fixtures/recorded/ios/, sources in its README): the same
 * conformance suite as against the lab, with the prompts, echoes, dialogues
 * and refusals of real IOS, and outputs in the real devices' layout.
 */
import { discover, loadInventory } from "@communes/inventory";
import { switchIntents } from "@communes/intent";
import { IOS_DRIVER } from "@communes/switch";
import { expect } from "vitest";
import { startCliReplay } from "../harness/cli-replay";
import { switchDriverConformance } from "./driver-conformance";

const file = "examples/thanh-hoa/communes/thieu-trung.yaml";
const { targets } = discover([file]);
const inventory = loadInventory(targets[0]!);
const { sshLegacyAlgorithms, ...want } = switchIntents(inventory.communes.find((c) => c.file === file)!, inventory.plans.find((p) => p.file === file)!)[0]!.state;

switchDriverConformance("IOS driver against recorded sessions", IOS_DRIVER, {
  want,
  async start(scenario) {
    const replay = await startCliReplay(scenario === "apply" || scenario === "refused-line" || scenario === "enable-refused" || scenario === "hand-added-vlan" ? scenario : "factory-read");
    return {
      target: { device: "thieu-trung-sw1", host: replay.host, port: replay.port, username: replay.username, password: replay.password, enableSecret: "the-recorded-secret", hostKeyFingerprint: replay.hostKeyFingerprint, legacyAlgorithms: sshLegacyAlgorithms!, timeoutMs: 5000 },
      async close() {
        // Give the session's last line ("exit") time to arrive before checking what the replay saw.
        await new Promise((resolve) => setTimeout(resolve, 50));
        await replay.close();
        expect(replay.unmatched).toEqual([]);
        expect(replay.remaining()).toBe(0);
      },
    };
  },
});
