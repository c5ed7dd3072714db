/** Process entry point of the `communes` command. */
import { main } from "./main";
import { processOutput } from "./output";

// What communes and the processes it starts (Pulumi, providers, the lab) write is the user's alone: state, device configurations, reports.
process.umask(0o077);

// A reader that stops early (`communes plan … | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code !== "EPIPE") throw err;
    process.exit(process.exitCode ?? 0);
  });
}

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
