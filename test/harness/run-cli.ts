/** The `communes` command run in-process, its output captured. */
import { main } from "@communes/cli";

export async function runCli(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main([...args], { stdout: (t) => void (stdout += `${t}\n`), stderr: (t) => void (stderr += `${t}\n`) });
  return { code, stdout, stderr };
}
