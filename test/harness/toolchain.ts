/**
 * Where the project's toolchain lives and the environment Pulumi runs with,
 * from the same files scripts/toolchain-env.sh reads.
 */
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";

export const repoRoot = path.resolve(__dirname, "../..");
export const toolsDir = path.join(repoRoot, ".tools");

/** KEY=VALUE lines of toolchain/pulumi.env. */
export function pulumiEnvFile(): Record<string, string> {
  const text = readFileSync(path.join(repoRoot, "toolchain/pulumi.env"), "utf8");
  const entries = text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => {
      const eq = line.indexOf("=");
      return [line.slice(0, eq), line.slice(eq + 1)] as const;
    });
  return Object.fromEntries(entries);
}

/**
 * The root PulumiCommand should use: the tools directory when the bootstrap
 * built the CLI there, or undefined to take `pulumi` from PATH.
 */
export function pulumiRoot(): string | undefined {
  return existsSync(path.join(toolsDir, "bin", "pulumi")) ? toolsDir : undefined;
}

/** PATH with the tools directory first, so the language host finds the pinned node. */
export function toolchainPath(): string {
  return [path.join(toolsDir, "bin"), process.env.PATH ?? ""].join(path.delimiter);
}
