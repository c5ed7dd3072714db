import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadInventory } from "../inventory";
import { decodeUtf8, firstInvalidUtf8 } from "./utf8";

const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))));

describe("strict UTF-8 decoding", () => {
  it("decodes UTF-8, Vietnamese included, and drops a byte-order mark", () => {
    expect(decodeUtf8("f.yaml", bytes("name: Thiệu Trung\n"))).toEqual({ text: "name: Thiệu Trung\n" });
    expect(decodeUtf8("f.yaml", bytes([0xef, 0xbb, 0xbf], "a: 1\n"))).toEqual({ text: "a: 1\n" });
  });

  it("refuses a Windows-1258 byte at its line, column and byte offset instead of reading U+FFFD", () => {
    // "Hóa" in Windows-1258 is 48 F3 61: F3 is not UTF-8 followed by "a".
    const result = decodeUtf8("f.yaml", bytes("code: \"38\"\nname: Thanh H", [0xf3], "a\n"));
    expect(result).toEqual({
      diagnostic: {
        file: "f.yaml",
        line: 2,
        col: 14,
        path: "",
        message:
          "the file is not valid UTF-8: byte 0xF3 starts a 4-byte character but is followed by 0x61 (byte offset 24); save it as UTF-8 (an editor may have saved it as Windows-1258 or TCVN3)",
      },
    });
  });

  it("counts columns in characters after multi-byte ones on the same line", () => {
    const result = decodeUtf8("f.yaml", bytes("name: Hệ", [0x80]));
    expect(result).toMatchObject({ diagnostic: { line: 1, col: 9, message: expect.stringContaining("byte 0x80 is a continuation byte with no character before it (byte offset 10)") } });
  });

  it("names cut-short, overlong and surrogate sequences", () => {
    expect(firstInvalidUtf8(bytes("ab", [0xe1, 0xbb]))).toEqual({ offset: 2, reason: "byte 0xE1 starts a 3-byte character that the end of the file cuts short" });
    expect(firstInvalidUtf8(bytes([0xc0, 0xaf]))?.offset).toBe(0); // overlong "/"
    expect(firstInvalidUtf8(bytes([0xe0, 0x80, 0xaf]))?.offset).toBe(0); // overlong
    expect(firstInvalidUtf8(bytes("x", [0xed, 0xa0, 0x80]))?.offset).toBe(1); // a UTF-16 surrogate
    expect(firstInvalidUtf8(bytes([0xf4, 0x90, 0x80, 0x80]))?.offset).toBe(0); // above U+10FFFF
    expect(firstInvalidUtf8(bytes("đ ệ 😀"))).toBeUndefined();
  });

  it("finds an invalid byte exactly when the fatal decoder refuses the bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (input) => {
        let decoderRefuses = false;
        try {
          new TextDecoder("utf-8", { fatal: true }).decode(input);
        } catch {
          decoderRefuses = true;
        }
        const found = firstInvalidUtf8(input);
        expect(found !== undefined).toBe(decoderRefuses);
        // Everything before the reported byte is well-formed.
        if (found) expect(() => new TextDecoder("utf-8", { fatal: true }).decode(input.subarray(0, found.offset))).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });

  it("loadInventory reports the invalid byte of a file it reads from disk-like bytes", () => {
    const inventory = loadInventory({ provinceFile: "province.yaml", communeFiles: [] }, () => bytes("province:\n  name: Thanh H", [0xf3], "a\n"));
    expect(inventory.diagnostics).toHaveLength(1);
    expect(inventory.diagnostics[0]).toMatchObject({ file: "province.yaml", line: 2, col: 16, message: expect.stringMatching(/^the file is not valid UTF-8: byte 0xF3/) });
    expect(inventory.province).toBeUndefined();
  });
});
