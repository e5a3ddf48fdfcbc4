import { describe, expect, it } from 'vitest';
import { ByteInterner, viewOf } from '../../src/ingest/interner.js';

/** `texts` laid out one after another in one buffer, each preceded by `pad` filler bytes. */
function layout(texts: readonly string[], pad: number): { bytes: Buffer; ranges: [number, number][] } {
  const parts: Buffer[] = [];
  const ranges: [number, number][] = [];
  let at = 0;
  for (const text of texts) {
    const bytes = Buffer.from(text, 'utf8');
    parts.push(Buffer.alloc(pad, 0x23), bytes);
    ranges.push([at + pad, at + pad + bytes.length]);
    at += pad + bytes.length;
  }
  return { bytes: Buffer.concat(parts), ranges };
}

function entries(interner: ByteInterner, texts: readonly string[], pad: number): number[] {
  const { bytes, ranges } = layout(texts, pad);
  const view = viewOf(bytes);
  return ranges.map(([start, end]) => interner.entry(bytes, view, start, end));
}

describe('ByteInterner', () => {
  it('numbers distinct values in the order first met, whatever buffer or offset they come from', () => {
    const interner = new ByteInterner();
    const texts = ['cmd.exe', 'cmd.exe /c', '', 'cmd.exe', 'a', 'cmd.exe /c', 'cmd.ex', 'Jürgen', 'Jürgen'];
    expect(entries(interner, texts, 3)).toEqual([0, 1, 2, 0, 3, 1, 4, 5, 5]);
    // Met a second and third time, from other offsets (the bytes are compared from the arena then).
    for (const pad of [0, 1, 2, 5]) expect(entries(interner, texts, pad)).toEqual([0, 1, 2, 0, 3, 1, 4, 5, 5]);
    expect([0, 1, 2, 3, 4, 5].map((entry) => interner.text(entry))).toEqual(['cmd.exe', 'cmd.exe /c', '', 'a', 'cmd.ex', 'Jürgen']);
    expect(interner.size).toBe(6);
  });

  it('keeps entries apart and stable as the table grows', () => {
    const interner = new ByteInterner();
    // Same lengths, small differences at the start, middle and end.
    const texts = Array.from({ length: 20_000 }, (_, i) => `{${String(i % 7)}a59bced-${String(i).padStart(5, '0')}-65e5-${String(i % 13)}}`);
    const first = entries(interner, texts, 1);
    expect(first).toEqual(texts.map((_, i) => i));
    expect(entries(interner, texts, 2)).toEqual(first);
    expect(entries(interner, [...texts].reverse(), 0)).toEqual([...first].reverse());
    expect(interner.text(12_345)).toBe(texts[12_345]);
  });

  it('gives the same string object for every occurrence of a value', () => {
    const interner = new ByteInterner();
    const [a, b] = entries(interner, ['C:\\Windows\\System32\\svchost.exe -k netsvcs', 'C:\\Windows\\System32\\svchost.exe -k netsvcs'], 4);
    expect(a).toBe(b);
    expect(Object.is(interner.text(a!), interner.text(b!))).toBe(true);
  });
});
