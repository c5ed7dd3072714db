/**
 * Adoption is the inverse of the intent: an office configured exactly as
 * an example commune's intent says is rebuilt into that commune's
 * inventory, and its intent then changes nothing on the devices.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { discover, loadInventory, type Commune, type CommuneModel, type CommunePlan, type ProvinceModel } from "@communes/inventory";
import { ascii, intendedReading, reconstruct, ReconstructError, type OfficeReading, type SwitchReading } from "@communes/intent";
import { communeYaml } from "./commune-yaml";
import { deviations } from "./deviations";

/** Each endpoint's own certificate (two devices never share one: the inventory refuses it). */
const fingerprint = (n: number) => Array.from({ length: 32 }, (_, i) => ((i * 7 + n) % 256).toString(16).padStart(2, "0").toUpperCase()).join(":");
const root = path.resolve(__dirname, "../../../..");
const province = path.join(root, "examples/thanh-hoa/province.yaml");

function example(name: string): { province: ProvinceModel; commune: CommuneModel; plan: CommunePlan; original: Commune } {
  const file = path.join(root, "examples/thanh-hoa/communes", name);
  const { targets } = discover([file]);
  const inventory = loadInventory(targets[0]!);
  const commune = inventory.communes.find((c) => c.file === file)!;
  return { province: inventory.province!, commune, plan: inventory.plans.find((p) => p.file === file)!, original: parse(readFileSync(file, "utf8")) as Commune };
}

/** The devices of an office configured exactly as the intent says, as the readers would return them. */
function officeAsIntended(p: ProvinceModel, c: CommuneModel, plan: CommunePlan): OfficeReading & { switches: SwitchReading[] } {
  const reading = intendedReading(p, c, plan, {
    router: { transport: "api", ...(c.router.hostKey ? { hostKey: c.router.hostKey } : {}) },
    switch: (i) => ({ host: "127.0.0.1", hostKey: c.switches[i]!.hostKey, ...(c.switches[i]!.model ? { model: c.switches[i]!.model } : {}) }),
    endpoint: (i) => ({ vendor: c.endpoints[i]!.vendor, host: "127.0.0.1", tlsFingerprint: fingerprint(i), model: c.endpoints[i]!.model, room: c.endpoints[i]!.room }),
  });
  return { ...reading, switches: [...reading.switches] };
}

describe("rebuilding a commune from its devices", () => {
  for (const name of ["thieu-trung.yaml", "hac-thanh.yaml"]) {
    it(`${name}: the office configured as intended gives back the commune, and its intent changes nothing`, () => {
      const { province: p, commune, plan, original } = example(name);
      const live = officeAsIntended(p, commune, plan);
      const { document, unexpressed } = reconstruct(p, live, { code: original.code, mergedFrom: original.mergedFrom, routerModel: original.router.model! });
      expect(unexpressed).toEqual([]);
      const expected = {
        ...original,
        switches: original.switches.map((s) => ({ ...s, ports: s.ports.map((port) => (port.description ? { ...port, description: ascii(port.description) } : port)) })),
        endpoints: original.endpoints.map((e, i) => ({ ...e, tlsFingerprint: fingerprint(i) })),
      };
      // IPv6 addresses as the router prints them (2001:db8:38ff::2 for 2001:db8:38ff:0::2).
      const v6 = (text: string) => text.replace(/:0::/, "::");
      const dedicated = expected.uplinks.dedicated;
      if (dedicated.ipv6) dedicated.ipv6 = { address: v6(dedicated.ipv6.address), gateway: v6(dedicated.ipv6.gateway) };
      expect(document).toEqual(expected);

      // The written file loads as the same commune, and its intent matches the devices exactly.
      const file = path.join(root, "examples/thanh-hoa/communes/adopted.yaml");
      const text = communeYaml(document, "../../../schemas/commune.schema.json");
      const inventory = loadInventory({ provinceFile: province, communeFiles: [file] }, (f) => (f === file ? text : readFileSync(f, "utf8")));
      expect(inventory.diagnostics).toEqual([]);
      const adoptedPlan = inventory.plans[0]!;
      expect({ ...adoptedPlan, file: plan.file }).toEqual(plan);
      expect(deviations(p, inventory.communes[0]!, adoptedPlan, live)).toEqual([]);
    });
  }

  it("keeps Vietnamese text and the schema line in the file", () => {
    const { province: p, commune, plan, original } = example("thieu-trung.yaml");
    const { document } = reconstruct(p, officeAsIntended(p, commune, plan), { code: original.code, mergedFrom: original.mergedFrom });
    const text = communeYaml(document, "../../../schemas/commune.schema.json");
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=../../../schemas/commune.schema.json");
    expect(text).toContain("name: Thiệu Trung");
    expect(text).toContain("systemName: Hội trường UBND xã Thiệu Trung");
    expect(text).toContain('- { ports: [ GigabitEthernet1/0/19-23 ], role: unused }');
    expect(text).toContain('code: "38008"');
  });

  it("a hand-made deviation is listed, not hidden: an extra firewall rule, a VLAN renamed, an odd port", () => {
    const { province: p, commune, plan, original } = example("thieu-trung.yaml");
    const live = officeAsIntended(p, commune, plan);
    live.router.tables["/ip/firewall/filter"]!.entries["allow winbox from anywhere"] = { chain: "input", action: "accept", protocol: "tcp", "dst-port": "8291", comment: "allow winbox from anywhere" };
    live.router.tables["/ip/firewall/filter"]!.order!.unshift("allow winbox from anywhere");
    live.switches[0]!.config.vlans["20"] = "can-bo";
    live.switches[0]!.config.ports["GigabitEthernet1/0/25"] = { mode: "access", accessVlan: 77, shutdown: false, portfast: false };
    const { document, unexpressed } = reconstruct(p, live, { code: original.code, mergedFrom: original.mergedFrom });
    expect(unexpressed).toEqual(["switch thieu-trung-sw1 GigabitEthernet1/0/25: access port in VLAN 77, which is no zone; no role of the inventory describes it, so it stays unmanaged"]);
    const file = path.join(root, "examples/thanh-hoa/communes/adopted.yaml");
    const inventory = loadInventory({ provinceFile: province, communeFiles: [file] }, (f) => (f === file ? communeYaml(document, "x") : readFileSync(f, "utf8")));
    expect(inventory.diagnostics).toEqual([]);
    const found = deviations(p, inventory.communes[0]!, inventory.plans[0]!, live);
    expect(found).toContainEqual({ device: "router thieu-trung-r1", what: "/ip/firewall/filter allow winbox from anywhere", live: "chain=input action=accept protocol=tcp dst-port=8291 log=false comment=allow winbox from anywhere disabled=false", intended: "removed" });
    expect(found).toContainEqual({ device: "switch thieu-trung-sw1", what: "vlan 20", live: '"can-bo"', intended: '"staff"' });
  });

  it("an office whose router is not a commune router is refused with the property at fault", () => {
    const { province: p, commune, plan, original } = example("thieu-trung.yaml");
    const live = officeAsIntended(p, commune, plan);
    live.router.tables["/system/identity"]!.entries = { settings: { name: "MikroTik" } };
    live.router.tables["/system/note"]!.entries = { settings: {} };
    live.router.tables["/ip/route"]!.entries = {};
    expect(() => reconstruct(p, live, { code: original.code, mergedFrom: original.mergedFrom })).toThrowError(ReconstructError);
    try {
      reconstruct(p, live, { code: original.code, mergedFrom: original.mergedFrom });
    } catch (err) {
      expect((err as ReconstructError).problems).toEqual([
        'router /system/identity name: "MikroTik" is not "xã <name>" or "phường <name>"; give --name and --kind',
        "router /ip/route: no route to the province's government networks through an addressed line, so the dedicated line cannot be told apart",
      ]);
    }
  });
});
