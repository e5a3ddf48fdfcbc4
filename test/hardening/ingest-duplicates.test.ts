/**
 * Issue 12 (text encodings and duplicates) and issue 20: the same event read twice is indexed
 * twice, as Splunk does, and the summary says so; --dedup-events keeps the first. --strict
 * fails for every record that was not read, whatever the input kind, record sources included.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SpelunkError } from '../../src/core/errors.js';
import { IngestHandler } from '../../src/ingest/handler.js';
import { readStream } from '../../src/ingest/read-file.js';
import type { RecordSource } from '../../src/ingest/sources.js';
import { attackDataLines, attackDataPath, classicPath, read, sysmonLine, write } from './ingest-helpers.js';

function folderOf(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'spelunk-dups-'));
  for (const [name, source] of Object.entries(files)) copyFileSync(source, join(folder, name));
  return folder;
}

describe('duplicate events', () => {
  it('indexes both copies of an event read twice and says so, with a file pair', async () => {
    const folder = folderOf({ 'a.log': attackDataPath, 'b.log': attackDataPath });
    const once = await read([attackDataPath]);
    const { rows, report } = await read([folder]);
    expect(once.report.duplicates).toBe(0);
    expect(rows).toEqual([...once.rows, ...once.rows]);
    expect(report.records).toBe(2 * attackDataLines.length);
    expect(report.duplicates).toBe(attackDataLines.length);
    expect(report.duplicatesDropped).toBe(0);
    expect(report.duplicateExample).toEqual({ first: join(folder, 'a.log'), second: `${join(folder, 'b.log')}:1` });
    expect(report.summary()).toContain(
      `; 10 duplicate events (same channel, computer and EventRecordID as an earlier record, e.g. ${join(folder, 'a.log')} and ${join(folder, 'b.log')}:1): indexed again, as Splunk does; --dedup-events keeps the first`,
    );
  });

  it('keeps the first copy only with dedupEvents, every record still counted', async () => {
    const folder = folderOf({ 'a.log': attackDataPath, 'b.log': attackDataPath });
    const once = await read([attackDataPath]);
    const { rows, report } = await read([folder], { dedupEvents: true });
    expect(rows).toEqual(once.rows);
    expect(report.records).toBe(20);
    expect(report).toMatchObject({ duplicates: 10, duplicatesDropped: 10, skippedCount: 0 });
    expect(report.summary()).toContain('; 10 duplicate events dropped (--dedup-events: same channel, computer and EventRecordID');
  });

  it('finds the same event across layouts and paths: one-line (fast), pretty-printed, classic text, JSON', async () => {
    const prettyCopy = write('pretty.xml', attackDataLines.map((line) => line.replace(/></g, '>\n<')).join('\n'));
    const { report } = await read([attackDataPath, prettyCopy]);
    expect(report.duplicates).toBe(10);
    const classicTwice = await read([classicPath, write('copy.out', gzipSync(await import('node:fs').then((fs) => fs.readFileSync(classicPath))))]);
    expect(classicTwice.report.duplicates).toBe(3);
    const json = (id: number): string => JSON.stringify({ EventID: 1, Channel: 'Microsoft-Windows-Sysmon/Operational', Hostname: 'h', RecordNumber: id, TimeCreated: '2021-01-01T00:00:00Z' });
    const jsonTwice = await read([write('events.json', `${json(5)}\n${json(6)}\n${json(5)}\n`)]);
    expect(jsonTwice.report.duplicates).toBe(1);
  });

  it('does not take events of other computers or channels with the same EventRecordID for copies', async () => {
    const otherHost = sysmonLine.replace(/<Computer>[^<]*</, '<Computer>another-host<');
    const otherChannel = sysmonLine.replace(/<Channel>[^<]*</, '<Channel>Security<');
    const { report } = await read([write('distinct.log', `${sysmonLine}\n${otherHost}\n${otherChannel}\n`)]);
    expect(report.duplicates).toBe(0);
  });

  it('drops a copy once when the fast path leaves the line to the general path (time not in the usual form)', async () => {
    const spaced = sysmonLine.replace(/SystemTime='(\d{4}-\d\d-\d\d)T/, "SystemTime='$1 ");
    const { rows, report } = await read([write('spaced.log', `${spaced}\n${spaced}\n`)], { dedupEvents: true });
    expect(rows).toHaveLength(1);
    expect(report).toMatchObject({ records: 2, duplicates: 1, duplicatesDropped: 1 });
  });
});

/** A stand-in for the EVTX reader: records as rendered XML, and one fault. */
function fakeSource(xml: readonly string[]): RecordSource {
  return {
    name: 'test',
    extensions: ['.test'],
    recognises: (head) => Buffer.from(head).subarray(0, 4).toString('latin1') === 'TEST',
    async read(input, sink) {
      for await (const chunk of input) void chunk;
      xml.forEach((event, index) => sink.event(event, { line: 0, chunk: 0, record: index + 1 }));
      sink.fault('bad record checksum', { line: 0, chunk: 0, record: xml.length + 1 });
    },
  };
}

describe('records of a registered source (sources.ts) are counted like text records', () => {
  it('counts a source record that repeats an XML text record as a duplicate, and drops it with dedupEvents', async () => {
    for (const dedupEvents of [false, true]) {
      const handler = new IngestHandler(false, undefined, dedupEvents);
      handler.startFile('events.xml');
      await readStream(Readable.from([Buffer.from(`${sysmonLine}\n`)]), handler, () => undefined, []);
      handler.startFile('events.test');
      await readStream(Readable.from([Buffer.from('TEST....')]), handler, () => undefined, [fakeSource([sysmonLine])]);
      expect(handler.identities.duplicates).toBe(1);
      expect(handler.identities.example).toEqual({ first: 'events.xml', second: 'events.test: chunk 0, record 1' });
      expect(handler.counts.duplicatesDropped).toBe(dedupEvents ? 1 : 0);
      expect(handler.counts.skipped).toEqual([{ file: 'events.test', line: 0, chunk: 0, record: 2, reason: 'bad record checksum' }]);
    }
  });

  it('fails under --strict on a source fault, naming the record', async () => {
    const handler = new IngestHandler(true);
    handler.startFile('events.test');
    const reading = readStream(Readable.from([Buffer.from('TEST....')]), handler, () => undefined, [fakeSource([sysmonLine])]);
    await expect(reading).rejects.toThrow('events.test: chunk 0, record 2: bad record checksum');
  });
});

describe('--strict fails for every record not read, whatever the input', () => {
  const inputs: [string, () => string][] = [
    ['a binary file', () => write('binary.log', Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x0a]))],
    ['an unreadable gzip trailer', () => {
      const packed = gzipSync(`${sysmonLine}\n`);
      packed[packed.length - 6] ^= 1;
      return write('crc.log.gz', packed);
    }],
    ['a line with a NUL byte', () => write('nul.log', `${sysmonLine}\n\0\n`)],
    ['a UTF-16 line with an unpaired surrogate', () => write('u16.xml', Buffer.from(`\ufeff${sysmonLine}\r\n\ud800\r\n`, 'utf16le'))],
    ['a truncated event', () => write('cut.log', sysmonLine.slice(0, 400))],
    ['an unrecognised line', () => write('junk.log', 'hello\n')],
  ];
  for (const [name, make] of inputs) {
    it(name, async () => {
      const path = make();
      const failure = read([path], { strict: true });
      await expect(failure).rejects.toBeInstanceOf(SpelunkError);
      await expect(failure).rejects.toThrow(path);
    });
  }

  it('does not fail for duplicates, indexed or dropped', async () => {
    const path = write('twice.log', `${sysmonLine}\n${sysmonLine}\n`);
    await expect(read([path], { strict: true })).resolves.toBeDefined();
    await expect(read([path], { strict: true, dedupEvents: true })).resolves.toBeDefined();
  });

  it('reads through a folder with the same rule as a file (the folder walk skips no log file)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'spelunk-strict-'));
    writeFileSync(join(folder, 'bad.log'), 'hello\n');
    await expect(read([folder], { strict: true })).rejects.toThrow(join(folder, 'bad.log'));
  });
});
