/**
 * Generates `schema-types.generated.ts` from the JSON Schemas, so the
 * TypeScript types of the inventory are never written by hand.
 * `npm run generate` rewrites the file; its test fails when it is stale.
 */
import * as path from "node:path";
import { compile } from "json-schema-to-typescript";
import { schemaDir, type JsonSchema } from "./schema-files";

/** The generated file, in the sources (this module also runs from dist/). */
export const generatedFile = path.resolve(__dirname, "../../src/schema/schema-types.generated.ts");

/**
 * The generator makes a new type for every `$ref` that carries its own
 * `description`, and an open index signature for an `allOf` that only adds
 * `required`. Neither matters to the types, so both are simplified first.
 */
function simplify(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(simplify);
  if (typeof node !== "object" || node === null) return node;
  const obj = node as JsonSchema;
  if (typeof obj.$ref === "string") return { $ref: obj.$ref };
  if (Array.isArray(obj.allOf)) {
    const refs = obj.allOf.filter((part) => typeof (part as JsonSchema).$ref === "string");
    if (refs.length === 1) return { $ref: (refs[0] as JsonSchema).$ref };
  }
  return Object.fromEntries(Object.entries(obj).map(([key, value]) => [key, simplify(value)]));
}

/**
 * The generator also emits `Zone1`, `Zone2`… for each further use of one
 * definition. Keep the first declaration of each identical body and point
 * every use at it.
 */
export function dedupeDeclarations(text: string): string {
  const blocks = [...text.matchAll(/(?:^\/\*\*[\s\S]*?\*\/\n)?^export (?:interface|type) (\w+)[\s\S]*?(?=^\/\*\*|^export |(?![\s\S]))/gm)];
  const firstByBody = new Map<string, string>();
  const renames = new Map<string, string>();
  for (const block of blocks) {
    const name = block[1]!;
    const base = name.replace(/\d+$/, "");
    const key = `${base}\u0000${block[0].slice(block[0].indexOf(name) + name.length)}`;
    const first = firstByBody.get(key);
    if (first === undefined) firstByBody.set(key, name);
    else renames.set(name, first);
  }
  if (renames.size === 0) return text;
  let out = text;
  for (const block of blocks) if (renames.has(block[1]!)) out = out.replace(block[0], "");
  for (const [from, to] of renames) out = out.replace(new RegExp(`\\b${from}\\b`, "g"), to);
  // A rename can make two more bodies identical (a type using Credentials1): repeat.
  return dedupeDeclarations(out);
}

export async function generateTypes(): Promise<string> {
  const banner =
    "/* Generated from schemas/*.schema.json by packages/inventory/src/schema/generate-types.ts.\n" +
    " * Do not edit: change the schema and run `npm run generate`. */\n";
  // One compilation for both files, so shared definitions are emitted once.
  const root = {
    title: "Inventory",
    description: "A province file and its commune files.",
    type: "object",
    additionalProperties: false,
    properties: {
      province: { $ref: "province.schema.json" },
      commune: { $ref: "commune.schema.json" },
    },
  };
  const text = await compile(simplify(root) as never, "Inventory", {
    cwd: schemaDir,
    bannerComment: "",
    ignoreMinAndMaxItems: true,
    additionalProperties: false,
    style: { printWidth: 120, singleQuote: false },
  });
  return banner + dedupeDeclarations(text);
}
