/**
 * `pulumi preview --json` of the commune stacks, a few at a time (each runs
 * the program and reads every device). A preview that fails says why, in
 * Pulumi's words.
 */
import { mapLimit } from "../pulumi/map-limit";
import { runPulumi } from "../pulumi/pulumi-cli";
import { parsePreviewJson, previewErrors, type PreviewJson } from "./preview-json";

export type PreviewOutcome = { stack: string; preview: PreviewJson } | { stack: string; error: string };

async function previewStack(stack: string): Promise<PreviewOutcome> {
  const result = await runPulumi(["preview", "--json", "--stack", stack]);
  let preview: PreviewJson | undefined;
  try {
    preview = parsePreviewJson(result.stdout, `the preview of ${stack}`);
  } catch {
    preview = undefined;
  }
  if (result.code === 0 && preview) return { stack, preview };
  const errors = preview ? previewErrors(preview) : [];
  const stderr = result.stderr.trim().split("\n").filter((l) => l.trim() !== "").slice(-3).join(" ");
  return { stack, error: (errors.join(" ") || stderr || `pulumi preview exited with ${result.code}`).replace(/^error:\s*/, "") };
}

export function previewStacks(stacks: readonly string[], concurrency: number): Promise<PreviewOutcome[]> {
  return mapLimit(stacks, concurrency, previewStack);
}
