/**
 * What an `up` stopped half-way leaves (killed, its terminal closed, the
 * machine down): the stack locked, and — when the kill lands while Pulumi
 * writes the stack's state file — that file cut short. Pulumi says so in
 * its own words; `communes pulumi` reads them and says what happened and
 * what to run (docs/safety.md, "After an interrupted up").
 */
import * as path from "node:path";
import { REPO_ROOT } from "./pulumi-cli";

const LOCKED = /the stack is currently locked by \d+ lock/;
const CUT_SHORT = /failed to load checkpoint/;

export interface InterruptionWatcher {
  read(text: string): void;
  /** What to do, when Pulumi's output showed an interrupted run; undefined otherwise. */
  advice(stack: string | undefined): string | undefined;
}

/** Where a file backend keeps a stack's state, and the copy of the one before (Pulumi's `.bak`). */
function stateFile(stack: string): string | undefined {
  // As scripts/toolchain-env.sh chooses it.
  const backend = process.env.PULUMI_BACKEND_URL ?? `file://${path.join(REPO_ROOT, ".state")}`;
  if (!backend.startsWith("file://")) return undefined;
  return path.join(backend.slice("file://".length).replace(/\?.*$/, ""), ".pulumi", "stacks", "commune", `${stack}.json`);
}

/** The way out of a stack state file cut short by an interrupted run. */
export function cutShortAdvice(stack: string): string {
  const file = stateFile(stack);
  const restore = file
    ? `  cp ${file}.bak ${file}   # Pulumi's copy of the state before the last save`
    : "  restore the stack's state from the backend's copy of the last good one (pulumi stack import --file <it>)";
  return [`communes: the state of stack ${stack} was cut short when an earlier run was killed while saving it. If no other run of this stack is going on:`, restore, ...finishing(stack)].join("\n");
}

function lockedAdvice(stack: string | undefined): string {
  return ["communes: the stack is locked by an earlier run that did not finish (killed, or its terminal closed). If no other run of this stack is going on:", ...finishing(stack)].join("\n");
}

/** The two commands that end every recovery: the lock removed, then the run finished from what the devices hold. */
function finishing(stack: string | undefined): string[] {
  const s = stack ? ` --stack ${stack}` : "";
  return [
    `  communes pulumi cancel --yes${s}        # removes the lock; nothing on the devices changes`,
    `  communes pulumi up --refresh${s}   # reads the devices first, so what the interrupted run did is seen, then finishes it`,
  ];
}

/** Whether Pulumi's words say the stack's state file was cut short. */
export function stateCutShort(text: string): boolean {
  return CUT_SHORT.test(text);
}

export function interruptionWatcher(): InterruptionWatcher {
  let text = "";
  let locked = false;
  let cut = false;
  return {
    read(chunk) {
      // Only the tail is needed to find a phrase split between two chunks.
      text = (text + chunk).slice(-4096);
      locked ||= LOCKED.test(text);
      cut ||= stateCutShort(text);
    },
    advice(stack) {
      if (cut && stack) return cutShortAdvice(stack);
      return locked ? lockedAdvice(stack) : undefined;
    },
  };
}
