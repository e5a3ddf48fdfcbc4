/**
 * Issue 20 §1: every valid record is read, whatever surrounds it. Each case is a reproducer of
 * the issue: a broken record used to swallow or merge the records after it.
 */
import { describe, expect, it } from 'vitest';
import { classicPath, classicText, read, sysmonLine, truncate, write } from './ingest-helpers.js';

const truncated = truncate(sysmonLine);
/** The same event with another command line, to tell the rows apart. */
const other = sysmonLine.replace(/<Data Name='CommandLine'>[^<]*/, "<Data Name='CommandLine'>other.exe /x");
const BOM = '\ufeff';

describe('XML framing resynchronises at the next <Event>', () => {
  it('after an unterminated event followed by a line with invalid UTF-8 (an event itself)', async () => {
    const bad = Buffer.concat([Buffer.from(sysmonLine.slice(0, 300)), Buffer.from([0xc3, 0x28]), Buffer.from(sysmonLine.slice(300))]);
    const path = write('invalid-after-truncated.log', Buffer.concat([Buffer.from(`${truncated}\n`), bad, Buffer.from(`\n${sysmonLine}\n${other}\n`)]));
    const { rows, report, skipped } = await read([path]);
    const alone = await read([write('alone.log', `${sysmonLine}\n${other}\n`)]);
    expect(rows).toEqual(alone.rows);
    expect(rows[1]!.process).toBe('other.exe /x');
    expect(skipped).toEqual([
      [1, 'truncated XML event: another record starts on line 2 before </Event>'],
      [2, 'invalid UTF-8'],
    ]);
    expect(report.records).toBe(4);
  });

  it('after an unterminated event followed by a line of invalid UTF-8 that is no record', async () => {
    const path = write('junk-after-truncated.log', Buffer.concat([Buffer.from(`${truncated}\n`), Buffer.from([0xff, 0xfe, 0x41, 0x0a]), Buffer.from(`${sysmonLine}\n${other}\n`)]));
    const { rows, report, skipped } = await read([path]);
    expect(rows).toHaveLength(2);
    expect(skipped).toEqual([[1, 'invalid UTF-8 (line 2)']]);
    expect(report.records).toBe(3);
  });

  it('after an unterminated event followed by an event longer than 1 MiB', async () => {
    const huge = sysmonLine.replace("<Data Name='CommandLine'>", `<Data Name='CommandLine'>${'A'.repeat(2 * 1024 * 1024)}`);
    const path = write('huge-after-truncated.log', `${truncated}\n${huge}\n${sysmonLine}\n${other}\n`);
    const { rows, report, skipped } = await read([path]);
    expect(rows).toHaveLength(2);
    expect(rows[1]!.process).toBe('other.exe /x');
    expect(skipped.map(([line, reason]) => [line, reason.replace(/\d+ bytes;/, 'N bytes;')])).toEqual([
      [1, 'truncated XML event: another record starts on line 2 before </Event>'],
      [2, 'line too long (more than N bytes; the limit is 1048576)'],
    ]);
    expect(report.records).toBe(4);
  });

  it('after a multi-line event that grew past 1 MiB', async () => {
    const big = `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>\n${'B'.repeat(700_000)}\n${'C'.repeat(700_000)}\n`;
    const path = write('big-multiline.log', `${big}${sysmonLine}\n${other}\n`);
    const { rows, skipped } = await read([path]);
    expect(rows).toHaveLength(2);
    expect(skipped).toEqual([[1, 'XML event longer than 1048576 bytes']]);
  });

  it('after a truncated event followed by an event with a byte-order mark', async () => {
    const path = write('bom-after-truncated.log', `${truncated}\n${BOM}${other}\n${sysmonLine}\n`);
    const { rows, report, skipped } = await read([path]);
    const alone = await read([write('plain.log', `${other}\n${sysmonLine}\n`)]);
    expect(rows).toEqual(alone.rows);
    expect(skipped).toEqual([[1, 'truncated XML event: a new <Event> starts before </Event>']]);
    expect(report.records).toBe(3);
  });

  it('after a truncated event followed by an event whose start tag is bit-flipped (<Evfnt)', async () => {
    const flipped = other.replace('<Event ', '<Evfnt ');
    const path = write('evfnt-after-truncated.log', `${truncated}\n${flipped}\n${sysmonLine}\n`);
    const { rows, report, skipped } = await read([path]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.process).not.toBe('other.exe /x');
    expect(skipped).toEqual([
      [1, 'truncated XML event: another record starts on line 2 before </Event>'],
      [2, "malformed XML event: it starts with '<Evfnt xmlns='http://sch', not <Event>"],
    ]);
    expect(report.records).toBe(3);
  });

  it('frames a pretty-printed event with a damaged first line as one skipped record', async () => {
    const pretty = other.replace(/></g, '>\n<');
    const damaged = pretty.replace('<Event ', 'X<Event ');
    const path = write('damaged-pretty.xml', `${damaged}\n${pretty}\n`);
    const { rows, report, skipped } = await read([path]);
    expect(rows).toHaveLength(1);
    expect(skipped).toEqual([[1, "malformed XML event: it starts with 'X<Event xmlns='http://sc', not <Event>"]]);
    expect(report.records).toBe(2);
  });

  it('reads the record after a JSON line or a classic block that cut an event off', async () => {
    const json = '{"EventID": 4104, "Channel": "Microsoft-Windows-PowerShell/Operational", "TimeCreated": "2021-01-01T00:00:00Z"}';
    const path = write('mixed.log', `${truncated}\n${json}\n${truncated}\n${classicText}${sysmonLine}\n`);
    const { rows, report, skipped } = await read([path]);
    expect(skipped.map(([line]) => line)).toEqual([1, 3]);
    expect(rows.map((row) => row.process_name)).toEqual(['cmd.exe', 'powershell.exe', 'cmd.exe', expect.any(String)]);
    expect(report.records).toBe(7);
  });
});

describe('classic WinEventLog framing resynchronises at the next header', () => {
  const stamp = '09/15/2020 11:48:27 PM\n';
  /** The classic fixture's blocks start at these lines. */
  const starts = classicText.split('\n').flatMap((line, index) => (line === stamp.trim() ? [index + 1] : []));

  it('keeps a block whose timestamp line is damaged apart from the block before it', async () => {
    expect(starts).toHaveLength(3);
    const blocks = classicText.split(stamp).slice(1);
    const damaged = `${stamp}${blocks[0]}09/15/2020 11:48:2? PM\n${blocks[1]}${stamp}${blocks[2]}`;
    const intact = await read([classicPath]);
    const { rows, report, skipped } = await read([write('damaged-stamp.out', damaged)]);
    expect(intact.rows).toHaveLength(3);
    expect(rows).toEqual([intact.rows[0], intact.rows[2]]);
    expect(skipped).toEqual([[starts[1]!, "classic WinEventLog event with a damaged timestamp line '09/15/2020 11:48:2? PM'"]]);
    expect(report.records).toBe(3);
  });

  it('skips a first block whose timestamp line is damaged as one record', async () => {
    const { rows, report, skipped } = await read([write('damaged-first.out', classicText.replace('09/15/2020', '0?/15/2020'))]);
    expect(rows).toHaveLength(2);
    expect(skipped).toEqual([[1, "classic WinEventLog event with a damaged timestamp line '0?/15/2020 11:48:27 PM'"]]);
    expect(report.records).toBe(3);
  });

  it('skips a block that lost its timestamp line as one record', async () => {
    const lines = classicText.split('\n');
    lines.splice(starts[1]! - 1, 1);
    const { rows, report, skipped } = await read([write('no-stamp.out', lines.join('\n'))]);
    const intact = await read([classicPath]);
    expect(rows).toEqual([intact.rows[0], intact.rows[2]]);
    expect(skipped).toEqual([[starts[1]!, 'classic WinEventLog event without a timestamp line']]);
    expect(report.records).toBe(3);
  });
});

describe('NUL bytes are decided per record', () => {
  it('skips the record holding a NUL in the first 8 KiB and reads the others', async () => {
    const withNul = other.replace('other.exe', 'oth\0er.exe');
    const { rows, report, skipped } = await read([write('nul.log', `${withNul}\n${sysmonLine}\n${other}\n`)]);
    expect(rows).toHaveLength(2);
    expect(skipped).toEqual([[1, 'NUL byte in a text line (binary data)']]);
    expect(report.records).toBe(3);
  });

  it('skips a file that is binary throughout as one record, with the reason', async () => {
    const bytes = Buffer.alloc(64 * 1024);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 251 === 0 ? 10 : (i * 31) % 256;
    const path = write('binary.log', bytes);
    const { report, skipped } = await read([path]);
    expect(skipped).toEqual([[1, 'binary file (contains NUL bytes), not a text log']]);
    expect(report.records).toBe(1);
  });

  it('reads the records after a stretch of NUL padding', async () => {
    const { rows, report, skipped } = await read([write('padding.log', `${sysmonLine}\n${'\0'.repeat(20_000)}\n${other}\n`)]);
    expect(rows).toHaveLength(2);
    expect(skipped).toEqual([[2, 'NUL byte in a text line (binary data)']]);
    expect(report.records).toBe(3);
  });
});

describe('byte-order marks, UTF-16 and line endings', () => {
  it('strips a UTF-8 byte-order mark: the first record is read', async () => {
    const plain = await read([write('plain.log', `${sysmonLine}\n${other}\n`)]);
    const marked = await read([write('bom.log', `${BOM}${sysmonLine}\n${other}\n`)]);
    expect(marked.rows).toEqual(plain.rows);
    expect(marked.report.skippedCount).toBe(0);
  });

  it('reads a classic file with a byte-order mark as its three events (not 36 skipped lines)', async () => {
    const { rows, report } = await read([write('bom.out', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(classicText, 'latin1')]))]);
    expect(rows).toHaveLength(3);
    expect(report).toMatchObject({ records: 3, skippedCount: 0 });
  });

  /** The fixture as PowerShell's Out-File writes it: CRLF line ends, UTF-16. */
  const windowsText = (text: string): string => text.replace(/\r?\n/g, '\r\n');
  const utf16be = (text: string): Buffer => Buffer.from(text, 'utf16le').swap16();

  it('decodes UTF-16 LE and BE, with a byte-order mark or without, to the same rows as UTF-8', async () => {
    const text = `${sysmonLine.replace("<Data Name='CommandLine'>", "<Data Name='CommandLine'>® ☃ 𝄞 ")}\n${other}\n`;
    const utf8 = await read([write('utf8.log', text)]);
    expect(utf8.rows[0]!.process).toContain('® ☃ 𝄞');
    const forms = {
      'utf16le-bom': Buffer.from(BOM + windowsText(text), 'utf16le'),
      'utf16le-nobom': Buffer.from(windowsText(text), 'utf16le'),
      'utf16be-bom': utf16be(BOM + windowsText(text)),
      'utf16be-nobom': utf16be(windowsText(text)),
    };
    for (const [name, bytes] of Object.entries(forms)) {
      const decoded = await read([write(`${name}.xml`, bytes)]);
      expect(decoded.rows, name).toEqual(utf8.rows);
      expect(decoded.report.skippedCount, name).toBe(0);
    }
  });

  it('decodes UTF-16 classic text and reads it the same as UTF-8', async () => {
    const utf8 = await read([classicPath]);
    const decoded = await read([write('classic-utf16.out', Buffer.from(BOM + classicText, 'utf16le'))]);
    expect(decoded.rows).toEqual(utf8.rows);
    expect(decoded.report.skippedCount).toBe(0);
  });

  it('decodes UTF-16 read a byte at a time from a pipe, surrogate pairs split', async () => {
    const { Readable } = await import('node:stream');
    const text = `${sysmonLine.replace("<Data Name='CommandLine'>", "<Data Name='CommandLine'>𝄞 ")}\n`;
    const bytes = Buffer.from(BOM + text, 'utf16le');
    const chunks = [...bytes].map((byte) => Buffer.from([byte]));
    const piped = await read(['-'], { stdin: Readable.from(chunks) });
    const utf8 = await read([write('one.log', text)]);
    expect(piped.rows).toEqual(utf8.rows);
  });

  it('reports a UTF-16 line with an unpaired surrogate and reads the others', async () => {
    const bytes = Buffer.concat([Buffer.from(`${BOM}${other.replace('other.exe', 'other\ud800.exe')}\r\n`, 'utf16le'), Buffer.from(`${sysmonLine}\r\n`, 'utf16le')]);
    const { rows, skipped } = await read([write('surrogate.xml', bytes)]);
    expect(rows).toHaveLength(1);
    expect(skipped).toEqual([[1, 'invalid UTF-16LE (unpaired surrogate)']]);
  });

  it('does not merge records of a file with CR-only line endings', async () => {
    const lf = await read([write('lf.log', `${sysmonLine}\n${other}\n`)]);
    const cr = await read([write('cr.log', `${sysmonLine}\r${other}\r`)]);
    expect(cr.rows).toEqual(lf.rows);
    expect(cr.report.skippedCount).toBe(0);
    const classic = await read([write('classic-cr.out', classicText.replace(/\r?\n/g, '\r'))]);
    expect(classic.rows).toHaveLength(3);
    expect(classic.report.skippedCount).toBe(0);
  });
});

describe('gzip faults', () => {
  it('keeps every record before a CRC error and reports the fault after the last line', async () => {
    const { gzipSync } = await import('node:zlib');
    const text = `${sysmonLine}\n${other}\n`.repeat(2000);
    const packed = gzipSync(text);
    packed[packed.length - 6] ^= 0xff;
    const { rows, report, skipped } = await read([write('crc.log.gz', packed)]);
    expect(rows).toHaveLength(4000);
    expect(skipped).toEqual([[4001, `corrupt gzip data at compressed byte ${packed.length - 8}: incorrect data check`]]);
    expect(report.records).toBe(4001);
  });

  it('keeps the last classic block before a CRC error', async () => {
    const { gzipSync } = await import('node:zlib');
    const packed = gzipSync(Buffer.from(classicText, 'latin1'));
    packed[packed.length - 6] ^= 0xff;
    const { rows, skipped } = await read([write('crc.out.gz', packed)]);
    expect(rows).toHaveLength(3);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]![1]).toMatch(/incorrect data check/);
  });

  it('keeps the records of a truncated gzip file and reports where it ends', async () => {
    const { gzipSync } = await import('node:zlib');
    const lines = `${sysmonLine}\n${other}\n`.repeat(500);
    const packed = gzipSync(lines);
    const cut = packed.subarray(0, packed.length - 40);
    const { rows, report, skipped } = await read([write('cut.log.gz', cut)]);
    expect(rows.length).toBeGreaterThan(990);
    expect(rows.length).toBeLessThan(1000);
    // The partial last line is a truncated record; the fault is reported after it, not at line 1.
    expect(skipped).toEqual([
      [rows.length + 1, expect.stringMatching(/^truncated XML event/)],
      [rows.length + 2, `gzip data ends early (truncated file) after ${cut.length} compressed bytes`],
    ]);
    expect(report.records).toBe(rows.length + 2);
  });
});

describe('evtxexport output', () => {
  it('reads the header line evtxexport writes as no record', async () => {
    const pretty = sysmonLine.replace(/'/g, '"').replace(/></g, '>\n  <');
    const { rows, report } = await read([write('export.xml', `evtxexport 20181227\n\n${pretty}\n\n${pretty}\n`)]);
    expect(rows).toHaveLength(2);
    expect(report).toMatchObject({ records: 2, skippedCount: 0 });
  });
});
