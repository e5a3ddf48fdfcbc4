/**
 * Bytes -> text lines, streaming and in bounded memory. gzip is detected by its magic bytes and
 * decompressed on the fly (gzip.ts); the encoding is decided once per file (encoding.ts), so
 * lines are always UTF-8. A line that is not valid text (invalid UTF-8, a NUL byte) or is longer
 * than MAX_LINE_BYTES is reported as invalid, with its bytes so the record framing can still see
 * where records start; a too-long line is dropped while it streams past instead of being held.
 *
 * Lines end at LF (a CR before it is dropped), or at CR in a file whose first line break is a
 * CR with no LF in the 8 KiB after it (old Mac line endings). Splunk's default LINE_BREAKER,
 * `([\r\n]+)`, breaks at either (props.conf.spec); deciding once per file keeps a CR inside a
 * value of an LF file.
 */
import { isUtf8 } from 'node:buffer';
import { detectEncoding, Utf16Transcoder, type TextEncoding } from './encoding.js';
import { gunzipped, isGzip, StreamFault } from './gzip.js';

/** Longest line kept. Real events are far smaller (a Windows command line is at most 32 KiB). */
export const MAX_LINE_BYTES = 1024 * 1024;

/** Bytes of the start of a file looked at to decide its encoding, line ending and whether it is text. */
const HEAD_BYTES = 8192;
/** How much of a too-long line the framing is shown. */
const TOO_LONG_HEAD = 256;

export interface LineSink {
  /** `text` is a byte string: see fromByteString. */
  line(text: string, lineNumber: number): void;
  /**
   * Optional fast path: offered every valid UTF-8 line as bytes (`bytes[start, end)`, without
   * its line break) before `line`; returns true when it has consumed the line.
   */
  bytes?(bytes: Buffer, start: number, end: number, lineNumber: number): boolean;
  /**
   * A line that cannot be read as text, and why. `text` is its bytes as a byte string, for
   * framing only: the whole line, or only its first bytes when `whole` is false (too long).
   */
  invalid(lineNumber: number, reason: string, text: string, whole: boolean): void;
  /**
   * The stream cannot be read past this point (corrupt gzip data, a read error); nothing
   * follows. `cutShort` when the data may end in the middle of a record (not when everything
   * was decoded and only the final gzip check failed).
   */
  broken(lineNumber: number, reason: string, cutShort: boolean): void;
}

const LF = 0x0a;
const CR = 0x0d;

/** Why the start of a stream is not a log, or undefined when it may be. */
function notALogReason(head: Buffer): string | undefined {
  if (head[0] === 0x45 && head.subarray(0, 7).toString('latin1') === 'ElfFile') {
    return 'binary .evtx file: export it to XML first (wevtutil qe /lf:true FILE /f:xml, or evtxexport)';
  }
  return undefined;
}

/** A line start that begins a record of some framing (records.ts), in the first bytes of a file. */
const RECORD_START_IN_HEAD = /(?:^|[\n\r])[ \t]*(?:\xef\xbb\xbf)?(?:<Event[\s>]|<\?xml|\{"|\[\{|\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d [AP]M|evtxexport \d)/;

/** Share of control bytes (NUL and the others that are not tab, CR, LF, form feed or escape) from which data is binary. */
const BINARY_SHARE = 0.05;

/**
 * Whether the file is binary as a whole: NUL bytes in its first 8 KiB, control bytes making
 * more than 5% of them (compressed or executable data has about 10% and more; a text log with
 * a damaged record far less), and no record starting there. Any other file is read record by
 * record, and a NUL makes only its own line invalid.
 */
function isBinaryHead(probe: Buffer): boolean {
  if (!probe.includes(0)) return false;
  let control = 0;
  for (const byte of probe) if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) control++;
  return control > probe.length * BINARY_SHARE && !RECORD_START_IN_HEAD.test(probe.toString('latin1'));
}

/** Counts raw bytes as they are read (compressed bytes for .gz, so progress matches the file size). */
async function* counted(input: AsyncIterable<Buffer | string>, onBytes: (n: number) => void): AsyncGenerator<Buffer> {
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    onBytes(bytes.length);
    yield bytes;
  }
}

/** The stream with its first chunk looked at: decompressed when it is gzip. */
async function* plainChunks(raw: AsyncIterator<Buffer>, first: Buffer): AsyncGenerator<Buffer> {
  const all = (async function* () {
    yield first;
    for (;;) {
      const next = await raw.next();
      if (next.done) return;
      yield next.value;
    }
  })();
  if (isGzip(first)) yield* gunzipped(all);
  else yield* all;
}

/** UTF-8 chunks of the plain stream: the head first (at least HEAD_BYTES unless the stream is shorter), then the rest. */
async function* utf8Chunks(plain: AsyncIterator<Buffer>, onEncoding: (encoding: TextEncoding) => void): AsyncGenerator<Buffer> {
  const head: Buffer[] = [];
  let headLength = 0;
  let fault: unknown;
  let done = false;
  try {
    while (headLength < HEAD_BYTES) {
      const next = await plain.next();
      if (next.done) {
        done = true;
        break;
      }
      head.push(next.value);
      headLength += next.value.length;
    }
  } catch (error) {
    fault = error;
    done = true;
  }
  const start = head.length === 1 ? head[0]! : Buffer.concat(head);
  const { encoding, bomLength } = detectEncoding(start);
  onEncoding(encoding);
  const transcoder = encoding === 'UTF-8' ? undefined : new Utf16Transcoder(encoding === 'UTF-16BE');
  const body = start.subarray(bomLength);
  yield transcoder ? transcoder.push(body) : body;
  if (fault !== undefined) throw fault;
  if (!done) {
    for (;;) {
      const next = await plain.next();
      if (next.done) break;
      yield transcoder ? transcoder.push(next.value) : next.value;
    }
  }
  if (transcoder) yield transcoder.end();
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

function readFailureText(error: unknown): string {
  if (error instanceof StreamFault) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EISDIR') return 'is a directory';
  return `read error: ${(error as Error).message}`;
}

/**
 * Feeds every line of `input` to `sink`. Returns a reason when the whole stream is not a text
 * log (binary); then nothing was sent to the sink. A stream that fails part way (corrupt gzip
 * data, a read error) gives its lines up to the fault, then `broken`.
 */
export async function readLines(
  input: AsyncIterable<Buffer | string>,
  sink: LineSink,
  onBytes: (n: number) => void,
): Promise<string | undefined> {
  const raw = counted(input, onBytes);
  let first: IteratorResult<Buffer>;
  try {
    first = await raw.next();
  } catch (error) {
    sink.broken(1, readFailureText(error), true);
    return undefined;
  }
  if (first.done) return undefined;
  const notALog = notALogReason(first.value);
  if (notALog) return notALog;

  let encoding: TextEncoding = 'UTF-8';
  const chunks = utf8Chunks(plainChunks(raw, first.value), (found) => (encoding = found));
  let lineNumber = 0;
  /** LF or CR, once the first line break has been seen. */
  let lineBreak = LF;
  let lineBreakKnown = false;
  let carry: Buffer | undefined;
  /** Set while a too-long line streams past. */
  let discarding = false;
  const invalidText = (): string => (encoding === 'UTF-8' ? 'invalid UTF-8' : `invalid ${encoding} (unpaired surrogate)`);

  /** One line, `bytes[start, end)` without its line break, known to be valid text. */
  const emitLine = (bytes: Buffer, start: number, end: number): void => {
    const stop = lineBreak === LF && end > start && bytes[end - 1] === CR ? end - 1 : end;
    if (sink.bytes?.(bytes, start, stop, lineNumber)) return;
    // A fresh string per line (not a slice of the chunk), so kept values never pin a chunk.
    sink.line(bytes.toString('latin1', start, stop), lineNumber);
  };

  const emitChecked = (bytes: Buffer, start: number, end: number): void => {
    const nul = bytes.indexOf(0, start);
    if (nul !== -1 && nul < end) {
      sink.invalid(lineNumber, 'NUL byte in a text line (binary data)', bytes.toString('latin1', start, end), true);
    } else if (!isUtf8(bytes.subarray(start, end))) {
      sink.invalid(lineNumber, invalidText(), bytes.toString('latin1', start, end), true);
    } else {
      emitLine(bytes, start, end);
    }
  };

  /** `bytes` holds whole lines, each ending in the line break. */
  const emit = (bytes: Buffer): void => {
    // A line break never occurs inside a UTF-8 sequence, so when the whole is valid UTF-8
    // without NUL bytes every line is: the common case costs two native scans.
    const clean = bytes.indexOf(0) === -1 && isUtf8(bytes);
    let start = 0;
    for (;;) {
      const end = bytes.indexOf(lineBreak, start);
      if (end === -1) return;
      lineNumber++;
      if (end - start > MAX_LINE_BYTES) sink.invalid(lineNumber, tooLong(end - start), bytes.toString('latin1', start, start + TOO_LONG_HEAD), false);
      else if (clean) emitLine(bytes, start, end);
      else emitChecked(bytes, start, end);
      start = end + 1;
    }
  };

  let firstText = true;
  let fault: { reason: string; cutShort: boolean } | undefined;
  for (;;) {
    let next: IteratorResult<Buffer>;
    try {
      next = await chunks.next();
    } catch (error) {
      fault = { reason: readFailureText(error), cutShort: !(error instanceof StreamFault && error.complete) };
      break;
    }
    if (next.done) break;
    let bytes = next.value;
    if (firstText) {
      firstText = false;
      const probe = bytes.subarray(0, HEAD_BYTES);
      if (isBinaryHead(probe)) return 'binary file (contains NUL bytes), not a text log';
    }
    if (!lineBreakKnown) {
      const cr = bytes.indexOf(CR);
      const lf = bytes.indexOf(LF);
      if (cr !== -1 || lf !== -1) {
        lineBreakKnown = true;
        const first = lf === -1 ? cr : cr === -1 ? lf : Math.min(cr, lf);
        if (!bytes.subarray(first, first + HEAD_BYTES).includes(LF)) lineBreak = CR;
      }
    }
    if (discarding) {
      const end = bytes.indexOf(lineBreak);
      if (end === -1) continue;
      bytes = bytes.subarray(end + 1);
      discarding = false;
    }
    if (carry) {
      // Complete the carried partial line on its own, so the chunk itself is never copied.
      const end = bytes.indexOf(lineBreak);
      if (end === -1) {
        bytes = Buffer.concat([carry, bytes]);
      } else {
        emit(Buffer.concat([carry, bytes.subarray(0, end + 1)]));
        bytes = bytes.subarray(end + 1);
      }
      carry = undefined;
    }
    const lastBreak = bytes.lastIndexOf(lineBreak);
    if (lastBreak === -1) {
      if (bytes.length > MAX_LINE_BYTES) {
        lineNumber++;
        sink.invalid(lineNumber, tooLong(bytes.length, true), bytes.toString('latin1', 0, TOO_LONG_HEAD), false);
        discarding = true;
      } else if (bytes.length > 0) {
        carry = Buffer.from(bytes);
      }
      continue;
    }
    emit(bytes.subarray(0, lastBreak + 1));
    if (lastBreak + 1 < bytes.length) carry = Buffer.from(bytes.subarray(lastBreak + 1));
  }
  if (carry && carry.length > 0) emit(Buffer.concat([carry, Buffer.from([lineBreak])]));
  if (fault !== undefined) sink.broken(lineNumber + 1, fault.reason, fault.cutShort);
  return undefined;
}

function tooLong(bytes: number, atLeast = false): string {
  return `line too long (${atLeast ? 'more than ' : ''}${bytes} bytes; the limit is ${MAX_LINE_BYTES})`;
}
