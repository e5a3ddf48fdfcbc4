/** Malformed input is counted and reported with file and line; the run goes on. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SpelunkError } from '../../src/core/errors.js';
import { loadEndpointProcesses } from '../../src/ingest/index.js';
import { fixtures, storeRows } from './helpers.js';

const sysmonLine = readFileSync(resolve(fixtures, 'splunk-security-content-examples/sysmon_eventid_1.example.log'), 'utf8').trim();
const folder = mkdtempSync(join(tmpdir(), 'spelunk-ingest-'));

function write(name: string, content: string | Buffer): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

describe('malformed input', () => {
  it('reports a truncated XML event and keeps the events around it', async () => {
    const truncated = sysmonLine.slice(0, sysmonLine.indexOf("<Data Name='Image'>") + 25);
    const path = write('truncated.log', `${sysmonLine}\n${truncated}\n${sysmonLine}\n${truncated}\n`);
    const { store, report } = await loadEndpointProcesses([path]);
    expect(store.rowCount).toBe(2);
    expect(report.skipped).toEqual([
      { file: path, line: 2, reason: 'truncated XML event: a new <Event> starts before </Event>' },
      { file: path, line: 4, reason: 'truncated XML event: no </Event> before the end of the file' },
    ]);
    expect(report.records).toBe(4);
  });

  it('skips a binary file as one record', async () => {
    const path = write('binary.log', Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0xff, 0xfe, 0x0a, 0x00]));
    const { report } = await loadEndpointProcesses([path]);
    expect(report.skipped).toEqual([{ file: path, line: 1, reason: 'binary file (contains NUL bytes), not a text log' }]);
  });

  it('skips a line that is not valid UTF-8 and reads the next', async () => {
    const bad = Buffer.concat([Buffer.from(sysmonLine.slice(0, 200)), Buffer.from([0xc3, 0x28]), Buffer.from(sysmonLine.slice(200))]);
    const path = write('latin.log', Buffer.concat([bad, Buffer.from(`\n${sysmonLine}\n`)]));
    const { store, report } = await loadEndpointProcesses([path]);
    expect(store.rowCount).toBe(1);
    expect(report.skipped).toEqual([{ file: path, line: 1, reason: 'invalid UTF-8' }]);
  });

  it('counts an empty file as a file with no records', async () => {
    const path = write('empty.log', '');
    const { report } = await loadEndpointProcesses([path]);
    expect(report).toMatchObject({ files: 1, records: 0, processRows: 0, skippedCount: 0, emptyFiles: [path] });
    expect(report.summary()).toContain('1 empty file');
  });

  it('skips a 10 MB single line without holding it, and reads on', async () => {
    const path = write('long.log', `${'x'.repeat(10 * 1024 * 1024)}\n${sysmonLine}\n`);
    const { store, report } = await loadEndpointProcesses([path]);
    expect(store.rowCount).toBe(1);
    expect(report.skipped).toHaveLength(1);
    expect(report.skipped[0]).toMatchObject({ file: path, line: 1 });
    expect(report.skipped[0]!.reason).toMatch(/^line too long/);
  });

  it('skips a JSON line that is an array, and invalid JSON', async () => {
    const path = write('array.json', '[{"EventID":1}]\n{"EventID": 1,\n');
    const { report } = await loadEndpointProcesses([path]);
    expect(report.skipped.map((s) => [s.line, s.reason.split(':')[0]])).toEqual([
      [1, 'JSON array'],
      [2, 'invalid JSON'],
    ]);
  });

  it('makes any skipped record an error with --strict, naming file and line', async () => {
    const path = write('strict.json', `{"event_simpleName":"ProcessRollup2","CommandLine":"a"}\n`);
    const failure = loadEndpointProcesses([path], { strict: true });
    await expect(failure).rejects.toBeInstanceOf(SpelunkError);
    await expect(failure).rejects.toThrow(`${path}:1: CrowdStrike ProcessRollup2 without a valid 'timestamp'`);
  });

  it('names a data path that does not exist', async () => {
    await expect(loadEndpointProcesses([join(folder, 'nope')])).rejects.toThrow(
      `cannot read data path '${join(folder, 'nope')}': no such file or directory`,
    );
  });
});

describe('event identity', () => {
  it('does not take another provider\'s EventID 1 for Sysmon Process Create', async () => {
    const other = sysmonLine.replace("Provider Name='Microsoft-Windows-Sysmon'", "Provider Name='Microsoft-Windows-Kernel-General'");
    const path = write('identity.log', `${other}\n${sysmonLine}\n`);
    const { store, report } = await loadEndpointProcesses([path]);
    expect(store.rowCount).toBe(1);
    expect([...report.otherEvents]).toEqual([['Microsoft-Windows-Kernel-General/1', 1]]);
  });

  it('counts a Sysmon event no table reads by provider and EventID', async () => {
    const imageLoad = sysmonLine.replace('<EventID>1</EventID>', '<EventID>7</EventID>');
    const { report } = await loadEndpointProcesses([write('eid7.log', `${imageLoad}\n`)]);
    expect([...report.otherEvents]).toEqual([['Microsoft-Windows-Sysmon/7', 1]]);
  });
});

describe('input forms', () => {
  it('reads gzip transparently and gives the same rows', async () => {
    const plain = write('plain.log', `${sysmonLine}\n`);
    const packed = write('packed.log.gz', gzipSync(`${sysmonLine}\n`));
    const a = await loadEndpointProcesses([plain]);
    const b = await loadEndpointProcesses([packed]);
    expect(storeRows(b.store)).toEqual(storeRows(a.store));
  });

  it('reads double-quoted, pretty-printed and <Events>-wrapped XML like the Splunk line', async () => {
    const doubleQuoted = sysmonLine.replace(/(\w+)='([^']*)'/g, '$1="$2"');
    const pretty = doubleQuoted.replace(/></g, '>\n  <');
    const wrapped = `<?xml version="1.0" encoding="utf-8"?>\n<Events>${doubleQuoted}${doubleQuoted}</Events>\n`;
    const line = await loadEndpointProcesses([write('line.log', `${sysmonLine}\n`)]);
    for (const form of [doubleQuoted + '\n', pretty + '\n', wrapped]) {
      const { store, report } = await loadEndpointProcesses([write('form.xml', form)]);
      expect(report.skippedCount).toBe(0);
      expect(storeRows(store)[0]).toEqual(storeRows(line.store)[0]);
    }
  });

  it("reads '-' from the given stdin stream", async () => {
    const { store, report } = await loadEndpointProcesses(['-'], { stdin: Readable.from([Buffer.from(`${sysmonLine}\n`)]) });
    expect(store.rowCount).toBe(1);
    expect(report.files).toBe(1);
  });
});
