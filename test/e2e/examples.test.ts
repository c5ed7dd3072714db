/**
 * Every example is also an integration test: each Pulumi program under
 * examples/ goes up, previews with no changes, refreshes without drift and is
 * destroyed, on the real engine, with its default configuration.
 */
import { readdirSync, existsSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { changeCount, TestStack } from "../harness/pulumi-stack";
import { repoRoot } from "../harness/toolchain";

const examples = readdirSync(path.join(repoRoot, "examples")).filter((name) =>
  existsSync(path.join(repoRoot, "examples", name, "Pulumi.yaml")),
);

describe("examples", () => {
  it("exist", () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  for (const name of examples) {
    it(`${name}: up → no-change preview → refresh → destroy`, { timeout: 180_000 }, async () => {
      const stack = await TestStack.create({ projectDir: path.join(repoRoot, "examples", name) });
      try {
        const { up, preview, refresh, destroy } = await stack.lifecycle();
        console.log(`${name} up:\n${up.stdout}\n${name} preview:\n${preview.stdout}\n${name} destroy:\n${destroy.stdout}`);
        expect(changeCount(up)).toBeGreaterThan(0);
        expect(changeCount(preview)).toBe(0);
        expect(changeCount(refresh)).toBe(0);
        expect(destroy.changes.delete).toBe(up.changes.create);
        expect(stack.egress.attempts).toEqual([]);
      } finally {
        await stack.dispose();
      }
    });
  }
});
