/**
 * `communes`: the inventory at the desk and the stacks around it. Exit
 * codes: 0 fine, 1 problems found, 2 wrong usage (each command documents
 * more). A mistake in the inventory never produces a stack trace.
 */
import { COMMANDS } from "./commands";
import { UsageError, type Output } from "./output";

function help(): string {
  return `Usage:
${Object.values(COMMANDS).map((c) => c.usage).join("\n")}

A province directory holds province.yaml and communes/*.yaml; a commune file
belongs to the province.yaml in its directory or above it.`;
}

export async function main(argv: readonly string[], out: Output): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "help" || command === "--help" || command === "-h") {
    out.stdout(help());
    return command === undefined ? 2 : 0;
  }
  try {
    const entry = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!entry) throw new UsageError(`unknown command ${JSON.stringify(command)}`);
    if (rest.includes("--help") || rest.includes("-h")) {
      out.stdout(`Usage:\n${entry.usage}`);
      return 0;
    }
    return await entry.run(rest, out);
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      out.stderr(`communes: ${(err as Error).message}\n\n${help()}`);
      return 2;
    }
    throw err;
  }
}
