/** Where the running lab keeps its record and log (`.lab/` in the repository, or $COMMUNES_LAB_DIR), and its ports. */
import * as path from "node:path";
import { UsageError } from "../output";
import { REPO_ROOT } from "../pulumi/pulumi-cli";

export function labDir(): string {
  return path.resolve(process.env.COMMUNES_LAB_DIR ?? path.join(REPO_ROOT, ".lab"));
}

/** $COMMUNES_LAB_PORT_OFFSET: shifts every lab port, so a second lab (the tests') can run beside yours. */
export function labPortOffset(): number {
  const text = process.env.COMMUNES_LAB_PORT_OFFSET ?? "0";
  if (!/^\d{1,5}$/.test(text) || Number(text) > 50_000) throw new UsageError(`COMMUNES_LAB_PORT_OFFSET: ${JSON.stringify(text)} is not a number from 0 to 50000`);
  return Number(text);
}

/** Whether a process is alive (signal 0 checks without signalling). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
