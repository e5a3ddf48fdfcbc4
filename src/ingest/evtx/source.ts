/**
 * The EVTX reader as an ingest record source (src/ingest/sources.ts): each record goes on as the
 * XML the Windows renderer writes, so it meets the same field extraction and mapping tables as
 * XmlWinEventLog text; each fault is a skipped record with its chunk and record number.
 *
 * The sink and place types are restated structurally rather than imported, so that sources.ts can
 * list this source without an import cycle between the two files.
 */
import { isEvtx, readEvtxBatches } from './reader.js';

interface Place {
  line: number;
  chunk?: number;
  record?: number;
}

interface Sink {
  event(xml: string, place: Place): void;
  fault(reason: string, place: Place): void;
}

function placeOf(chunk: number | undefined, record: number | undefined): Place {
  return { line: 0, ...(chunk !== undefined ? { chunk } : {}), ...(record !== undefined ? { record } : {}) };
}

async function* counted(input: AsyncIterable<Buffer>, onBytes: (n: number) => void): AsyncGenerator<Buffer> {
  for await (const block of input) {
    onBytes(block.length);
    yield block;
  }
}

export const EVTX_SOURCE = {
  name: 'EVTX',
  extensions: ['.evtx'] as readonly string[],
  recognises: (head: Uint8Array): boolean => isEvtx(head),
  async read(input: AsyncIterable<Buffer>, sink: Sink, onBytes: (n: number) => void): Promise<void> {
    for await (const batch of readEvtxBatches(counted(input, onBytes))) {
      for (const item of batch) {
        if (item.kind === 'record') {
          sink.event(item.xml, placeOf(item.chunkIndex, item.recordNumber));
          continue;
        }
        // A fault that stands for no record (a chunk checksum that failed while its records
        // still parsed) loses nothing: those records were given, marked unverified by the reader.
        // Every lost record is one skipped record, so the summary adds up to the file's records.
        for (let lost = 0; lost < item.lostRecords; lost++) {
          const record = item.recordNumber !== undefined ? item.recordNumber + lost : undefined;
          sink.fault(item.reason, placeOf(item.chunkIndex, record));
        }
      }
    }
  },
};
