/** The parameter maps and the xAPI document rendering. */
import { describe, expect, it } from "vitest";
import { CISCO_PARAMETERS } from "./cisco/parameters";
import { configurationXml, parseXml, valueAt } from "./cisco/xml";
import { SETTINGS } from "./endpoint-settings";
import { POLY_PARAMETERS } from "./poly/parameters";

describe("parameter maps", () => {
  it("map every setting for Poly, and all but the ones RoomOS has no place for for Cisco", () => {
    expect(Object.keys(POLY_PARAMETERS).sort()).toEqual([...SETTINGS].sort());
    expect(SETTINGS.filter((s) => !CISCO_PARAMETERS[s]).sort()).toEqual(["sip.enabled", "sip.registrar"]);
    const names = Object.values(POLY_PARAMETERS).map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("encode and decode back to the same setting value", () => {
    const samples: Record<string, string[]> = { bool: ["true", "false"], transport: ["tls", "tcp", "udp"], mode: ["dhcp", "static"] };
    for (const map of [POLY_PARAMETERS, CISCO_PARAMETERS] as const) {
      for (const [setting, p] of Object.entries(map)) {
        if (!p?.encode || !p.decode) continue;
        const values = setting.endsWith("transport") ? samples.transport! : setting.endsWith("mode") ? samples.mode! : samples.bool!;
        for (const v of values) expect(p.decode(p.encode(v)), `${setting} ${v}`).toBe(v);
      }
    }
  });
});

describe("xAPI documents", () => {
  it("write numbered items as item attributes and read them back", () => {
    const xml = configurationXml({ "SIP/Proxy/1/Address": "mcu.thanhhoa.gov.vn", "SystemUnit/Name": "Hội trường <UBND>", "Network/1/QoS/Diffserv/Audio": "46" });
    expect(xml).toBe(
      '<Configuration><SIP><Proxy item="1"><Address>mcu.thanhhoa.gov.vn</Address></Proxy></SIP><SystemUnit><Name>Hội trường &lt;UBND&gt;</Name></SystemUnit><Network item="1"><QoS><Diffserv><Audio>46</Audio></Diffserv></QoS></Network></Configuration>',
    );
    const doc = parseXml(xml).Configuration;
    expect(valueAt(doc, "SIP/Proxy/1/Address")).toBe("mcu.thanhhoa.gov.vn");
    expect(valueAt(doc, "SystemUnit/Name")).toBe("Hội trường <UBND>");
    expect(valueAt(doc, "Network/1/QoS/Diffserv/Audio")).toBe("46");
    expect(valueAt(doc, "Network/2/QoS/Diffserv/Audio")).toBeUndefined();
  });
});
