/**
 * `spelunk generate --format evtx`: a valid .evtx file holding the sysmon-xml events of the
 * same seed. Read back with spelunk's reader and, when installed, with evtxexport: both agree
 * with each other and with the sysmon-xml lines (whose SystemTime has seven fractional digits
 * where the renderer writes nine). Templates and names are stored once per chunk, as Windows does.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEvents, writeEvtxFile } from '../../src/generate/index.js';
import { canonicalEvents, evtxexportXml, hasEvtxexport, readAll, type ReadResult } from '../ingest/evtx/helpers.js';

const repoRoot = resolve(import.meta.dirname, '../..');
const bin = resolve(repoRoot, 'dist/src/cli/main.js');
const OPTIONS = { events: 700, seed: 17, hosts: 40 };

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [bin, ...args], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 1 << 28 });
}

describe('generate --format evtx', () => {
  let dir: string;
  let path: string;
  let lines: string[];
  let read: ReadResult;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'spelunk-gen-evtx-'));
    path = join(dir, 'sysmon.evtx');
    await writeEvtxFile({ ...OPTIONS, format: 'evtx' }, path);
    lines = [...generateEvents({ ...OPTIONS, format: 'sysmon-xml' })];
    read = await readAll(path);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads back without a fault, in several chunks', () => {
    expect(read.faults).toEqual([]);
    expect(read.summary).toMatchObject({ version: '3.1', dirty: false, records: 700 });
    expect(read.summary.blocks).toBeGreaterThan(5);
    expect(read.summary.headerChunks).toBe(read.summary.blocks);
    expect(read.records.every((r) => r.verified)).toBe(true);
    expect(read.records.map((r) => r.recordId)).toEqual(lines.map((_, i) => i + 1));
  });

  it('holds the sysmon-xml events of the same seed, byte for byte but for the SystemTime digits', () => {
    const expected = lines.map((line) => line.replace(/SystemTime='([^']*\.\d{7})Z'/, "SystemTime='$100Z'"));
    expect(read.records.map((r) => r.xml)).toEqual(expected);
    // The record header's written time is the event's TimeCreated.
    const first = /SystemTime='([^']*)'/.exec(lines[0]!)![1]!;
    expect(read.records[0]!.timestamp).toBeCloseTo(Date.parse(first) + Number(first.slice(23, 27)) / 10_000, 3);
  });

  it.skipIf(!hasEvtxexport)('evtxexport reads the same records (after the documented normalisations)', () => {
    const reference = evtxexportXml(path);
    expect(reference).toBeDefined();
    expect(canonicalEvents(reference!)).toEqual(canonicalEvents(lines.join('\n')));
  });

  it('stores the EventData template and its names once per chunk, not once per record', () => {
    const bytes = readFileSync(path);
    const name = Buffer.from('ParentCommandLine', 'utf16le');
    const chunks = read.summary.blocks;
    for (let c = 0; c < chunks; c++) {
      const chunk = bytes.subarray(4096 + c * 65536, 4096 + (c + 1) * 65536);
      let count = 0;
      for (let at = chunk.indexOf(name); at !== -1; at = chunk.indexOf(name, at + 1)) count++;
      expect(count, `chunk ${c}`).toBe(1);
    }
    // About 1.9 KB a record: the 23 field names and the template are not repeated.
    expect(bytes.length / 700).toBeLessThan(2500);
  });

  it('gives the same bytes for the same seed', async () => {
    const again = join(dir, 'again.evtx');
    await writeEvtxFile({ ...OPTIONS, format: 'evtx' }, again);
    expect(readFileSync(again).equals(readFileSync(path))).toBe(true);
  });

  it('gives the same datamodel rows as the sysmon-xml lines of the same seed', () => {
    const xmlFile = join(dir, 'lines.xml');
    const renderedFile = join(dir, 'rendered.xml');
    writeFileSync(xmlFile, lines.map((l) => `${l}\n`).join(''));
    writeFileSync(renderedFile, read.records.map((r) => `${r.xml}\n`).join(''));
    const fromLines = cli('datamodel', '--data', xmlFile, '--format', 'json', '--quiet');
    const fromRendered = cli('datamodel', '--data', renderedFile, '--format', 'json', '--quiet');
    expect(fromLines.status).toBe(0);
    expect(JSON.parse(fromRendered.stdout)).toEqual(JSON.parse(fromLines.stdout));
    expect((JSON.parse(fromLines.stdout) as unknown[]).length).toBe(700);
  });

  it('the CLI writes the file with --output and refuses standard output', () => {
    const out = join(dir, 'cli.evtx');
    const ok = cli('generate', '--events', '50', '--seed', '17', '--hosts', '40', '--format', 'evtx', '--output', out);
    expect(ok.status).toBe(0);
    expect(readFileSync(out).subarray(0, 8).toString('latin1')).toBe('ElfFile\0');
    const refused = cli('generate', '--events', '5', '--format', 'evtx');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe('spelunk: --format evtx writes a binary file: give --output FILE (its header, written last, counts the chunks)\nsee `spelunk generate --help`\n');
  });
});
