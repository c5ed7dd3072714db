/**
 * The RouterOS API wire format. A word is its length (1 to 5 bytes, the
 * number of leading 1-bits of the first byte saying how many follow) and its
 * bytes; a sentence is words ended by an empty word. Text is UTF-8: RouterOS
 * stores and returns the bytes it is given.
 */
import { DeviceError } from "@communes/device-error";

/** Encodes a word's length prefix (0 to 2^32-1). */
export function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  if (length < 0x4000) return Buffer.from([(length >> 8) | 0x80, length & 0xff]);
  if (length < 0x200000) return Buffer.from([(length >> 16) | 0xc0, (length >> 8) & 0xff, length & 0xff]);
  if (length < 0x10000000) return Buffer.from([(length >>> 24) | 0xe0, (length >> 16) & 0xff, (length >> 8) & 0xff, length & 0xff]);
  if (length <= 0xffffffff) return Buffer.from([0xf0, (length >>> 24) & 0xff, (length >> 16) & 0xff, (length >> 8) & 0xff, length & 0xff]);
  throw new RangeError(`word of ${length} bytes is too long for the RouterOS API`);
}

export function encodeSentence(words: readonly string[]): Buffer {
  const parts: Buffer[] = [];
  for (const word of words) {
    const bytes = Buffer.from(word, "utf8");
    parts.push(encodeLength(bytes.length), bytes);
  }
  parts.push(Buffer.from([0]));
  return Buffer.concat(parts);
}

/** Thrown on bytes that cannot be a RouterOS API stream (a reserved control byte). */
export class ProtocolError extends DeviceError {
  override name = "ProtocolError";
  constructor(message: string) {
    super(message, { retryable: true });
  }
}

/**
 * Reassembles sentences from a byte stream cut anywhere: one byte at a time,
 * several sentences at once, a length prefix split across chunks.
 */
export class SentenceDecoder {
  private chunks: Buffer[] = [];
  private size = 0;
  /** Bytes needed before parsing can progress (a long word arriving in pieces). */
  private needed = 1;
  private words: string[] = [];

  /** Feeds bytes; returns every sentence they complete, in order. */
  push(chunk: Buffer): string[][] {
    if (chunk.length === 0) return [];
    this.chunks.push(chunk);
    this.size += chunk.length;
    if (this.size < this.needed) return [];
    let buffer: Buffer = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    const sentences: string[][] = [];
    for (;;) {
      const header = readLength(buffer);
      if (!header) {
        this.needed = buffer.length + 1;
        break;
      }
      const [length, headerBytes] = header;
      if (buffer.length < headerBytes + length) {
        this.needed = headerBytes + length;
        break;
      }
      const word = buffer.subarray(headerBytes, headerBytes + length).toString("utf8");
      buffer = buffer.subarray(headerBytes + length);
      if (length === 0) {
        sentences.push(this.words);
        this.words = [];
      } else {
        this.words.push(word);
      }
    }
    this.chunks = buffer.length > 0 ? [buffer] : [];
    this.size = buffer.length;
    return sentences;
  }

  /** True when bytes of an unfinished sentence are waiting. */
  get pending(): boolean {
    return this.size > 0 || this.words.length > 0;
  }
}

/** The length of the word at the start of `b` and the bytes its prefix takes; undefined if incomplete. */
function readLength(b: Buffer): [number, number] | undefined {
  if (b.length === 0) return undefined;
  const first = b[0]!;
  if (first < 0x80) return [first, 1];
  if (first < 0xc0) return b.length < 2 ? undefined : [((first & 0x3f) << 8) | b[1]!, 2];
  if (first < 0xe0) return b.length < 3 ? undefined : [((first & 0x1f) << 16) | (b[1]! << 8) | b[2]!, 3];
  if (first < 0xf0) return b.length < 4 ? undefined : [(first & 0x0f) * 0x1000000 + ((b[1]! << 16) | (b[2]! << 8) | b[3]!), 4];
  if (first === 0xf0) return b.length < 5 ? undefined : [b.readUInt32BE(1), 5];
  throw new ProtocolError(`reserved control byte 0x${first.toString(16)} in the API stream`);
}
