/**
 * Invariants of the addressing plan, over random sets of communes of the
 * Thanh Hóa example province (fast-check):
 *  - no two prefixes of the province overlap, and every check passes;
 *  - every subnet lies inside its pool, every /64 inside its commune's block;
 *  - adding or removing communes moves no other commune's prefixes;
 *  - file order plays no part.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import * as fc from "fast-check";
import { contains, formatPrefix, loadInventory, parsePrefix, type CommunePlan } from "@communes/inventory";
import { describe, expect, it } from "vitest";
import { communeYaml } from "../fixtures/thanh-hoa-communes";
import { repoRoot } from "../harness/toolchain";

const provinceFile = "province.yaml";
const provinceText = readFileSync(path.join(repoRoot, "examples/thanh-hoa/province.yaml"), "utf8");

function inventoryOf(indexes: readonly number[]) {
  const files = new Map<string, string>([[provinceFile, provinceText]]);
  for (const index of indexes) {
    const unit = { name: `Xã mẫu ${index}`, kind: "xã" as const, synthetic: true, mergedFrom: [`xã cũ ${index}`] };
    files.set(`communes/${index}.yaml`, communeYaml(unit, index, -1));
  }
  const communeFiles = [...files.keys()].filter((f) => f !== provinceFile);
  return loadInventory({ provinceFile, communeFiles }, (f) => files.get(f)!);
}

const planText = (plan: CommunePlan) =>
  JSON.stringify(plan, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));

const indexSets = fc.uniqueArray(fc.integer({ min: 0, max: 511 }), { minLength: 1, maxLength: 30 });

describe("addressing plan invariants", () => {
  it("no overlap anywhere, every check passes", () => {
    fc.assert(
      fc.property(indexSets, (indexes) => {
        const inventory = inventoryOf(indexes);
        expect(inventory.diagnostics).toEqual([]);
        expect(inventory.plans).toHaveLength(indexes.length);
      }),
      { numRuns: 25 },
    );
  });

  it("every subnet lies inside its pool and every /64 inside its commune's block", () => {
    fc.assert(
      fc.property(indexSets, (indexes) => {
        const inventory = inventoryOf(indexes);
        const province = inventory.province!;
        const ipv6Pool = parsePrefix(province.ipv6Pool);
        if (!ipv6Pool.ok) throw new Error("pool");
        for (const plan of inventory.plans) {
          expect(contains(ipv6Pool.value, plan.ipv6Block)).toBe(true);
          for (const zone of plan.zones) {
            const pool = parsePrefix(province.zones.find((z) => z.name === zone.zone)!.ipv4Pool);
            if (!pool.ok) throw new Error("pool");
            expect(contains(pool.value, zone.ipv4), `${formatPrefix(zone.ipv4)} in ${formatPrefix(pool.value)}`).toBe(true);
            expect(contains(plan.ipv6Block, zone.ipv6)).toBe(true);
            expect(zone.ipv6.length).toBe(64);
            expect(contains(zone.ipv4, zone.ipv4Gateway)).toBe(true);
          }
        }
      }),
      { numRuns: 25 },
    );
  });

  it("adding or removing communes moves no other commune's prefixes", () => {
    fc.assert(
      fc.property(indexSets, indexSets, (kept, others) => {
        const extra = others.filter((i) => !kept.includes(i));
        const alone = inventoryOf(kept);
        const crowded = inventoryOf([...extra, ...kept]);
        for (const plan of alone.plans) {
          const same = crowded.plans.find((p) => p.file === plan.file)!;
          expect(planText(same)).toBe(planText(plan));
        }
      }),
      { numRuns: 25 },
    );
  });

  it("file order plays no part", () => {
    fc.assert(
      fc.property(indexSets, (indexes) => {
        const forward = inventoryOf(indexes).plans.map(planText).sort();
        const backward = inventoryOf([...indexes].reverse()).plans.map(planText).sort();
        expect(backward).toEqual(forward);
      }),
      { numRuns: 25 },
    );
  });

  it("two communes given one index are caught, and their subnets are not silently shared", () => {
    const files = new Map([[provinceFile, provinceText]]);
    const twin = communeYaml({ name: "Xã sinh đôi", kind: "xã", synthetic: true, mergedFrom: ["x"] }, 5, -1).replace(/^code: ".*"$/m, 'code: "39999"');
    files.set("communes/a.yaml", communeYaml({ name: "Xã mẫu 5", kind: "xã", synthetic: true, mergedFrom: ["x"] }, 5, -1));
    files.set("communes/b.yaml", twin);
    const result = loadInventory({ provinceFile, communeFiles: ["communes/a.yaml", "communes/b.yaml"] }, (f) => files.get(f)!);
    expect(result.diagnostics.map((d) => `${d.file} ${d.path}: ${d.message}`)).toContain(
      "communes/b.yaml index: allocation index 5 is already used by xã Xã mẫu 5 (communes/a.yaml)",
    );
  });
});
