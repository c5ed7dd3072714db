/**
 * No value of the inventory may be blank: a name, label or description made
 * only of spaces (or other invisible characters) passes `minLength` but names
 * nothing on the devices. Checked on each schema-valid document, every
 * string at once, so a property added to the schema later is covered too.
 */
import type { Finding, PropertyPath } from "../diagnostic";

const BLANK = /^[\s\u200B-\u200D\u2060]*$/u;

export function isBlank(text: string): boolean {
  return BLANK.test(text);
}

/** The value quoted, with every character but the ASCII space as a \u escape (they are invisible). */
function visible(text: string): string {
  return `"${[...text].map((ch) => (ch === " " ? ch : `\\u${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`)).join("")}"`;
}

/** Every string of `data` that is empty or only white space. */
export function checkBlankStrings(file: string, data: unknown): Finding[] {
  const findings: Finding[] = [];
  const walk = (value: unknown, path: PropertyPath): void => {
    if (typeof value === "string") {
      if (isBlank(value)) {
        findings.push({ file, path, message: value === "" ? "must not be empty" : `${visible(value)} is only white space; write a real value` });
      }
    } else if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]));
    else if (value !== null && typeof value === "object") for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
  };
  walk(data, []);
  return findings;
}
