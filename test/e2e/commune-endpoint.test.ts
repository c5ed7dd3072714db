/**
 * The commune stack's meeting-room endpoint, end to end on the real engine
 * against the lab endpoints, Poly and Cisco: up → registered with the lab
 * MCU → no-change preview → renamed on the device, found by refresh → up
 * restores; a registration failure is reported with the device's own words,
 * as an error or (configured) as a warning; wrong credentials are named.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { communeProject, useCommuneStack } from "../harness/commune-stack-fixture";
import { changeCount, TestStack } from "../harness/pulumi-stack";

const ROOM = "Hội trường UBND xã Thiệu Trung";

for (const vendor of ["poly", "cisco"] as const) {
  describe(`a ${vendor} meeting-room endpoint against the lab`, { timeout: 300_000 }, () => {
    const fx = useCommuneStack({ endpointVendor: vendor }, (commune) => {
      if (vendor === "cisco") writeFileSync(commune, readFileSync(commune, "utf8").replace("vendor: poly\n    model: G7500", "vendor: cisco\n    model: Room Kit"));
    });
    const nameParam = vendor === "poly" ? "device.local.deviceName" : "SystemUnit/Name";
    const params = () => fx.lab.endpoint.device.params;

    it("up configures the endpoint and it registers with the MCU; a second preview shows no changes", async () => {
      await fx.stack.up();
      expect(params().get(nameParam)).toBe(ROOM);
      const state = await fx.stack.stack.exportStack();
      const endpoint = state.deployment.resources.find((r: { type: string }) => r.type === "communes:endpoint:Endpoint");
      expect(endpoint.outputs.registration).toEqual([
        expect.objectContaining({ protocol: "sip", registered: true }),
        expect.objectContaining({ protocol: "h323", registered: true }),
      ]);
      expect(changeCount(await fx.stack.preview())).toBe(0);
      expect(await fx.stack.storedState()).not.toContain("lab-sip-password");
    });

    it("a room renamed on the device is found by refresh and restored by up", async () => {
      params().set(nameParam, "Phòng họp cũ");
      const refresh = await fx.stack.refresh();
      expect(refresh.outcomes.filter((s) => s.op === "update").map((s) => s.type)).toEqual(["communes:endpoint:Endpoint"]);
      const preview = await fx.stack.preview();
      expect(preview.steps.filter((s) => s.op === "update").map((s) => Object.keys(s.detailedDiff))).toEqual([["settings.systemName"]]);
      await fx.stack.up();
      expect(params().get(nameParam)).toBe(ROOM);
    });

    it("reports a registration failure with the device's text, as an error or as a warning", async () => {
      await fx.stack.setConfig({ sipPassword: { value: "not-what-the-mcu-expects", secret: true } });
      const failure = await fx.stack.up().then(() => new Error("up succeeded"), (e: unknown) => e as Error);
      expect(failure.message).toContain(`${ROOM}: configured, but not registered with the MCU (SIP: `);
      expect(failure.message).toContain("401 Unauthorized");
      await fx.stack.setConfig({ endpointRegistrationCheck: { value: "warning" } });
      await fx.stack.up();
      const state = await fx.stack.stack.exportStack();
      const endpoint = state.deployment.resources.find((r: { type: string }) => r.type === "communes:endpoint:Endpoint");
      expect(endpoint.outputs.registration.find((r: { protocol: string }) => r.protocol === "sip")).toMatchObject({ registered: false });
      await fx.stack.setConfig({ endpointRegistrationCheck: { value: "error" }, sipPassword: { value: "lab-sip-password", secret: true } });
      await fx.stack.up();
    });

    it("names wrong credentials", async () => {
      const other = await TestStack.create({ projectDir: communeProject, config: { ...fx.lab.config(fx.commune), endpointPassword: { value: "not-the-password", secret: true } } });
      try {
        const failure = await other.up().then(() => new Error("up succeeded"), (e: unknown) => e as Error);
        expect(failure.message).toMatch(new RegExp(`${ROOM}: login as admin refused`));
        expect(failure.message).not.toMatch(/^\s+at /m);
      } finally {
        await other.forget();
      }
    });
  });
}
