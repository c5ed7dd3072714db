/**
 * What a drift audit compares the devices with: the state the stack's last
 * operation wrote, named the way a dossier can cite it, by its time and the
 * git commit of the inventory it ran from (`pulumi stack history`).
 */
import { runPulumi } from "../pulumi/pulumi-cli";

export interface RecordedBy {
  /** `update`, `refresh`, `import`… as Pulumi names the operation. */
  kind: string;
  /** ISO time the operation started. */
  time: string;
  /** The git commit the operation ran from, when it ran in a git work tree. */
  commit?: string;
  /** True when that work tree had uncommitted changes. */
  uncommitted?: boolean;
}

interface HistoryEntry {
  kind?: string;
  startTime?: string;
  environment?: Record<string, string>;
}

export async function recordedBy(stack: string): Promise<RecordedBy | undefined> {
  const result = await runPulumi(["stack", "history", "--json", "--page-size", "1", "--stack", stack]);
  if (result.code !== 0) return undefined;
  let last: HistoryEntry | undefined;
  try {
    last = (JSON.parse(result.stdout) as HistoryEntry[])[0];
  } catch {
    return undefined;
  }
  if (!last?.kind || !last.startTime) return undefined;
  const commit = last.environment?.["git.head"];
  return { kind: last.kind, time: last.startTime, ...(commit ? { commit, uncommitted: last.environment?.["git.dirty"] === "true" } : {}) };
}

/** "the update of 2026-11-22 05:05 UTC, from git 7893e8f (with uncommitted changes)". */
export function describeRecordedBy(r: RecordedBy): string {
  const time = `${r.time.slice(0, 16).replace("T", " ")} UTC`;
  const git = r.commit ? `, from git ${r.commit.slice(0, 7)}${r.uncommitted ? " (with uncommitted changes)" : ""}` : "";
  return `the ${r.kind} of ${time}${git}`;
}
