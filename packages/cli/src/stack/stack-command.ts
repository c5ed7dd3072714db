/** `communes stack init`. */
import { parseArgs } from "node:util";
import type { Command } from "../commands";
import { UsageError } from "../output";
import { stackInit } from "./stack-init";

export const stackCommand: Command = {
  usage: `  communes stack init <commune-file> [--stack <name>] [--lab]
      Create the commune's stack of stacks/commune (default name: the file's,
      e.g. thieu-trung): checks the inventory, sets \`inventory\` and asks for
      each secret the commune needs (or reads COMMUNES_SECRET_<NAME>), stored
      encrypted. --lab points the stack (default name <file>-lab) at the
      running lab instead. Exit 1 when nothing was created.`,
  async run(argv, out) {
    const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, options: { stack: { type: "string" }, lab: { type: "boolean" } } });
    const [action, file, ...rest] = positionals;
    if (action !== "init" || !file || rest.length > 0) throw new UsageError("usage: communes stack init <commune-file> [--stack <name>] [--lab]");
    return stackInit(file, values, out);
  },
};
