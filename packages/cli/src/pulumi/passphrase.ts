/**
 * Real device passwords are never stored under the demo's public
 * passphrase. scripts/toolchain-env.sh gives every Pulumi command that
 * passphrase when none is set, so that the lab and the tests run with no
 * setup; a stack that will hold a commune's real secrets must have the
 * province's own. Lab stacks (named `…-lab`) hold only the lab's public
 * credentials and may use it.
 */
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { COMMUNE_PROJECT } from "./pulumi-cli";

/** Set by scripts/toolchain-env.sh when neither PULUMI_CONFIG_PASSPHRASE nor _FILE is. */
const PUBLIC_PASSPHRASE = "communes-local-demo";

/** How lab stacks are named (`communes stack init --lab`): `<commune>-lab`. */
export const LAB_STACK_SUFFIX = "-lab";

/** True when the stack's settings name a secrets provider other than a passphrase (a cloud KMS key). */
function usesKms(stack: string): boolean {
  const settings = path.join(COMMUNE_PROJECT, `Pulumi.${stack}.yaml`);
  if (!existsSync(settings)) return false;
  const provider = /^secretsprovider:\s*(\S+)/m.exec(readFileSync(settings, "utf8"))?.[1];
  return provider !== undefined && !provider.startsWith("passphrase");
}

/**
 * Why `stack`'s secrets would not be protected (a sentence for the user),
 * or undefined when they would be.
 */
export function unprotectedSecrets(stack: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (stack.endsWith(LAB_STACK_SUFFIX) || env.PULUMI_CONFIG_PASSPHRASE_FILE || usesKms(stack)) return undefined;
  const passphrase = env.PULUMI_CONFIG_PASSPHRASE;
  if (passphrase && passphrase !== PUBLIC_PASSPHRASE) return undefined;
  const why = passphrase ? `PULUMI_CONFIG_PASSPHRASE is the demo's public ${PUBLIC_PASSPHRASE}` : `PULUMI_CONFIG_PASSPHRASE is not set, so the demo's public ${PUBLIC_PASSPHRASE} would be used`;
  return `stack ${stack} would hold the commune's device passwords encrypted with a passphrase everyone knows: ${why}. Set PULUMI_CONFIG_PASSPHRASE (or PULUMI_CONFIG_PASSPHRASE_FILE) to the province's own passphrase and run again (lab stacks, named …-lab, may use the public one)`;
}
