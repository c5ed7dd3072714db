/** `communes preview-report`: what the next `pulumi up` would do to each commune's devices, for reviewers. */
import { writeOwnerOnly } from "../owner-only-file";
import * as path from "node:path";
import { parseArgs } from "node:util";
import type { Command } from "../commands";
import { UsageError, type Output } from "../output";
import { STACK_SETTING } from "@communes/network/stack-settings";
import { TOKENS } from "@communes/provider/contract";
import { readCommune } from "../load-inventory";
import { COMMUNE_PROJECT, listStacks, PulumiCliError } from "../pulumi/pulumi-cli";
import type { RouterExportCheck } from "../drift/router-export-check";
import { endpointVendors } from "./endpoint-vendors";
import { renderReport, type FailedPreview, type PreviewBasis, type StackPreview } from "./markdown";
import { PreviewInputError, readPreviewFile, stackOf, type PreviewJson } from "./preview-json";
import { previewStacks } from "./run-previews";
import { reachabilityChange } from "./reachability-change";
import { communeOf, exportsBeforeChange, resourceChanges } from "./resource-changes";

/** What the router's changes do to reachability, read against the stack's inventory (named in the preview's configuration). */
function reachabilityOf(preview: PreviewJson): StackPreview["reachability"] {
  const file = preview.config?.[`commune:${STACK_SETTING.inventory}`];
  if (file === undefined) return { problem: "the preview does not name the stack's inventory (its `inventory` setting)" };
  const loaded = readCommune(path.relative(process.cwd(), path.resolve(COMMUNE_PROJECT, file)));
  return "problem" in loaded ? loaded : reachabilityChange(preview, loaded);
}

function toStackPreview(stack: string, preview: PreviewJson, basis: PreviewBasis, outsideManaged: RouterExportCheck[] = []): StackPreview {
  const commune = communeOf(preview);
  const changes = resourceChanges(preview);
  const reachability = changes.some((c) => c.type === TOKENS.table) ? reachabilityOf(preview) : undefined;
  return { stack, ...(commune ? { commune } : {}), changes, exports: exportsBeforeChange(preview), vendors: endpointVendors(preview), basis, outsideManaged, ...(reachability ? { reachability } : {}) };
}

export const previewReportCommand: Command = {
  usage: `  communes preview-report [--stack <name>]... [--all] [--refresh] [--from-json <file>]... [--out <file.md>] [--concurrency <n>]
      A Markdown report for reviewers of what pulumi up would change, per commune and device:
      each property before → after, the RouterOS / IOS / endpoint API form, risk flags; what the
      router's changes open or cut (who reaches what, per service, and the checks of
      communes verify they break or fix); secrets hidden.
      --stack runs pulumi preview --json for that stack of stacks/commune (repeatable), --all for
      every stack; --from-json reads a saved \`pulumi preview --json\` instead (repeatable).
      The preview compares the inventory with what each stack recorded and reads no device;
      --refresh reads every device first, as \`pulumi up --refresh\` will.
      --out writes the report to a file (default: standard output); --concurrency previews at
      most n stacks at a time (default 2).
      Exit: 0 report written (changes or not), 1 a preview failed (the report names it), 2 usage.`,
  run(argv, out) {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        stack: { type: "string", multiple: true },
        all: { type: "boolean" },
        "from-json": { type: "string", multiple: true },
        out: { type: "string" },
        concurrency: { type: "string" },
        refresh: { type: "boolean" },
      },
    });
    const stacks = values.stack ?? [];
    const files = values["from-json"] ?? [];
    if (values.all && stacks.length > 0) throw new UsageError("--all already takes every stack; drop --stack");
    if (!values.all && stacks.length === 0 && files.length === 0) throw new UsageError("preview-report needs --stack <name>, --all or --from-json <file>");
    if (values.refresh && stacks.length === 0 && !values.all) throw new UsageError("--refresh reads the devices of the stacks it previews: give --stack or --all");
    const concurrency = Number(values.concurrency ?? "2");
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError(`--concurrency must be a whole number of at least 1, not ${JSON.stringify(values.concurrency)}`);
    return report({ stacks, all: values.all ?? false, refresh: values.refresh ?? false, files, outFile: values.out, concurrency }, out);
  },
};

async function report(args: { stacks: string[]; all: boolean; refresh: boolean; files: string[]; outFile: string | undefined; concurrency: number }, out: Output): Promise<number> {
  const previews: StackPreview[] = [];
  const failed: FailedPreview[] = [];
  try {
    for (const file of args.files) {
      const preview = readPreviewFile(file);
      previews.push(toStackPreview(stackOf(preview) ?? file, preview, "saved"));
    }
  } catch (err) {
    if (!(err instanceof PreviewInputError)) throw err;
    out.stderr(`communes preview-report: ${err.message}`);
    return 2;
  }
  let stacks = args.stacks;
  if (args.all || stacks.length > 0) {
    let known: string[];
    try {
      known = await listStacks();
    } catch (err) {
      if (!(err instanceof PulumiCliError)) throw err;
      out.stderr(`communes preview-report: cannot list the stacks: ${err.message}`);
      return 1;
    }
    const unknown = stacks.filter((s) => !known.includes(s));
    if (unknown.length > 0) throw new UsageError(`no stack ${unknown.map((s) => JSON.stringify(s)).join(", ")} in the commune project (stacks: ${known.join(", ") || "none"})`);
    if (args.all) stacks = known;
  }
  for (const outcome of await previewStacks(stacks, args.concurrency, args.refresh)) {
    if ("error" in outcome) failed.push({ stack: outcome.stack, reason: outcome.error });
    else previews.push(toStackPreview(outcome.stack, outcome.preview, args.refresh ? "devices" : "recorded", outcome.outsideManaged));
  }
  const markdown = renderReport(previews, failed);
  if (args.outFile) {
    writeOwnerOnly(args.outFile, markdown);
    out.stdout(`report written to ${args.outFile}: ${previews.length} commune${previews.length === 1 ? "" : "s"}`);
  } else {
    out.stdout(markdown);
  }
  for (const f of failed) out.stderr(`communes preview-report: the preview of stack ${f.stack} failed: ${f.reason}`);
  return failed.length > 0 ? 1 : 0;
}
