/**
 * Import files decoded strictly as UTF-8. Node's decoders replace invalid bytes with U+FFFD,
 * which would store a damaged name as if a source wrote it; here they are an error naming the
 * line and byte. A byte-order mark at the start of a file (spreadsheet tools write one) is
 * dropped.
 */
import { isUtf8 } from 'node:buffer';
import { Transform } from 'node:stream';

/** Invalid UTF-8 at a line (1-based) and a byte of that line (1-based). */
export class Utf8Error extends Error {
  override name = 'Utf8Error';
  readonly line: number;
  constructor(line: number, byte: number) {
    super(`invalid UTF-8 at line ${line}, byte ${byte}: the file must be saved as UTF-8`);
    this.line = line;
  }
}

const BOM = '\ufeff';
const NEWLINE = 0x0a;

function newlines(bytes: Buffer): number {
  let count = 0;
  for (let at = bytes.indexOf(NEWLINE); at >= 0; at = bytes.indexOf(NEWLINE, at + 1)) count++;
  return count;
}

/** Where in `bytes` (which holds invalid UTF-8) the first invalid sequence starts. */
function firstInvalid(bytes: Buffer): number {
  // Everything before the first replacement decodes exactly, so its byte length is the offset;
  // a U+FFFD that the bytes really hold (EF BF BD) is passed over.
  const text = bytes.toString('utf8');
  for (let at = text.indexOf('\ufffd'); at >= 0; at = text.indexOf('\ufffd', at + 1)) {
    const offset = Buffer.byteLength(text.slice(0, at));
    if (!(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) {
      return offset;
    }
  }
  return bytes.length;
}

/** The error for `bytes`, which start at `byte` (0-based) of line `line` and are not UTF-8. */
function errorIn(bytes: Buffer, line: number, byte: number): Utf8Error {
  const offset = firstInvalid(bytes);
  const before = bytes.subarray(0, offset);
  const lines = newlines(before);
  const lineStart = before.lastIndexOf(NEWLINE) + 1;
  return new Utf8Error(line + lines, (lines > 0 ? 0 : byte) + offset - lineStart + 1);
}

/** How many bytes at the end of `chunk` begin a character that the next chunk completes. */
function incompleteTail(chunk: Buffer): number {
  for (let back = 1; back <= Math.min(3, chunk.length); back++) {
    const b = chunk[chunk.length - back] as number;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const needs = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return needs > back ? back : 0;
  }
  return 0;
}

/** A stream of bytes to a stream of text, failing with a Utf8Error at the first invalid byte. */
export function strictUtf8(): Transform {
  let carry = Buffer.alloc(0);
  let line = 1;
  let byte = 0;
  let first = true;
  const take = (bytes: Buffer): string => {
    if (!isUtf8(bytes)) throw errorIn(bytes, line, byte);
    const last = bytes.lastIndexOf(NEWLINE);
    line += newlines(bytes);
    byte = last < 0 ? byte + bytes.length : bytes.length - last - 1;
    let text = bytes.toString('utf8');
    if (first && text.startsWith(BOM)) text = text.slice(1);
    first = false;
    return text;
  };
  return new Transform({
    decodeStrings: true,
    transform(chunk: Buffer, _encoding, done) {
      try {
        const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
        const keep = incompleteTail(bytes);
        carry = Buffer.from(bytes.subarray(bytes.length - keep));
        done(null, take(bytes.subarray(0, bytes.length - keep)));
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done) {
      try {
        done(null, take(carry));
      } catch (error) {
        done(error as Error);
      }
    },
  });
}

/** One line of a file: its text, or the UTF-8 error that keeps it from having one. */
export type Line =
  | { number: number; text: string }
  | { number: number; error: Utf8Error; bytes: Buffer };

/** The lines of a stream of bytes (LF or CRLF), each decoded on its own. */
export async function* strictLines(bytes: AsyncIterable<Buffer>): AsyncGenerator<Line> {
  let rest = Buffer.alloc(0);
  let number = 0;
  const decode = (raw: Buffer): Line => {
    number += 1;
    const line = raw.at(-1) === 0x0d ? raw.subarray(0, -1) : raw;
    if (!isUtf8(line)) return { number, error: errorIn(line, number, 0), bytes: line };
    const text = line.toString('utf8');
    return { number, text: number === 1 && text.startsWith(BOM) ? text.slice(1) : text };
  };
  for await (const chunk of bytes) {
    let data = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
    for (let end = data.indexOf(NEWLINE); end >= 0; end = data.indexOf(NEWLINE)) {
      yield decode(data.subarray(0, end));
      data = data.subarray(end + 1);
    }
    rest = Buffer.from(data);
  }
  if (rest.length > 0) yield decode(rest);
}
