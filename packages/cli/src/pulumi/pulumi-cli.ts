/**
 * Runs the Pulumi CLI for the commune stacks, with the project's toolchain
 * and settings (scripts/with-toolchain.sh: the pinned CLI, offline
 * settings, the state backend and passphrase unless the user set theirs).
 * Values that must stay secret go through stdin, never the command line.
 */
import { spawn } from "node:child_process";
import * as path from "node:path";

/** The repository this CLI belongs to (it runs from packages/cli/dist). */
export const REPO_ROOT = path.resolve(__dirname, "..", "..", "..", "..");
/** The Pulumi project engineers run, one stack per commune. */
export const COMMUNE_PROJECT = path.join(REPO_ROOT, "stacks", "commune");

export interface PulumiResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface PulumiOptions {
  /** The project directory (default: stacks/commune). */
  cwd?: string;
  /** Written to the CLI's stdin, then closed. */
  input?: string;
  /** Extra environment for this run. */
  env?: NodeJS.ProcessEnv;
  /** Called with each chunk of stderr as it arrives (progress). */
  onStderr?: (chunk: string) => void;
}

/** `pulumi <args> --non-interactive`; never throws for a non-zero exit. */
export function runPulumi(args: readonly string[], options: PulumiOptions = {}): Promise<PulumiResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", [path.join(REPO_ROOT, "scripts", "with-toolchain.sh"), "pulumi", ...args, "--non-interactive"], {
      cwd: options.cwd ?? COMMUNE_PROJECT,
      env: { ...process.env, ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
      options.onStderr?.(chunk);
    });
    child.stdin.end(options.input ?? "");
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** The stacks of the commune project in the current backend. */
export async function listStacks(cwd: string = COMMUNE_PROJECT): Promise<string[]> {
  const result = await runPulumi(["stack", "ls", "--json"], { cwd });
  if (result.code !== 0) throw new PulumiCliError("pulumi stack ls", result);
  return (JSON.parse(result.stdout) as Array<{ name: string }>).map((s) => s.name);
}

/** A Pulumi command that failed, with what it printed (for the user, not a stack trace). */
export class PulumiCliError extends Error {
  constructor(readonly command: string, readonly result: PulumiResult) {
    super(`${command} exited with ${result.code}: ${(result.stderr || result.stdout).trim().split("\n").slice(-5).join("\n")}`);
  }
}
