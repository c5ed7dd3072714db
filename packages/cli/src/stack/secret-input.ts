/**
 * A secret's value for a new stack: from $COMMUNES_SECRET_<NAME> when set
 * (for scripts and CI), otherwise asked on the terminal without echo. Never
 * from the command line, where it would land in shell history and `ps`.
 */
import * as readline from "node:readline";
import { Writable } from "node:stream";

export function secretEnvName(name: string): string {
  return `COMMUNES_SECRET_${name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/[^A-Za-z0-9]+/g, "_").toUpperCase()}`;
}

/** Asks on the terminal, echoing nothing. */
function askHidden(question: string): Promise<string> {
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = readline.createInterface({ input: process.stdin, output: muted, terminal: true });
  process.stderr.write(question);
  return new Promise((resolve) =>
    rl.question("", (answer) => {
      rl.close();
      process.stderr.write("\n");
      resolve(answer);
    }),
  );
}

/** One secret's value, or undefined when there is none (no terminal to ask on, or an empty answer). */
export async function secretValue(name: string, purpose: string, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const value = env[secretEnvName(name)] ?? (process.stdin.isTTY ? await askHidden(`${name} (${purpose}): `) : "");
  return value || undefined;
}

/** The values, or the names that have none. */
export async function secretValues(names: readonly string[], purpose: string): Promise<{ values: Record<string, string>; missing: string[] }> {
  const values: Record<string, string> = {};
  const missing: string[] = [];
  for (const name of names) {
    const value = await secretValue(name, purpose);
    if (value) values[name] = value;
    else missing.push(name);
  }
  return { values, missing };
}
