/**
 * The checks that keep a plan that breaks the office from reaching a device:
 * device identities unique in the province, the router's ports, the switch
 * ports against the model, descriptions IOS keeps, the endpoints' zone, the
 * dedicated line's rate, time zones, blank values. Each through
 * loadInventory, as `communes validate` runs them.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../diagnostic";
import { loadInventory } from "../inventory";
import { iosText } from "../model/ios-text";
import { fullInterfaceName } from "../model/switch-models";
import { checkBlankStrings } from "./blank-strings";
import { IANA_NAMES_CLDR_SPELLS_OTHERWISE, timeZoneProblem } from "./time-zones";

const root = path.resolve(__dirname, "..", "..", "..", "..");
const provinceFile = "province.yaml";
const provinceText = readFileSync(path.join(root, "examples/thanh-hoa/province.yaml"), "utf8");

const commune = (over: { index?: number; code?: string; slug?: string } = {}) => {
  const index = over.index ?? 200;
  const slug = over.slug ?? "thu-nghiem";
  const hex = index.toString(16);
  return `code: "${over.code ?? String(38800 + index)}"
name: Thử Nghiệm
kind: xã
mergedFrom: ["xã Cũ A"]
index: ${index}
synthetic: true
uplinks:
  dedicated:
    interface: ether1
    ipv4: { address: 10.255.${Math.floor((4 * index) / 256)}.${(4 * index) % 256 + 2}/30, gateway: 10.255.${Math.floor((4 * index) / 256)}.${(4 * index) % 256 + 1} }
    ipv6: { address: "2001:db8:38ff:${hex}::2/64", gateway: "2001:db8:38ff:${hex}::1" }
  internet:
    type: dhcp
    interface: ether2
router:
  hostname: ${slug}-r1
  model: RB5009UG+S+IN
switches:
  - hostname: ${slug}-sw1
    model: Catalyst 2960-X 24
    hostKey: SHA256:${(slug + "A".repeat(43)).slice(0, 43).replace(/-/g, "B")}
    management: { host: 2 }
    ports:
      - { ports: [GigabitEthernet1/0/1-8], role: access, zone: staff }
      - { ports: [GigabitEthernet1/0/13-14], role: access, zone: meeting_room }
      - { ports: [GigabitEthernet1/0/24], role: trunk }
endpoints:
  - systemName: Hội trường ${slug}
    room: Hội trường UBND
    vendor: poly
    model: G7500
    address: { host: 10 }
    sip: { user: ubnd-${slug} }
`;
};

/** The diagnostics of the given files (province: the example's, edited by `province`). */
function problems(files: Record<string, string>, province: (text: string) => string = (t) => t): string[] {
  const all: Record<string, string> = { [provinceFile]: province(provinceText), ...files };
  const inventory = loadInventory({ provinceFile, communeFiles: Object.keys(files) }, (f) => all[f]!);
  return inventory.diagnostics.map(formatDiagnostic);
}

const one = (text: string) => problems({ "a.yaml": text });
const edit = (text: string, from: string | RegExp, to: string) => {
  const out = text.replace(from, to);
  if (out === text) throw new Error(`fixture edit found no ${String(from)}`);
  return out;
};

it("the fixture commune is valid as written", () => {
  expect(one(commune())).toEqual([]);
  expect(problems({ "a.yaml": commune(), "b.yaml": commune({ index: 201, slug: "thu-hai" }) })).toEqual([]);
});

describe("device identities are unique in the province", () => {
  const a = commune();
  const b = commune({ index: 201, slug: "thu-hai" });

  it("SIP users, H.323 aliases and E.164 numbers, ignoring case where the MCU does, in both files", () => {
    const withH323 = (text: string, alias: string, user: string) => edit(edit(text, /sip: \{ user: [^ ]+ \}/, `sip: { user: ${user} }`), "    sip:", `    h323: { alias: ${alias}, e164: "3800200" }\n    sip:`);
    const found = problems({ "a.yaml": withH323(a, "ubnd-x", "ubnd-x"), "b.yaml": withH323(b, "UBND-X", "UBND-X") });
    expect(found).toEqual([
      'a.yaml:33:20 endpoints[0].h323.alias: H.323 alias "ubnd-x" is also used by endpoint "Hội trường thu-hai" of xã Thử Nghiệm (b.yaml)',
      'a.yaml:33:34 endpoints[0].h323.e164: E.164 number 3800200 is also used by endpoint "Hội trường thu-hai" of xã Thử Nghiệm (b.yaml)',
      'a.yaml:34:18 endpoints[0].sip.user: SIP user "ubnd-x" is also used by endpoint "Hội trường thu-hai" of xã Thử Nghiệm (b.yaml)',
      'b.yaml:33:20 endpoints[0].h323.alias: H.323 alias "UBND-X" is already used by endpoint "Hội trường thu-nghiem" of xã Thử Nghiệm (a.yaml)',
      'b.yaml:33:34 endpoints[0].h323.e164: E.164 number 3800200 is already used by endpoint "Hội trường thu-nghiem" of xã Thử Nghiệm (a.yaml)',
      'b.yaml:34:18 endpoints[0].sip.user: SIP user "UBND-X" is already used by endpoint "Hội trường thu-nghiem" of xã Thử Nghiệm (a.yaml)',
    ]);
  });

  it("endpoint system names, the same name written with other spacing or case", () => {
    const found = problems({ "a.yaml": a, "b.yaml": edit(b, "systemName: Hội trường thu-hai", "systemName: HỘI TRƯỜNG  thu-nghiem") });
    expect(found).toContain('b.yaml:28:17 endpoints[0].systemName: system name "HỘI TRƯỜNG  thu-nghiem" is already used by an endpoint of xã Thử Nghiệm (a.yaml)');
  });

  it("SSH host keys across routers and switches, TLS fingerprints across routers and endpoints (hex in any case)", () => {
    const key = "SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8";
    const fp = "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";
    const aa = edit(edit(a, "  model: RB5009UG+S+IN", `  model: RB5009UG+S+IN\n  hostKey: ${key}\n  tlsFingerprint: ${fp}`), /hostKey: SHA256:thuBng\S+/, "hostKey: SHA256:YPUdG+HKga56pgjl0rRO/AokFWHXLbTtFXrSWXpHtRA");
    const bb = edit(edit(b, /hostKey: SHA256:\S+/, `hostKey: ${key}`), "    sip:", `    tlsFingerprint: ${fp.toLowerCase()}\n    sip:`);
    const found = problems({ "a.yaml": aa, "b.yaml": bb });
    expect(found).toEqual([
      `a.yaml:18:12 router.hostKey: SSH host key ${key} is also used by switch thu-hai-sw1 of xã Thử Nghiệm (b.yaml)`,
      `a.yaml:19:19 router.tlsFingerprint: TLS fingerprint ${fp} is also used by endpoint "Hội trường thu-hai" of xã Thử Nghiệm (b.yaml)`,
      `b.yaml:21:14 switches[0].hostKey: SSH host key ${key} is already used by the router of xã Thử Nghiệm (a.yaml)`,
      `b.yaml:33:21 endpoints[0].tlsFingerprint: TLS fingerprint ${fp.toLowerCase()} is already used by the router of xã Thử Nghiệm (a.yaml)`,
    ]);
  });
});

describe("the router's ports", () => {
  it("the default trunk (ether3) on a line is reported at the line", () => {
    expect(one(edit(commune(), "interface: ether2", "interface: ether3"))).toEqual([
      "a.yaml:14:16 uplinks.internet.interface: ether3 is the trunk to the switch (router.trunk, default ether3); give this line another interface, or set router.trunk to the switch's port",
    ]);
  });

  it("an explicit trunk on the dedicated line's port is reported at router.trunk", () => {
    expect(one(edit(commune(), "  model: RB5009UG+S+IN", "  model: RB5009UG+S+IN\n  trunk: ether1"))).toEqual([
      "a.yaml:18:10 router.trunk: ether1 already carries the dedicated line (uplinks.dedicated.interface); the trunk to the switch needs an interface of its own, or every zone would be bridged onto that line",
    ]);
    expect(one(edit(commune(), "  model: RB5009UG+S+IN", "  model: RB5009UG+S+IN\n  trunk: ether4"))).toEqual([]);
  });

  it("interfaces the router model does not have", () => {
    expect(one(edit(edit(commune(), "interface: ether2", "interface: ether9"), "  model: RB5009UG+S+IN", "  model: RB5009UG+S+IN\n  trunk: sfp1"))).toEqual([
      "a.yaml:14:16 uplinks.internet.interface: the RB5009UG+S+IN has no interface ether9; its ports are ether1, ether2, ether3, ether4, ether5, ether6, ether7, ether8, sfp-sfpplus1",
      "a.yaml:18:10 router.trunk: the RB5009UG+S+IN has no interface sfp1; its ports are ether1, ether2, ether3, ether4, ether5, ether6, ether7, ether8, sfp-sfpplus1",
    ]);
  });
});

describe("the dedicated line's committed rate within its port's speed", () => {
  const rate = (mbps: number, text = commune()) => edit(text, "    interface: ether1\n", `    interface: ether1\n    bandwidthMbps: ${mbps}\n`);

  it("uses the model's port speeds (RB5009 ether1 is 2.5 Gb/s, sfp-sfpplus1 10 Gb/s)", () => {
    expect(one(rate(2500))).toEqual([]);
    expect(one(rate(2501))).toEqual(["a.yaml:10:20 uplinks.dedicated.bandwidthMbps: the committed rate 2501 Mb/s is above the speed of ether1 on the RB5009UG+S+IN, 2500 Mb/s"]);
    expect(one(edit(rate(1001), "interface: ether1", "interface: ether4"))).toEqual(["a.yaml:10:20 uplinks.dedicated.bandwidthMbps: the committed rate 1001 Mb/s is above the speed of ether4 on the RB5009UG+S+IN, 1000 Mb/s"]);
    expect(one(edit(rate(10000), "interface: ether1", "interface: sfp-sfpplus1"))).toEqual([]);
  });

  it("assumes 1 Gb/s for an ethernet port of a model it does not know", () => {
    const unknown = edit(commune(), "  model: RB5009UG+S+IN", "  model: hEX S");
    expect(one(rate(1000, unknown))).toEqual([]);
    expect(one(rate(1500, unknown))).toEqual([
      "a.yaml:10:20 uplinks.dedicated.bandwidthMbps: the committed rate 1500 Mb/s is above 1000 Mb/s, the speed assumed for ether1 (its router.model is not one the inventory knows; see docs/inventory.md)",
    ]);
  });

  it("a rate inherited from the province or the commune's overrides is reported where it applies", () => {
    const province = (t: string) => edit(t, "dedicatedLine:\n    bandwidthMbps: 10", "dedicatedLine:\n    bandwidthMbps: 3000");
    const found = problems({ "a.yaml": commune() }, province);
    expect(found).toEqual(["a.yaml:9:16 uplinks.dedicated.interface: the committed rate 3000 Mb/s (the province's defaults.dedicatedLine.bandwidthMbps) is above the speed of ether1 on the RB5009UG+S+IN, 2500 Mb/s"]);
    expect(one(`${commune()}overrides:\n  dedicatedLine: { bandwidthMbps: 4000 }\n`)).toEqual([
      "a.yaml:35:35 overrides.dedicatedLine.bandwidthMbps: the committed rate 4000 Mb/s of the dedicated line on ether1 is above the speed of ether1 on the RB5009UG+S+IN, 2500 Mb/s",
    ]);
  });
});

describe("switch ports", () => {
  it("abbreviated or wrongly cased interface types get the full IOS name", () => {
    expect(fullInterfaceName("Gi1/0/24")).toBe("GigabitEthernet1/0/24");
    expect(fullInterfaceName("gigabitethernet1/0/2-12")).toBe("GigabitEthernet1/0/2-12");
    expect(fullInterfaceName("Te1/1/1")).toBe("TenGigabitEthernet1/1/1");
    expect(fullInterfaceName("Fa0")).toBe("FastEthernet0");
    expect(fullInterfaceName("Gigabit1/0/1")).toBe("GigabitEthernet1/0/1");
    expect(fullInterfaceName("GigabitEthernet1/0/1")).toBeUndefined();
    expect(one(edit(commune(), "[GigabitEthernet1/0/24]", "[Gi1/0/24]"))).toEqual([
      "a.yaml:26:19 switches[0].ports[2].ports[0]: Gi1/0/24 is abbreviated; write the full IOS name GigabitEthernet1/0/24, as the switch's configuration names it",
    ]);
    expect(fullInterfaceName("Port1")).toBe("Port-channel1");
    expect(one(edit(commune(), "[GigabitEthernet1/0/24]", "[Foo1]"))[0]).toMatch(/ "Foo1" is not an IOS interface name; types are FastEthernet, GigabitEthernet/);
  });

  it("ports the model does not have are refused, SFP uplinks included; the management port is no switchport", () => {
    const ports = (list: string, role = "unused") => edit(commune(), "[GigabitEthernet1/0/24], role: trunk }", `[GigabitEthernet1/0/24], role: trunk }\n      - { ports: [${list}], role: ${role} }`);
    expect(one(ports("GigabitEthernet1/0/25-28"))).toEqual([]);
    expect(one(ports("GigabitEthernet1/0/28", "trunk"))).toEqual([]);
    expect(one(ports("GigabitEthernet1/0/27-29"))).toEqual([
      "a.yaml:27:19 switches[0].ports[3].ports[0]: the Catalyst 2960-X 24 has no GigabitEthernet1/0/29; its ports are GigabitEthernet1/0/1-24 (copper), GigabitEthernet1/0/25-28 (SFP uplinks), FastEthernet0 (management)",
    ]);
    expect(one(ports("GigabitEthernet1/0/49-52"))[0]).toMatch(/has no ports GigabitEthernet1\/0\/49-52;/);
    expect(one(ports("GigabitEthernet2/0/1"))[0]).toMatch(/has no GigabitEthernet2\/0\/1;/);
    expect(one(ports("FastEthernet0", "trunk"))).toEqual([
      "a.yaml:27:19 switches[0].ports[3].ports[0]: FastEthernet0 is the Catalyst 2960-X 24's management port, a routed port, not a switchport; it cannot be a trunk",
    ]);
    // The 48-port model, by its product ID too.
    const big = (text: string) => edit(text, "model: Catalyst 2960-X 24", "model: WS-C2960X-48TS-L");
    expect(one(big(ports("GigabitEthernet1/0/25-52")))).toEqual([]);
    // A model the inventory does not know: names are still checked, the ports are not.
    const other = (text: string) => edit(text, "model: Catalyst 2960-X 24", "model: Catalyst 9200L-24T-4G");
    expect(one(other(ports("GigabitEthernet1/1/1-4")))).toEqual([]);
    expect(one(other(ports("Gi1/1/1")))[0]).toMatch(/Gi1\/1\/1 is abbreviated/);
  });

  it("descriptions are measured as IOS receives them (ASCII) and refused above 240 characters", () => {
    const described = (text: string) => edit(commune(), "role: access, zone: staff }", `role: access, zone: staff, description: "${text}" }`);
    expect(one(described("a".repeat(240)))).toEqual([]);
    expect(one(described("a".repeat(241)))).toEqual([
      "a.yaml:24:84 switches[0].ports[0].description: the description is 241 characters as the switch receives it (ASCII, diacritics dropped); IOS keeps at most 240",
    ]);
    // 240 Vietnamese letters are 240 ASCII letters once their diacritics go; emoji go altogether.
    expect(iosText("Điểm phát")).toBe("Diem phat");
    expect(one(described("ệ".repeat(240) + "📶"))).toEqual([]);
    expect(one(described("ệ".repeat(241)))).toHaveLength(1);
  });
});

describe("endpoints are in the meeting-room zone", () => {
  it("meeting_room given or defaulted passes; any other zone, a typo included, is one error", () => {
    const zoned = (zone: string) => edit(commune(), "    address: { host: 10 }", `    zone: ${zone}\n    address: { host: 10 }`);
    expect(one(zoned("meeting_room"))).toEqual([]);
    expect(one(zoned("staff"))).toEqual([
      'a.yaml:32:11 endpoints[0].zone: "staff" is not allowed: videoconference endpoints are in the meeting_room zone (its VLAN, DSCP marking and flow to the MCU); write meeting_room or leave zone out',
    ]);
    expect(one(zoned("meetng_room"))).toHaveLength(1);
  });
});

describe("time zones are IANA names", () => {
  it("accepts Asia/Ho_Chi_Minh and Asia/Saigon, refuses Asia/Hanoi with Việt Nam's zone", () => {
    expect(timeZoneProblem("Asia/Ho_Chi_Minh")).toBeUndefined();
    expect(timeZoneProblem("Asia/Saigon")).toBeUndefined();
    expect(timeZoneProblem("Europe/Paris")).toBeUndefined();
    expect(timeZoneProblem("Asia/Hanoi")).toBe('"Asia/Hanoi" is not an IANA time zone name; Việt Nam\'s zone is "Asia/Ho_Chi_Minh"');
    expect(timeZoneProblem("asia/ho_chi_minh")).toBe('"asia/ho_chi_minh" is not an IANA time zone name as the devices expect it; write "Asia/Ho_Chi_Minh"');
    expect(timeZoneProblem("Europe/Pariss")).toBe('"Europe/Pariss" is not an IANA time zone name; did you mean "Europe/Paris"?');
    expect(timeZoneProblem("Mars/Olympus_Mons")).toMatch(/is not an IANA time zone name/);
  });

  it("each current IANA name of the table is a zone Intl knows by the older name beside it", () => {
    const supported = new Set(Intl.supportedValuesOf("timeZone"));
    for (const [iana, alias] of Object.entries(IANA_NAMES_CLDR_SPELLS_OTHERWISE)) {
      expect(new Intl.DateTimeFormat("en", { timeZone: iana }).resolvedOptions().timeZone, iana).toBe(alias);
      if (alias !== "UTC") expect(supported.has(alias), alias).toBe(true);
    }
  });

  it("is checked in the province's defaults and in a commune's overrides", () => {
    const found = problems({ "a.yaml": `${commune()}overrides:\n  timezone: Asia/Hanoi\n` }, (t) => edit(t, "timezone: Asia/Ho_Chi_Minh", "timezone: Asia/Hanoii"));
    expect(found).toEqual([
      'a.yaml:35:13 overrides.timezone: "Asia/Hanoi" is not an IANA time zone name; Việt Nam\'s zone is "Asia/Ho_Chi_Minh"',
      expect.stringMatching(/^province\.yaml:\d+:13 defaults\.timezone: "Asia\/Hanoii" is not an IANA time zone name/),
    ]);
  });
});

describe("no blank values", () => {
  it("finds every string made only of white space, anywhere in a document", () => {
    expect(checkBlankStrings("f", { name: "  ", list: ["ok", "\t", "\u00a0\u200b"], deep: { x: { y: "" } }, n: 3, fine: " a " })).toEqual([
      { file: "f", path: ["name"], message: '"  " is only white space; write a real value' },
      { file: "f", path: ["list", 1], message: '"\\u0009" is only white space; write a real value' },
      { file: "f", path: ["list", 2], message: '"\\u00A0\\u200B" is only white space; write a real value' },
      { file: "f", path: ["deep", "x", "y"], message: "must not be empty" },
    ]);
  });

  it("commune names, system names, labels: in both kinds of file", () => {
    const found = problems({ "a.yaml": edit(edit(commune(), "name: Thử Nghiệm", 'name: "   "'), "systemName: Hội trường thu-nghiem", 'systemName: " "') }, (t) => edit(t, "label: Mạng cán bộ, công chức", 'label: "  "'));
    expect(found).toEqual([
      'a.yaml:2:7 name: "   " is only white space; write a real value',
      'a.yaml:28:17 endpoints[0].systemName: " " is only white space; write a real value',
      expect.stringMatching(/^province\.yaml:\d+:\d+ zones\.staff\.label: "  " is only white space; write a real value$/),
    ]);
  });
});
