/** A stack's secret configuration values, so that none can reach a report (redact.ts). */
import { runPulumi } from "./pulumi-cli";

export async function stackSecrets(stack: string): Promise<string[]> {
  const result = await runPulumi(["config", "--json", "--show-secrets", "--stack", stack]);
  if (result.code !== 0) return [];
  let config: Record<string, { value?: unknown; secret?: boolean }>;
  try {
    config = JSON.parse(result.stdout) as typeof config;
  } catch {
    return [];
  }
  return Object.values(config).flatMap((c) => (c.secret && typeof c.value === "string" && c.value !== "" ? [c.value] : []));
}
