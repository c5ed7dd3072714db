/**
 * The `communes` subcommands. Each parses its own arguments (strictly: an
 * unknown flag is a usage error) and returns its exit code.
 */
import type { Output } from "./output";
import { validateCommand } from "./validate-command";
import { planCommand } from "./plan-command";
import { labCommand } from "./lab/lab-command";
import { stackCommand } from "./stack/stack-command";
import { previewReportCommand } from "./preview-report/preview-report-command";
import { adoptCommand } from "./adopt/adopt-command";
import { driftCommand } from "./drift/drift-command";
import { pulumiCommand } from "./pulumi/pulumi-command";
import { verifyCommand } from "./verify/verify-command";

export interface Command {
  /** Usage lines for the help text, indented by two spaces. */
  usage: string;
  run(argv: readonly string[], out: Output): number | Promise<number>;
  /** True when every argument, --help included, is for the program the command runs. */
  passesArguments?: boolean;
}

export const COMMANDS: Record<string, Command> = {
  validate: validateCommand,
  plan: planCommand,
  verify: verifyCommand,
  lab: labCommand,
  stack: stackCommand,
  "preview-report": previewReportCommand,
  adopt: adoptCommand,
  drift: driftCommand,
  pulumi: pulumiCommand,
};
