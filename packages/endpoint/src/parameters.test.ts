/** The parameter maps, linted: complete, unambiguous, reversible, and every entry traced to a source the docs list. */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { CISCO_PARAMETERS } from "./cisco/parameters";
import { configurationXml, errorsIn, parseXml, valueAt } from "./cisco/xml";
import { SETTINGS, type SettingName } from "./endpoint-settings";
import { POLY_PARAMETERS } from "./poly/parameters";
import { decodeValue, encodeValue, type ParameterMap } from "./vendor-parameter";

const MAPS: Record<string, ParameterMap> = { poly: POLY_PARAMETERS, cisco: CISCO_PARAMETERS };
const doc = readFileSync(path.join(__dirname, "..", "..", "..", "docs", "videoconference.md"), "utf8");
const sourceIds = new Set([...doc.matchAll(/^\| (P[A-Z]\d+|CS\d+) \|/gm)].map((m) => m[1]!));

describe("parameter maps", () => {
  it("map every setting for Poly, and all but the ones RoomOS has no place for for Cisco", () => {
    expect(Object.keys(POLY_PARAMETERS).sort()).toEqual([...SETTINGS].sort());
    expect(SETTINGS.filter((s) => !CISCO_PARAMETERS[s]).sort()).toEqual(["sip.registrar", "sip.serverSelection"]);
  });

  for (const [family, map] of Object.entries(MAPS)) {
    it(`${family}: one parameter per setting, each value space reversible`, () => {
      const names = Object.values(map).map((p) => p!.name);
      expect(new Set(names).size).toBe(names.length);
      for (const [setting, p] of Object.entries(map)) {
        for (const value of Object.keys(p!.values ?? {})) expect(decodeValue(p!, encodeValue(setting as SettingName, p!, value)), `${setting} ${value}`).toBe(value);
      }
    });

    it(`${family}: every parameter names its sources, listed in docs/videoconference.md, and the docs say where it is unverified`, () => {
      for (const [setting, p] of Object.entries(map)) {
        expect(p!.sources.length, setting).toBeGreaterThan(0);
        for (const id of p!.sources) expect(sourceIds, `${setting}: source ${id}`).toContain(id);
        const row = doc.split("\n").find((line) => line.startsWith(`| \`${setting}\` |`));
        expect(row, `docs row for ${setting}`).toBeDefined();
        const cell = row!.split(" | ")[family === "poly" ? 1 : 2]!;
        expect(cell, `${setting} (${family})`).toContain(`\`${p!.name}\``);
        expect(cell.includes("unverified"), `${setting} (${family}) marked unverified in the docs`).toBe(p!.unverified !== undefined);
      }
    });
  }

  it("a value outside a parameter's value space is refused by name, and an unknown device value reads as its fallback", () => {
    expect(() => encodeValue("syslog.transport", CISCO_PARAMETERS["syslog.transport"]!, "tcp")).toThrow('syslog.transport: "tcp" has no equivalent in Logging/External/Protocol (it takes Syslog)');
    expect(decodeValue(CISCO_PARAMETERS["provisioning.enabled"]!, "Webex")).toBe("true");
    expect(decodeValue(POLY_PARAMETERS["sip.enabled"]!, "true")).toBe("true");
  });
});

describe("xAPI documents", () => {
  it("write numbered items as item attributes and read them back, attributes and all", () => {
    const xml = configurationXml({ "SIP/Proxy/1/Address": "mcu.thanhhoa.gov.vn", "SystemUnit/Name": "Hội trường <UBND>", "Network/1/QoS/Diffserv/Audio": "46" });
    expect(xml).toBe(
      '<Configuration><SIP><Proxy item="1"><Address>mcu.thanhhoa.gov.vn</Address></Proxy></SIP><SystemUnit><Name>Hội trường &lt;UBND&gt;</Name></SystemUnit><Network item="1"><QoS><Diffserv><Audio>46</Audio></Diffserv></QoS></Network></Configuration>',
    );
    const doc = parseXml(xml).Configuration;
    expect(valueAt(doc, "SIP/Proxy/1/Address")).toBe("mcu.thanhhoa.gov.vn");
    expect(valueAt(doc, "SystemUnit/Name")).toBe("Hội trường <UBND>");
    expect(valueAt(doc, "Network/2/QoS/Diffserv/Audio")).toBeUndefined();
    const device = parseXml('<Configuration product="Cisco Codec" apiVersion="4"><SIP><Proxy item="1" maxOccurrence="4"><Address valueSpaceRef="/Valuespace/STR_0_255_NoFilt">x</Address></Proxy><URI valueSpaceRef="/Valuespace/STR_0_255_NoFilt"/></SIP></Configuration>').Configuration;
    expect(valueAt(device, "SIP/Proxy/1/Address")).toBe("x");
    expect(valueAt(device, "SIP/URI")).toBe("");
  });

  it("find the elements a device marked error=\"True\"", () => {
    const answer = parseXml('<Configuration><Network item="1"><QoS><Diffserv><Audio error="True">Illegal value</Audio></Diffserv></QoS></Network></Configuration>').Configuration;
    expect(errorsIn(answer)).toEqual([{ path: "Network/1/QoS/Diffserv/Audio", text: "Illegal value" }]);
  });
});
