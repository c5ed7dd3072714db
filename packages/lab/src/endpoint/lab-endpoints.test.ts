/** The emulated endpoints over raw HTTPS: the answers and refusals the sources document. */
import type { IncomingHttpHeaders } from "node:http";
import * as https from "node:https";
import { afterEach, describe, expect, it } from "vitest";
import { startLabEndpoint, type LabCiscoEndpoint, type LabEndpoint, type LabMcu, type LabPolyEndpoint, type LabPolyOptions } from "./lab-endpoints";

const mcu: LabMcu = { registrar: "mcu.thanhhoa.gov.vn", gatekeeper: "172.16.20.11", sipUsers: { "ubnd-thieu-trung": "sip-secret" } };

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function call(ep: LabEndpoint, method: string, path: string, options: { headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = https.request({ host: ep.host, port: ep.port, method, path, headers: options.headers, rejectUnauthorized: false, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

let now = 1_760_000_000_000;
const clock = () => now;
const started: LabEndpoint[] = [];
async function start(vendor: "poly" | "cisco", options: LabPolyOptions = {}): Promise<LabEndpoint> {
  const ep = await startLabEndpoint(vendor, mcu, undefined, {}, { clock, ...options });
  started.push(ep);
  return ep;
}
afterEach(async () => {
  for (const ep of started.splice(0)) await ep.close();
});

describe("Poly VideoOS REST", () => {
  const cookiePair = (setCookie: string[] | undefined, name: string) => setCookie?.find((c) => c.startsWith(`${name}=`))?.split(";")[0];

  /** Logs in; the headers later requests carry. */
  async function login(ep: LabEndpoint): Promise<Record<string, string>> {
    const a = await call(ep, "POST", "/rest/session", { body: JSON.stringify({ user: "admin", password: "lab-password" }) });
    expect(a.status).toBe(200);
    const session = cookiePair(a.headers["set-cookie"], "session_id")!;
    const xsrf = cookiePair(a.headers["set-cookie"], "XSRF-TOKEN");
    return xsrf ? { cookie: `${session}; ${xsrf}`, "x-xsrf-token": xsrf.slice("XSRF-TOKEN=".length) } : { cookie: session };
  }
  const post = (ep: LabEndpoint, headers: Record<string, string>, path: string, body: unknown) => call(ep, "POST", path, { headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(body) });
  const json = (a: Answer) => JSON.parse(a.body) as unknown;

  it("logs in like PM1 and, on 4.6.2, wants the XSRF token on every later request", async () => {
    const ep = await start("poly");
    const a = await call(ep, "POST", "/rest/session", { body: JSON.stringify({ action: "Login", user: "admin", password: "lab-password" }) });
    expect(a.status).toBe(200);
    expect(a.headers["content-type"]).toBe("application/json");
    const body = json(a) as { session: { sessionId: string } };
    expect(body).toMatchObject({
      loginStatus: { failedLogins: 0, isPasswordAgeLimitReached: false, lastLoginClient: "127.0.0.1", lastLoginClientType: "WEB", lastLoginTime: now, loginResult: "NOLOCKOUT" },
      session: { clientType: "WEB", isAuthenticated: true, role: "ADMIN", userId: "admin" },
      success: true,
    });
    expect(body.session.sessionId).toMatch(/^PS[A-Za-z0-9+/]{48}$/);
    const cookies = a.headers["set-cookie"]!;
    expect(cookies).toContain(`session_id=${body.session.sessionId}; Path=/; Secure; HttpOnly`);
    expect(cookies.find((c) => c.startsWith("XSRF-TOKEN="))).toMatch(/^XSRF-TOKEN=[\w-]+; Path=\/; Secure$/);

    const session = cookiePair(cookies, "session_id")!;
    const token = cookiePair(cookies, "XSRF-TOKEN")!.slice("XSRF-TOKEN=".length);
    expect((await call(ep, "GET", "/rest/system", { headers: { cookie: session } })).status).toBe(403);
    expect((await call(ep, "GET", "/rest/system", { headers: { cookie: session, "x-xsrf-token": "wrong" } })).status).toBe(403);
    const system = await call(ep, "GET", "/rest/system", { headers: { cookie: session, "X-XSRF-Token": token } });
    expect(system.status).toBe(200);
    expect(json(system)).toMatchObject({ buildType: "Release", hardwareVersion: "1", lanStatus: { duplex: "FULL", speedMbps: 1000, state: "LAN_UP" }, model: "G7500", rebootNeeded: false, softwareVersion: "4.6.2", state: "READY", systemName: "Poly G7500", systemTime: now, timeServerState: "TIMESERVER_DOWN" });
  });

  it("on 3.12.0 needs only the session cookie", async () => {
    const ep = await start("poly", { softwareVersion: "3.12.0" });
    const headers = await login(ep);
    expect(headers["x-xsrf-token"]).toBeUndefined();
    const system = await call(ep, "GET", "/rest/current/system", { headers });
    expect(json(system)).toMatchObject({ build: "366027", softwareVersion: "3.12.0" });
  });

  it("refuses wrong credentials with SessionRequestInvalid and locks logins after 5 failures for 60 s", async () => {
    const ep = await start("poly");
    const wrong = () => call(ep, "POST", "/rest/session", { body: JSON.stringify({ user: "admin", password: "nope" }) });
    for (let i = 0; i < 5; i++) {
      const a = await wrong();
      expect([a.status, json(a)]).toEqual([400, { success: false, reason: "SessionRequestInvalid" }]);
    }
    const locked = await call(ep, "POST", "/rest/session", { body: JSON.stringify({ user: "admin", password: "lab-password" }) });
    expect([locked.status, json(locked)]).toEqual([400, { success: false, reason: "SessionPortLockout" }]);
    now += 60_000;
    await login(ep);
  });

  it("counts failures since the last login and takes the threshold as an option", async () => {
    const ep = await start("poly", { lockoutAttempts: 2, lockoutMs: 1000 });
    await call(ep, "POST", "/rest/session", { body: "{not json" });
    const a = await call(ep, "POST", "/rest/session", { body: JSON.stringify({ user: "admin", password: "lab-password" }) });
    expect(json(a)).toMatchObject({ loginStatus: { failedLogins: 1 } });
    await call(ep, "POST", "/rest/session", { body: "{}" });
    await call(ep, "POST", "/rest/session", { body: "{}" });
    expect(json(await call(ep, "POST", "/rest/session", { body: JSON.stringify({ user: "admin", password: "lab-password" }) }))).toMatchObject({ reason: "SessionPortLockout" });
    now += 1000;
    expect((await call(ep, "POST", "/rest/session", { body: JSON.stringify({ user: "admin", password: "lab-password" }) })).status).toBe(200);
  });

  it("answers 403 without a session, logs out, and refuses a logout without a session", async () => {
    const ep = await start("poly");
    expect((await call(ep, "GET", "/rest/system")).status).toBe(403);
    expect((await call(ep, "POST", "/rest/config", { body: JSON.stringify({ names: ["system.info.systemname"] }) })).status).toBe(403);
    const headers = await login(ep);
    expect((await call(ep, "DELETE", "/rest/session", { headers })).status).toBe(200);
    expect((await call(ep, "GET", "/rest/system", { headers })).status).toBe(403);
    const again = await call(ep, "DELETE", "/rest/session", { headers });
    expect([again.status, json(again)]).toEqual([400, { success: false, reason: "SessionNoActiveSession" }]);
  });

  it("reads parameters as strings, secrets empty, unknown names flagged", async () => {
    const ep = await start("poly");
    const headers = await login(ep);
    (ep.device as LabPolyEndpoint).params.set("comm.nics.sipnic.sippassword", "sip-secret");
    const a = await post(ep, headers, "/rest/config", { names: ["comm.callpreference.iph323enable", "comm.nics.sipnic.sippassword", "no.such.name"] });
    expect(a.status).toBe(200);
    expect(json(a)).toEqual({
      vars: [
        { name: "comm.callpreference.iph323enable", result: "NOERROR", value: "True", isEditable: true, isHidden: false, isSecure: false },
        { name: "comm.nics.sipnic.sippassword", result: "NOERROR", value: "", isEditable: true, isHidden: false, isSecure: true },
        { name: "no.such.name", result: "UNKNOWN_PARAMETER" },
      ],
    });
  });

  it("writes item by item, applying only the valid ones, and says when a reboot is needed", async () => {
    const ep = await start("poly");
    const device = ep.device as LabPolyEndpoint;
    const headers = await login(ep);
    const a = await post(ep, headers, "/rest/config", {
      vars: [
        { name: "comm.callpreference.sipenable", value: "true" },
        { name: "comm.qos.diffservaudio", value: 46 },
        { name: "comm.qos.diffservvideo", value: "64" },
        { name: "system.network.dnsserver[0]", value: "2001:db8::53" },
        { name: "system.network.wired.ipv4nic.address", value: "10.1.1.300" },
        { name: "no.such.name", value: "x" },
      ],
    });
    expect(json(a)).toEqual({
      vars: [
        { name: "comm.callpreference.sipenable", requestedValue: "true", result: "NOERROR" },
        { name: "comm.qos.diffservaudio", requestedValue: "46", result: "NOERROR" },
        { name: "comm.qos.diffservvideo", requestedValue: "64", result: "INVALID_VALUE" },
        { name: "system.network.dnsserver[0]", requestedValue: "2001:db8::53", result: "NOERROR" },
        { name: "system.network.wired.ipv4nic.address", requestedValue: "10.1.1.300", result: "INVALID_VALUE" },
        { name: "no.such.name", requestedValue: "x", result: "UNKNOWN_PARAMETER" },
      ],
      rebootNeeded: false,
    });
    expect(device.params.get("comm.callpreference.sipenable")).toBe("True");
    expect(device.params.get("comm.qos.diffservvideo")).toBe("0");

    const b = await post(ep, headers, "/rest/config", { vars: [{ name: "system.network.wired.ipv4nic.address", value: "10.1.1.30" }] });
    expect(json(b)).toMatchObject({ rebootNeeded: true });
    expect(json(await post(ep, headers, "/rest/config", { vars: [{ name: "system.info.systemname", value: "Phòng họp" }] }))).toMatchObject({ rebootNeeded: true });
    expect(json(await call(ep, "GET", "/rest/system", { headers }))).toMatchObject({ rebootNeeded: true, systemName: "Phòng họp" });
    expect(device.rebootNeeded).toBe(true);

    const reboot = await post(ep, headers, "/rest/system/reboot", { action: "reboot" });
    expect([reboot.status, json(reboot)]).toEqual([200, { success: true }]);
    expect([device.reboots, device.rebootNeeded]).toEqual([1, false]);
    expect((await call(ep, "GET", "/rest/system", { headers })).status).toBe(403);
  });

  it("refuses malformed bodies with 400 and unknown paths with 404", async () => {
    const ep = await start("poly");
    const headers = await login(ep);
    expect((await call(ep, "POST", "/rest/config", { headers, body: "{oops" })).status).toBe(400);
    const neither = await post(ep, headers, "/rest/config", { values: [] });
    expect([neither.status, json(neither)]).toMatchObject([400, { success: false }]);
    expect((await call(ep, "GET", "/rest/no/such/thing", { headers })).status).toBe(404);
  });

  it("reports SIP and gatekeeper registration only when set up for the MCU", async () => {
    const ep = await start("poly");
    const device = ep.device as LabPolyEndpoint;
    const headers = await login(ep);
    const status = async () => Object.fromEntries((json(await call(ep, "GET", "/rest/system/status", { headers })) as Array<{ name: string; stateList: string[] }>).map((s) => [s.name, s.stateList]));
    expect(await status()).toEqual({ "system.status.ipnetwork": ["up"], "system.status.sipserver": ["off"], "system.status.gatekeeper": ["off"], "system.status.provisioning": ["down"] });
    expect(json(await call(ep, "GET", "/rest/system/sipservers", { headers }))).toEqual([]);

    const items = json(await call(ep, "GET", "/rest/system/status", { headers })) as unknown[];
    expect(items).toContainEqual({ langtag: "SIP_SERVER_HEADING", name: "system.status.sipserver", stateList: ["off"] });

    for (const [name, value] of Object.entries({
      "comm.callpreference.sipenable": "True",
      "comm.nics.sipnic.sipconfigtype": "Specify",
      "comm.nics.sipnic.sipregistrarserver": "mcu.thanhhoa.gov.vn",
      "comm.nics.sipnic.sipusername": "ubnd-thieu-trung@mcu.thanhhoa.gov.vn",
      "comm.nics.sipnic.sippassword": "wrong",
      "comm.nics.h323nic.gatekeeper.gatekeeperenable": "Specify",
      "comm.nics.h323nic.gatekeeper.gkipaddress": "172.16.20.99",
      "management.provisioning.enabled": "False",
    }))
      device.params.set(name, value);
    expect(await status()).toMatchObject({ "system.status.sipserver": ["down"], "system.status.gatekeeper": ["down"], "system.status.provisioning": ["off"] });
    expect(json(await call(ep, "GET", "/rest/system/sipservers", { headers }))).toEqual([{ address: "mcu.thanhhoa.gov.vn", model: "Unknown", state: "DOWN", version: "" }]);

    device.params.set("comm.nics.sipnic.sippassword", "sip-secret");
    device.params.set("comm.nics.h323nic.gatekeeper.gkipaddress", "172.16.20.11");
    expect(await status()).toMatchObject({ "system.status.sipserver": ["up"], "system.status.gatekeeper": ["up"] });
    expect(json(await call(ep, "GET", "/rest/system/sipservers", { headers }))).toEqual([{ address: "mcu.thanhhoa.gov.vn", model: "Unknown", state: "UP", version: "" }]);
    expect(json(await call(ep, "GET", "/rest/system/h323gatekeepers", { headers }))).toEqual([{ address: "172.16.20.11", model: "", state: "UP", version: "" }]);

    device.params.set("comm.nics.sipnic.sipaccountname", "someone-else");
    device.params.set("comm.nics.sipnic.sipconfigtype", "Auto");
    expect(await status()).toMatchObject({ "system.status.sipserver": ["down"] });
  });

  it("answers 503 to everything while unavailable, and counts requests", async () => {
    const ep = await start("poly");
    ep.device.faults.unavailable = true;
    expect((await call(ep, "POST", "/rest/session", { body: "{}" })).status).toBe(503);
    expect(ep.device.requests).toBe(1);
  });

  it("keeps its settings across a restore, ignoring names it does not have", async () => {
    const ep = await start("poly");
    ep.device.restore({ "system.info.systemname": "Hội trường", "voIpProt.SIP.enable": "true" });
    expect(ep.device.saved()).toMatchObject({ "system.info.systemname": "Hội trường" });
    expect(ep.device.params.has("voIpProt.SIP.enable")).toBe(false);
  });
});

describe("Cisco RoomOS xAPI", () => {
  const basic = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}` });
  const admin = basic("admin", "lab-password");
  const putxml = (ep: LabEndpoint, body: string, headers: Record<string, string> = admin) => call(ep, "POST", "/putxml", { headers: { ...headers, "content-type": "text/xml" }, body });
  const getxml = (ep: LabEndpoint, location: string) => call(ep, "GET", `/getxml?location=${encodeURIComponent(location)}`, { headers: admin });
  const version = 'product="Cisco Codec" version="ce11.14.4.0.6f4e1c2a9b3" apiVersion="4"';
  const UNAUTHORIZED =
    "401 Unauthorized\n\nThis server could not verify that you are authorized to access the document you requested. Either you supplied the wrong credentials (e.g., bad password), or your browser does not understand how to supply the credentials required.\n\n";

  it("answers a wrong or missing password with CS3's 401", async () => {
    const ep = await start("cisco");
    for (const headers of [basic("admin", "nope"), {}]) {
      const a = await call(ep, "GET", "/status.xml", { headers });
      expect(a.status).toBe(401);
      expect(a.headers["www-authenticate"]).toBe('Basic realm="CISCO-Endpoint"');
      expect(a.headers["content-type"]).toBe("text/plain; charset=UTF-8");
      expect(a.body).toBe(UNAUTHORIZED);
    }
  });

  it("returns only the asked-for subtree, with value spaces, items and secrets empty", async () => {
    const ep = await start("cisco");
    ep.device.params.set("SIP/Authentication/Password", "sip-secret");
    ep.device.params.set("SIP/Proxy/2/Address", "a&b");
    const a = await getxml(ep, "Configuration/SIP");
    expect(a.status).toBe(200);
    expect(a.headers["content-type"]).toBe("text/xml; charset=UTF-8");
    expect(a.body).toBe(
      [
        '<?xml version="1.0"?>',
        `<Configuration ${version}>`,
        "<SIP>",
        "<Authentication>",
        '<Password valueSpaceRef="/Valuespace/STR_0_128_NoFilt"></Password>',
        '<UserName valueSpaceRef="/Valuespace/STR_0_128_NoFilt"></UserName>',
        "</Authentication>",
        '<DefaultTransport valueSpaceRef="/Valuespace/TTPAR_AutoTCPTlsUDP">Auto</DefaultTransport>',
        '<DisplayName valueSpaceRef="/Valuespace/STR_0_550_NoFilt"></DisplayName>',
        '<Proxy item="1" maxOccurrence="4">',
        '<Address valueSpaceRef="/Valuespace/STR_0_255_NoFilt"></Address>',
        "</Proxy>",
        '<Proxy item="2" maxOccurrence="4">',
        '<Address valueSpaceRef="/Valuespace/STR_0_255_NoFilt">a&amp;b</Address>',
        "</Proxy>",
        '<Proxy item="3" maxOccurrence="4">',
        '<Address valueSpaceRef="/Valuespace/STR_0_255_NoFilt"></Address>',
        "</Proxy>",
        '<Proxy item="4" maxOccurrence="4">',
        '<Address valueSpaceRef="/Valuespace/STR_0_255_NoFilt"></Address>',
        "</Proxy>",
        '<URI valueSpaceRef="/Valuespace/STR_0_255_NoFilt"></URI>',
        "</SIP>",
        "</Configuration>",
        "",
      ].join("\n"),
    );
    expect((await getxml(ep, "/Configuration/SystemUnit/Name")).body).toBe(`<?xml version="1.0"?>\n<Configuration ${version}>\n<SystemUnit>\n<Name valueSpaceRef="/Valuespace/STR_0_50_NoFilt"></Name>\n</SystemUnit>\n</Configuration>\n`);
    expect((await getxml(ep, "/Configuration/Network[1]/QoS/Diffserv/Audio")).body).toContain('<Network item="1" maxOccurrence="1">\n<QoS>\n<Diffserv>\n<Audio valueSpaceRef="/Valuespace/INT_0_63">46</Audio>');
    expect((await getxml(ep, "/Configuration/Nothing/Here")).body).toBe(`<?xml version="1.0"?>\n<Configuration ${version}/>\n`);
    const status = await getxml(ep, "/Status/SIP/Registration");
    expect(status.body).toBe(`<?xml version="1.0"?>\n<Status ${version}>\n<SIP>\n<Registration item="1" maxOccurrence="n">\n<Reason></Reason>\n<Status>Inactive</Status>\n<URI></URI>\n</Registration>\n</SIP>\n</Status>\n`);
    const whole = await call(ep, "GET", "/configuration.xml", { headers: admin });
    expect(whole.body).toContain('<MaxFailedLogins valueSpaceRef="/Valuespace/INT_0_10">0</MaxFailedLogins>');
    expect((await call(ep, "GET", "/status.xml", { headers: admin })).body).toContain("<ProductPlatform>Room Kit</ProductPlatform>");
  });

  it("applies a valid configuration document", async () => {
    const ep = await start("cisco");
    const a = await putxml(ep, '<Configuration><SystemUnit><Name>Phòng họp</Name></SystemUnit><SIP><Proxy item="1"><Address>mcu.thanhhoa.gov.vn</Address></Proxy></SIP></Configuration>');
    expect([a.status, a.body]).toEqual([200, '<?xml version="1.0"?>\n<Configuration>\n<Success/>\n</Configuration>\n']);
    expect([ep.device.params.get("SystemUnit/Name"), ep.device.params.get("SIP/Proxy/1/Address")]).toEqual(["Phòng họp", "mcu.thanhhoa.gov.vn"]);
  });

  it("refuses an unknown path or an illegal value and then applies nothing", async () => {
    const ep = await start("cisco");
    const unknown = await putxml(ep, '<Configuration><SystemUnit><Name>x</Name></SystemUnit><SIP><Proxy item="1"><Foo>1</Foo></Proxy></SIP></Configuration>');
    expect([unknown.status, unknown.body]).toEqual([200, '<?xml version="1.0"?>\n<Configuration status="Error">\n<Reason>No match on address expression.</Reason>\n<XPath>Configuration/SIP/Proxy[1]/Foo</XPath>\n</Configuration>\n']);
    const illegal = await putxml(ep, '<Configuration><SystemUnit><Name>x</Name></SystemUnit><Network item="1"><QoS><Diffserv><Audio>64</Audio></Diffserv></QoS></Network></Configuration>');
    expect(illegal.body).toBe('<?xml version="1.0"?>\n<Configuration>\n<Network item="1">\n<QoS>\n<Diffserv>\n<Audio error="True">Illegal value</Audio>\n</Diffserv>\n</QoS>\n</Network>\n</Configuration>\n');
    expect(ep.device.params.get("SystemUnit/Name")).toBe("");
    expect((await putxml(ep, "<Configuration><SIP><DefaultTransport>TLS</DefaultTransport></SIP></Configuration>")).body).toContain('<DefaultTransport error="True">Illegal value</DefaultTransport>');
  });

  it("boots on SystemUnit Boot and answers other commands with ActionError", async () => {
    const ep = await start("cisco");
    const device = ep.device as LabCiscoEndpoint;
    const boot = await putxml(ep, '<Command><SystemUnit><Boot command="True"><Action>Restart</Action></Boot></SystemUnit></Command>');
    expect([boot.status, boot.body]).toEqual([200, '<?xml version="1.0"?>\n<Command>\n<BootResult status="OK"/>\n</Command>\n']);
    expect((await putxml(ep, "<Command><SystemUnit><Boot><Action>Restart</Action></Boot></SystemUnit></Command>")).body).toContain('<BootResult status="OK"/>');
    expect((await putxml(ep, '<Command><SystemUnit><Boot command="True"/></SystemUnit></Command>')).body).toContain('<BootResult status="OK"/>');
    expect(device.reboots).toBe(3);
    const noAction = '<?xml version="1.0"?>\n<ActionError>\n<Reason>No action detected in document</Reason>\n</ActionError>\n';
    expect((await putxml(ep, '<Command><Audio><Volume><Get command="True"/></Volume></Audio></Command>')).body).toBe(noAction);
    expect((await putxml(ep, "<Command><SystemUnit><Boot/></SystemUnit></Command>")).body).toBe(noAction);
    expect((await putxml(ep, '<Command><SystemUnit><Boot command="True"><Action>Sleep</Action></Boot></SystemUnit></Command>')).body).toContain('<BootResult status="Error">');
    const malformed = await putxml(ep, "<Configuration><SIP>");
    expect([malformed.status, malformed.body]).toEqual([200, expect.stringContaining("<ActionError>")]);
    expect(device.reboots).toBe(3);
  });

  it("locks the user out once MaxFailedLogins is set and the device restarted", async () => {
    const ep = await start("cisco");
    const wrong = basic("admin", "nope");
    expect((await putxml(ep, "<Configuration><Security><Session><MaxFailedLogins>3</MaxFailedLogins><FailedLoginsLockoutTime>30</FailedLoginsLockoutTime></Session></Security></Configuration>")).body).toContain("<Success/>");
    const notifications = () => getxml(ep, "Status/SystemUnit/Notifications").then((a) => a.body);
    expect(await notifications()).toContain("<Type>RebootRequired</Type>");
    for (let i = 0; i < 4; i++) expect((await call(ep, "GET", "/status.xml", { headers: wrong })).status).toBe(401);
    expect((await call(ep, "GET", "/status.xml", { headers: admin })).status).toBe(200);

    await putxml(ep, '<Command><SystemUnit><Boot command="True"/></SystemUnit></Command>');
    expect(await notifications()).toBe(`<?xml version="1.0"?>\n<Status ${version}/>\n`);
    for (let i = 0; i < 3; i++) await call(ep, "GET", "/status.xml", { headers: wrong });
    const locked = await call(ep, "GET", "/status.xml", { headers: admin });
    expect([locked.status, locked.body]).toEqual([401, UNAUTHORIZED]);
    now += 30_000;
    expect((await call(ep, "GET", "/status.xml", { headers: admin })).status).toBe(200);
  });

  it("opens and closes sessions with a SessionId cookie", async () => {
    const ep = await start("cisco");
    const begin = await call(ep, "POST", "/xmlapi/session/begin", { headers: admin });
    expect(begin.status).toBe(204);
    const cookie = begin.headers["set-cookie"]![0]!;
    expect(cookie).toMatch(/^SessionId=[0-9a-f]+; Path=\/; Secure; HttpOnly$/);
    const headers = { cookie: cookie.split(";")[0]! };
    expect((await call(ep, "GET", "/status.xml", { headers })).status).toBe(200);
    expect((await call(ep, "POST", "/xmlapi/session/end", { headers })).status).toBe(204);
    expect((await call(ep, "GET", "/status.xml", { headers })).status).toBe(401);
  });

  it("reports SIP and H.323 registration only when set up for the MCU", async () => {
    const ep = await start("cisco");
    const p = ep.device.params;
    const sip = async () => (await getxml(ep, "Status/SIP")).body;
    const h323 = async () => (await getxml(ep, "Status/H323")).body;
    expect(await h323()).toContain("<Gatekeeper>\n<Address></Address>\n<Reason></Reason>\n<Status>Inactive</Status>\n</Gatekeeper>\n<Mode>\n<Reason></Reason>\n<Status>Disabled</Status>");

    p.set("SIP/Proxy/1/Address", "sip.example.org");
    expect(await sip()).toContain("<Reason>DNS lookup failed</Reason>\n<Status>Failed</Status>");
    expect(await sip()).toContain('<Proxy item="1" maxOccurrence="n">\n<Address>sip.example.org</Address>\n<Status>DNSFailed</Status>');
    p.set("SIP/Proxy/1/Address", "mcu.thanhhoa.gov.vn");
    p.set("SIP/URI", "ubnd-thieu-trung@mcu.thanhhoa.gov.vn");
    p.set("SIP/Authentication/Password", "wrong");
    expect(await sip()).toContain("<Reason>401 Unauthorized</Reason>\n<Status>Failed</Status>");
    p.set("SIP/Authentication/Password", "sip-secret");
    expect(await sip()).toContain("<Reason></Reason>\n<Status>Registered</Status>\n<URI>ubnd-thieu-trung@mcu.thanhhoa.gov.vn</URI>");
    p.set("NetworkServices/SIP/Mode", "Off");
    expect(await sip()).toContain("<Status>Inactive</Status>");

    p.set("NetworkServices/H323/Mode", "On");
    p.set("H323/Gatekeeper/Address", "172.16.20.99");
    expect(await h323()).toContain("<Status>Rejected</Status>");
    p.set("H323/Gatekeeper/Address", "172.16.20.11");
    expect(await h323()).toContain("<Gatekeeper>\n<Address>172.16.20.11</Address>\n<Reason></Reason>\n<Status>Registered</Status>\n</Gatekeeper>\n<Mode>\n<Reason></Reason>\n<Status>Enabled</Status>");
  });
});
