/**
 * `communes stack init`: a commune's stack from its inventory in one
 * command — the inventory checked first, then `pulumi stack init`, the
 * `inventory` setting and every secret the commune needs, encrypted. With
 * --lab, the stack points at the running lab's devices instead (addresses,
 * host keys, certificates and the lab's credentials). On any failure the
 * half-made stack is removed.
 */
import { existsSync } from "node:fs";
import * as path from "node:path";
import { secretNames } from "@communes/intent";
import { readLabRecord } from "@communes/lab";
import type { StackConfig } from "@communes/network/stack-settings";
import { loadCommune } from "../load-inventory";
import type { Output } from "../output";
import { isRunning, labDir } from "../lab/lab-dir";
import { LAB_STACK_SUFFIX, unprotectedSecrets } from "../pulumi/passphrase";
import { COMMUNE_PROJECT, listStacks, PulumiCliError, runPulumi } from "../pulumi/pulumi-cli";
import { secretEnvName, secretValues } from "./secret-input";
import { writeStackSettings } from "./stack-settings";

export interface StackInitOptions {
  stack?: string | undefined;
  lab?: boolean | undefined;
}

/** The stack's name: the commune file's name (thieu-trung.yaml → thieu-trung), `-lab` for the lab's. */
export function defaultStackName(file: string, lab: boolean): string {
  return `${path.basename(file).replace(/\.ya?ml$/, "")}${lab ? LAB_STACK_SUFFIX : ""}`;
}

function labConfig(file: string, out: Output): StackConfig | undefined {
  const record = readLabRecord(labDir());
  if (!record || !isRunning(record.pid)) {
    out.stderr(`communes: no lab is running; start one first: communes lab start ${file}`);
    return undefined;
  }
  const commune = record.communes.find((c) => c.file === path.resolve(file));
  if (!commune) {
    out.stderr(`communes: the running lab (for ${record.inventory}) has no devices for ${file}`);
    return undefined;
  }
  return commune.config;
}

async function secretConfig(names: string[], communeName: string, out: Output): Promise<StackConfig | undefined> {
  const { values, missing } = await secretValues(names, communeName);
  if (missing.length > 0) {
    out.stderr(`communes: no value for ${missing.map((n) => `${n} (set ${secretEnvName(n)} or run on a terminal)`).join(", ")}; no stack created`);
    return undefined;
  }
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { value, secret: true }]));
}

export async function stackInit(file: string, options: StackInitOptions, out: Output): Promise<number> {
  const loaded = loadCommune(file, out, "no stack created");
  if (!loaded) return 1;
  const { province, commune, plan } = loaded;
  const stack = options.stack ?? defaultStackName(file, options.lab ?? false);
  const unprotected = options.lab ? undefined : unprotectedSecrets(stack);
  if (unprotected) {
    out.stderr(`communes: ${unprotected}; no stack created`);
    return 1;
  }
  if ((await listStacks()).includes(stack)) {
    out.stderr(`communes: stack ${stack} already exists; change a setting with \`pulumi config set\`, or remove it with \`pulumi stack rm ${stack}\` first`);
    return 1;
  }
  const settingsFile = path.join(COMMUNE_PROJECT, `Pulumi.${stack}.yaml`);
  if (existsSync(settingsFile)) {
    out.stderr(`communes: ${path.relative(process.cwd(), settingsFile)} exists but this backend has no stack ${stack} (made with another backend or passphrase?); move it away to start over`);
    return 1;
  }
  const inventory = path.relative(COMMUNE_PROJECT, path.resolve(file));
  const config = options.lab
    ? labConfig(file, out)
    : await secretConfig(secretNames(province, commune, plan), `${commune.kind} ${commune.name}`, out);
  if (!config) return 1;

  const init = await runPulumi(["stack", "init", stack]);
  if (init.code !== 0) {
    out.stderr(`communes: pulumi stack init ${stack} failed: ${init.stderr.trim()}`);
    return 1;
  }
  try {
    await writeStackSettings(stack, { ...config, inventory: { value: inventory } });
  } catch (err) {
    if (!(err instanceof PulumiCliError)) throw err;
    await runPulumi(["stack", "rm", "--yes", "--force", stack]);
    out.stderr(`communes: ${err.message}\nstack ${stack} removed again`);
    return 1;
  }
  out.stderr(`stack ${stack} created for ${commune.kind} ${commune.name}: settings in ${path.join(path.relative(process.cwd(), COMMUNE_PROJECT) || ".", `Pulumi.${stack}.yaml`)}${options.lab ? " (pointing at the lab)" : ""}`);
  out.stderr(`next: npx communes pulumi preview --refresh --stack ${stack}`);
  return 0;
}
