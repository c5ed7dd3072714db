/**
 * The TypeScript types are generated from the schemas and never edited:
 * this fails when the schemas changed without `npm run generate`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { expect, it } from "vitest";
import { generatedFile, generateTypes } from "./generate-types";

it("schema-types.generated.ts is up to date with schemas/", { timeout: 30_000 }, async () => {
  const text = await generateTypes();
  if (process.env.COMMUNES_UPDATE_FIXTURES === "1") writeFileSync(generatedFile, text);
  expect(readFileSync(generatedFile, "utf8")).toBe(text);
});
