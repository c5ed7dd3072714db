/**
 * Inventory files are UTF-8. A file with bytes that are not (saved as
 * Windows-1258, TCVN3, or cut in the middle of a character) is refused with
 * the place of its first invalid byte, instead of being read with U+FFFD
 * where the bytes were and written to the devices like that.
 */
import type { Diagnostic } from "../diagnostic";

export interface InvalidUtf8 {
  /** Byte offset of the first byte that is not part of a well-formed sequence. */
  offset: number;
  /** Why: what the byte is and what was expected. */
  reason: string;
}

const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, "0")}`;

/**
 * The first ill-formed sequence of `bytes` (Unicode's well-formed UTF-8
 * table: no overlong forms, no surrogates, nothing above U+10FFFF), or
 * undefined when all of it is UTF-8.
 */
export function firstInvalidUtf8(bytes: Uint8Array): InvalidUtf8 | undefined {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0; // overlong
      if (b === 0xed) high = 0x9f; // surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90; // overlong
      if (b === 0xf4) high = 0x8f; // above U+10FFFF
    } else {
      const what = b <= 0xbf ? "a continuation byte with no character before it" : "a byte that never occurs in UTF-8";
      return { offset: i, reason: `byte ${hex(b)} is ${what}` };
    }
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      const lo = k === 1 ? low : 0x80;
      const hi = k === 1 ? high : 0xbf;
      if (next === undefined) return { offset: i, reason: `byte ${hex(b)} starts a ${length}-byte character that the end of the file cuts short` };
      if (next < lo || next > hi) return { offset: i, reason: `byte ${hex(b)} starts a ${length}-byte character but is followed by ${hex(next)}` };
    }
    i += length;
  }
  return undefined;
}

/** The file's text, or a diagnostic at the line and column of its first invalid byte. */
export function decodeUtf8(file: string, bytes: Uint8Array): { text: string } | { diagnostic: Diagnostic } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    const bad = firstInvalidUtf8(bytes) ?? { offset: 0, reason: "the decoder refused it" };
    // Line and column as the other diagnostics count them: lines by \n, columns in
    // characters of the decoded text (the decoder drops a byte-order mark, as for the YAML).
    const before = new TextDecoder("utf-8").decode(bytes.subarray(0, bad.offset));
    const lineStart = before.lastIndexOf("\n") + 1;
    const line = before.split("\n").length;
    const col = before.length - lineStart + 1;
    return {
      diagnostic: {
        file,
        line,
        col,
        path: "",
        message: `the file is not valid UTF-8: ${bad.reason} (byte offset ${bad.offset}); save it as UTF-8 (an editor may have saved it as Windows-1258 or TCVN3)`,
      },
    };
  }
}
