/**
 * Schema validation with ajv (draft 2020-12, all errors), turned into
 * diagnostics a network engineer can act on: one per real problem, at the
 * line of the offending value, with what was received and what is allowed.
 */
import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import { show, type Diagnostic, type PropertyPath } from "../diagnostic";
import type { YamlFile } from "../load/yaml-file";
import { formatProblem, formats } from "./formats";
import { closest } from "./suggest";
import { readSchema, schemaFiles, type JsonSchema } from "./schema-files";

export type DocumentKind = "province" | "commune";

let compiled: Record<DocumentKind, ValidateFunction> | undefined;

function validators(): Record<DocumentKind, ValidateFunction> {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, discriminator: true, verbose: true });
    for (const [name, check] of Object.entries(formats)) {
      ajv.addFormat(name, { type: "string", validate: (v: string) => check(v) === undefined });
    }
    for (const file of schemaFiles) ajv.addSchema(readSchema(file), file);
    compiled = {
      province: ajv.getSchema("province.schema.json")!,
      commune: ajv.getSchema("commune.schema.json")!,
    };
  }
  return compiled;
}

function pathOf(pointer: string): (string | number)[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function firstSentence(text: unknown): string {
  if (typeof text !== "string") return "";
  const end = text.indexOf(". ");
  return end < 0 ? text.replace(/\.$/, "") : text.slice(0, end);
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "number") return Number.isInteger(value) ? "an integer" : "a number";
  return `a ${typeof value}`;
}

const EXPECTED: Record<string, string> = {
  string: "a string",
  integer: "an integer",
  number: "a number",
  boolean: "true or false",
  object: "a mapping",
  array: "a list",
  null: "null",
};

interface Located {
  path: PropertyPath;
  message: string;
  at?: "key" | "value";
}

/** One ajv error in the user's words; undefined for errors that only echo others. */
function describe(err: ErrorObject): Located | undefined {
  const path = pathOf(err.instancePath);
  const value = err.data;
  const parent = err.parentSchema as JsonSchema | undefined;
  const params = err.params as Record<string, unknown>;
  switch (err.keyword) {
    case "type": {
      const wanted = String(params.type)
        .split(",")
        .map((t) => EXPECTED[t] ?? t)
        .join(" or ");
      const hint =
        params.type === "string" && typeof value === "number"
          ? `; write it in quotes ("${value}") so YAML keeps it as text`
          : "";
      return { path, message: `expected ${wanted}, received ${typeName(value)} ${show(value)}${hint}` };
    }
    case "required": {
      const missing = String(params.missingProperty);
      const present = value && typeof value === "object" ? Object.keys(value) : [];
      // A misspelt key is reported once, as an unknown property with "did you mean".
      if (closest(missing, present.filter((k) => !(parent?.properties as JsonSchema | undefined)?.[k]))) return undefined;
      return { path, message: `missing required property ${JSON.stringify(missing)}` };
    }
    case "additionalProperties": {
      const extra = String(params.additionalProperty);
      const allowed = Object.keys((parent?.properties as JsonSchema | undefined) ?? {});
      const near = closest(extra, allowed);
      const tail = near ? `; did you mean ${JSON.stringify(near)}?` : allowed.length ? `; allowed here: ${allowed.join(", ")}` : "";
      return { path: [...path, extra], at: "key", message: `unknown property ${JSON.stringify(extra)}${tail}` };
    }
    case "enum":
    case "const": {
      const allowed = err.keyword === "enum" ? (params.allowedValues as unknown[]) : [params.allowedValue];
      const near = typeof value === "string" ? closest(value, allowed.map(String)) : undefined;
      return {
        path,
        message: `${show(value)} is not allowed; use ${allowed.map((a) => show(a)).join(", ")}${near ? ` (did you mean ${show(near)}?)` : ""}`,
      };
    }
    case "minimum":
    case "exclusiveMinimum":
      return { path, message: `${show(value)} is below the ${err.keyword === "minimum" ? "minimum" : "exclusive minimum"} ${params.limit}` };
    case "maximum":
    case "exclusiveMaximum":
      return { path, message: `${show(value)} is above the ${err.keyword === "maximum" ? "maximum" : "exclusive maximum"} ${params.limit}` };
    case "pattern":
      return { path, message: `${show(value)} is not valid: ${firstSentence(parent?.description) || `must match ${params.pattern}`}` };
    case "format":
      return { path, message: formatProblem(String(params.format), String(value)) ?? `${show(value)} is not a valid ${params.format}` };
    case "minLength":
      return { path, message: params.limit === 1 ? "must not be empty" : `must be at least ${params.limit} characters` };
    case "maxLength":
      return { path, message: `${show(value)} is longer than ${params.limit} characters` };
    case "minItems":
      return { path, message: `needs at least ${params.limit} item${params.limit === 1 ? "" : "s"}` };
    case "maxItems":
      return { path, message: `has more than ${params.limit} items` };
    case "uniqueItems":
      return { path: [...path, Number(params.i)], message: `repeats item ${params.j} (${show((value as unknown[])[Number(params.i)])})` };
    case "minProperties":
    case "maxProperties": {
      const names = Object.keys((parent?.properties as JsonSchema | undefined) ?? {}).join(", ");
      if (parent?.minProperties === 1 && parent?.maxProperties === 1) return { path, message: `give exactly one of: ${names}` };
      return { path, message: err.keyword === "minProperties" ? `give at least one of: ${names}` : `give at most ${params.limit} of: ${names}` };
    }
    case "not": {
      const forbidden = ((err.schema as JsonSchema | undefined)?.required as string[] | undefined)?.[0];
      if (forbidden) return { path: [...path, forbidden], at: "key", message: `${JSON.stringify(forbidden)} is not allowed here` };
      if ((err.schema as JsonSchema | undefined)?.const === "internet") return { path, message: `"internet" is built in and cannot be redefined` };
      return { path, message: "is not allowed here" };
    }
    case "propertyNames":
      return undefined; // the error on the name itself says more
    case "discriminator":
      if (params.error === "mapping") {
        const tag = String(params.tag);
        return { path: [...path, tag], message: `${show((value as JsonSchema)[tag])} is not a known ${tag}; use ${describeBranches(parent)}` };
      }
      return { path, message: `needs a ${String(params.tag)}: ${describeBranches(parent)}` };
    case "if":
    case "oneOf":
    case "anyOf":
      return undefined; // handled by collapse()
    default:
      return { path, message: err.message ?? `fails ${err.keyword}` };
  }
}

function describeBranches(schema: JsonSchema | undefined): string {
  const branches = (schema?.oneOf ?? schema?.anyOf ?? []) as JsonSchema[];
  return branches
    .map((b) => ((b.properties as JsonSchema | undefined)?.type as JsonSchema | undefined)?.const)
    .filter((c) => c !== undefined)
    .map((c) => show(c))
    .join(", ");
}

/**
 * oneOf/anyOf failures: when every branch fails at the value itself (wrong
 * shape), one message listing the forms allowed replaces the branch noise.
 * When a branch got deeper (the right shape with a bad field), its errors
 * stand and the others go.
 */
function collapse(errors: ErrorObject[]): ErrorObject[] {
  let result = errors;
  for (const union of errors.filter((e) => e.keyword === "oneOf" || e.keyword === "anyOf")) {
    const here = (e: ErrorObject) => e.instancePath === union.instancePath;
    if (union.data === null || typeof union.data !== "object") {
      // A scalar matching no form: one message listing the forms replaces every branch's complaint.
      const forms = ((union.parentSchema as JsonSchema).oneOf ?? (union.parentSchema as JsonSchema).anyOf) as JsonSchema[];
      const names = forms.map((f) => (f.const !== undefined ? show(f.const) : firstSentence(f.description) || "a mapping"));
      result = result.filter((e) => !here(e));
      result.push({ ...union, keyword: "oneOfShape", message: `${show(union.data)} does not match any allowed form: ${names.join("; or ")}` });
    } else {
      // A mapping: the branches for other shapes only say "not a scalar"; the mapping branch's errors stand.
      result = result.filter((e) => !(here(e) && (e.keyword === "const" || e.keyword === "type" || e.keyword === "enum")));
    }
  }
  return withoutEchoes(result).filter((e) => e.keyword !== "oneOf" && e.keyword !== "anyOf");
}

/**
 * if/then/else on a property whose own value is wrong (`role: acess`):
 * whichever branch ajv took only echoes that mistake (`zone` "not allowed
 * here"), so its errors go and the property's own error stands.
 */
function withoutEchoes(errors: ErrorObject[]): ErrorObject[] {
  let result = errors;
  for (const cond of errors.filter((e) => e.keyword === "if")) {
    const base = cond.schemaPath.replace(/\/if$/, "");
    const condition = ((cond.parentSchema as JsonSchema | undefined)?.if as JsonSchema | undefined)?.properties as JsonSchema | undefined;
    const keys = Object.keys(condition ?? {});
    const wrong = errors.some((e) => e !== cond && keys.some((k) => e.instancePath === `${cond.instancePath}/${k}`));
    if (!wrong) continue;
    result = result.filter((e) => !(e.instancePath.startsWith(cond.instancePath) && (e.schemaPath.startsWith(`${base}/then/`) || e.schemaPath.startsWith(`${base}/else/`))));
  }
  return result;
}

export function validateDocument(kind: DocumentKind, file: YamlFile): Diagnostic[] {
  const validate = validators()[kind];
  if (validate(file.data)) return [];
  const errors = collapse(validate.errors ?? []);
  const out: Diagnostic[] = [];
  for (const err of errors) {
    const located = err.keyword === "oneOfShape" ? { path: pathOf(err.instancePath), message: err.message! } : describe(err);
    if (!located) continue;
    if (err.propertyName !== undefined) {
      // An error about a key of a mapping (propertyNames): point at the key.
      out.push(file.diagnostic([...located.path, err.propertyName], `name ${located.message}`, "key"));
    } else {
      out.push(file.diagnostic(located.path, located.message, located.at));
    }
  }
  return out;
}
