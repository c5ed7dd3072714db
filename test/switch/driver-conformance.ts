/**
 * The switch driver contract's conformance suite: the same scenarios, in
 * the same words, against any backend that speaks as a switch does — the lab
 * switch, and replays of recorded sessions (test/harness/cli-replay.ts). A
 * second driver (another dialect) must pass it against its own lab and its
 * own recordings.
 *
 * Scenarios, each on a switch as the backend provides it:
 * - factory: a switch as installed (user exec, an enable secret, a VTP
 *   server) is read into a state that differs from the intent;
 * - apply: the driver's plan is applied and saved, and the switch read back
 *   holds exactly the intent, with nothing left to change;
 * - hand-added-vlan: a VLAN added by hand on a VTP server is seen;
 * - refused-line: a line the switch refuses fails with the switch's words,
 *   naming the switch and the line, and configuration mode is left;
 * - enable-refused: a wrong enable secret is refused with a clear message.
 */
import { CliCommandError, CliSession, type CliTarget, type SwitchDriver, type SwitchState } from "@communes/switch";
import { afterEach, describe, expect, it } from "vitest";

export type Scenario = "factory" | "apply" | "hand-added-vlan" | "refused-line" | "enable-refused";

export interface Backend {
  target: CliTarget;
  /** Stops the backend; fails when it saw anything it should not have (a replay's unmatched or missing steps). */
  close(): Promise<void>;
}

export interface ConformanceHarness {
  /** The state the suite applies (the switch intent of a commune). */
  want: SwitchState;
  /** A switch for one scenario; for "enable-refused", the target carries a wrong enable secret. */
  start(scenario: Scenario): Promise<Backend>;
}

export function switchDriverConformance(label: string, driver: SwitchDriver, harness: ConformanceHarness): void {
  describe(`${label}: switch driver conformance`, () => {
    let backend: Backend | undefined;
    const start = async (scenario: Scenario) => (backend = await harness.start(scenario));
    afterEach(async () => {
      await backend?.close();
      backend = undefined;
    });

    it("factory: reads a switch as installed, from user exec through enable, with paging off first", async () => {
      const { target } = await start("factory");
      const session = await CliSession.open(target, driver.dialect);
      const have = await driver.read(session, harness.want);
      expect(session.sent[0]).toBe(driver.dialect.pagingOff);
      expect(have.vtpMode).toBe("server");
      expect(have.vlans).toEqual({});
      expect(have.hostname).not.toBe(harness.want.hostname);
      expect(Object.keys(have.ports)).toEqual(Object.keys(harness.want.ports));
      expect(driver.plan(have, harness.want).length).toBeGreaterThan(0);
      await session.close();
    });

    it("apply: the plan applied and saved leaves the switch holding exactly the intent", async () => {
      const { target } = await start("apply");
      const session = await CliSession.open(target, driver.dialect);
      const lines = driver.plan(await driver.read(session, harness.want), harness.want);
      await session.configure(lines);
      await session.save();
      const after = await driver.read(session, harness.want);
      expect(after).toEqual(harness.want);
      expect(driver.plan(after, harness.want)).toEqual([]);
      await session.close();
    });

    it("hand-added-vlan: a VLAN added by hand on a VTP server is seen, and the plan removes it", async () => {
      const { target } = await start("hand-added-vlan");
      const session = await CliSession.open(target, driver.dialect);
      const have = await driver.read(session, harness.want);
      expect(have.vlans).toEqual({ 99: "rogue" });
      expect(driver.plan(have, { ...have, vlans: {} }).length).toBeGreaterThan(0);
      await session.close();
    });

    it("refused-line: a refused line fails with the switch's words, and configuration mode is left", async () => {
      const { target } = await start("refused-line");
      const session = await CliSession.open(target, driver.dialect);
      const refusal = await session.configure(["vlan 5000"]).catch((err: unknown) => err);
      expect(refusal).toBeInstanceOf(CliCommandError);
      expect((refusal as CliCommandError).message).toMatch(new RegExp(`^${target.device}: "vlan 5000" was refused: .*% Invalid input detected at '\\^' marker\\.`));
      expect(session.sent.at(-1)).toBe(driver.dialect.endConfigure);
      await session.close();
    });

    it("enable-refused: a wrong enable secret is refused, naming the switch", async () => {
      const { target } = await start("enable-refused");
      await expect(CliSession.open(target, driver.dialect)).rejects.toThrow(`${target.device}: the enable secret was refused`);
    });
  });
}
