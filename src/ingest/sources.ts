/**
 * Readers for files whose framing is not lines of text. A file is offered to each source by its
 * first bytes; a file no source recognises is read as lines of text (lines.ts, records.ts), which
 * is how XML, JSON and classic WinEventLog text are read.
 *
 * A source gives each record as the event XML it renders (the Windows event schema), so its
 * events go through the same field extraction (xml.ts) and mapping tables as XML text. Adding a
 * binary format, such as EVTX, is one entry in RECORD_SOURCES.
 */
import { EVTX_SOURCE } from './evtx/source.js';
import type { RecordPlace } from './place.js';

/** Where a source delivers its records. */
export interface RecordSink {
  /** One record: its event as XML text (ordinary text, not a byte string), and where it is. */
  event(xml: string, place: RecordPlace): void;
  /** A record, or a stretch of the file, that could not be read, and why: it is counted as skipped. */
  fault(reason: string, place: RecordPlace): void;
}

export interface RecordSource {
  /** The format, for messages. */
  name: string;
  /** File extensions (with the dot, lower case) read when walking a folder. */
  extensions: readonly string[];
  /**
   * Whether a file whose first bytes are `head` is in this format: by its signature, whatever
   * its name. `head` is the start of the stream: at least 4 KiB unless the stream is shorter
   * (a file gives its first read chunk, up to 1 MiB; a pipe is read until 4 KiB have come).
   */
  recognises(head: Uint8Array): boolean;
  /**
   * Reads every record of `input` into `sink`, in file order; `onBytes(n)` reports the bytes read.
   * Throws a SpelunkError only for what stops the whole file.
   */
  read(input: AsyncIterable<Buffer>, sink: RecordSink, onBytes: (n: number) => void): Promise<void>;
}

export const RECORD_SOURCES: readonly RecordSource[] = [EVTX_SOURCE];
