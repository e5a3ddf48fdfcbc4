/**
 * A store per dataset: one pass over the input fills every dataset an event feeds, a record is
 * used or skipped whole, and a record source with its own framing (the way EVTX comes in) feeds
 * the same extraction and tables as XML text.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { SpelunkError } from '../../src/core/errors.js';
import type { MappingTable } from '../../src/datamodel/mapping-table.js';
import { MAPPING_TABLES } from '../../src/datamodel/mappings/index.js';
import { IngestHandler } from '../../src/ingest/handler.js';
import { loadDatasets, loadEndpointProcesses } from '../../src/ingest/index.js';
import { readStream } from '../../src/ingest/read-file.js';
import { makeReport, RecordCounts } from '../../src/ingest/report.js';
import type { RecordSource } from '../../src/ingest/sources.js';
import type { ColumnarStore } from '../../src/store/types.js';
import { fixtures, storeRows } from './helpers.js';

const sysmonLog = resolve(fixtures, 'splunk-attack-data-xml/T1003.002_atomic_red_team_sysmon.log');
const sysmonText = readFileSync(sysmonLog, 'utf8');
const eventLines = sysmonText.split('\n').filter((line) => line.startsWith('<Event'));
/** Each event broken after `<System>`: not the one-line layout, so the general path reads it. */
const splitEvents = (text: string): string => text.replaceAll('<System>', '<System>\n');

/**
 * A table for these tests only: Sysmon EventID 1 also as rows of Endpoint.Ports, whose store has
 * just the implicit fields while spelunk gives that dataset no fields of its own.
 */
const PROCESSES_AS_PORTS: MappingTable = {
  name: 'test-eid1-as-ports',
  description: 'test table: Sysmon EventID 1 as Endpoint.Ports',
  dataset: 'Endpoint.Ports',
  match: { shape: 'windows', provider: 'Microsoft-Windows-Sysmon', channel: 'Microsoft-Windows-Sysmon/Operational', eventIds: ['1'] },
  time: { field: 'SystemTime', format: 'iso8601', shownAs: 'TimeCreated/@SystemTime' },
  required: ['Image'],
  rules: [
    { field: 'host', transform: 'alias', from: ['Computer'], source: 'test' },
    { field: 'source', transform: 'alias', from: ['Image'], source: 'test' },
  ],
};

function stream(text: string): AsyncIterable<Buffer> {
  return Readable.from([Buffer.from(text)]);
}

async function read(text: string, tables: readonly MappingTable[], sources: readonly RecordSource[] = []): Promise<IngestHandler> {
  const handler = new IngestHandler(false, tables);
  handler.counts.startFile('test.log');
  await readStream(stream(text), handler, () => undefined, sources);
  return handler;
}

/** A store's ids, dictionaries and times, to compare two stores exactly. */
function contents(store: ColumnarStore): unknown {
  return {
    time: [...store.time],
    columns: store.fields.map((field) => [field, [...store.column(field)!.ids], store.column(field)!.dictionary]),
  };
}

describe('one store per dataset', () => {
  it('gives the Endpoint.Processes store and counts its rows per dataset', async () => {
    const { datasets, report } = await loadDatasets([sysmonLog]);
    expect([...datasets.keys()]).toEqual(['Endpoint.Processes', 'Network_Resolution.DNS']);
    // PROVENANCE.md of splunk-attack-data-xml: 4 Sysmon EID 1 + 5 Security 4688, one Sysmon EID 22.
    expect(datasets.get('Endpoint.Processes')!.rowCount).toBe(9);
    expect([...report.datasetRows]).toEqual([
      ['Endpoint.Processes', 9],
      ['Network_Resolution.DNS', 1],
    ]);
    expect(report.processRows).toBe(9);
    const { store } = await loadEndpointProcesses([sysmonLog]);
    expect(contents(datasets.get('Endpoint.Processes')!)).toEqual(contents(store));
  });

  it('leaves out the datasets no record fed, and gives an empty Processes store for such input', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'spelunk-datasets-'));
    const path = join(folder, 'eid22.log');
    // The EventID 22, made an EventID 7 (Image loaded), which no table reads.
    const eid22 = eventLines.find((line) => line.includes('<EventID>22</EventID>'))!;
    writeFileSync(path, `${eid22.replace('<EventID>22</EventID>', '<EventID>7</EventID>')}\n`);
    const { datasets, report } = await loadDatasets([path]);
    expect(datasets.size).toBe(0);
    expect(report.datasetRows.size).toBe(0);
    expect(report.summary()).toContain(': 0 process events, 1 other events');
    expect((await loadEndpointProcesses([path])).store.rowCount).toBe(0);
  });

  for (const [path, text] of [
    ['the fast path', sysmonText],
    ['the general path', splitEvents(sysmonText)],
  ] as const) {
    it(`fills every dataset an event feeds in one pass (${path})`, async () => {
      const both = await read(text, [...MAPPING_TABLES, PROCESSES_AS_PORTS]);
      const processesOnly = await read(text, MAPPING_TABLES);
      const stores = both.builders.build();
      expect([...stores.keys()]).toEqual(['Endpoint.Ports', 'Endpoint.Processes', 'Network_Resolution.DNS']);
      // Adding a dataset changes nothing in the others.
      expect(contents(stores.get('Endpoint.Processes')!)).toEqual(contents(processesOnly.builders.build().get('Endpoint.Processes')!));
      const ports = stores.get('Endpoint.Ports')!;
      // The file's 4 Sysmon EID 1 (PROVENANCE.md), in file order.
      expect(ports.rowCount).toBe(4);
      expect(ports.fields).toEqual(['host', 'source']);
      const processes = storeRows(stores.get('Endpoint.Processes')!).filter((row) => row.vendor_product === 'Microsoft Sysmon');
      expect(processes).toHaveLength(4);
      for (let row = 0; row < 4; row++) {
        expect(ports.time[row]).toBe(processes[row]!._time);
        const column = ports.column('source')!;
        expect(column.dictionary[column.ids[row]!]).toBe(processes[row]!.process_path);
      }
      // Each record is counted once, however many rows it made.
      expect(both.counts.records).toBe(processesOnly.counts.records);
      expect([...both.counts.otherEvents]).toEqual([]);
    });
  }

  it('names in the summary the rows of datasets other than Processes, keeping the Processes wording', () => {
    const counts = new RecordCounts(false);
    for (let i = 0; i < 3; i++) counts.used();
    counts.other('Microsoft-Windows-Sysmon/22');
    const report = makeReport(counts, new Map([['Endpoint.Processes', 1], ['Endpoint.Registry', 2]]), 1, [], []);
    expect(report.processRows).toBe(1);
    expect(report.summary()).toBe(
      'read 1 file, 4 records: 1 process events, 2 Endpoint.Registry events, 1 other events (Microsoft-Windows-Sysmon/22: 1), 0 skipped',
    );
  });

  it('skips a record whole when one of its tables lacks a required field, on either path', async () => {
    const strictTable: MappingTable = { ...PROCESSES_AS_PORTS, required: ['TargetFilename'] };
    for (const text of [sysmonText, splitEvents(sysmonText)]) {
      const handler = await read(text, [...MAPPING_TABLES, strictTable]);
      // Only the 5 Security 4688 events and the Sysmon EID 22, which the test table does not read, are rows.
      const stores = handler.builders.build();
      expect([...stores.keys()]).toEqual(['Endpoint.Processes', 'Network_Resolution.DNS']);
      expect(storeRows(stores.get('Endpoint.Processes')!).map((row) => row.vendor_product)).toEqual(Array(5).fill('Microsoft Windows'));
      expect(handler.counts.skippedCount).toBe(4);
      expect(handler.counts.skipped[0]!.reason).toBe('test table: Sysmon EventID 1 as Endpoint.Ports: missing required field TargetFilename');
    }
  });
});

describe('a record source with its own framing', () => {
  const MAGIC = 'TESTREC\n';
  /** Records are `<Event>` texts separated by NUL bytes after a magic header, and `!reason` faults. */
  const testSource: RecordSource = {
    name: 'test records',
    extensions: ['.testrec'],
    recognises: (head) => Buffer.from(head).subarray(0, MAGIC.length).toString('latin1') === MAGIC,
    async read(input, sink, onBytes) {
      const chunks: Buffer[] = [];
      for await (const chunk of input) {
        onBytes(chunk.length);
        chunks.push(chunk);
      }
      const records = Buffer.concat(chunks).toString('utf8').slice(MAGIC.length).split('\0');
      records.forEach((record, index) => {
        const place = { line: 0, chunk: Math.floor(index / 4), record: index + 1 };
        if (record.startsWith('!')) sink.fault(record.slice(1), place);
        else sink.event(record, place);
      });
    },
  };

  it('gives the rows and counts of the same events read as XML text', async () => {
    // A non-ASCII value, to check the source's text is taken as text, not as bytes.
    const events = eventLines.map((line, i) => (i === 2 ? line.replace("<Data Name='CommandLine'>", "<Data Name='CommandLine'>café ") : line));
    const fromSource = await read(MAGIC + events.join('\0'), MAPPING_TABLES, [testSource]);
    const fromText = await read(events.join('\n') + '\n', MAPPING_TABLES, [testSource]);
    const processes = (handler: IngestHandler) => storeRows(handler.builders.build().get('Endpoint.Processes')!);
    expect(processes(fromSource)).toEqual(processes(fromText));
    expect(processes(fromSource).some((row) => String(row.process).startsWith('café '))).toBe(true);
    expect(fromSource.counts.records).toBe(fromText.counts.records);
    expect([...fromSource.counts.otherEvents]).toEqual([...fromText.counts.otherEvents]);
  });

  it('counts a fault as a skipped record with its chunk and record number', async () => {
    const handler = await read(MAGIC + [eventLines[0], '!bad record checksum', eventLines[1]].join('\0'), MAPPING_TABLES, [testSource]);
    expect(handler.counts.records).toBe(3);
    expect(handler.counts.skipped).toEqual([{ file: 'test.log', line: 0, chunk: 0, record: 2, reason: 'bad record checksum' }]);
    const strict = new IngestHandler(true);
    strict.counts.startFile('test.log');
    const failure = readStream(stream(MAGIC + '!bad record checksum'), strict, () => undefined, [testSource]);
    await expect(failure).rejects.toBeInstanceOf(SpelunkError);
    await expect(failure).rejects.toThrow('test.log: chunk 0, record 1: bad record checksum');
  });
});
