/**
 * One stack's refresh in preview-only mode (nothing recorded, nothing
 * changed on the devices), with the engine's JSON output; when it does not
 * finish, the resources the stack records, to know what went unchecked.
 * The provider is asked to compare each router with its last export too
 * (COMPARE_EXPORT_ENV): its refresh step then carries the comparison.
 */
import { COMPARE_EXPORT_ENV } from "@communes/provider/export-comparison";
import { runPulumi } from "../pulumi/pulumi-cli";
import type { RefreshDiagnostic, RefreshRun, RefreshStep } from "./classify";

function lastLines(text: string): string {
  return text.trim().split("\n").slice(-3).join(" ").trim();
}

function parseJson<T>(text: string): T | undefined {
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

/** The URNs the stack records (from its state; secrets stay encrypted). */
async function recordedUrns(stack: string): Promise<string[] | undefined> {
  const result = await runPulumi(["stack", "export", "--stack", stack]);
  const state = result.code === 0 ? parseJson<{ deployment?: { resources?: Array<{ urn: string }> } }>(result.stdout) : undefined;
  return state?.deployment?.resources?.map((r) => r.urn);
}

export async function refreshStack(stack: string): Promise<RefreshRun> {
  const started = Date.now();
  const result = await runPulumi(["refresh", "--preview-only", "--json", "--stack", stack], { env: { [COMPARE_EXPORT_ENV]: "1" } });
  const output = parseJson<{ steps?: RefreshStep[]; diagnostics?: RefreshDiagnostic[] }>(result.stdout);
  const run: RefreshRun = { stack, steps: output?.steps ?? [], diagnostics: output?.diagnostics ?? [], seconds: 0 };
  if (result.code !== 0) {
    run.failure = lastLines(result.stderr) || lastLines(result.stdout) || `pulumi refresh exited with ${result.code}`;
    const recorded = await recordedUrns(stack);
    if (recorded) run.recorded = recorded;
  }
  run.seconds = (Date.now() - started) / 1000;
  return run;
}
