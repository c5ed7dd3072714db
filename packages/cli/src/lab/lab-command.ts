/** `communes lab start|stop|status`. */
import * as path from "node:path";
import { parseArgs } from "node:util";
import type { Command } from "../commands";
import { UsageError } from "../output";
import { REPO_ROOT } from "../pulumi/pulumi-cli";
import { labStart } from "./lab-start";
import { labStatus } from "./lab-status";
import { labStop } from "./lab-stop";

export const labCommand: Command = {
  usage: `  communes lab start [--fresh] [commune-file | province-dir]
      Start emulators for every device of one commune or a whole province
      (default: examples/thanh-hoa) in the background, each at the loopback
      image of its planned address (10.38.0.226 → 127.38.0.226). Stacks made
      with \`communes stack init <commune-file> --lab\` point at them. The
      devices boot with the configuration they kept when the lab last stopped
      (routers and endpoints all of it, switches what \`write memory\` saved);
      --fresh forgets it and starts them factory-new.
  communes lab stop
      Stop the lab; its devices keep their configuration for the next start.
  communes lab status [--json]
      The lab's devices and whether each answers. Exit 1 when no lab runs or a device does not answer.`,
  async run(argv, out) {
    const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, options: { json: { type: "boolean" }, fresh: { type: "boolean" } } });
    const [action, ...rest] = positionals;
    if (action === "start" && rest.length <= 1 && !values.json) return labStart(rest[0] ?? path.join(REPO_ROOT, "examples", "thanh-hoa"), values.fresh ?? false, out);
    if (action === "stop" && rest.length === 0 && !values.json && !values.fresh) return labStop(out);
    if (action === "status" && rest.length === 0 && !values.fresh) return labStatus(values.json ?? false, out);
    throw new UsageError(action === undefined ? "lab needs start, stop or status" : `lab ${action}: unexpected arguments`);
  },
};
