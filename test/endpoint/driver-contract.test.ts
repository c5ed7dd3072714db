/**
 * The endpoint driver contract, one suite run against two kinds of device
 * for each API family: the lab's emulated endpoint, and a replay of the
 * vendor's recorded answers (test/fixtures/recorded/), so a driver that only
 * works against our own emulator fails here. Each case: settings read in
 * their vendor-neutral form, written, a refused value named with the
 * device's reason, registration up, SIP down with the device's words, a
 * wrong password refused.
 */
import { CiscoDriver, PolyDriver, type EndpointDriver, type EndpointSettings, type EndpointTarget } from "@communes/endpoint";
import { startLabEndpoint, type LabMcu } from "@communes/lab";
import { afterEach, describe, expect, it } from "vitest";
import { loadRecording, startReplay, type Recording } from "../harness/endpoint-replay";

type Vendor = "poly" | "cisco";
type Scenario = "read" | "write" | "refused" | "registered" | "sipDown" | "wrongPassword";

const mcu: LabMcu = { registrar: "mcu.thanhhoa.gov.vn", gatekeeper: "172.16.20.11", sipUsers: { "ubnd-thieu-trung": "sip-secret", "ubnd-hoa-loc": "sip-secret" } };
const PASSWORD = "lab-password";

const COMMON: EndpointSettings = {
  systemName: "Hội trường UBND xã Thiệu Trung",
  "sip.enabled": "true",
  "sip.proxy": "mcu.thanhhoa.gov.vn",
  "sip.transport": "tls",
  "h323.enabled": "true",
  "h323.gatekeeperSelection": "manual",
  "h323.gatekeeper": "172.16.20.11",
  "network.ipv4.mode": "static",
  "network.ipv4.mask": "255.255.255.192",
  "network.dns1": "172.16.0.53",
  "network.dns2": "2001:db8:ff00::53",
  "network.vlanTagging": "false",
  "qos.marking": "diffserv",
  "qos.audioDscp": "46",
  "qos.videoDscp": "34",
  "ntp.mode": "manual",
  "ntp.server": "172.16.0.123",
  "provisioning.enabled": "false",
  "syslog.enabled": "true",
  "syslog.server": "172.16.2.10",
  "syslog.transport": "udp",
};

/** What each replay's recorded device holds, in the vendor-neutral form. */
const READ: Record<Vendor, EndpointSettings> = {
  poly: {
    ...COMMON,
    "sip.serverSelection": "manual",
    "sip.registrar": "mcu.thanhhoa.gov.vn",
    "sip.uri": "ubnd-thieu-trung@mcu.thanhhoa.gov.vn",
    "sip.authUser": "ubnd-thieu-trung",
    "h323.alias": "ubnd-thieu-trung",
    "h323.e164": "380007",
    "network.ipv4.address": "10.39.7.74",
    "network.ipv4.gateway": "10.39.7.65",
  },
  cisco: {
    ...COMMON,
    "sip.uri": "ubnd-hoa-loc@mcu.thanhhoa.gov.vn",
    "sip.authUser": "ubnd-hoa-loc",
    "h323.alias": "ubnd-hoa-loc",
    "h323.e164": "380001",
    "network.ipv4.address": "10.39.1.74",
    "network.ipv4.gateway": "10.39.1.65",
  },
};

const WRITE: Record<Vendor, EndpointSettings> = {
  poly: { systemName: "Hội trường UBND xã Thiệu Trung", "qos.marking": "diffserv", "qos.audioDscp": "46", "provisioning.enabled": "false" },
  cisco: { systemName: "Hội trường UBND xã Hoằng Lộc", "qos.marking": "diffserv", "ntp.mode": "manual" },
};
const REFUSED: Record<Vendor, { settings: EndpointSettings; error: RegExp }> = {
  poly: { settings: { "qos.audioDscp": "99", systemName: "Phòng họp" }, error: /refused comm\.qos\.diffservaudio \(INVALID_VALUE\)/ },
  cisco: { settings: { "qos.audioDscp": "99" }, error: /refused the configuration: Network 1 QoS Diffserv Audio: Illegal value/ },
};
const SIP_DOWN_WORDS: Record<Vendor, string> = { poly: "system.status.sipserver: down", cisco: "Failed: 401 Unauthorized" };

/** The recordings each scenario's replay answers with. */
const CONVERSATIONS: Record<Vendor, Record<Scenario, string[]>> = {
  poly: {
    read: ["session", "config-read"],
    write: ["session", "config-write"],
    refused: ["session", "config-write-refused"],
    registered: ["session", "status-registered"],
    sipDown: ["session", "status-sip-down"],
    wrongPassword: ["login-refused"],
  },
  cisco: { read: ["config-read"], write: ["config-write"], refused: ["config-write-refused"], registered: ["status-registered"], sipDown: ["status-sip-failed"], wrongPassword: ["unauthorized"] },
};

function driverFor(vendor: Vendor, target: EndpointTarget): EndpointDriver {
  return vendor === "poly" ? new PolyDriver(target) : new CiscoDriver(target);
}

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** The device a scenario needs, closed after the test; its target logs in with `password`. */
type Backend = (vendor: Vendor, scenario: Scenario) => Promise<EndpointTarget>;

const backends: Record<"lab endpoint" | "recorded device", Backend> = {
  async "lab endpoint"(vendor, scenario) {
    const lab = await startLabEndpoint(vendor, mcu, { username: "admin", password: PASSWORD });
    closers.push(() => lab.close());
    const target = (password: string): EndpointTarget => ({ device: "Hội trường UBND", host: lab.host, port: lab.port, username: "admin", password, pin: { fingerprint256: lab.fingerprint256 } });
    // The lab starts factory-new: bring it where the scenario needs it, through the driver.
    if (scenario === "read" || scenario === "registered" || scenario === "sipDown") {
      const setup = driverFor(vendor, target(PASSWORD));
      await setup.write({ ...READ[vendor], "sip.password": scenario === "sipDown" ? "not-the-one" : "sip-secret" });
      await setup.close();
    }
    return target(scenario === "wrongPassword" ? "not-the-password" : PASSWORD);
  },
  async "recorded device"(vendor, scenario) {
    return replayOf(vendor, CONVERSATIONS[vendor][scenario], scenario === "wrongPassword" ? "not-the-password" : PASSWORD);
  },
};

async function replayOf(vendor: Vendor, recordings: Array<string | Recording>, password = PASSWORD): Promise<EndpointTarget> {
  const replay = await startReplay(recordings.map((r) => (typeof r === "string" ? loadRecording(vendor, r) : r)));
  closers.push(async () => {
    await replay.close();
    expect(replay.unmatched, "requests the recorded device has no answer for").toEqual([]);
  });
  return { device: "Hội trường UBND", host: replay.host, port: replay.port, username: "admin", password, pin: { fingerprint256: replay.fingerprint256 } };
}

async function using<T>(vendor: Vendor, target: EndpointTarget, body: (d: EndpointDriver) => Promise<T>): Promise<T> {
  const driver = driverFor(vendor, target);
  try {
    return await body(driver);
  } finally {
    await driver.close();
  }
}

for (const vendor of ["poly", "cisco"] as const) {
  for (const [kind, start] of Object.entries(backends)) {
    describe(`the ${vendor} driver against the ${kind}`, () => {
      it("reads the settings in their vendor-neutral form (passwords never)", async () => {
        const names = [...(Object.keys(READ[vendor]) as Array<keyof EndpointSettings>), "sip.password" as const];
        expect(await using(vendor, await start(vendor, "read"), (d) => d.read(names))).toEqual(READ[vendor]);
      });

      it("writes settings and says no reboot is needed for them", async () => {
        expect(await using(vendor, await start(vendor, "write"), (d) => d.write(WRITE[vendor]))).toEqual({ rebootNeeded: false });
      });

      it("names a refused parameter with the device's reason", async () => {
        await expect(using(vendor, await start(vendor, "refused"), (d) => d.write(REFUSED[vendor].settings))).rejects.toThrow(REFUSED[vendor].error);
      });

      it("confirms registration only from the device's status", async () => {
        const status = await using(vendor, await start(vendor, "registered"), (d) => d.registration(["sip", "h323"]));
        expect(status).toEqual([expect.objectContaining({ protocol: "sip", registered: true, confirmed: true }), expect.objectContaining({ protocol: "h323", registered: true, confirmed: true })]);
      });

      it("reports SIP down with the device's words", async () => {
        const [sip] = await using(vendor, await start(vendor, "sipDown"), (d) => d.registration(["sip"]));
        expect(sip).toEqual({ protocol: "sip", registered: false, confirmed: true, text: expect.stringContaining(SIP_DOWN_WORDS[vendor]) });
      });

      it("refuses a wrong password by name", async () => {
        await expect(using(vendor, await start(vendor, "wrongPassword"), (d) => d.read(["systemName"]))).rejects.toThrow(/login as admin refused/);
      });
    });
  }
}

describe("recorded devices only", () => {
  it("a Poly status without the SIP item is 'could not confirm', never registered", async () => {
    const [sip] = await using("poly", await replayOf("poly", ["session", "status-without-sip"]), (d) => d.registration(["sip"]));
    expect(sip).toEqual({ protocol: "sip", registered: false, confirmed: false, text: "could not confirm registration: the status has no system.status.sipserver" });
  });

  it("a Poly that locked logins says so, with the device's reason", async () => {
    await expect(using("poly", await replayOf("poly", ["login-locked"]), (d) => d.read(["systemName"]))).rejects.toThrow("Hội trường UBND: the device locked logins after repeated failures (SessionPortLockout)");
  });

  it("an answer of another shape is an endpoint error naming the device, the request and what was expected, never a TypeError", async () => {
    const session = loadRecording("poly", "session");
    const bare: Recording = { ...session, exchanges: [...session.exchanges, { request: { method: "POST", path: "/rest/config", json: { names: ["system.info.systemname"] } }, response: { status: 200, json: [{ name: "system.info.systemname", value: "x" }] } }] };
    const failure = await using("poly", await replayOf("poly", [bare]), (d) => d.read(["systemName"])).then(() => new Error("read succeeded"), (e: unknown) => e as Error);
    expect(failure.name).toBe("EndpointError");
    expect(failure.message).toMatch(/^Hội trường UBND: POST \/rest\/config \(reading parameters\): expected \{"vars":\[\{"name","result",…\}\]\} for system\.info\.systemname, the device answered \[\{"name"/);
  });

  it("a RoomOS without a setting's leaf says which, rather than reading it as empty", async () => {
    const read = loadRecording("cisco", "config-read");
    const older: Recording = { ...read, exchanges: read.exchanges.map((e) => (e.request.path.endsWith("/Logging") ? { ...e, response: { ...e.response, text: '<?xml version="1.0"?>\n<Configuration product="Cisco Codec" version="ce9.15.17.4.abc" apiVersion="4">\n</Configuration>\n' } } : e)) };
    await expect(using("cisco", await replayOf("cisco", [older]), (d) => d.read(["syslog.server"]))).rejects.toThrow("Hội trường UBND: the device has no Configuration Logging External Server Address (its software may predate it)");
  });
});

describe("lab endpoints only: the failures a driver meets on a real line", () => {
  async function lab(vendor: Vendor, options: Parameters<typeof startLabEndpoint>[4] = {}) {
    const started = await startLabEndpoint(vendor, mcu, { username: "admin", password: PASSWORD }, {}, options);
    closers.push(() => started.close());
    const target = (overrides: Partial<EndpointTarget> = {}): EndpointTarget => ({ device: "room", host: started.host, port: started.port, username: "admin", password: PASSWORD, pin: { fingerprint256: started.fingerprint256 }, ...overrides });
    return { started, target };
  }

  for (const vendor of ["poly", "cisco"] as const) {
    it(`${vendor}: a device that answers 503 (busy, rebooting), one too slow, and a certificate other than the pinned one`, async () => {
      const { started, target } = await lab(vendor);
      started.device.faults = { unavailable: true };
      await expect(using(vendor, target(), (d) => d.read(["systemName"]))).rejects.toThrow(/HTTP 503/);
      started.device.faults = { latencyMs: 500 };
      await expect(using(vendor, target({ timeoutMs: 100 }), (d) => d.read(["systemName"]))).rejects.toThrow(/no answer within 100 ms/);
      started.device.faults = {};
      await expect(using(vendor, target({ pin: { fingerprint256: `${"00:".repeat(31)}00` } }), (d) => d.read(["systemName"]))).rejects.toThrow(/is not the pinned/);
    });
  }

  it("poly: after repeated failures the device locks logins, and the driver says so", async () => {
    const { target } = await lab("poly");
    for (let i = 0; i < 5; i++) await expect(using("poly", target({ password: "bad" }), (d) => d.read(["systemName"]))).rejects.toThrow("room: login as admin refused (SessionRequestInvalid)");
    await expect(using("poly", target(), (d) => d.read(["systemName"]))).rejects.toThrow("room: the device locked logins after repeated failures (SessionPortLockout)");
  });

  it("poly: a network change needs a reboot, and only then is one sent", async () => {
    const { started, target } = await lab("poly");
    expect(await using("poly", target(), (d) => d.write({ systemName: "Phòng họp" }))).toEqual({ rebootNeeded: false });
    await using("poly", target(), async (d) => {
      expect(await d.write({ "network.vlanTagging": "true" })).toEqual({ rebootNeeded: true });
      await d.reboot();
    });
    expect(started.device.reboots).toBe(1);
  });

  it("poly: VideoOS before 4.6.2 has no XSRF token, and the driver works without one", async () => {
    const { target } = await lab("poly", { softwareVersion: "3.12.0" });
    await using("poly", target(), (d) => d.write({ systemName: "Phòng họp" }));
    expect(await using("poly", target(), (d) => d.read(["systemName"]))).toEqual({ systemName: "Phòng họp" });
  });

  it("cisco: a user locked after Security Session MaxFailedLogins gets the same refusal", async () => {
    const { started, target } = await lab("cisco");
    await using("cisco", target(), (d) => d.read(["systemName"]));
    started.device.restore({ "Security/Session/MaxFailedLogins": "3" });
    for (let i = 0; i < 3; i++) await expect(using("cisco", target({ password: "bad" }), (d) => d.read(["systemName"]))).rejects.toThrow(/login as admin refused/);
    await expect(using("cisco", target(), (d) => d.read(["systemName"]))).rejects.toThrow("room: login as admin refused (HTTP 401; a wrong password, or the user locked after repeated failures)");
  });
});
