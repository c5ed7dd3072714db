import { describe, expect, it } from "vitest";
import { unexpectedSteps } from "./adopt-stack";

const urn = (type: string, name: string) => `urn:pulumi:s::commune::communes:index:CommuneNetwork$${type}::${name}`;

describe("the adopting preview", () => {
  it("accepts imports, the stack, components and providers, and the setting of a secret no device shows", () => {
    expect(
      unexpectedSteps([
        { op: "create", urn: "urn:pulumi:s::commune::pulumi:pulumi:Stack::commune-s" },
        { op: "create", urn: urn("communes:router:CommuneRouter", "r1") },
        { op: "create", urn: urn("pulumi:providers:communes", "r1") },
        { op: "import", urn: urn("communes:routeros:Table", "r1/ip/address") },
        { op: "update", urn: urn("communes:endpoint:Endpoint", "Hội trường"), detailedDiff: { 'settings["sip.password"]': {} } },
        { op: "update", urn: urn("communes:routeros:Table", "r1/interface/pppoe-client"), detailedDiff: { 'entries["pppoe-out1"].password': {} } },
      ]),
    ).toEqual([]);
  });

  it("refuses anything that would write a readable property to a device, or create or delete one", () => {
    expect(
      unexpectedSteps([
        { op: "update", urn: urn("communes:switch:IosSwitch", "sw1"), detailedDiff: { 'vlans["99"]': {} } },
        { op: "update", urn: urn("communes:endpoint:Endpoint", "Hội trường"), detailedDiff: { 'settings["sip.password"]': {}, 'settings["sip.uri"]': {} } },
        { op: "create", urn: urn("communes:routeros:Table", "r1/snmp") },
        { op: "delete", urn: urn("communes:routeros:Table", "r1/ip/pool") },
      ]),
    ).toEqual(['sw1: update vlans["99"]', 'Hội trường: update settings["sip.password"], settings["sip.uri"]', "r1/snmp: create", "r1/ip/pool: delete"]);
  });
});
