/**
 * `pulumi preview --json` of the commune stacks, a few at a time (each runs
 * the program). A plain preview asks the devices nothing; with `refresh`,
 * every device is read first, as `pulumi up --refresh` does. A preview that fails
 * says why, in Pulumi's words. Any of the stack's secret values found in the
 * output (a password pasted into a device's comment) is hidden.
 */
import { mapLimit } from "../pulumi/map-limit";
import { mergeMenuErrors } from "../pulumi/menu-errors";
import { runPulumi } from "../pulumi/pulumi-cli";
import { routerExportChecks, type RouterExportCheck } from "../drift/router-export-check";
import { refreshStack } from "../drift/refresh-stack";
import { redactor } from "../pulumi/redact";
import { stackSecrets } from "../pulumi/stack-secrets";
import { parsePreviewJson, previewErrors, type PreviewJson } from "./preview-json";

export type PreviewOutcome = { stack: string; preview: PreviewJson; outsideManaged: RouterExportCheck[] } | { stack: string; error: string };

async function previewStack(stack: string, refresh: boolean): Promise<PreviewOutcome> {
  const [raw, secrets, audit] = await Promise.all([
    runPulumi(["preview", "--json", ...(refresh ? ["--refresh"] : []), "--stack", stack]),
    stackSecrets(stack),
    // Reading the devices: also what changed by hand outside the managed menus (the provider compares them with the last export), which this up's export will record.
    refresh ? refreshStack(stack) : undefined,
  ]);
  const redact = redactor(secrets);
  const result = redact(raw);
  let preview: PreviewJson | undefined;
  try {
    preview = parsePreviewJson(result.stdout, `the preview of ${stack}`);
  } catch {
    preview = undefined;
  }
  const outsideManaged = audit ? redact(routerExportChecks(audit)) : [];
  if (result.code === 0 && preview) return { stack, preview, outsideManaged };
  const errors = preview ? previewErrors(preview) : [];
  const stderr = result.stderr.trim().split("\n").filter((l) => l.trim() !== "").slice(-3).join(" ");
  const reasons = mergeMenuErrors(errors.map((e) => e.replace(/^Preview failed: /, "")));
  return { stack, error: (reasons.join("; ") || stderr || `pulumi preview exited with ${result.code}`).replace(/^error:\s*/, "") };
}

export function previewStacks(stacks: readonly string[], concurrency: number, refresh: boolean): Promise<PreviewOutcome[]> {
  return mapLimit(stacks, concurrency, (stack) => previewStack(stack, refresh));
}
