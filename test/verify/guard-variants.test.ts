/**
 * The lock-out guard checks the path the router would actually allow, not
 * the policy's wording: every way tried here of cutting the NOC's way to
 * the router's API and SSH — in the province (the NOC's prefix, its flow
 * removed or redirected) or in the rendered configuration (a service's
 * addresses, the service off or on another port, the input rule gone or
 * bound to the office's interfaces) — gives a reason the guard refuses
 * with (the same check `CommuneNetwork` runs at preview).
 */
import { describe, expect, it } from "vitest";
import { discover, loadInventory, parseAddress, type CommuneModel, type CommunePlan, type ProvinceModel } from "@communes/inventory";
import { routerIntent, type TableIntent } from "@communes/intent";
import { managementPathProblems, routerConfig } from "@communes/verify";

const file = "examples/thanh-hoa/communes/thieu-trung.yaml";
const { targets } = discover([file]);
const inventory = loadInventory(targets[0]!);
const province = inventory.province!;
const commune = inventory.communes.find((c) => c.file === file)!;
const plan = inventory.plans.find((p) => p.file === file)!;
/** An engineer's workstation at the NOC. */
const workstation = parseAddress("172.16.1.10");
if (!workstation.ok) throw new Error("bad test address");
const operator = workstation.value;
const MANAGEMENT_RULE = "communes: router: management from the management zone and the NOC";

function problems(p: ProvinceModel, c: CommuneModel = commune, pl: CommunePlan = plan, tables?: TableIntent[]): string[] {
  return managementPathProblems(p, c, pl, { operator, ...(tables ? { given: { config: routerConfig(tables), source: "test" } } : {}) });
}

/** The rendered tables with one menu's entries changed. */
function edited(path: string, change: (entries: Array<Record<string, string>>) => Array<Record<string, string>>): TableIntent[] {
  return routerIntent(province, commune, plan).tables.map((t) => (t.path === path ? { ...t, entries: change(t.entries.map((e) => ({ ...e }))) } : t));
}

const withFlows = (flows: ProvinceModel["flows"]): ProvinceModel => ({ ...province, flows });
const withNocPrefixes = (prefixes: string[]): ProvinceModel => ({ ...province, destinations: province.destinations.map((d) => (d.name === "noc" ? { ...d, prefixes } : d)) });

describe("the lock-out guard", () => {
  it("lets the example's configuration through", () => {
    expect(problems(province)).toEqual([]);
  });

  const variants: Array<[string, () => string[]]> = [
    ["the NOC's prefix moved away from this stack's address", () => problems(withNocPrefixes(["172.16.9.0/24", "2001:db8:ff00:9::/64"]))],
    ["the NOC's flow to the management zone removed", () => problems(withFlows(province.flows.filter((f) => !(f.from === "noc" && f.to.includes("management")))))],
    ["the NOC's flow redirected to the staff zone", () => problems(withFlows(province.flows.map((f) => (f.from === "noc" && f.to.includes("management") ? { ...f, to: ["staff"] } : f))))],
    ["the API service open to the management zone only", () => problems(province, commune, plan, edited("/ip/service", (es) => es.map((e) => (e.name === "api-ssl" ? { ...e, address: "10.38.0.224/27" } : e))))],
    ["the API service turned off", () => problems(province, commune, plan, edited("/ip/service", (es) => es.map((e) => (e.name === "api-ssl" ? { ...e, disabled: "true" } : e))))],
    ["the API service moved to a port the input rule does not open", () => problems(province, commune, plan, edited("/ip/service", (es) => es.map((e) => (e.name === "api-ssl" ? { ...e, port: "18729" } : e))))],
    ["the managers' input rule removed", () => problems(province, commune, plan, edited("/ip/firewall/filter", (es) => es.filter((e) => e.comment !== MANAGEMENT_RULE)))],
    ["the managers' input rule bound to the office's interfaces", () => problems(province, commune, plan, edited("/ip/firewall/filter", (es) => es.map((e) => (e.comment === MANAGEMENT_RULE ? { ...e, "in-interface-list": "LAN" } : e))))],
    ["the NOC's prefix gone from the managers' address list", () => problems(province, commune, plan, edited("/ip/firewall/address-list", (es) => es.filter((e) => !(e.list === "communes-managers" && e.address === "172.16.1.0/24"))))],
  ];
  for (const [what, check] of variants) {
    it(`refuses ${what}`, () => {
      const found = check();
      expect(found.length, what).toBeGreaterThan(0);
      expect(found.join("\n")).toMatch(/noc manages the router|this stack connects from/);
    });
  }
});
