/**
 * Every Binary XML value type, written with the EVTX writer into one record (as element text
 * and, for scalars, as an attribute) and read back. The expected texts follow from the values
 * written and the renderer's rules (docs/semantics.md, "EVTX"): two's-complement decimal
 * integers, unpadded lower-case hex, lower-case braced GUIDs, nine fractional digits, arrays as
 * one element per item. Where evtxexport is installed, the types it renders the same way are
 * checked against it too; the others are listed with what evtxexport does instead.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EvtxWriter, type EvtxTemplate, type XmlElement } from '../../../src/generate/evtx-writer.js';
import { evtxexportXml, hasEvtxexport, parseEvents, readAll } from './helpers.js';

const le = (value: number | bigint, size: 1 | 2 | 4 | 8, signed = false): Buffer => {
  const bytes = Buffer.alloc(size);
  if (size === 8) {
    if (signed) bytes.writeBigInt64LE(BigInt(value));
    else bytes.writeBigUInt64LE(BigInt(value));
  } else {
    bytes.writeUIntLE(signed && Number(value) < 0 ? 2 ** (8 * size) + Number(value) : Number(value), 0, size);
  }
  return bytes;
};
const float = (value: number, size: 4 | 8): Buffer => {
  const bytes = Buffer.alloc(size);
  if (size === 4) bytes.writeFloatLE(value);
  else bytes.writeDoubleLE(value);
  return bytes;
};
/** GUID bytes as stored: the first three groups little-endian. */
const GUID = Buffer.from('00112233445566778899aabbccddeeff', 'hex');
const GUID_TEXT = '{33221100-5544-7766-8899-aabbccddeeff}';
const sid = (authority: number, subs: number[]): Buffer => {
  const bytes = Buffer.alloc(8 + 4 * subs.length);
  bytes[0] = 1;
  bytes[1] = subs.length;
  bytes.writeUIntBE(authority, 2, 6);
  subs.forEach((sub, i) => bytes.writeUInt32LE(sub, 8 + 4 * i));
  return bytes;
};
const systemtime = (...fields: number[]): Buffer => {
  const bytes = Buffer.alloc(16);
  fields.forEach((field, i) => bytes.writeUInt16LE(field, 2 * i));
  return bytes;
};
/** 2019-04-17T18:40:00.1234567Z as 100 ns ticks since 1601. */
const FILETIME = 132000000001234567n;

interface Case {
  name: string;
  type: number;
  bytes: Buffer;
  /** The element texts (one per array item). */
  expected: string[];
  /** undefined: evtxexport renders it the same (after the normalisations); else what it does. */
  evtxexport?: string;
}

const CASES: Case[] = [
  { name: 'Int8', type: 0x03, bytes: le(-5, 1, true), expected: ['-5'], evtxexport: '-123: sign and magnitude, not two\'s complement' },
  { name: 'UInt8', type: 0x04, bytes: le(250, 1), expected: ['250'] },
  { name: 'Int16', type: 0x05, bytes: le(-300, 2, true), expected: ['-300'], evtxexport: '-32468 (sign and magnitude)' },
  { name: 'UInt16', type: 0x06, bytes: le(65000, 2), expected: ['65000'] },
  { name: 'Int32', type: 0x07, bytes: le(-70000, 4, true), expected: ['-70000'], evtxexport: '-2147413648 (sign and magnitude)' },
  { name: 'UInt32', type: 0x08, bytes: le(4000000000, 4), expected: ['4000000000'] },
  { name: 'Int64', type: 0x09, bytes: le(-1n, 8, true), expected: ['-1'], evtxexport: '-9223372036854775807 (sign and magnitude)' },
  { name: 'Int64Positive', type: 0x09, bytes: le(9007199254740993n, 8, true), expected: ['9007199254740993'] },
  { name: 'UInt64', type: 0x0a, bytes: le(18446744073709551615n, 8), expected: ['18446744073709551615'] },
  { name: 'Real32', type: 0x0b, bytes: float(0.1, 4), expected: ['0.1'], evtxexport: '1.000000e-001' },
  { name: 'Real64', type: 0x0c, bytes: float(3.14159, 8), expected: ['3.14159'], evtxexport: '3.141590e+000' },
  { name: 'BoolTrue', type: 0x0d, bytes: le(1, 4), expected: ['true'] },
  { name: 'BoolFalse', type: 0x0d, bytes: le(0, 4), expected: ['false'] },
  { name: 'Binary', type: 0x0e, bytes: Buffer.from([0xde, 0xad, 0xbe, 0xef]), expected: ['DEADBEEF'] },
  { name: 'Guid', type: 0x0f, bytes: GUID, expected: [GUID_TEXT] },
  { name: 'SizeT32', type: 0x10, bytes: le(0x1234, 4), expected: ['0x1234'], evtxexport: '4660 (decimal)' },
  { name: 'SizeT64', type: 0x10, bytes: le(0x123456789n, 8), expected: ['0x123456789'], evtxexport: '4886718345 (decimal)' },
  { name: 'FileTime', type: 0x11, bytes: le(FILETIME, 8), expected: ['2019-04-17T18:40:00.123456700Z'] },
  { name: 'SystemTime', type: 0x12, bytes: systemtime(2021, 4, 3, 21, 14, 56, 43, 234), expected: ['2021-04-21T14:56:43.234000000Z'], evtxexport: '2021-04-21T14:56:43.234Z' },
  { name: 'SystemTimeZero', type: 0x12, bytes: systemtime(0, 0, 0, 0, 0, 0, 0, 0), expected: ['0000-00-00T00:00:00.000000000Z'], evtxexport: '(0x0000 0x0000 ... 0x0000): the raw fields' },
  { name: 'Sid', type: 0x13, bytes: sid(5, [21, 1, 2, 3, 1001]), expected: ['S-1-5-21-1-2-3-1001'] },
  { name: 'SidLargeAuthority', type: 0x13, bytes: sid(0x010000000000, [1]), expected: ['S-1-0x010000000000-1'], evtxexport: 'S-1-1099511627776-1 (decimal authority)' },
  { name: 'HexInt32', type: 0x14, bytes: le(0xabc, 4), expected: ['0xabc'] },
  { name: 'HexInt64', type: 0x15, bytes: le(0xabcdef0123n, 8), expected: ['0xabcdef0123'] },
  { name: 'AnsiString', type: 0x02, bytes: Buffer.from('caf\xe9 & <x>\0', 'latin1'), expected: ['café &amp; &lt;x&gt;'], evtxexport: 'café & <x> (not escaped)' },
  { name: 'String', type: 0x01, bytes: Buffer.from('it\'s "q" & <b>\0', 'utf16le'), expected: ['it\'s "q" &amp; &lt;b&gt;'] },
  { name: 'StringArray', type: 0x81, bytes: Buffer.from('a\0b&c\0', 'utf16le'), expected: ['a', 'b&amp;c'] },
  { name: 'AnsiArray', type: 0x82, bytes: Buffer.from('x\0y\0', 'latin1'), expected: ['x', 'y'] },
  { name: 'Int8Array', type: 0x83, bytes: Buffer.from([0xff, 0x01]), expected: ['-1', '1'], evtxexport: '-127, 1 (sign and magnitude)' },
  { name: 'UInt16Array', type: 0x86, bytes: Buffer.concat([le(1, 2), le(65535, 2)]), expected: ['1', '65535'] },
  { name: 'UInt32Array', type: 0x88, bytes: Buffer.concat([le(7, 4), le(8, 4)]), expected: ['7', '8'] },
  { name: 'GuidArray', type: 0x8f, bytes: Buffer.concat([GUID, GUID]), expected: [GUID_TEXT, GUID_TEXT] },
  { name: 'FileTimeArray', type: 0x91, bytes: Buffer.concat([le(FILETIME, 8), le(132000000000000000n, 8)]), expected: ['2019-04-17T18:40:00.123456700Z', '2019-04-17T18:40:00.000000000Z'] },
  { name: 'HexInt32Array', type: 0x94, bytes: Buffer.concat([le(0x10, 4), le(0xff, 4)]), expected: ['0x10', '0xff'] },
  { name: 'HexInt64Array', type: 0x95, bytes: Buffer.concat([le(0x10n, 8), le(0xffn, 8)]), expected: ['0x10', '0xff'] },
  { name: 'Real64Array', type: 0x8c, bytes: Buffer.concat([float(2.5, 8), float(-1, 8)]), expected: ['2.5', '-1'], evtxexport: '2.500000e+000, -1.000000e+000' },
  { name: 'BoolArray', type: 0x8d, bytes: Buffer.concat([le(1, 4), le(0, 4)]), expected: ['true', 'false'], evtxexport: 'cannot export: unsupported value type 0x8d' },
  { name: 'SystemTimeArray', type: 0x92, bytes: Buffer.concat([systemtime(2020, 1, 3, 1, 0, 0, 0, 0), systemtime(2020, 12, 4, 31, 23, 59, 59, 999)]), expected: ['2020-01-01T00:00:00.000000000Z', '2020-12-31T23:59:59.999000000Z'], evtxexport: 'three fractional digits' },
  { name: 'SidArray', type: 0x93, bytes: Buffer.concat([sid(5, [18]), sid(5, [32, 544])]), expected: ['S-1-5-18', 'S-1-5-32-544'], evtxexport: 'cannot export: unsupported value type 0x93' },
  { name: 'Null', type: 0x00, bytes: Buffer.alloc(0), expected: [''], evtxexport: 'cannot export a NULL value in a normal substitution' },
];

function templateOf(cases: readonly Case[]): EvtxTemplate {
  const data: XmlElement[] = cases.map(({ name, type }, i) => ({ name: 'Data', attributes: [['Name', { text: name }]], children: [{ substitution: i, type }] }));
  const scalars = cases.flatMap(({ name, type }, i) => (type & 0x80 ? [] : [[name, { substitution: i, type }] as const]));
  return { guid: Buffer.alloc(16, 7), root: { name: 'Event', children: [{ name: 'EventData', children: data }, { name: 'Attributes', attributes: scalars }] } };
}

async function writeFile(path: string, cases: readonly Case[]): Promise<void> {
  const file = await open(path, 'w');
  const writer = new EvtxWriter(file);
  await writer.add(FILETIME, { template: templateOf(cases), values: cases.map(({ type, bytes }) => ({ type, bytes })) });
  await writer.finish();
  await file.close();
}

describe('value types', () => {
  let dir: string;
  let xml: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'spelunk-evtx-values-'));
    await writeFile(join(dir, 'all.evtx'), CASES);
    const { records, faults } = await readAll(join(dir, 'all.evtx'));
    expect(faults).toEqual([]);
    xml = records[0]!.xml;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(CASES.map((c) => ({ ...c, hex: c.type.toString(16) })))('$name (type 0x$hex) in element text', ({ name, expected }) => {
    const texts = [...xml.matchAll(new RegExp(`<Data Name='${name}'>([^<]*)</Data>`, 'g'))].map((m) => m[1]);
    expect(texts).toEqual(expected);
  });

  it('scalars in attributes: the same texts, with \' escaped inside single quotes', () => {
    const attributes = Object.fromEntries(parseEvents(xml)[0]!.children.flatMap((child) => (typeof child !== 'string' && child.name === 'Attributes' ? child.attributes : [])));
    for (const { name, type, expected } of CASES) {
      if (type & 0x80) continue;
      const text = name === 'String' ? 'it&apos;s "q" &amp; &lt;b&gt;' : expected[0];
      expect(xml).toContain(` ${name}='${text}'`);
      expect(attributes[name]).toBe(text);
    }
  });

  it.skipIf(!hasEvtxexport)('evtxexport renders the types it shares with us the same way, one record per type', async () => {
    for (const item of CASES) {
      const path = join(dir, `${item.name}.evtx`);
      await writeFile(path, [item]);
      const reference = evtxexportXml(path);
      const ours = (await readAll(path)).records[0]!.xml;
      if (item.evtxexport === undefined) {
        // evtxexport writes the empty last item of an array, and unescaped quotes in attributes, its own way: compare element text.
        const texts = (text: string): string[] => [...text.matchAll(/<Data Name=["'][^"']*["']>([^<]*)<\/Data>/g)].map((m) => m[1]!);
        expect(reference, item.name).toBeDefined();
        expect(texts(ours).map((t) => t.toLowerCase().replace(/^0x0*(?=[0-9a-f])/, '0x')), item.name).toEqual(texts(reference!).map((t) => t.toLowerCase().replace(/^0x0*(?=[0-9a-f])/, '0x')));
      } else if (item.evtxexport.startsWith('cannot export')) {
        expect(reference, item.name).toBeUndefined();
      } else {
        expect(reference, item.name).toBeDefined();
        expect(reference, item.name).not.toContain(`>${item.expected[0]}<`);
      }
    }
  });
});
