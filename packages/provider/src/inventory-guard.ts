/**
 * A bad inventory reaches no device, even when no program runs. `pulumi
 * refresh`, `preview --refresh`, `up --refresh` and `destroy` call the
 * provider before (or without) the stack program that validates the
 * inventory; each device's provider is configured with the commune's file
 * (its `inventory` setting, relative to the Pulumi project), and before it
 * reads or removes anything it checks that file as the program would. A
 * file that is gone (a commune taken out of the inventory) is not checked.
 */
import { existsSync, statSync } from "node:fs";
import * as path from "node:path";
import { OperationError } from "./resource-type";

/** The Pulumi project's directory: the engine starts plugins where the program runs (for this project, its dist/). */
function projectDir(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "Pulumi.yaml"))) return dir;
    if (path.dirname(dir) === dir) return from;
  }
}

const verdicts = new Map<string, Promise<string | undefined>>();

async function problemsOf(project: string, absolute: string, shown: string): Promise<string | undefined> {
  if (!existsSync(absolute) || !statSync(absolute).isFile()) return undefined;
  // Loaded only here: the provider's other work does not pay for the inventory's modules.
  const { discover, formatDiagnostic, loadInventory, requestedDiagnostics } = await import("@communes/inventory");
  const { targets, errors } = discover([absolute]);
  if (errors.length > 0) return `the inventory ${shown}: ${errors.join("; ")}`;
  const problems = requestedDiagnostics(targets[0]!, loadInventory(targets[0]!));
  if (problems.length === 0) return undefined;
  const lines = problems.map((d) => formatDiagnostic({ ...d, file: path.relative(project, d.file) }));
  return `the inventory has ${problems.length} problem${problems.length === 1 ? "" : "s"}; no device was read or changed:\n${lines.join("\n")}`;
}

/** Throws when the provider's configured inventory file has problems; checked once per file and process. */
export async function checkInventory(config: { inventory?: unknown }): Promise<void> {
  if (typeof config.inventory !== "string" || config.inventory === "") return;
  const project = projectDir(process.cwd());
  const absolute = path.resolve(project, config.inventory);
  if (!verdicts.has(absolute)) verdicts.set(absolute, problemsOf(project, absolute, config.inventory));
  const problem = await verdicts.get(absolute);
  if (problem) throw new OperationError(problem);
}
