import { describe, expect, it } from 'vitest';
import { compilePcre } from '../../src/eval/pcre.js';
import { SpelunkError } from '../../src/core/errors.js';

describe('PCRE to JavaScript', () => {
  it('accepts Python-style and PCRE named groups', () => {
    expect(compilePcre('(?P<user>\\w+)@(?<host>\\w+)').exec('bob@web')?.groups).toEqual({ user: 'bob', host: 'web' });
    expect(compilePcre("(?'n'\\d+)").exec('a12')?.groups).toEqual({ n: '12' });
  });
  it('applies leading inline flags to the whole pattern', () => {
    expect(compilePcre('(?i)CMD\\.exe').test('cmd.EXE')).toBe(true);
    expect(compilePcre('(?is)a.b').test('A\nB')).toBe(true);
  });
  it('translates anchors \\A, \\z, \\Z and PCRE $ (end or before a final newline)', () => {
    expect(compilePcre('\\Aab\\z').test('ab')).toBe(true);
    expect(compilePcre('\\Aab\\z').test('ab\n')).toBe(false);
    expect(compilePcre('ab\\Z').test('ab\n')).toBe(true);
    expect(compilePcre('ab$').test('ab\n')).toBe(true);
  });
  it('keeps PCRE identity escapes (\\#, \\/) and a leading ] in a class', () => {
    expect(compilePcre('rundll32.+\\#\\d+').test('rundll32.exe a,#1')).toBe(true);
    expect(compilePcre('[]a]+').exec('x]a]')?.[0]).toBe(']a]');
    expect(compilePcre('[[:digit:]]+').exec('ab123')?.[0]).toBe('123');
  });
  it('rejects what JavaScript cannot do, naming it', () => {
    for (const [pattern, what] of [
      ['a++', 'possessive'],
      ['(?>a)', 'atomic'],
      ['a(?i)b', 'inline option'],
      ['(?R)', 'recursive'],
      ['\\Ga', '\\G'],
    ] as const) {
      try {
        compilePcre(pattern);
        throw new Error(`no error for ${pattern}`);
      } catch (e) {
        expect(e).toBeInstanceOf(SpelunkError);
        expect((e as SpelunkError).kind).toBe('unsupported');
        expect((e as SpelunkError).message).toContain(what);
      }
    }
  });
  it('reports an invalid pattern as a search error', () => {
    expect(() => compilePcre('(unclosed')).toThrow(SpelunkError);
  });
});
