/**
 * Before `communes pulumi up` / `preview` (with or without `--refresh`),
 * the stack's inventory is validated, and a bad one stops everything there:
 * with `--refresh` Pulumi reads every device before the program runs, so the
 * program's own check would come only after the devices were contacted.
 */
import * as path from "node:path";
import { discover } from "@communes/inventory";
import { loadOrReport } from "../load-inventory";
import type { Output } from "../output";
import { STACK_SETTING } from "@communes/network/stack-settings";
import { COMMUNE_PROJECT, runPulumi } from "./pulumi-cli";
import { cutShortAdvice, stateCutShort } from "./interrupted-run";

/** The Pulumi commands that run the commune program (`update` and `pre` are Pulumi's aliases). */
const GUARDED = new Set(["up", "update", "preview", "pre"]);

/** Pulumi's global flags that take a value as the next argument. */
const GLOBAL_WITH_VALUE = new Set(["--color", "--cwd", "-C", "--memprofilerate", "--profiling", "--tracing", "--tracing-header", "--verbose", "-v", "--otel-traces"]);

/** The Pulumi command of `argv` (`up` in `--color never up --stack x`), or undefined. */
export function pulumiSubcommand(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("-")) return arg;
    if (GLOBAL_WITH_VALUE.has(arg)) i++;
  }
  return undefined;
}

/** The stack `argv` names with --stack / -s, or undefined. */
export function stackArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--stack" || arg === "-s") return argv[i + 1];
    const joined = /^(?:--stack=|-s=?)(.+)$/.exec(arg);
    if (joined) return joined[1];
  }
  return undefined;
}

export function needsGuard(argv: readonly string[]): boolean {
  const command = pulumiSubcommand(argv);
  return command !== undefined && GUARDED.has(command) && !argv.includes("--help") && !argv.includes("-h");
}

/** A plain (not secret) setting of a stack, or undefined when unset. */
export async function stackSetting(stack: string, key: string): Promise<string | undefined> {
  const setting = await runPulumi(["config", "get", key, "--stack", stack]);
  if (setting.code !== 0 && stateCutShort(setting.stderr)) throw new StateCutShortError(stack);
  return setting.code !== 0 || setting.stdout.trim() === "" ? undefined : setting.stdout.trim();
}

/** The stack's state file cannot be read: an interrupted run left it cut short. */
export class StateCutShortError extends Error {
  constructor(readonly stackName: string) {
    super(cutShortAdvice(stackName));
  }
}

/** The commune file a stack's program reads (its `inventory` setting), relative to where the user is; undefined when unset. */
export async function stackInventoryFile(stack: string): Promise<string | undefined> {
  const setting = await stackSetting(stack, STACK_SETTING.inventory);
  if (setting === undefined) return undefined;
  // Relative to the project, as the program reads it.
  const absolute = path.resolve(COMMUNE_PROJECT, setting);
  return path.relative(process.cwd(), absolute) || absolute;
}

/**
 * Validates the inventory of the stack `argv` runs on. Returns undefined
 * when Pulumi may run, or the exit code to stop with (problems printed).
 */
export async function guardInventory(argv: readonly string[], out: Output): Promise<number | undefined> {
  if (!needsGuard(argv)) return undefined;
  const command = pulumiSubcommand(argv)!;
  const refused = (why: string) => {
    out.stderr(`communes: ${why}; pulumi ${command} was not run and no device was contacted`);
    return 1;
  };
  let stack = stackArgument(argv);
  if (stack === undefined) {
    const current = await runPulumi(["stack", "--show-name"]);
    if (current.code !== 0 || current.stdout.trim() === "") return refused("no stack is selected: name it with --stack <commune>");
    stack = current.stdout.trim();
  }
  let file: string | undefined;
  try {
    file = await stackInventoryFile(stack);
  } catch (err) {
    if (!(err instanceof StateCutShortError)) throw err;
    out.stderr(err.message);
    return 1;
  }
  if (file === undefined) return refused(`stack ${stack} has no inventory setting (communes stack init sets it)`);
  const { targets, errors } = discover([file]);
  if (errors.length > 0) return refused(`the inventory of stack ${stack}: ${errors.join("; ")}`);
  const inventory = loadOrReport(targets[0]!, out, `pulumi ${command} was not run and no device was contacted`, true);
  return inventory ? undefined : 1;
}
