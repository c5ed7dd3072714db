/** Files and directories under `dir` that someone other than their owner may read, write or enter (symbolic links left aside). */
import { lstatSync, readdirSync } from "node:fs";
import * as path from "node:path";

export function looseFiles(dir: string): string[] {
  const loose: string[] = [];
  const walk = (at: string) => {
    const stat = lstatSync(at);
    if (stat.isSymbolicLink()) return;
    if ((stat.mode & 0o077) !== 0) loose.push(`${path.relative(dir, at) || "."} ${(stat.mode & 0o777).toString(8)}`);
    if (stat.isDirectory()) for (const name of readdirSync(at)) walk(path.join(at, name));
  };
  walk(dir);
  return loose;
}
