/**
 * The common setting of the commune stack's e2e tests, registered as the
 * describe block's beforeAll/afterAll: the lab for Thiệu Trung (or another
 * example commune), a private
 * copy of its inventory (edited first by `prepare`, if given), and a test
 * stack of stacks/commune pointed at the lab. Everything is removed after.
 */
import { rmSync } from "node:fs";
import * as path from "node:path";
import type { CommuneLabOptions } from "@communes/lab";
import { afterAll, beforeAll } from "vitest";
import { startCommuneLab, type CommuneLab } from "./commune-lab";
import { copyInventory } from "./inventory-copy";
import { TestStack } from "./pulumi-stack";
import { repoRoot } from "./toolchain";

export const communeProject = path.join(repoRoot, "stacks/commune");

export interface CommuneStackFixture {
  lab: CommuneLab;
  stack: TestStack;
  /** The copy's directory (its province.yaml and communes/). */
  dir: string;
  /** The copied commune file the stack reads. */
  commune: string;
}

/** `example`: the file of examples/thanh-hoa/communes the stack and its lab are made from. */
export function useCommuneStack(options: CommuneLabOptions & { example?: string } = {}, prepare?: (commune: string) => void): CommuneStackFixture {
  const fixture = {} as CommuneStackFixture;
  const { example = "thieu-trung.yaml", ...labOptions } = options;
  beforeAll(async () => {
    fixture.lab = await startCommuneLab(example, labOptions);
    const copy = copyInventory(example);
    fixture.dir = copy.dir;
    fixture.commune = copy.communes[0]!;
    prepare?.(fixture.commune);
    fixture.stack = await TestStack.create({ projectDir: communeProject, config: fixture.lab.config(fixture.commune) });
  }, 60_000);
  afterAll(async () => {
    await fixture.stack?.dispose();
    await fixture.lab?.close();
    if (fixture.dir) rmSync(fixture.dir, { recursive: true, force: true });
  }, 120_000);
  return fixture;
}
