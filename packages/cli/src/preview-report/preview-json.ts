/**
 * What `pulumi preview --json` prints, as far as the report reads it, and
 * reading it from a saved file. Pulumi writes "[secret]" for every secret.
 */
import { readFileSync } from "node:fs";

export interface ResourceState {
  urn: string;
  type: string;
  custom?: boolean;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

export interface PreviewStep {
  op: string;
  urn: string;
  oldState?: ResourceState;
  newState?: ResourceState;
  /** Property path in the engine's syntax → how it changes. */
  detailedDiff?: Record<string, { kind: string }> | null;
}

export interface PreviewJson {
  config?: Record<string, string>;
  steps?: PreviewStep[];
  diagnostics?: Array<{ message?: string; severity?: string }>;
}

/** A saved preview the report cannot use: a user mistake, reported in one line. */
export class PreviewInputError extends Error {}

export function parsePreviewJson(text: string, source: string): PreviewJson {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new PreviewInputError(`${source} is not JSON (${(err as Error).message}); save it with: pulumi preview --json --stack <name> > ${source}`);
  }
  const steps = (parsed as PreviewJson | null)?.steps;
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed) || (steps !== undefined && !Array.isArray(steps))) {
    throw new PreviewInputError(`${source} is not the output of pulumi preview --json (no list of steps)`);
  }
  return parsed as PreviewJson;
}

export function readPreviewFile(file: string): PreviewJson {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new PreviewInputError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (err as Error).message}`);
  }
  return parsePreviewJson(text, file);
}

/** The errors a failed preview reported, one line each. */
export function previewErrors(preview: PreviewJson): string[] {
  return (preview.diagnostics ?? [])
    .filter((d) => d.severity === "error" && d.message)
    .map((d) => d.message!.replace(/^error:\s*/, "").trim());
}

/** The stack a preview belongs to, from its resources' URNs (`urn:pulumi:<stack>::…`). */
export function stackOf(preview: PreviewJson): string | undefined {
  const urn = preview.steps?.[0]?.urn;
  return urn?.split("::")[0]?.split(":")[2];
}
