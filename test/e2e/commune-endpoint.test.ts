/**
 * The commune stack's meeting-room endpoints, end to end on the real engine
 * against the lab endpoints of the example province as it is: Thiệu Trung's
 * Poly G7500, Hoa Lộc's Cisco Room Kit, and Hạc Thành's two rooms (a Poly and
 * a Cisco Room Bar). up → registered with the lab MCU → no-change preview →
 * a hand change (a rename, a companion setting switched off) found by
 * refresh → up restores; a registration failure fails up with the device's
 * own words, or (configured) is a warning; wrong credentials are named.
 */
import { describe, expect, it } from "vitest";
import { communeProject, useCommuneStack } from "../harness/commune-stack-fixture";
import { changeCount, TestStack } from "../harness/pulumi-stack";

interface Case {
  example: string;
  room: string;
  vendor: "poly" | "cisco";
  /** The lab's parameter holding the system name, and one a setting only takes effect with. */
  nameParam: string;
  companion: { param: string; handValue: string; setting: string };
  /** What the device says when the MCU refuses its SIP credentials. */
  sipRefused: string;
}

const CASES: Case[] = [
  { example: "thieu-trung.yaml", room: "Hội trường UBND xã Thiệu Trung", vendor: "poly", nameParam: "system.info.systemname", companion: { param: "comm.qos.tosfield", handValue: "IP_Precedence", setting: 'settings["qos.marking"]' }, sipRefused: "system.status.sipserver: down" },
  { example: "hoa-loc.yaml", room: "Hội trường UBND xã Hoa Lộc", vendor: "cisco", nameParam: "SystemUnit/Name", companion: { param: "Network/1/QoS/Mode", handValue: "Off", setting: 'settings["qos.marking"]' }, sipRefused: "Failed: 401 Unauthorized" },
];

type Resource = { type: string; outputs: { systemName: string; registration: Array<{ protocol: string; registered: boolean; confirmed: boolean }> } };

async function endpointStates(stack: TestStack): Promise<Resource[]> {
  const state = await stack.stack.exportStack();
  return (state.deployment.resources as Resource[]).filter((r) => r.type === "communes:endpoint:Endpoint");
}

for (const c of CASES) {
  describe(`a ${c.vendor} meeting-room endpoint (${c.example}) against the lab`, { timeout: 300_000 }, () => {
    const fx = useCommuneStack({ example: c.example });
    const params = () => fx.lab.endpoint.device.params;

    it("up configures the endpoint and it registers with the MCU; a second preview shows no changes", async () => {
      await fx.stack.up();
      expect(params().get(c.nameParam)).toBe(c.room);
      const [endpoint] = await endpointStates(fx.stack);
      expect(endpoint!.outputs.registration).toEqual([
        expect.objectContaining({ protocol: "sip", registered: true, confirmed: true }),
        expect.objectContaining({ protocol: "h323", registered: true, confirmed: true }),
      ]);
      expect(changeCount(await fx.stack.preview())).toBe(0);
      expect(await fx.stack.storedState()).not.toContain("lab-sip-password");
    });

    it("a room renamed and QoS marking switched off on the device are found by refresh and restored by up", async () => {
      params().set(c.nameParam, "Phòng họp cũ");
      params().set(c.companion.param, c.companion.handValue);
      const refresh = await fx.stack.refresh();
      expect(refresh.outcomes.filter((s) => s.op === "update").map((s) => s.type)).toEqual(["communes:endpoint:Endpoint"]);
      const preview = await fx.stack.preview();
      expect(preview.steps.filter((s) => s.op === "update").map((s) => Object.keys(s.detailedDiff).sort())).toEqual([[c.companion.setting, "settings.systemName"].sort()]);
      await fx.stack.up();
      expect(params().get(c.nameParam)).toBe(c.room);
      expect(params().get(c.companion.param)).not.toBe(c.companion.handValue);
    });

    it("fails up with the device's words when the MCU refuses its registration, or warns when so configured", async () => {
      await fx.stack.setConfig({ sipPassword: { value: "not-what-the-mcu-expects", secret: true } });
      const failure = await fx.stack.up().then(() => new Error("up succeeded"), (e: unknown) => e as Error);
      expect(failure.message).toContain(`${c.room}: configured, but not registered with the MCU (SIP: `);
      expect(failure.message).toContain(c.sipRefused);
      await fx.stack.setConfig({ endpointRegistrationCheck: { value: "warning" } });
      await fx.stack.up();
      const [endpoint] = await endpointStates(fx.stack);
      expect(endpoint!.outputs.registration.find((r) => r.protocol === "sip")).toMatchObject({ registered: false, confirmed: true });
      await fx.stack.setConfig({ endpointRegistrationCheck: { value: "error" }, sipPassword: { value: "lab-sip-password", secret: true } });
      await fx.stack.up();
    });

    it("names wrong credentials", async () => {
      const other = await TestStack.create({ projectDir: communeProject, config: { ...fx.lab.config(fx.commune), endpointPassword: { value: "not-the-password", secret: true } } });
      try {
        const failure = await other.up().then(() => new Error("up succeeded"), (e: unknown) => e as Error);
        expect(failure.message).toMatch(new RegExp(`${c.room}: login as admin refused`));
        expect(failure.message).not.toMatch(/^\s+at /m);
      } finally {
        await other.forget();
      }
    });
  });
}

describe("an office with two meeting rooms of two makes (Hạc Thành) against the lab", { timeout: 300_000 }, () => {
  const fx = useCommuneStack({ example: "hac-thanh.yaml" });

  it("up configures both rooms, each registers with its own SIP account, and a second preview shows no changes", async () => {
    await fx.stack.up();
    const rooms = { "Hội trường UBND phường Hạc Thành": "system.info.systemname", "Phòng họp tầng 2 phường Hạc Thành": "SystemUnit/Name" };
    for (const [room, nameParam] of Object.entries(rooms)) expect(fx.lab.endpoints[room]!.device.params.get(nameParam), room).toBe(room);
    expect(fx.lab.endpoints["Phòng họp tầng 2 phường Hạc Thành"]!.device.params.get("SIP/Authentication/UserName")).toBe("phong-hop-2-hac-thanh");
    const states = await endpointStates(fx.stack);
    expect(states.map((s) => s.outputs.systemName).sort()).toEqual(Object.keys(rooms).sort());
    for (const s of states) expect(s.outputs.registration.every((r) => r.registered && r.confirmed), s.outputs.systemName).toBe(true);
    expect(changeCount(await fx.stack.preview())).toBe(0);
  });
});
