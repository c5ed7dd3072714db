import { describe, expect, it } from "vitest";
import { encodeLength, encodeSentence, SentenceDecoder } from "./words";

describe("word lengths", () => {
  it("uses the five encodings at their boundaries", () => {
    expect([...encodeLength(0x7f)]).toEqual([0x7f]);
    expect([...encodeLength(0x80)]).toEqual([0x80, 0x80]);
    expect([...encodeLength(0x3fff)]).toEqual([0xbf, 0xff]);
    expect([...encodeLength(0x4000)]).toEqual([0xc0, 0x40, 0x00]);
    expect([...encodeLength(0x1fffff)]).toEqual([0xdf, 0xff, 0xff]);
    expect([...encodeLength(0x200000)]).toEqual([0xe0, 0x20, 0x00, 0x00]);
    expect([...encodeLength(0xfffffff)]).toEqual([0xef, 0xff, 0xff, 0xff]);
    expect([...encodeLength(0x10000000)]).toEqual([0xf0, 0x10, 0x00, 0x00, 0x00]);
  });

  it("decodes every encoding back, whatever the chunking", () => {
    const words = ["/ip/address/print", "x".repeat(0x7f), "y".repeat(0x80), "z".repeat(0x4000), "w".repeat(0x200000)];
    const bytes = encodeSentence(words);
    for (const size of [1, 2, 3, 7, 4096, bytes.length]) {
      const decoder = new SentenceDecoder();
      const out: string[][] = [];
      for (let i = 0; i < bytes.length; i += size) out.push(...decoder.push(bytes.subarray(i, i + size)));
      expect(out).toEqual([words]);
      expect(decoder.pending).toBe(false);
    }
  }, 30_000);
});

describe("sentences", () => {
  it("counts UTF-8 bytes, not characters", () => {
    const bytes = encodeSentence(["=name=Thiệu Trung"]);
    expect(bytes[0]).toBe(Buffer.byteLength("=name=Thiệu Trung"));
    expect(new SentenceDecoder().push(bytes)).toEqual([["=name=Thiệu Trung"]]);
  });

  it("splits several sentences delivered together", () => {
    const bytes = Buffer.concat([encodeSentence(["!re", "=a=1"]), encodeSentence(["!done"])]);
    expect(new SentenceDecoder().push(bytes)).toEqual([["!re", "=a=1"], ["!done"]]);
  });

  it("refuses a reserved control byte", () => {
    expect(() => new SentenceDecoder().push(Buffer.from([0xf8]))).toThrow(/reserved control byte 0xf8/);
  });
});
