/** The inventory's JSON Schemas, read from the repository's `schemas/` directory. */
import { readFileSync } from "node:fs";
import * as path from "node:path";

/** `schemas/` at the repository root; the same depth from `src/` and `dist/`. */
export const schemaDir = path.resolve(__dirname, "../../../../schemas");

export const schemaFiles = ["common.schema.json", "province.schema.json", "commune.schema.json"] as const;
export type SchemaFile = (typeof schemaFiles)[number];

export type JsonSchema = Record<string, unknown>;

export function readSchema(file: SchemaFile): JsonSchema {
  return JSON.parse(readFileSync(path.join(schemaDir, file), "utf8")) as JsonSchema;
}
