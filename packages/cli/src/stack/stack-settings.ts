/** Writing a commune stack's settings: each value through stdin (never the command line), secrets encrypted. */
import type { StackConfig } from "@communes/network/stack-settings";
import { PulumiCliError, runPulumi } from "../pulumi/pulumi-cli";

export async function writeStackSettings(stack: string, settings: StackConfig): Promise<void> {
  for (const [key, { value, secret }] of Object.entries(settings)) {
    const set = await runPulumi(["config", "set", "--stack", stack, secret ? "--secret" : "--plaintext", key], { input: value });
    if (set.code !== 0) throw new PulumiCliError(`pulumi config set ${key}`, set);
  }
}
