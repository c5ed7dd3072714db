/** Process entry point of the `communes` command. */
import { main } from "./main";
import { processOutput } from "./output";

main(process.argv.slice(2), processOutput).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // Only a bug gets here: user mistakes are diagnostics or usage errors.
    process.stderr.write(`communes: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    if (process.env.COMMUNES_DEBUG) process.stderr.write(`${(err as Error).stack}\n`);
    process.exitCode = 70;
  },
);
