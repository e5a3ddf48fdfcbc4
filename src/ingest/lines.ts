/**
 * Bytes -> text lines, streaming and in bounded memory. gzip is detected by its magic bytes and
 * decompressed on the fly. Text must be UTF-8: a line that is not valid UTF-8 is reported as
 * invalid (not decoded with replacement characters), as is a line longer than MAX_LINE_BYTES,
 * which is dropped while it streams past instead of being held.
 */
import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** Longest line kept. Real events are far smaller (a Windows command line is at most 32 KiB). */
export const MAX_LINE_BYTES = 1024 * 1024;

export interface LineSink {
  /** `text` is a byte string: see fromByteString. */
  line(text: string, lineNumber: number): void;
  /**
   * Optional fast path: offered every valid UTF-8 line as bytes (`bytes[start, end)`, without
   * its line break) before `line`; returns true when it has consumed the line.
   */
  bytes?(bytes: Buffer, start: number, end: number, lineNumber: number): boolean;
  /** A line that cannot be read as text. */
  invalid(lineNumber: number, reason: string): void;
}

const NEWLINE = 0x0a;

function isGzip(bytes: Buffer): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Why the start of a stream is not UTF-8 text, or undefined when it may be. */
function binaryReason(head: Buffer): string | undefined {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    return 'UTF-16 text is not supported: convert the file to UTF-8';
  }
  if (head[0] === 0x45 && head.subarray(0, 7).toString('latin1') === 'ElfFile') {
    return 'binary .evtx file: export it to XML first (wevtutil qe /lf:true FILE /f:xml, or evtxexport)';
  }
  const probe = head.subarray(0, 8192);
  if (probe.includes(0)) return 'binary file (contains NUL bytes), not a text log';
  return undefined;
}

/** Counts raw bytes as they are read (compressed bytes for .gz, so progress matches the file size). */
async function* counted(source: AsyncIterator<Buffer>, first: Buffer, onBytes: (n: number) => void): AsyncGenerator<Buffer> {
  onBytes(first.length);
  yield first;
  for (;;) {
    const next = await source.next();
    if (next.done) return;
    onBytes(next.value.length);
    yield next.value;
  }
}

/** Decompressed (when gzip) chunks of `input`. */
async function* plainChunks(input: AsyncIterable<Buffer | string>, onBytes: (n: number) => void): AsyncGenerator<Buffer> {
  const iterator = (async function* () {
    for await (const chunk of input) yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
  })();
  const first = await iterator.next();
  if (first.done) return;
  const chunks = counted(iterator, first.value, onBytes);
  if (isGzip(first.value)) {
    for await (const chunk of Readable.from(chunks).pipe(createGunzip())) yield chunk as Buffer;
  } else {
    yield* chunks;
  }
}

/**
 * Valid UTF-8 bytes as a "byte string": one char per byte (latin1). Decoding to UTF-16 here
 * would turn a whole chunk into a two-byte string as soon as one `®` appears, which made ingest
 * three times slower; the byte string keeps every ASCII delimiter where it is (UTF-8 never uses
 * ASCII bytes inside a multi-byte character), and `fromByteString` decodes just the values kept.
 */
const NON_ASCII = /[\x80-\xff]/;

/** The text a byte string (from `readLines`) stands for. */
export function fromByteString(bytes: string): string {
  return NON_ASCII.test(bytes) ? Buffer.from(bytes, 'latin1').toString('utf8') : bytes;
}

const NOT_ASCII_TEXT = /[^\x00-\x7f]/;

/** The byte string of a text: what `readLines` would give for its UTF-8 bytes. */
export function toByteString(text: string): string {
  return NOT_ASCII_TEXT.test(text) ? Buffer.from(text, 'utf8').toString('latin1') : text;
}

/**
 * Feeds every line of `input` to `sink`. Returns a reason when the whole stream is not text
 * (binary, UTF-16); then nothing was sent to the sink.
 */
export async function readLines(
  input: AsyncIterable<Buffer | string>,
  sink: LineSink,
  onBytes: (n: number) => void,
): Promise<string | undefined> {
  let lineNumber = 0;
  let carry: Buffer | undefined;
  let first = true;
  /** Set while a too-long line streams past: its line number. */
  let discarding = 0;

  /** One line, `bytes[start, end)` without its newline, known to be valid UTF-8. */
  const emitLine = (bytes: Buffer, start: number, end: number): void => {
    const stop = end > start && bytes[end - 1] === 13 ? end - 1 : end;
    if (sink.bytes?.(bytes, start, stop, lineNumber)) return;
    // A fresh string per line (not a slice of the chunk), so kept values never pin a chunk.
    sink.line(bytes.toString('latin1', start, stop), lineNumber);
  };

  const emit = (bytes: Buffer): void => {
    // `bytes` holds whole lines, each ending in \n. A newline never occurs inside a UTF-8
    // sequence, so when the whole is valid UTF-8 every line is.
    if (!isUtf8(bytes)) {
      emitLineByLine(bytes);
      return;
    }
    let start = 0;
    for (;;) {
      const end = bytes.indexOf(NEWLINE, start);
      if (end === -1) return;
      lineNumber++;
      if (end - start > MAX_LINE_BYTES) sink.invalid(lineNumber, tooLong(end - start));
      else emitLine(bytes, start, end);
      start = end + 1;
    }
  };

  const emitLineByLine = (bytes: Buffer): void => {
    let start = 0;
    while (start < bytes.length) {
      const end = bytes.indexOf(NEWLINE, start);
      lineNumber++;
      if (isUtf8(bytes.subarray(start, end))) emitLine(bytes, start, end);
      else sink.invalid(lineNumber, 'invalid UTF-8');
      start = end + 1;
    }
  };

  for await (const chunk of plainChunks(input, onBytes)) {
    if (first) {
      first = false;
      const reason = binaryReason(chunk);
      if (reason) return reason;
    }
    let bytes = chunk;
    if (discarding) {
      const end = bytes.indexOf(NEWLINE);
      if (end === -1) continue;
      bytes = bytes.subarray(end + 1);
      discarding = 0;
    }
    if (carry) {
      // Complete the carried partial line on its own, so the chunk itself is never copied.
      const end = bytes.indexOf(NEWLINE);
      if (end === -1) {
        bytes = Buffer.concat([carry, bytes]);
      } else {
        emit(Buffer.concat([carry, bytes.subarray(0, end + 1)]));
        bytes = bytes.subarray(end + 1);
      }
      carry = undefined;
    }
    const lastNewline = bytes.lastIndexOf(NEWLINE);
    if (lastNewline === -1) {
      if (bytes.length > MAX_LINE_BYTES) {
        lineNumber++;
        sink.invalid(lineNumber, tooLong(bytes.length, true));
        discarding = lineNumber;
      } else {
        carry = Buffer.from(bytes);
      }
      continue;
    }
    emit(bytes.subarray(0, lastNewline + 1));
    if (lastNewline + 1 < bytes.length) carry = Buffer.from(bytes.subarray(lastNewline + 1));
  }
  if (carry && carry.length > 0) emit(Buffer.concat([carry, Buffer.from('\n')]));
  return undefined;
}

function tooLong(bytes: number, atLeast = false): string {
  return `line too long (${atLeast ? 'more than ' : ''}${bytes} bytes; the limit is ${MAX_LINE_BYTES})`;
}
