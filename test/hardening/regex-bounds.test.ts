/**
 * Issue 20, section 3: a regular expression cannot hang a run. `(a+)+$` on 28 characters took
 * 17 s before, doubling with each character; on 40 it would take hours. Now every command that
 * takes a regex finishes it (checked in a child process with a deadline only a hang would miss),
 * and the backtracking engine stops at Splunk's PCRE limits with an error that names the limit.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compilePcre, copyRegex } from '../../src/eval/pcre.js';
import { BoundedRegExp } from '../../src/regex/bounded-regexp.js';
import { DEFAULT_REGEX_LIMITS, RegexLimitError, setRegexLimits } from '../../src/regex/limits.js';
import { spelunkErrorOf } from '../helpers/errors.js';

const repoRoot = resolve(import.meta.dirname, '../..');
const bin = resolve(repoRoot, 'dist/src/cli/main.js');
/** Far beyond what the bounded engines need (well under a second here), far below the hours the native engine needs on 40 characters. */
const DEADLINE_MS = 60_000;
const EVIL = `${'a'.repeat(40)}b`;

function runSearch(search: string): { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, 'run', search, '--format', 'csv', '--quiet'], { cwd: repoRoot, encoding: 'utf8', timeout: DEADLINE_MS });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

describe('(a+)+$ on 40 characters finishes in every command that takes a regex', () => {
  const cases: Array<[string, string, string]> = [
    ['regex', `| makeresults | eval s="${EVIL}" | regex s="(a+)+$" | eval kept="yes"`, ''],
    ['match()', `| makeresults | eval s="${EVIL}", m=if(match(s, "(a+)+$"), "yes", "no") | table m`, 'no'],
    ['replace()', `| makeresults | eval s="${EVIL}", r=replace(s, "(a+)+$", "x") | table r`, EVIL],
    ['mvfind()', `| makeresults | eval s=split("${EVIL},${EVIL}", ","), i=coalesce(mvfind(s, "(a+)+$"), "none") | table i`, 'none'],
  ];
  for (const [name, search, expected] of cases) {
    it(name, () => {
      const { code, signal, stdout, stderr } = runSearch(search);
      expect(signal, 'the run hung until the deadline').toBeNull();
      expect(code, stderr).toBe(0);
      const lines = stdout.trim().split('\n');
      if (expected === '') expect(lines.slice(1), 'no row should be kept').toEqual([]);
      else expect(lines[1]).toBe(expected);
    });
  }
  it('rex, rex mode=sed and makemv tokenizer copy their regex with its bound (copyRegex)', () => {
    for (const search of [
      `| makeresults | eval s="${EVIL}" | rex field=s "(?<x>(a+)+$)"`,
      `| makeresults | eval s="${EVIL}" | rex field=s mode=sed "s/(a+)+$/x/"`,
      `| makeresults | eval s="${EVIL}" | makemv tokenizer="((a+)+$)" s`,
    ]) {
      const { code, signal } = runSearch(search);
      expect(signal).toBeNull();
      expect(code).toBe(0);
    }
  });
});

describe('the API those commands will use is bounded', () => {
  it('copyRegex keeps the bound: a global copy finds no match in the evil subject, and matches where it should', () => {
    const copy = copyRegex(compilePcre('(?<x>(a+)+$)'), 'g');
    expect(copy).toBeInstanceOf(BoundedRegExp);
    expect(copy.flags).toContain('g');
    expect(copy.exec(EVIL)).toBeNull();
    copy.lastIndex = 0;
    expect(copy.exec('baaa')?.groups?.['x']).toBe('aaa');
  });
});

describe('no exponential pattern runs on the native engine beyond a few characters', () => {
  it('the proven native length of nested repetition is tiny, that of a plain literal is huge', () => {
    for (const pattern of ['(a+)+$', '(a|a)+$', '(\\w+\\s?)+$', '(.*a){12}']) {
      expect((compilePcre(pattern) as BoundedRegExp).nativeLimit, pattern).toBeLessThan(28);
    }
    expect((compilePcre('(?i)powershell\\.exe') as BoundedRegExp).nativeLimit).toBeGreaterThan(100_000);
  });
});

describe("Splunk's PCRE limits on the backtracking engine (limits.conf [rex])", () => {
  afterEach(() => {
    setRegexLimits(DEFAULT_REGEX_LIMITS);
  });

  it('stops a backreference pattern at match_limit=100000 with an error that names the limit and the pattern', () => {
    // A backreference has no RE2 spelling, so this runs on the counted backtracker.
    const error = spelunkErrorOf(() => compilePcre('(a|a)+\\1$', '', { start: 10, end: 20 }).test(`${'a'.repeat(40)}b`));
    expect(error).toBeInstanceOf(RegexLimitError);
    expect((error as RegexLimitError).limit).toBe('match_limit');
    expect(error.kind).toBe('search');
    expect(error.message).toContain('regex="(a|a)+\\1$"');
    expect(error.message).toContain('match_limit=100000');
    expect(error.span).toEqual({ start: 10, end: 20 });
  });

  it('counts the steps: a lower match_limit stops the same work sooner, a higher one lets a larger search finish', () => {
    const subject = `${'a'.repeat(12)}b`;
    setRegexLimits({ matchLimit: 100 });
    expect(() => compilePcre('(a|a)+\\1$').test(subject)).toThrow(/match_limit=100 /);
    setRegexLimits({ matchLimit: 10_000_000 });
    // 2^12 ways to split 12 a's, each a few steps: well within ten million.
    expect(compilePcre('(a|a)+\\1$').test(subject)).toBe(false);
  });

  it('stops at depth_limit=1000 nested backtracking points', () => {
    // Each iteration of the group leaves a backtracking point; lookahead keeps RE2 out.
    const error = spelunkErrorOf(() => compilePcre('(?:a|b)*(?=x)').test('ab'.repeat(1000)));
    expect((error as RegexLimitError).limit).toBe('depth_limit');
    expect(error.message).toContain('depth_limit=1000');
  });

  it('a pattern within the limits gives the same answer as the native engine on a long subject', () => {
    const subject = `${'x'.repeat(5000)}"quoted \\"text"${'y'.repeat(5000)}`;
    const regex = compilePcre('(?<!\\\\)"(?<q>[^"]*)"', 'g') as BoundedRegExp;
    const native = new RegExp(regex.source, regex.flags);
    expect(regex.execOn('backtracking', subject)?.groups).toEqual(native.exec(subject)?.groups);
  });
});
