/**
 * IOS output filters: `show … | include|exclude|begin|section|count REGEX`,
 * each keyword by any unique prefix (`| i`, `| sec`, `| inc`). The regex is
 * the rest of the line, spaces included; IOS's `_` matches a delimiter
 * (start or end of line, space, comma, braces, parentheses).
 */
import { matchKeyword } from "./ios-abbreviations";

export const PIPE_FILTERS: Record<string, string> = {
  append: "Append redirected output to URL (URLs supporting append operation only)",
  begin: "Begin with the line that matches",
  count: "Count number of lines which match regexp",
  exclude: "Exclude lines that match",
  format: "Format the output using the specified spec file",
  include: "Include lines that match",
  redirect: "Redirect output to URL",
  section: "Filter a section of output",
  tee: "Copy output to URL",
};
const IMPLEMENTED = ["begin", "count", "exclude", "include", "section"];

export type PipeSplit =
  | { kind: "none" }
  | { kind: "filter"; command: string; filter: string; regex: RegExp }
  | { kind: "error"; at: number; message: "invalid" | "incomplete" | "ambiguous" };

/** Splits `line` at its first ` | `; `at` is the column of the offending word (for the caret). */
export function splitPipe(line: string): PipeSplit {
  const bar = line.indexOf("|");
  if (bar < 0) return { kind: "none" };
  const command = line.slice(0, bar).trimEnd();
  const after = line.slice(bar + 1);
  const m = /^(\s*)(\S+)?(\s*)(.*)$/.exec(after)!;
  const at = bar + 1 + m[1]!.length;
  if (!m[2]) return { kind: "error", at, message: "incomplete" };
  const match = matchKeyword(m[2], Object.keys(PIPE_FILTERS));
  if (match.kind === "ambiguous") return { kind: "error", at, message: "ambiguous" };
  if (match.kind === "none" || !IMPLEMENTED.includes(match.keyword)) return { kind: "error", at, message: "invalid" };
  const text = m[4]!.trimEnd();
  if (text === "") return { kind: "error", at, message: "incomplete" };
  const regex = iosRegex(text);
  if (!regex) return { kind: "error", at: at + m[2].length + m[3]!.length, message: "invalid" };
  return { kind: "filter", command, filter: match.keyword, regex };
}

/** An IOS regular expression as a JavaScript one: `_` is a delimiter. */
export function iosRegex(text: string): RegExp | undefined {
  try {
    return new RegExp(text.replace(/(\\.)|_/g, (all, escaped: string | undefined) => escaped ?? "(?:^|$|[ ,{}()])"));
  } catch {
    return undefined;
  }
}

export function applyPipe(output: string, filter: string, re: RegExp): string {
  const lines = output.split("\n");
  if (lines.at(-1) === "") lines.pop();
  let kept: string[];
  if (filter === "include") kept = lines.filter((l) => re.test(l));
  else if (filter === "exclude") kept = lines.filter((l) => !re.test(l));
  else if (filter === "begin") {
    const first = lines.findIndex((l) => re.test(l));
    kept = first < 0 ? [] : lines.slice(first);
  } else if (filter === "count") {
    return `Number of lines which match regexp = ${lines.filter((l) => re.test(l)).length}\n`;
  } else {
    // section: each line that matches, with the indented lines under it.
    kept = [];
    let inSection = false;
    for (const l of lines) {
      if (!l.startsWith(" ")) inSection = re.test(l);
      else if (!inSection && re.test(l)) {
        kept.push(l);
        continue;
      }
      if (inSection) kept.push(l);
    }
  }
  return kept.length > 0 ? `${kept.join("\n")}\n` : "";
}
