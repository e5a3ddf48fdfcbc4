/**
 * Issue 20, section 4: printf() arguments that made JavaScript throw (RangeError from toFixed or
 * String.fromCodePoint) or exhaust memory are search errors in spelunk's words, exit code 2, with
 * the position of the call; negative `*` arguments mean what C's printf says.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpelunkError } from '../../src/core/errors.js';
import { printf, PRINTF_MAX_PRECISION, PRINTF_MAX_WIDTH } from '../../src/eval/printf.js';
import { run } from '../eval/helpers.js';

const repoRoot = resolve(import.meta.dirname, '../..');
const bin = resolve(repoRoot, 'dist/src/cli/main.js');

function errorOf(action: () => unknown): SpelunkError {
  try {
    action();
  } catch (error) {
    if (error instanceof SpelunkError) return error;
    throw new Error(`expected a SpelunkError, got ${String(error)}`);
  }
  throw new Error('expected a SpelunkError, got none');
}

describe('printf limits', () => {
  it('a precision over 100 is a search error naming the conversion and the limit', () => {
    const error = errorOf(() => run('printf("%.101f", 1)'));
    expect(error.kind).toBe('search');
    expect(error.message).toContain("'%.101f'");
    expect(error.message).toContain(String(PRINTF_MAX_PRECISION));
    // Precision 100, the largest, still formats.
    expect(run('printf("%.100f", 1)')).toBe(`1.${'0'.repeat(100)}`);
  });

  it('a huge width, literal or from *, is a search error instead of a giant string', () => {
    expect(errorOf(() => run('printf("%999999999d", 1)')).message).toContain(String(PRINTF_MAX_WIDTH));
    expect(errorOf(() => run('printf("%*d", 1000000000, 1)')).message).toContain('width of 1000000000');
    expect(run(`printf("%${PRINTF_MAX_WIDTH}d", 7)`)).toHaveLength(PRINTF_MAX_WIDTH);
  });

  it('%c of a value that is no code point is a search error', () => {
    for (const code of ['-1', '1114112', '1e300']) {
      const error = errorOf(() => run(`printf("%c", ${code})`));
      expect(error.kind).toBe('search');
      expect(error.message).toContain("'%c'");
    }
    expect(run('printf("%c%c", 72, 105)')).toBe('Hi');
  });

  it('negative * arguments follow C: a negative width left-justifies, a negative precision is ignored', () => {
    expect(run('printf("[%*d]", -5, 42)')).toBe('[42   ]');
    expect(run('printf("[%.*f]", -1, 3.14159)')).toBe('[3.141590]');
    expect(run('printf("[%.*s]", -3, "abcdef")')).toBe('[abcdef]');
  });

  it('the error carries the span of the call when it is given one', () => {
    expect(errorOf(() => printf('%.500f', [1], { start: 3, end: 9 })).span).toEqual({ start: 3, end: 9 });
  });
});

describe('printf errors on the command line', () => {
  it('exit 2 with the message and no stack trace', () => {
    for (const format of ['%.101f', '%c', '%99999999s']) {
      const value = format === '%c' ? '-5' : '1';
      const result = spawnSync(process.execPath, [bin, 'run', `| makeresults | eval x=printf("${format}", ${value})`, '--quiet'], { cwd: repoRoot, encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(2);
      expect(result.stderr).toContain("Error in 'printf'");
      expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    }
  });
});
