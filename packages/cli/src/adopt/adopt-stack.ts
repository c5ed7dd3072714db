/**
 * Brings an adopted office under its commune stack without writing to its
 * devices: a new stack configured for the adopted inventory (values through
 * stdin), a preview with `adopt` set that must show nothing but imports, the
 * imports themselves, then `adopt` removed and a preview that must show no
 * changes. The one write allowed is a secret the devices never show (the SIP
 * password, a PPPoE password): it cannot be compared, so it is set once.
 */
import * as path from "node:path";
import { MENU_TABLES } from "@communes/routeros";
import { WRITE_ONLY } from "@communes/endpoint";
import type { StackConfig } from "@communes/network/stack-settings";
import { COMMUNE_PROJECT, PulumiCliError, runPulumi } from "../pulumi/pulumi-cli";
import { parseUrn } from "../pulumi/urn";
import { writeStackSettings } from "../stack/stack-settings";
import { TOKENS } from "@communes/provider/contract";

export interface PreviewStep {
  op: string;
  urn: string;
  detailedDiff?: Record<string, unknown>;
}

/** Resources whose creation writes to no device: the stack, components, provider instances, the router's configuration export (it only reads). */
function offDevice(urn: string): boolean {
  const { type } = parseUrn(urn);
  return type.startsWith("pulumi:") || ([TOKENS.communeNetwork, TOKENS.communeRouter, TOKENS.configExport] as readonly string[]).includes(type);
}

const WRITE_ONLY_NAMES = new Set([...WRITE_ONLY, ...MENU_TABLES.flatMap((t) => Object.entries(t.fields).filter(([, f]) => f.writeOnly).map(([n]) => n))]);

/** The last property name of a diff path: `settings["sip.password"]` → sip.password. */
function leaf(diffPath: string): string {
  const m = /(?:\["([^"]+)"\]|\.?([A-Za-z0-9_-]+))$/.exec(diffPath);
  return m?.[1] ?? m?.[2] ?? diffPath;
}

/** Steps of the adopting preview that are neither imports nor the setting of an unreadable secret. */
export function unexpectedSteps(steps: readonly PreviewStep[]): string[] {
  const out: string[] = [];
  for (const s of steps) {
    if (s.op === "same" || s.op === "import") continue;
    if (s.op === "create" && offDevice(s.urn)) continue;
    const paths = Object.keys(s.detailedDiff ?? {});
    if (s.op === "update" && paths.length > 0 && paths.every((p) => WRITE_ONLY_NAMES.has(leaf(p)))) continue;
    out.push(`${parseUrn(s.urn).name}: ${s.op}${paths.length > 0 ? ` ${paths.join(", ")}` : ""}`);
  }
  return out;
}

export class AdoptStackError extends Error {}

async function pulumi(args: string[], input?: string): Promise<string> {
  const result = await runPulumi(args, input === undefined ? {} : { input });
  if (result.code !== 0) throw new PulumiCliError(`pulumi ${args.slice(0, 2).join(" ")}`, result);
  return result.stdout;
}

/** Creates the stack (it must not exist or must hold nothing) and sets its configuration. */
export async function configureStack(stack: string, inventoryFile: string, config: StackConfig): Promise<void> {
  const selected = await runPulumi(["stack", "select", stack]);
  if (selected.code !== 0) await pulumi(["stack", "init", stack]);
  const state = JSON.parse(await pulumi(["stack", "export", "--stack", stack])) as { deployment?: { resources?: unknown[] } };
  if ((state.deployment?.resources?.length ?? 0) > 0) throw new AdoptStackError(`stack ${stack} already manages resources; adopting needs a new stack`);
  await writeStackSettings(stack, { inventory: { value: path.relative(COMMUNE_PROJECT, inventoryFile) }, ...config });
}

/** Imports the office into the configured stack; returns the writes it allowed (unreadable secrets). */
export async function importOffice(stack: string): Promise<string[]> {
  await pulumi(["config", "set", "--stack", stack, "--plaintext", "adopt"], "true");
  try {
    const preview = JSON.parse(await pulumi(["preview", "--stack", stack, "--json"])) as { steps?: PreviewStep[] };
    const steps = preview.steps ?? [];
    const unexpected = unexpectedSteps(steps);
    if (unexpected.length > 0) throw new AdoptStackError(`the import would change the devices; nothing was imported:\n${unexpected.map((u) => `  ${u}`).join("\n")}`);
    await pulumi(["up", "--stack", stack, "--yes", "--skip-preview"]);
    return steps.filter((s) => s.op === "update").map((s) => `${parseUrn(s.urn).name}: ${Object.keys(s.detailedDiff ?? {}).join(", ")} set (cannot be read back)`);
  } finally {
    await pulumi(["config", "rm", "--stack", stack, "adopt"]);
  }
}

/** True when a preview of the stack shows no changes. */
export async function previewShowsNoChanges(stack: string): Promise<boolean> {
  return (await runPulumi(["preview", "--stack", stack, "--expect-no-changes"])).code === 0;
}
