/** Where the running lab keeps its record and log: `.lab/` in the repository, or $COMMUNES_LAB_DIR. */
import * as path from "node:path";
import { REPO_ROOT } from "../pulumi/pulumi-cli";

export function labDir(): string {
  return path.resolve(process.env.COMMUNES_LAB_DIR ?? path.join(REPO_ROOT, ".lab"));
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
