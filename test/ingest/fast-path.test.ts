import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { WinEventLineScanner } from '../../src/ingest/fast-xml.js';
import { loadEndpointProcesses } from '../../src/ingest/index.js';
import { scanXmlEvent } from '../../src/ingest/xml.js';
import { fixtures, repoRoot, storeRows } from './helpers.js';

// The one-line XmlWinEventLog fast path (src/ingest/fast-xml.ts) must give exactly what the
// general scanner gives. Splitting each event over two lines sends it through the general
// path (multi-line record assembly), so the same events read both ways must agree.
const sysmonLog = resolve(fixtures, 'splunk-attack-data-xml/T1003.002_atomic_red_team_sysmon.log');
const securityLog = resolve(fixtures, 'splunk-security-content-examples/windows_event_log_security_4688.example.log');

function writeTemp(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'spelunk-fast-')), name);
  writeFileSync(path, text);
  return path;
}

/** Each event broken after `<System>`: same XML, but no longer the one-line layout. */
function splitEvents(text: string): string {
  return text.replaceAll('<System>', '<System>\n');
}

async function rowsAndReport(path: string): Promise<[Record<string, unknown>[], string, [string, number][]]> {
  const { store, report } = await loadEndpointProcesses([path]);
  return [storeRows(store), report.summary(), [...report.otherEvents]];
}

describe('one-line XmlWinEventLog fast path', () => {
  for (const source of [sysmonLog, securityLog]) {
    it(`agrees with the general scanner on ${source.split('/').pop()}`, async () => {
      const text = readFileSync(source, 'utf8');
      expect(text.split('\n').filter((line) => line.startsWith('<Event')).length).toBeGreaterThan(0);
      const [fastRows, fastSummary, fastOther] = await rowsAndReport(writeTemp('one-line.log', text));
      const [generalRows, generalSummary, generalOther] = await rowsAndReport(writeTemp('split.log', splitEvents(text)));
      expect(fastRows.length).toBeGreaterThan(0);
      expect(fastRows).toEqual(generalRows);
      expect(fastOther).toEqual(generalOther);
      expect(fastSummary).toEqual(generalSummary);
    });
  }

  it('falls back to the general scanner for layouts it does not take (double quotes, tabs, entities)', async () => {
    const line = readFileSync(sysmonLog, 'utf8').split('\n').find((l) => l.includes("<EventID>1</EventID>"))!;
    const variants = [
      line,
      line.replaceAll("'", '"'),
      line.replace('<Data Name=', '<Data  Name='),
      line.replace('</Event>', '</Event>\t '),
      line.replace("<Data Name='CommandLine'>", "<Data Name='CommandLine'>&lt;x&gt; "),
      line.replace("<Data Name='Image'>", "<Data Name='Computer'>other-host</Data><Data Name='Image'>"),
    ];
    const [fast] = await rowsAndReport(writeTemp('variants.log', variants.join('\n') + '\n'));
    const [general] = await rowsAndReport(writeTemp('variants-split.log', splitEvents(variants.join('\n')) + '\n'));
    expect(fast).toEqual(general);
    // Raw text is kept as written, entities included (xml.ts; notes ta_mappings.md).
    expect(fast[4]!.process).toMatch(/^&lt;x&gt; /);
    // A Data element named like a System value does not replace <Computer>.
    expect(fast[5]!.dest).toBe(fast[0]!.dest);
  });
});

describe('one-line fast path: values and ids', () => {
  it('finds every value where the general scanner does, at any offset and value length', () => {
    const scanner = new WinEventLineScanner(['Image', 'CommandLine', 'User']);
    for (let length = 0; length <= 12; length++) {
      const value = 'abcdefghijkl'.slice(0, length);
      const line =
        "<Event xmlns='x'><System><Provider Name='P'/><EventID>1</EventID><Computer>h</Computer>" +
        `<TimeCreated SystemTime='2024-01-01T00:00:00Z'/></System><EventData><Data Name='Image'>${value}</Data>` +
        `<Data Name='User'>u${value}</Data><Data Name='CommandLine'>${value}x</Data></EventData></Event>`;
      const fields = new Map<string, string>();
      expect(scanXmlEvent(line, fields, new Set(['Image', 'CommandLine', 'User']))).toBeUndefined();
      for (let pad = 0; pad < 8; pad++) {
        const bytes = Buffer.from(' '.repeat(pad) + line + '\n', 'latin1');
        expect(scanner.scan(bytes, pad, pad + line.length)).toBe(true);
        const found = new Map<string, string>();
        scanner.slotNames.forEach((name, slot) => {
          if (scanner.start[slot]! >= 0) found.set(name, bytes.toString('latin1', scanner.start[slot], scanner.end[slot]));
        });
        expect(found).toEqual(fields);
      }
    }
  });

  it('gives the ids and dictionaries of the general path when both paths meet the same values', async () => {
    const sysmon = readFileSync(sysmonLog, 'utf8').split('\n').filter((line) => line.startsWith('<Event'));
    const security = readFileSync(securityLog, 'utf8').split('\n').filter((line) => line.startsWith('<Event'));
    // Repeated and new values (over 255 of them, to widen the id columns) in the same columns,
    // each event read by the fast path or, split over two lines, by the general path.
    const lines: string[] = [];
    for (let i = 0; i < 900; i++) {
      const source = i % 5 === 0 ? security[i % security.length]! : sysmon[i % sysmon.length]!;
      const event = source
        .replaceAll(/<Data Name='(ProcessGuid|ProcessId|NewProcessId)'>[^<]*</g, `<Data Name='$1'>$1-${i % 400}<`)
        .replace(/<Data Name='(CommandLine)'>/, `<Data Name='$1'>run ${i % 3 === 0 ? i : 7} `);
      lines.push(i % 4 === 1 || (i > 300 && i % 7 === 0) ? splitEvents(event) : event);
    }
    const mixed = await loadEndpointProcesses([writeTemp('mixed.log', lines.join('\n') + '\n')]);
    const general = await loadEndpointProcesses([writeTemp('general.log', lines.map(splitEvents).join('\n') + '\n')]);
    expect(mixed.store.rowCount).toBe(general.store.rowCount);
    expect(mixed.store.rowCount).toBeGreaterThan(700);
    expect(mixed.store.fields).toEqual(general.store.fields);
    for (const field of general.store.fields) {
      expect(mixed.store.column(field)!.dictionary).toEqual(general.store.column(field)!.dictionary);
      expect([...mixed.store.column(field)!.ids]).toEqual([...general.store.column(field)!.ids]);
    }
    expect(mixed.store.column('process_id')!.ids).toBeInstanceOf(Uint16Array);
    expect([...mixed.store.time]).toEqual([...general.store.time]);
    // The events repeat, so the summary names a duplicate pair: in each file at its own line.
    const withoutExample = (summary: string): string => summary.replace(/, e\.g\. [^)]*\)/, ')');
    expect(mixed.report.duplicates).toBe(general.report.duplicates);
    expect(withoutExample(mixed.report.summary())).toBe(withoutExample(general.report.summary()));
  });
});

// Worker threads run the compiled worker (dist/); vitest runs TypeScript sources, where the
// ingest reads on its own thread, so this part tests the build and skips without one.
const distIngest = resolve(repoRoot, 'dist/src/ingest/index.js');
const distWorker = resolve(repoRoot, 'dist/src/ingest/worker.js');

describe.skipIf(!existsSync(distWorker))('files read on worker threads (dist build)', () => {
  it('gives the same rows, ids and report as one thread, in file order', async () => {
    const dist = (await import(pathToFileURL(distIngest).href)) as { loadEndpointProcesses: typeof loadEndpointProcesses };
    const sysmon = readFileSync(sysmonLog, 'utf8');
    const security = readFileSync(securityLog, 'utf8');
    // Enough distinct values to widen the id columns past 8 bits while merging.
    const many = Array.from({ length: 300 }, (_, i) => sysmon.replaceAll(/<Data Name='ProcessId'>\d+</g, `<Data Name='ProcessId'>${1000 + i}<`)).join('');
    const files = [writeTemp('a.log', many), writeTemp('b.log', security), writeTemp('c.log', sysmon), writeTemp('d.log', 'not a log line\n')];
    const one = await dist.loadEndpointProcesses(files, { threads: 1 });
    const two = await dist.loadEndpointProcesses(files, { threads: 2 });
    expect(two.store.rowCount).toBe(one.store.rowCount);
    expect(storeRows(two.store)).toEqual(storeRows(one.store));
    for (const field of one.store.fields) expect([...two.store.column(field)!.ids]).toEqual([...one.store.column(field)!.ids]);
    expect(two.report.summary()).toBe(one.report.summary());
    expect(two.report.skipped).toEqual(one.report.skipped);
    expect(two.report.skipped[0]).toMatchObject({ file: files[3], line: 1 });
  });

  it('stops with the first failing file in strict mode, as one thread does', async () => {
    const dist = (await import(pathToFileURL(distIngest).href)) as { loadEndpointProcesses: typeof loadEndpointProcesses };
    const good = writeTemp('good.log', readFileSync(sysmonLog, 'utf8'));
    const bad = writeTemp('bad.log', 'garbage\n');
    const one = dist.loadEndpointProcesses([good, bad, good], { threads: 1, strict: true });
    const two = dist.loadEndpointProcesses([good, bad, good], { threads: 2, strict: true });
    await expect(one).rejects.toThrow(`${bad}:1: unrecognised line`);
    await expect(two).rejects.toThrow(`${bad}:1: unrecognised line`);
  });
});
