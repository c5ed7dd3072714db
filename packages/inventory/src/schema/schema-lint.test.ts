/**
 * The schemas are the single source of truth and the editor's help text:
 * every property documented, no object open to unknown keys, every example
 * file pointing its editor at the schema.
 */
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { readSchema, schemaDir, schemaFiles, type JsonSchema } from "./schema-files";

/** Visits every schema node that describes data (not `if` conditions). */
function walk(node: unknown, at: string, visit: (schema: JsonSchema, at: string) => void): void {
  if (at.endsWith("/if")) return;
  if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${at}/${i}`, visit));
  if (typeof node !== "object" || node === null) return;
  visit(node as JsonSchema, at);
  for (const [key, value] of Object.entries(node)) walk(value, `${at}/${key}`, visit);
}

describe.each(schemaFiles)("%s", (file) => {
  const schema = readSchema(file);

  it("describes every property", () => {
    const missing: string[] = [];
    walk(schema, "#", (node, at) => {
      for (const [name, prop] of Object.entries((node.properties as Record<string, JsonSchema> | undefined) ?? {})) {
        if (typeof prop.description !== "string" || prop.description.length < 3) missing.push(`${at}/properties/${name}`);
      }
    });
    expect(missing).toEqual([]);
  });

  it("closes every object with properties to unknown keys", () => {
    const open: string[] = [];
    walk(schema, "#", (node, at) => {
      if (node.properties && node.additionalProperties === undefined && !node.oneOf && !at.endsWith("/zones")) open.push(at);
    });
    expect(open).toEqual([]);
  });

  it("is draft 2020-12", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  });
});

it("every example inventory file names its schema for editors", () => {
  const root = path.resolve(schemaDir, "../examples/thanh-hoa");
  const files = ["province.yaml", ...readdirSync(path.join(root, "communes")).map((f) => `communes/${f}`)];
  for (const f of files) {
    const first = readFileSync(path.join(root, f), "utf8").split("\n")[0];
    const expected = f === "province.yaml" ? "../../schemas/province.schema.json" : "../../../schemas/commune.schema.json";
    expect(first, f).toBe(`# yaml-language-server: $schema=${expected}`);
  }
});
