/**
 * `communes pulumi <args>`: the Pulumi CLI of this repository's toolchain,
 * run in the commune project (stacks/commune), so an engineer types
 * `npx communes pulumi up --stack thieu-trung` from anywhere in the
 * repository. Arguments, terminal and exit code are Pulumi's own.
 *
 * `up` and `preview` first validate the stack's inventory (inventory-guard):
 * a bad one stops here, before Pulumi starts and before `--refresh` reads
 * any device.
 */
import { spawn } from "node:child_process";
import { constants } from "node:os";
import * as path from "node:path";
import type { Command } from "../commands";
import { UsageError } from "../output";
import { guardInventory, stackArgument } from "./inventory-guard";
import { interruptionWatcher } from "./interrupted-run";
import { COMMUNE_PROJECT, REPO_ROOT } from "./pulumi-cli";

export const pulumiCommand: Command = {
  usage: `  communes pulumi <pulumi arguments>
      Pulumi (the toolchain's pinned CLI, with the project's backend and
      offline settings) in the commune project, e.g.
      \`communes pulumi up --refresh --stack thieu-trung\`. Its exit code is Pulumi's.
      up and preview check the stack's inventory first: with a problem,
      Pulumi is not run and no device is contacted (exit 1).`,
  passesArguments: true,
  async run(argv, out) {
    if (argv.length === 0) throw new UsageError("pulumi needs a Pulumi command, e.g. communes pulumi preview --stack thieu-trung");
    const stopped = await guardInventory(argv, out);
    if (stopped !== undefined) return stopped;
    return new Promise((resolve, reject) => {
      // Pulumi's error output is passed on as it comes, and read for the traces of an interrupted run.
      const child = spawn("bash", [path.join(REPO_ROOT, "scripts", "with-toolchain.sh"), "pulumi", ...argv], { cwd: COMMUNE_PROJECT, stdio: ["inherit", "inherit", "pipe"] });
      const seen = interruptionWatcher();
      child.stderr.on("data", (chunk: Buffer) => {
        process.stderr.write(chunk);
        seen.read(chunk.toString("utf8"));
      });
      child.on("error", reject);
      child.on("close", (code, signal) => {
        const advice = seen.advice(stackArgument(argv));
        if (code !== 0 && advice) out.stderr(advice);
        resolve(code ?? 128 + (signal ? constants.signals[signal] : 0));
      });
    });
  },
};
