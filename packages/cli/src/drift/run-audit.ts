/**
 * The audit of several stacks: at most `concurrency` refreshes at a time,
 * one progress line per stack started and finished, each stack's findings
 * stripped of its secrets before they go anywhere.
 */
import { mapLimit } from "../pulumi/map-limit";
import { combine, type DeviceAudit, type DriftReport, type StackAudit } from "./audit";
import { classify } from "./classify";
import { redactor } from "../pulumi/redact";
import { stackSecrets } from "../pulumi/stack-secrets";
import { recordedBy } from "./recorded-by";
import { refreshStack } from "./refresh-stack";
import { routerExportChecks } from "./router-export-check";
import { checkReachability } from "./reachability-check";

export interface AuditOptions {
  concurrency: number;
  /** A progress line (stderr). */
  progress(line: string): void;
}

const count = (devices: readonly DeviceAudit[], which: (d: DeviceAudit) => boolean) => devices.filter(which).length;

function summary(audit: StackAudit): string {
  const findings = audit.devices.reduce((n, d) => n + d.findings.length, 0);
  const drifted = count(audit.devices, (d) => d.findings.length > 0);
  const unchecked = count(audit.devices, (d) => d.errors.length > 0);
  const whole = audit.errors.length > 0 ? "; the stack could not be audited as a whole" : "";
  return `${audit.status}: ${audit.devices.length} devices, ${drifted} drifted (${findings} findings), ${unchecked} could not be checked${whole} (${audit.seconds.toFixed(1)} s)`;
}

export async function auditStacks(stacks: readonly string[], options: AuditOptions): Promise<DriftReport> {
  const startedAt = new Date().toISOString();
  const width = String(stacks.length).length;
  const audits = await mapLimit(stacks, options.concurrency, async (stack, i) => {
    const tag = `[${String(i + 1).padStart(width)}/${stacks.length}] ${stack}`;
    options.progress(`${tag}: refreshing (preview only)`);
    const [secrets, run, recorded] = await Promise.all([stackSecrets(stack), refreshStack(stack), recordedBy(stack)]);
    const reachability = await checkReachability(stack, run.steps);
    const audit = redactor(secrets)({ ...classify({ ...run, routerExports: [...routerExportChecks(run), ...reachability] }), ...(recorded ? { recordedBy: recorded } : {}) });
    options.progress(`${tag}: ${summary(audit)}`);
    return audit;
  });
  return { startedAt, status: combine(audits.map((a) => a.status)), stacks: audits };
}
