/**
 * The running-config parser on Catalyst 2960-X configurations in the format
 * the device prints (not the lab's): a 24-port switch in VTP transparent
 * mode, and a two-member 48-port stack left a VTP server (no `vtp mode`
 * line, no VLANs in the configuration: they come from `show vlan brief`);
 * `! Last configuration change` headers, `allowed vlan add` continuation
 * lines, `portfast edge`, ports with no switchport lines (dynamic), SVIs,
 * banners.
 */
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { expect, it } from "vitest";
import { observedState, parseRunningConfig, parseVlanBrief, vlansInRunningConfig } from "./parse-running-config";

const dir = path.resolve(__dirname, "../../../../test/fixtures/ios");

function golden(name: string, parsed: unknown): void {
  const file = path.join(dir, `${name}.parsed.json`);
  const text = `${JSON.stringify(parsed, null, 2)}\n`;
  if (process.env.COMMUNES_UPDATE_FIXTURES === "1") writeFileSync(file, text);
  expect(text).toBe(readFileSync(file, "utf8"));
}

it("reads a real-format running-config into the golden parse", () => {
  const parsed = parseRunningConfig(readFileSync(path.join(dir, "running-config-c2960x.txt"), "utf8"));
  golden("running-config-c2960x", parsed);
  expect(parsed.vtpMode).toBe("transparent");
  expect(parsed.ports["GigabitEthernet1/0/24"]!.trunkAllowed).toBe("10,20,30,40,50");
  expect(parsed.ports["GigabitEthernet1/0/3"]!.mode).toBe("dynamic");
  expect(parsed.vlans).toEqual({ 10: "management", 20: "staff", 30: "service-centre", 40: "meeting-room", 50: "citizen-wifi", 99: "VLAN0099" });
});

it("gives the managed view: the declared ports, the management SVI, defaults filled in", () => {
  const parsed = parseRunningConfig(readFileSync(path.join(dir, "running-config-c2960x.txt"), "utf8"));
  const state = observedState(parsed, ["GigabitEthernet1/0/1", "GigabitEthernet1/0/3", "GigabitEthernet1/0/24"], 10);
  expect(state.ports).toEqual({
    "GigabitEthernet1/0/1": { mode: "access", accessVlan: 20, description: "Phong lam viec - tang 2", shutdown: false, portfast: true },
    "GigabitEthernet1/0/3": { mode: "dynamic", accessVlan: 1, shutdown: false, portfast: false },
    "GigabitEthernet1/0/24": { mode: "trunk", trunkAllowed: "10,20,30,40,50", nativeVlan: 1, description: "Uplink router", shutdown: false, portfast: false },
  });
  expect(state.management).toEqual({ vlan: 10, address: "10.38.0.226", mask: "255.255.255.224" });
  expect(state.defaultGateway).toBe("10.38.0.225");
  expect(state.vtyTransport).toBe("ssh");
  expect(state.hostname).toBe("ubnd-thieu-trung-sw1");
});

it("reads a 48-port stack left a VTP server: no VLANs in its configuration, all of them in show vlan brief", () => {
  const parsed = parseRunningConfig(readFileSync(path.join(dir, "running-config-c2960x-48-stack-vtp-server.txt"), "utf8"));
  golden("running-config-c2960x-48-stack-vtp-server", parsed);
  expect(parsed.vtpMode).toBe("server");
  expect(vlansInRunningConfig(parsed.vtpMode)).toBe(false);
  expect(parsed.vlans).toEqual({});
  expect(Object.keys(parsed.ports).filter((p) => p.startsWith("GigabitEthernet2/0/"))).toHaveLength(52);
  expect(parsed.ports["GigabitEthernet1/0/47"]!.trunkAllowed).toBe("10,20,30,40,50");
  expect(parsed.ports["GigabitEthernet1/0/1"]).toMatchObject({ mode: "access", accessVlan: 20, portfast: true });
  const vlans = parseVlanBrief(readFileSync(path.join(dir, "show-vlan-brief-c2960x-48-stack.txt"), "utf8"));
  expect(vlans).toEqual({ 10: "management", 20: "staff", 30: "service-centre", 40: "meeting-room", 50: "citizen-wifi", 99: "VLAN0099" });
});
