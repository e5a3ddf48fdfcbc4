/**
 * The bounded regular expressions mean exactly what the native ones mean: each engine spelunk may
 * pick (linear-time RE2, counted backtracking) is run on the same patterns and subjects as V8's own
 * engine, which is the reference, and must find the same matches, positions and groups.
 */
import { describe, expect, it } from 'vitest';
import { compilePcre } from '../../src/eval/pcre.js';
import { BoundedRegExp } from '../../src/regex/bounded-regexp.js';

/** PCRE as spelunk documents it (pcre.ts), and shapes seen in security_content detections. */
const PATTERNS = [
  '(?P<user>\\w+)@(?<host>\\w+)',
  "(?'n'\\d+)",
  '(?i)CMD\\.exe',
  '(?is)a.b',
  '\\Aab\\z',
  'ab\\Z',
  'ab$',
  '(?m)^ab$',
  'rundll32.+\\#\\d+',
  '[]a]+',
  '[[:digit:]]+',
  '(?i)-e(nc(odedcommand)?)?\\s',
  '\\\\(?<name>[^\\\\]+)$',
  '^.*?\\\\(?<sp>[^\\\\]*\\.(?:exe|dll))',
  '(?i).+\\\\(?<f>[^\\\\]+\\.(ZIP|RAR))',
  '\\.(?<ext>[^\\.]*$)',
  '(?<b>.{3})',
  '(?i)(regasm\\.exe.{0,4}$)',
  '(\\b)\\w+(\\.\\w+)?:\\w+(\\.\\w{2,4})(?!\\.)(\\b)',
  '(?<x>.+)(?<y>\\x{E9})(?<z>.+)',
  '(a)\\1',
  '(?i)(ab)\\1',
  '(?<=a)b+',
  '(?<!\\\\)"(?<q>[^"]*)"',
  '(?<=(a+))b',
  '(?=(\\w+))\\w',
  '(?:(a)|b)+',
  '(a*)*b',
  '(a|ab)(c|bcd)(d*)',
  '(?i)[^a-c]+',
  '[\\s\\S]{2}',
  '\\S+\\s',
  '(?:ab|a)*?c',
  'x*',
  'a{2,3}?',
  '\\bx\\B',
  '[^]a]',
  '(a+)+$',
  '(?:\\\\[^\\\\]+)+',
  '\\h+\\d',
  '\\Q.*\\E+',
];

const ALPHABET = ['a', 'b', 'c', 'd', 'A', 'B', 'x', 'e', '1', '2', '\\', '.', '"', '@', '#', ':', ' ', '\t', '\n', '\r', 'é', 'É', '\u2028', '😀'];

/** A small deterministic generator, so a failure names a subject that can be replayed. */
function subjects(count: number, seed: number): string[] {
  let state = seed;
  const next = (n: number): number => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state % n;
  };
  const out: string[] = ['', 'ab', 'ab\n', 'aab', 'xab\nab', 'rundll32.exe a,#1', 'C:\\Windows\\a.dll'];
  while (out.length < count) {
    let text = '';
    const length = next(16);
    for (let i = 0; i < length; i++) text += ALPHABET[next(ALPHABET.length)];
    out.push(text);
  }
  return out;
}

/** Every match of a global regex, as exec() reports it, advancing past empty matches as String.prototype.replace does. */
function allMatches(regex: BoundedRegExp, engine: 'native' | 'linear' | 'backtracking', text: string): string {
  regex.lastIndex = 0;
  const found: string[] = [];
  for (let k = 0; k < 50; k++) {
    const match = regex.execOn(engine, text);
    if (!match) break;
    found.push(JSON.stringify([match.index, [...match], match.groups ?? null]));
    if (match[0] === '') regex.lastIndex++;
  }
  return found.join(' ');
}

describe('every engine agrees with the native one', () => {
  for (const pattern of PATTERNS) {
    it(pattern, () => {
      const regex = compilePcre(pattern, 'g') as BoundedRegExp;
      let linearRuns = 0;
      for (const text of subjects(150, pattern.length)) {
        const expected = allMatches(regex, 'native', text);
        expect(allMatches(regex, 'backtracking', text), `backtracking on ${JSON.stringify(text)}`).toBe(expected);
        let linear: string | undefined;
        try {
          linear = allMatches(regex, 'linear', text);
        } catch {
          linear = undefined; // no RE2 spelling for this pattern, or not for this subject
        }
        if (linear !== undefined) {
          linearRuns++;
          expect(linear, `linear on ${JSON.stringify(text)}`).toBe(expected);
        }
      }
      // Patterns without backreferences or (user-written) lookaround have an RE2 spelling.
      if (pattern === '(a+)+$' || pattern === '(?i)-e(nc(odedcommand)?)?\\s' || pattern === '\\\\(?<name>[^\\\\]+)$') {
        expect(linearRuns).toBeGreaterThan(0);
      }
    });
  }
});

describe('String methods on a bounded RegExp', () => {
  it('replace, match, split and search give the native results, on short and on long subjects', () => {
    const long = `${'a'.repeat(3000)}b ${'ab'.repeat(2000)}`;
    for (const pattern of ['(a+)+b', '(?<x>a)(?<y>b)', 'a*b']) {
      const bounded = compilePcre(pattern, 'g');
      const native = new RegExp(bounded.source, bounded.flags);
      for (const text of ['aab ab', long]) {
        expect(text.replace(bounded, '[$1]')).toBe(text.replace(native, '[$1]'));
        expect(text.replace(bounded, (m) => m.length.toString())).toBe(text.replace(native, (m) => m.length.toString()));
        expect(text.match(bounded)).toEqual(text.match(native));
        expect(text.split(bounded).length).toBe(text.split(native).length);
        expect(text.search(bounded)).toBe(text.search(native));
        expect([...text.matchAll(bounded)].length).toBe([...text.matchAll(native)].length);
      }
    }
  });
});
