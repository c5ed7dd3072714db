/**
 * Both endpoint drivers against their lab endpoints, through the one
 * interface: settings round-trip (Vietnamese included), passwords never read
 * back, registration only with the MCU's registrar and credentials, the
 * device's own words for refusals, lock-out, session limits, pinned HTTPS.
 */
import { CiscoDriver, EndpointError, PolyDriver, type EndpointDriver, type EndpointSettings } from "@communes/endpoint";
import { startLabEndpoint, type LabEndpoint, type LabMcu, type LabPolyEndpoint } from "@communes/lab";
import { afterEach, describe, expect, it } from "vitest";

const mcu: LabMcu = { registrar: "mcu.thanhhoa.gov.vn", gatekeeper: "172.16.20.11", sipUsers: { "ubnd-thieu-trung@mcu.thanhhoa.gov.vn": "sip-secret" } };

const settings: EndpointSettings = {
  systemName: "Hội trường UBND xã Thiệu Trung",
  "sip.proxy": "mcu.thanhhoa.gov.vn",
  "sip.user": "ubnd-thieu-trung@mcu.thanhhoa.gov.vn",
  "sip.password": "sip-secret",
  "sip.transport": "tls",
  "h323.enabled": "true",
  "h323.gatekeeper": "172.16.20.11",
  "h323.alias": "ubnd-thieu-trung",
  "h323.e164": "380007",
  "qos.audioDscp": "46",
  "qos.videoDscp": "34",
  "ntp.server": "172.16.0.123",
  "provisioning.enabled": "false",
};

const open: LabEndpoint[] = [];
afterEach(async () => {
  for (const e of open.splice(0)) await e.close();
});

async function start(vendor: "poly" | "cisco", password?: string): Promise<{ lab: LabEndpoint; driver: EndpointDriver }> {
  const lab = await startLabEndpoint(vendor, mcu);
  open.push(lab);
  const target = { device: "Hội trường UBND", host: lab.host, port: lab.port, username: lab.username, password: password ?? lab.password, pin: { fingerprint256: lab.fingerprint256 } };
  return { lab, driver: vendor === "poly" ? new PolyDriver(target) : new CiscoDriver(target) };
}

for (const vendor of ["poly", "cisco"] as const) {
  const wanted: EndpointSettings = vendor === "poly" ? { ...settings, "sip.enabled": "true", "sip.registrar": "mcu.thanhhoa.gov.vn" } : settings;

  describe(`${vendor} driver`, () => {
    it("writes the settings and reads them back, passwords excepted", async () => {
      const { driver } = await start(vendor);
      await driver.write(wanted);
      const names = Object.keys(wanted) as Array<keyof EndpointSettings>;
      const { "sip.password": _secret, ...readable } = wanted;
      expect(await driver.read(names)).toEqual(readable);
      await driver.close();
    });

    it("registers with the MCU only with its registrar and credentials, and says why not", async () => {
      const { driver } = await start(vendor);
      await driver.write({ ...wanted, "sip.password": "not-the-one" });
      const failed = (await driver.registration()).find((r) => r.protocol === "sip")!;
      expect(failed).toMatchObject({ registered: false, text: expect.stringContaining("401 Unauthorized") });
      await driver.write({ "sip.password": "sip-secret" });
      expect(await driver.registration()).toEqual([
        expect.objectContaining({ protocol: "sip", registered: true }),
        expect.objectContaining({ protocol: "h323", registered: true }),
      ]);
      await driver.close();
    });

    it("passes on the device's refusal of a bad value", async () => {
      const { driver } = await start(vendor);
      await expect(driver.write({ "qos.audioDscp": "99" })).rejects.toThrow(/Invalid value for .*: 99 \(range 0-63\)/);
      await driver.close();
    });

    it("refuses wrong credentials clearly, then reports the lock-out", async () => {
      const { lab } = await start(vendor);
      for (let i = 0; i < 5; i++) {
        const driver = vendor === "poly" ? new PolyDriver(target(lab, "bad")) : new CiscoDriver(target(lab, "bad"));
        await expect(driver.read(["systemName"])).rejects.toThrow(/login as admin refused/);
        await driver.close();
      }
      const driver = vendor === "poly" ? new PolyDriver(target(lab)) : new CiscoDriver(target(lab));
      await expect(driver.read(["systemName"])).rejects.toThrow(/locked logins/);
      await driver.close();
    });

    it("reports a device that answers 503 (busy, rebooting) and one that answers too slowly", async () => {
      const { lab } = await start(vendor);
      lab.device.faults = { unavailable: true };
      const busy = vendor === "poly" ? new PolyDriver(target(lab)) : new CiscoDriver(target(lab));
      await expect(busy.read(["systemName"])).rejects.toThrow(/503/);
      await busy.close();
      lab.device.faults = { latencyMs: 500 };
      const slow = vendor === "poly" ? new PolyDriver({ ...target(lab), timeoutMs: 100 }) : new CiscoDriver({ ...target(lab), timeoutMs: 100 });
      await expect(slow.read(["systemName"])).rejects.toThrow(/no answer within 100 ms/);
      await slow.close();
    });

    it("refuses a certificate other than the pinned one", async () => {
      const { lab } = await start(vendor);
      const t = { ...target(lab), pin: { fingerprint256: "00:".repeat(31) + "00" } };
      const driver = vendor === "poly" ? new PolyDriver(t) : new CiscoDriver(t);
      await expect(driver.read(["systemName"])).rejects.toThrow(/is not the pinned/);
      await driver.close();
    });
  });
}

function target(lab: LabEndpoint, password?: string) {
  return { device: "room", host: lab.host, port: lab.port, username: lab.username, password: password ?? lab.password, pin: { fingerprint256: lab.fingerprint256 } };
}

describe("poly specifics", () => {
  it("asks for a reboot only for settings that need one, and limits sessions", async () => {
    const { lab, driver } = await start("poly");
    expect(await driver.write({ systemName: "Phòng họp" })).toEqual({ rebootNeeded: false });
    expect(await driver.write({ "network.vlan": "40" })).toEqual({ rebootNeeded: true });
    await driver.reboot();
    expect((lab.device as LabPolyEndpoint).reboots).toBe(1);
    const drivers = Array.from({ length: 6 }, () => new PolyDriver(target(lab)));
    const results = await Promise.all(drivers.map((d) => d.read(["systemName"]).then(() => "ok", (e: EndpointError) => e.message)));
    expect(results.filter((r) => r === "ok")).toHaveLength(5);
    expect(results.find((r) => r !== "ok")).toMatch(/refused a new session: Maximum number of sessions \(5\) reached/);
    for (const d of drivers) await d.close();
  });
});
