/**
 * The inverse of the intent is exact: for every example commune of the
 * province, and for communes generated from them (other API transports and
 * ports, trunks, rates, settings, port roles, endpoint addresses), the
 * office configured as the intent says is rebuilt by `reconstruct` into an
 * inventory that loads without a problem and whose intent is the same, menu
 * by menu, switch by switch, endpoint by endpoint: intent → reconstruct →
 * intent is the identity.
 */
import * as path from "node:path";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { discover, loadInventory, type Commune, type CommuneModel, type CommunePlan, type Inventory, type ProvinceModel } from "@communes/inventory";
import { endpointIntents, intendedReading, reconstruct, routerIntent, switchIntents } from "@communes/intent";

const root = path.resolve(__dirname, "../..");
const provinceFile = path.join(root, "examples/thanh-hoa/province.yaml");

/** Loads commune documents given in memory beside the example province. */
function loadDocuments(docs: ReadonlyMap<string, Commune>): Inventory {
  const communeFiles = [...docs.keys()];
  return loadInventory({ provinceFile, communeFiles }, (f) => (docs.has(f) ? stringify(docs.get(f)) : readFileSync(f, "utf8")));
}

/** Everything the intent says about one commune. */
function intentOf(province: ProvinceModel, commune: CommuneModel, plan: CommunePlan) {
  return { router: routerIntent(province, commune, plan), switches: switchIntents(commune, plan), endpoints: endpointIntents(province, commune, plan) };
}

/** The commune rebuilt from its office as intended, with what no device holds taken from the original document. */
function rebuilt(province: ProvinceModel, commune: CommuneModel, plan: CommunePlan, original: Commune): Commune {
  const reading = intendedReading(province, commune, plan, {
    router: { transport: commune.settings.router.api.transport, ...(commune.router.tlsFingerprint ? { tlsFingerprint: commune.router.tlsFingerprint } : {}), ...(commune.router.hostKey ? { hostKey: commune.router.hostKey } : {}) },
    switch: (i) => ({ host: `switch ${i}`, hostKey: commune.switches[i]!.hostKey, ...(commune.switches[i]!.model ? { model: commune.switches[i]!.model } : {}) }),
    endpoint: (i) => {
      const e = commune.endpoints[i]!;
      return { host: `endpoint ${i}`, vendor: e.vendor, model: e.model, room: e.room, tlsFingerprint: e.tlsFingerprint! };
    },
  });
  const { document, unexpressed } = reconstruct(province, reading, { code: original.code, mergedFrom: original.mergedFrom, ...(original.router.model ? { routerModel: original.router.model } : {}) });
  expect(unexpressed, commune.name).toEqual([]);
  return document;
}

/** Every document, rebuilt; the rebuilt inventory's intents equal the originals'. */
function expectRoundTrip(originals: ReadonlyMap<string, Commune>): void {
  const before = loadDocuments(originals);
  expect(before.diagnostics).toEqual([]);
  const province = before.province!;
  const rebuiltDocs = new Map(before.communes.map((c, i) => [c.file, rebuilt(province, c, before.plans[i]!, originals.get(c.file)!)]));
  const after = loadDocuments(rebuiltDocs);
  expect(after.diagnostics).toEqual([]);
  expect(after.communes.length).toBe(before.communes.length);
  before.communes.forEach((commune, i) => {
    const again = after.communes.find((c) => c.file === commune.file)!;
    const plan = after.plans.find((p) => p.file === commune.file)!;
    expect(intentOf(province, again, plan), commune.file).toEqual(intentOf(province, commune, before.plans[i]!));
  });
}

function exampleDocuments(): Map<string, Commune> {
  const { targets } = discover([path.join(root, "examples/thanh-hoa")]);
  return new Map(targets[0]!.communeFiles.map((f) => [f, parse(readFileSync(f, "utf8")) as Commune]));
}

/** A small deterministic generator (mulberry32), so a failure names a seed that reproduces it. */
function random(seed: number): { int(lo: number, hi: number): number; pick<T>(items: readonly T[]): T; chance(p: number): boolean } {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return { int, pick: (items) => items[int(0, items.length - 1)]!, chance: (p) => next() < p };
}

const ZONES = ["staff", "service_centre", "meeting_room", "citizen_wifi", "management"];
const DESCRIPTIONS = [undefined, "Phòng làm việc", "Quầy một cửa", "Tầng 2", "Đường lên router"];

/** One commune varied in what the inventory lets an engineer say, valid by construction. */
function vary(doc: Commune, seed: number): Commune {
  const r = random(seed);
  const out = structuredClone(doc);
  const uplinkPorts = new Set([out.uplinks.dedicated.interface, out.uplinks.internet.interface]);
  const trunks = ["ether3", "ether4", "ether5", "ether6", "ether7", "ether8"].filter((p) => !uplinkPorts.has(p));
  out.router = { ...out.router, trunk: r.pick(trunks) };
  if (r.chance(0.5)) out.uplinks.dedicated = { ...out.uplinks.dedicated, bandwidthMbps: r.pick([10, 20, 50, 100]) };
  const transport = r.pick(["api-ssl", "api", "rest"] as const);
  const overrides: NonNullable<Commune["overrides"]> = { router: { api: { transport, ...(r.chance(0.5) ? { port: r.int(1025, 65000) } : {}) } } };
  if (r.chance(0.3)) overrides.dns = ["172.16.0.53"];
  if (r.chance(0.3)) overrides.ntp = ["172.16.0.123"];
  if (r.chance(0.3)) overrides.syslog = [{ address: "172.16.2.10", protocol: "tcp", port: 1514 }];
  out.overrides = overrides;
  out.switches = out.switches.map((sw) => {
    const trunk = sw.ports.find((p) => p.role === "trunk")!;
    const ports: Commune["switches"][number]["ports"] = [];
    for (let n = 1; n <= 23; ) {
      const to = Math.min(23, n + r.int(0, 5));
      const role = r.pick(["access", "access", "unused"] as const);
      const description = r.pick(DESCRIPTIONS);
      const range = n === to ? `GigabitEthernet1/0/${n}` : `GigabitEthernet1/0/${n}-${to}`;
      ports.push({ ports: [range], role, ...(role === "access" ? { zone: r.pick(ZONES) } : {}), ...(description ? { description } : {}) });
      n = to + 1;
    }
    return { ...sw, ports: [...ports, trunk] };
  });
  out.endpoints = out.endpoints.map((e) => (r.chance(0.4) ? { ...e, address: "dhcp" } : e));
  return out;
}

describe("intent → reconstruct → intent", () => {
  it("is the identity over the 166 example communes", { timeout: 120_000 }, () => {
    const docs = exampleDocuments();
    expect(docs.size).toBe(166);
    expectRoundTrip(docs);
  });

  it("is the identity over communes generated from them", { timeout: 120_000 }, () => {
    const docs = new Map([...exampleDocuments()].map(([file, doc], i) => [file, vary(doc, 1000 + i)]));
    // The generator covers what it claims: every API transport, ports of its own, PPPoE, DHCP and static lines.
    const all = [...docs.values()];
    expect(new Set(all.map((d) => d.overrides?.router?.api?.transport))).toEqual(new Set(["api", "api-ssl", "rest"]));
    expect(all.filter((d) => d.overrides?.router?.api?.port !== undefined).length).toBeGreaterThan(40);
    expect(new Set(all.map((d) => d.uplinks.internet.type))).toEqual(new Set(["dhcp", "pppoe", "static"]));
    expectRoundTrip(docs);
  });
});
