/**
 * Reading one file: its bytes to the reader of its framing (a record source, or lines of text),
 * and the records to the handler. The work of the main thread per file, and of a worker thread.
 */
import { createReadStream } from 'node:fs';
import { SpelunkError } from '../core/errors.js';
import type { DataFile } from './files.js';
import { IngestHandler } from './handler.js';
import { readLines } from './lines.js';
import type { FilePart } from './part.js';
import { RecordAssembler } from './records.js';
import { RECORD_SOURCES, type RecordSource } from './sources.js';

const STDIN_NAME = '<stdin>';

/** The stream as Buffers (a stream with an encoding set gives strings). */
async function* asBuffers(input: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  for await (const chunk of input) yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
}

async function* withFirst(first: Buffer, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  yield first;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}

/** Bytes a source is shown to recognise its format by: more than any signature needs. */
const SIGNATURE_BYTES = 4096;

/**
 * The first chunks of `chunks`, joined until there are SIGNATURE_BYTES or the stream ends (a
 * pipe may deliver a few bytes at a time); undefined for an empty stream.
 */
async function headOf(chunks: AsyncIterator<Buffer>): Promise<Buffer | undefined> {
  const parts: Buffer[] = [];
  let length = 0;
  while (length < SIGNATURE_BYTES) {
    const next = await chunks.next();
    if (next.done) break;
    parts.push(next.value);
    length += next.value.length;
  }
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : Buffer.concat(parts);
}

/**
 * Feeds the records of `input` to `handler`: through the first of `sources` that recognises the
 * stream's first bytes, else as lines of text. Returns a reason when the whole stream is not
 * text (then nothing was read from it).
 */
export async function readStream(
  input: AsyncIterable<Buffer | string>,
  handler: IngestHandler,
  onBytes: (n: number) => void,
  sources: readonly RecordSource[] = RECORD_SOURCES,
): Promise<string | undefined> {
  const chunks = asBuffers(input);
  const head = await headOf(chunks);
  if (head === undefined) return undefined;
  const stream = withFirst(head, chunks);
  const source = sources.find((candidate) => candidate.recognises(head));
  if (source) {
    await source.read(stream, handler, onBytes);
    return undefined;
  }
  const assembler = new RecordAssembler(handler);
  const notText = await readLines(stream, assembler, onBytes);
  assembler.end();
  return notText;
}

/** Reads one file (or stdin for '-') into `handler`; adds it to `emptyFiles` when it held no records. */
export async function readFileInto(
  handler: IngestHandler,
  file: DataFile,
  stdin: NodeJS.ReadableStream | undefined,
  onBytes: (n: number) => void,
  emptyFiles: string[],
): Promise<void> {
  const counts = handler.counts;
  handler.startFile(file.path === '-' ? STDIN_NAME : file.path);
  const input = file.path === '-' ? (stdin ?? process.stdin) : createReadStream(file.path, { highWaterMark: 1 << 20 });
  let notText: string | undefined;
  try {
    notText = await readStream(input as AsyncIterable<Buffer | string>, handler, onBytes);
  } catch (error) {
    if (error instanceof SpelunkError) throw error;
    notText = readFailure(error);
  } finally {
    if ('destroy' in input && typeof input.destroy === 'function') input.destroy();
  }
  if (notText) counts.skip(1, notText);
  else if (counts.fileRecords === 0) emptyFiles.push(counts.file);
}

/** Reads one file on its own: the work a worker thread does. */
export async function readFilePart(path: string, size: number, strict: boolean, onBytes: (n: number) => void): Promise<FilePart> {
  const handler = new IngestHandler(strict, undefined, false, true);
  const emptyFiles: string[] = [];
  await readFileInto(handler, { path, size }, undefined, onBytes, emptyFiles);
  const counts = handler.counts;
  return {
    datasets: handler.builders.parts(),
    records: counts.records,
    otherEvents: counts.otherEvents,
    skipped: counts.skipped,
    skippedCount: counts.skippedCount,
    empty: emptyFiles.length > 0,
    identities: handler.identities.logged()!,
  };
}

function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') return `corrupt gzip data: ${(error as Error).message}`;
  if (code === 'EISDIR') return 'is a directory';
  return `read error: ${(error as Error).message}`;
}
