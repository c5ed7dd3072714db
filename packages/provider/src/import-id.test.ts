import { describe, expect, it } from "vitest";
import { endpointImportId, parseImportId, switchImportId, tableImportId } from "./import-id";

describe("import IDs", () => {
  it("a menu's import ID carries the keys of its entries in canonical form, no values", () => {
    const raw = tableImportId("/ip/service", [{ name: "telnet", disabled: "yes" }, { name: "ssh", disabled: "false", address: "10.0.0.0/8" }]);
    expect(parseImportId(raw)).toEqual({ id: "/ip/service", shape: { path: "/ip/service", entries: { telnet: {}, ssh: {} } } });
    expect(raw).not.toContain("10.0.0.0/8");
  });

  it("a switch's carries its ports, management VLAN and legacy SSH algorithms; an endpoint's its settings but never a write-only one", () => {
    const sw = parseImportId(switchImportId({ hostname: "sw1", ports: { "Gi1/0/1": { mode: "access", accessVlan: 20, shutdown: false, portfast: true } }, management: { vlan: 10, address: "10.0.0.2", mask: "255.255.255.0" }, sshLegacyAlgorithms: ["ssh-rsa"] }));
    expect(sw).toEqual({ id: "sw1", shape: { hostname: "sw1", ports: { "Gi1/0/1": {} }, management: { vlan: 10 }, sshLegacyAlgorithms: ["ssh-rsa"] } });
    const ep = parseImportId(endpointImportId("Phòng họp, tầng 2", { systemName: "Phòng họp, tầng 2", "sip.uri": "u@d", "sip.password": "hunter2" }));
    expect(ep).toEqual({ id: "Phòng họp, tầng 2", shape: { systemName: "Phòng họp, tầng 2", settings: { systemName: "", "sip.uri": "" } } });
    expect(JSON.stringify(ep)).not.toContain("hunter2");
  });

  it("any other ID is returned as it is", () => {
    expect(parseImportId("/ip/address")).toEqual({ id: "/ip/address" });
    expect(parseImportId("{not json")).toEqual({ id: "{not json" });
    expect(parseImportId('{"id":"x"}')).toEqual({ id: '{"id":"x"}' });
  });
});
