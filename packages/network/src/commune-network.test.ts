/**
 * CommuneNetwork on its own, under Pulumi's mocks (no engine, no devices):
 * which resources it registers for Thiệu Trung, under which names and
 * providers, and that it asks for exactly the secrets the commune needs.
 * The e2e tests run it on the real engine against the lab.
 */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { discover, loadInventory } from "@communes/inventory";
import { secretNames } from "@communes/intent";
import { beforeAll, describe, expect, it } from "vitest";
import { CommuneNetwork } from "./commune-network";

const registered: pulumi.runtime.MockResourceArgs[] = [];
beforeAll(() => {
  pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.push(args);
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call: () => ({}),
    },
    "commune",
    "unit",
    true,
  );
});

function thieuTrung() {
  const file = path.resolve(__dirname, "../../../examples/thanh-hoa/communes/thieu-trung.yaml");
  const target = discover([file]).targets[0]!;
  const inventory = loadInventory(target);
  const commune = inventory.communes.find((c) => c.file === file)!;
  return { province: inventory.province!, commune, plan: inventory.plans.find((p) => p.file === file)! };
}

describe("CommuneNetwork", () => {
  it("registers the router's menus, the switches and the endpoints, each through its own provider", async () => {
    const { province, commune, plan } = thieuTrung();
    const asked: string[] = [];
    const network = new CommuneNetwork("xã Thiệu Trung", {
      province,
      commune,
      plan,
      secret: (name: string) => {
        asked.push(name);
        return pulumi.secret(`value-of-${name}`);
      },
      reach: { endpoints: { [commune.endpoints[0]!.systemName]: { host: "127.0.0.1", tlsFingerprint: "AA:BB" } } },
    });
    await new Promise<void>((resolve) => network.urn.apply(() => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 100));

    const byType = (type: string) => registered.filter((r) => r.type === type).map((r) => r.name);
    expect(byType("pulumi:providers:communes").sort()).toEqual([`endpoint ${commune.endpoints[0]!.systemName}`, ...commune.switches.map((s) => s.hostname), commune.router.hostname].sort());
    expect(byType("communes:switch:IosSwitch")).toEqual(commune.switches.map((s) => s.hostname));
    expect(byType("communes:endpoint:Endpoint")).toEqual(commune.endpoints.map((e) => e.systemName));
    const tables = byType("communes:routeros:Table");
    expect(tables).toContain(`${commune.router.hostname}/ip/firewall/filter`);
    expect(tables.every((t) => t.startsWith(`${commune.router.hostname}/`))).toBe(true);
    expect([...new Set(asked)].sort()).toEqual(secretNames(province, commune, plan));
  });

  it("refuses a plan that cuts the NOC's management path, before any device resource", async () => {
    const { province, commune, plan } = thieuTrung();
    const cut = { ...province, flows: province.flows.filter((f) => !JSON.stringify(f).includes("management")) };
    const asked: string[] = [];
    expect(() => new CommuneNetwork("cut", { province: cut, commune, plan, secret: (n: string) => (asked.push(n), pulumi.secret(n)) })).toThrow(/refused: this change would cut the NOC's management path/);
    expect(asked).toEqual([]);
  });

  it("a renamed endpoint not found in the stack's endpointEndpoints says so, naming the names it has", () => {
    const { province, commune, plan } = thieuTrung();
    const renamed = { ...commune, endpoints: commune.endpoints.map((e, i) => (i === 0 ? { ...e, systemName: "Phòng họp mới" } : e)) };
    const reach = { endpoints: { [commune.endpoints[0]!.systemName]: { host: "127.0.0.1", tlsFingerprint: "AA:BB" } } };
    expect(() => new CommuneNetwork("renamed", { province, commune: renamed, plan, secret: (n: string) => pulumi.secret(n), reach })).toThrow(
      `endpoint "Phòng họp mới": no tlsFingerprint in the inventory to pin its certificate; endpointEndpoints has no entry under this name (it has "${commune.endpoints[0]!.systemName}": renamed?)`,
    );
  });
});
