/**
 * The meeting-room endpoints' intent, from the Thanh Hóa example inventory:
 * what each make is given, the settings a value only takes effect with, and
 * the network the endpoint needs to reach its MCU by name.
 */
import { discover, loadInventory } from "@communes/inventory";
import { endpointIntents, type EndpointIntent } from "@communes/intent";
import { describe, expect, it } from "vitest";

function intentsFor(file: string): EndpointIntent[] {
  const { targets } = discover([file]);
  const inventory = loadInventory(targets[0]!);
  expect(inventory.diagnostics).toEqual([]);
  const commune = inventory.communes.find((c) => c.file === file)!;
  return endpointIntents(inventory.province!, commune, inventory.plans.find((p) => p.file === file)!);
}

describe("endpoint intent", () => {
  it("gives Thiệu Trung's Poly its registration, with the servers given, and the province's services switched on", () => {
    const [poly] = intentsFor("examples/thanh-hoa/communes/thieu-trung.yaml");
    expect(poly!.vendor).toBe("poly");
    expect(poly!.settings).toEqual({
      systemName: "Hội trường UBND xã Thiệu Trung",
      "sip.enabled": "true",
      "sip.serverSelection": "manual",
      "sip.registrar": "mcu.thanhhoa.gov.vn",
      "sip.proxy": "mcu.thanhhoa.gov.vn",
      "sip.uri": "ubnd-thieu-trung@mcu.thanhhoa.gov.vn",
      "sip.authUser": "ubnd-thieu-trung",
      "sip.password": expect.any(String),
      "sip.transport": "tls",
      "h323.enabled": "true",
      "h323.gatekeeperSelection": "manual",
      "h323.gatekeeper": "172.16.20.11",
      "h323.alias": "ubnd-thieu-trung",
      "h323.e164": "380007",
      "network.ipv4.mode": "static",
      "network.ipv4.address": poly!.address,
      "network.ipv4.mask": expect.stringMatching(/^255\.255\./),
      "network.ipv4.gateway": "10.38.128.225",
      // The router is the meeting room's resolver and time server.
      "network.dns1": "10.38.128.225",
      "network.vlanTagging": "false",
      "qos.marking": "diffserv",
      "qos.audioDscp": "46",
      "qos.videoDscp": "34",
      "ntp.mode": "manual",
      "ntp.server": "10.38.128.225",
      "provisioning.enabled": "false",
      "syslog.enabled": "true",
      "syslog.server": "172.16.2.10",
      "syslog.transport": "udp",
    });
  });

  it("gives Hoa Lộc's Cisco only what RoomOS has a place for: no registrar, no server selection", () => {
    const [cisco] = intentsFor("examples/thanh-hoa/communes/hoa-loc.yaml");
    expect(cisco!.vendor).toBe("cisco");
    expect(cisco!.settings).not.toHaveProperty("sip.registrar");
    expect(cisco!.settings).not.toHaveProperty("sip.serverSelection");
    expect(cisco!.settings).toMatchObject({ "sip.proxy": "mcu.thanhhoa.gov.vn", "sip.authUser": "ubnd-hoa-loc", "h323.gatekeeperSelection": "manual", "network.dns1": "10.38.129.1", "qos.marking": "diffserv", "ntp.mode": "manual", "syslog.enabled": "true" });
  });

  it("gives Hạc Thành's two rooms their own addresses and SIP accounts", () => {
    const rooms = intentsFor("examples/thanh-hoa/communes/hac-thanh.yaml");
    expect(rooms.map((r) => [r.vendor, r.settings["sip.authUser"]])).toEqual([
      ["poly", "ubnd-hac-thanh"],
      ["cisco", "phong-hop-2-hac-thanh"],
    ]);
    expect(new Set(rooms.map((r) => r.address)).size).toBe(2);
  });
});
