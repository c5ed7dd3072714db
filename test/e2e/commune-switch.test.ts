/**
 * The commune stack's switch, end to end on the real engine against the lab
 * switch (and the lab router it depends on): a factory 2960-X (a VTP server
 * speaking only SHA-1 key exchange) is put in VTP transparent mode by the
 * first up → no-change preview → a
 * changed port role previews as exactly those ports → changes made on the
 * switch show in refresh → up restores → destroy; a wrong host key, a wrong
 * password and a dropped session are handled as an engineer needs.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { communeProject, useCommuneStack } from "../harness/commune-stack-fixture";
import { changeCount, TestStack } from "../harness/pulumi-stack";

const SW = "thieu-trung-sw1";

describe("the commune stack's switch against the lab", { timeout: 300_000 }, () => {
  const fx = useCommuneStack();
  const device = () => fx.lab.switch.server.device;
  const stepsOf = (steps: Array<{ op: string; urn: string; detailedDiff: Record<string, unknown> }>) =>
    steps.filter((s) => s.op !== "same").map((s) => [s.urn.split("::").pop(), s.op, Object.keys(s.detailedDiff).sort()]);

  it("up configures a factory switch (a VTP server) and saves it; a second preview shows no changes", async () => {
    expect(device().running.vtp.mode).toBe("server");
    await fx.stack.up();
    const state = await fx.stack.stack.exportStack();
    const sw = (state.deployment.resources as Array<{ type: string; inputs: Record<string, unknown> }>).find((r) => r.type === "communes:switch:IosSwitch")!;
    expect(sw.inputs).toMatchObject({ vtpMode: "transparent", sshLegacyAlgorithms: ["diffie-hellman-group14-sha1", "diffie-hellman-group-exchange-sha1", "ssh-rsa", "aes128-cbc", "aes256-cbc", "hmac-sha1"] });
    const running = device().running;
    expect(running.vtp.mode).toBe("transparent");
    expect(running.hostname).toBe(SW);
    expect(Object.fromEntries(running.vlans)).toMatchObject({ 10: "management", 20: "staff", 30: "service-centre", 40: "meeting-room", 50: "citizen-wifi" });
    expect(running.ports.get("GigabitEthernet1/0/1")).toMatchObject({ mode: "access", accessVlan: 20, portfast: true, description: "Phong lam viec" });
    expect(running.ports.get("GigabitEthernet1/0/24")).toMatchObject({ mode: "trunk", trunkAllowed: [10, 20, 30, 40, 50] });
    expect(running.ports.get("GigabitEthernet1/0/20")!.shutdown).toBe(true);
    expect(running.svis.get(10)!.address).toEqual({ ip: "10.38.0.226", mask: "255.255.255.224" });
    expect(device().startup.hostname).toBe(SW); // saved
    expect(changeCount(await fx.stack.preview())).toBe(0);
  });

  it("a port given another zone previews as exactly those ports", async () => {
    const text = readFileSync(fx.commune, "utf8");
    writeFileSync(fx.commune, text.replace("GigabitEthernet1/0/13-14], role: access, zone: meeting_room", "GigabitEthernet1/0/13-14], role: access, zone: citizen_wifi"));
    const preview = await fx.stack.preview();
    expect(stepsOf(preview.steps)).toEqual([[SW, "update", ['ports["GigabitEthernet1/0/13"].accessVlan', 'ports["GigabitEthernet1/0/14"].accessVlan']]]);
    await fx.stack.up();
    expect(device().running.ports.get("GigabitEthernet1/0/13")!.accessVlan).toBe(50);
  });

  it("refresh finds changes made on the switch, and up reverts them", async () => {
    device().running.vlans.set(99, "rogue");
    device().running.ports.get("GigabitEthernet1/0/1")!.accessVlan = 30;
    const refresh = await fx.stack.refresh();
    expect(stepsOf(refresh.outcomes).map(([name, op]) => [name, op])).toEqual([[SW, "update"]]);
    const preview = await fx.stack.preview();
    expect(stepsOf(preview.steps)).toEqual([[SW, "update", ['ports["GigabitEthernet1/0/1"].accessVlan', 'vlans["99"]']]]);
    await fx.stack.up();
    expect(device().running.vlans.has(99)).toBe(false);
    expect(device().running.ports.get("GigabitEthernet1/0/1")!.accessVlan).toBe(20);
    expect(changeCount(await fx.stack.refresh())).toBe(0);
  });

  it("a session dropped in the middle of an up: nothing saved, the next up finishes", async () => {
    device().running.ports.get("GigabitEthernet1/0/2")!.accessVlan = 30;
    device().running.ports.get("GigabitEthernet1/0/3")!.accessVlan = 30;
    await fx.stack.refresh();
    fx.lab.switch.setFaults({ dropAfterLines: 213 }); // after the read (the 28 ports and Fa0 of a 2960X-24TS-L), in the middle of the configuration
    await expect(fx.stack.up()).rejects.toThrow(/thieu-trung-sw1: the switch closed the session; nothing was saved on the switch; run up again to finish/);
    expect(device().startup.ports.get("GigabitEthernet1/0/2")!.accessVlan).toBe(20); // the saved configuration is the last good one
    fx.lab.switch.setFaults({});
    await fx.stack.up();
    expect(device().running.ports.get("GigabitEthernet1/0/3")!.accessVlan).toBe(20);
    expect(device().startup.ports.get("GigabitEthernet1/0/3")!.accessVlan).toBe(20);
    expect(changeCount(await fx.stack.refresh())).toBe(0);
  });

  it("refuses a switch whose host key is not the pinned one, naming both; says clearly when its password is wrong", async () => {
    const wrong = "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    const cases: Array<[Record<string, { value: string; secret?: boolean }>, string]> = [
      [
        { switchEndpoints: { value: JSON.stringify({ [SW]: { host: fx.lab.switch.host, port: fx.lab.switch.port, hostKeyFingerprint: wrong } }) } },
        `${SW}: the SSH host key of 127.0.0.1 is ${fx.lab.switch.hostKeyFingerprint}, not the pinned ${wrong}; refusing to connect`,
      ],
      [{ switchPassword: { value: "not-the-password", secret: true } }, `${SW}: login as communes refused (wrong user name or password)`],
    ];
    for (const [config, message] of cases) {
      const other = await TestStack.create({ projectDir: communeProject, config: { ...fx.lab.config(fx.commune), ...config } });
      try {
        const failure = await other.up().then(() => new Error("up succeeded"), (e: unknown) => e as Error);
        expect(failure.message).toContain(message);
        expect(failure.message).not.toMatch(/^\s+at /m);
      } finally {
        await other.forget();
      }
    }
  });

  it("destroy takes the VLANs and port roles away and keeps the switch reachable", async () => {
    await fx.stack.destroy();
    expect([...device().running.vlans.keys()]).toEqual([1]);
    expect(device().running.ports.get("GigabitEthernet1/0/1")).toMatchObject({ accessVlan: 1, portfast: false });
    expect(device().running.svis.get(10)!.address).toEqual({ ip: "10.38.0.226", mask: "255.255.255.224" });
  });
});
