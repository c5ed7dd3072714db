/**
 * `communes`: the inventory at the desk and the stacks around it. Exit
 * codes: 0 fine, 1 problems found, 2 wrong usage (each command documents
 * more). A mistake in the inventory never produces a stack trace.
 */
import { closest } from "@communes/inventory";
import { COMMANDS, type Command } from "./commands";
import { UsageError, type Output } from "./output";

function help(): string {
  return `Usage:
${Object.values(COMMANDS).map((c) => c.usage).join("\n")}

A province directory holds province.yaml and communes/*.yaml; a commune file
belongs to the province.yaml in its directory or above it.`;
}

/** The long options a command's usage names, for "did you mean". */
function optionsOf(command: Command): string[] {
  return [...new Set([...command.usage.matchAll(/--[a-z][a-z-]*/g)].map((m) => m[0]))];
}

/** A usage mistake in one line, then how to use that command (not every command). */
function usageError(err: Error & { code?: string }, name: string, command: Command): string {
  const unknown = err.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" ? /'([^']+)'/.exec(err.message)?.[1] : undefined;
  let message = err.message;
  if (unknown !== undefined) {
    const near = closest(unknown, optionsOf(command));
    message = `${name} has no option ${unknown}${near ? `; did you mean ${near}?` : ""}`;
  }
  return `communes: ${message}\n\nUsage:\n${command.usage}`;
}

export async function main(argv: readonly string[], out: Output): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    out.stdout(help());
    return name === undefined ? 2 : 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    const near = closest(name, Object.keys(COMMANDS));
    out.stderr(`communes: unknown command ${JSON.stringify(name)}${near ? `; did you mean ${near}?` : ""}\ncommands: ${Object.keys(COMMANDS).join(", ")}; \`communes help\` shows how to use each`);
    return 2;
  }
  if (!command.passesArguments && (rest.includes("--help") || rest.includes("-h"))) {
    out.stdout(`Usage:\n${command.usage}`);
    return 0;
  }
  try {
    return await command.run(rest, out);
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      out.stderr(usageError(err as Error, name, command));
      return 2;
    }
    throw err;
  }
}
