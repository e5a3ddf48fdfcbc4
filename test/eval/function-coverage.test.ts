/**
 * Issue 18: every function of Splunk's eval reference is implemented or listed in the README as
 * unsupported with its reason, and calling an unsupported one says so.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVAL_FUNCTIONS, UNSUPPORTED_EVAL_FUNCTIONS } from '../../src/eval/functions.js';
import { run } from './helpers.js';
import { SpelunkError } from '../../src/core/errors.js';

/**
 * The functions the category pages of https://help.splunk.com/en/splunk-enterprise/search/spl-search-reference/10.0/evaluation-functions/
 * list (bitwise, comparison-and-conditional, conversion, cryptographic, date-and-time,
 * informational, json, mathematical, multivalue-eval, statistical-eval, text, trig-and-hyperbolic).
 */
const SPLUNK_EVAL_FUNCTIONS = [
  'bit_and', 'bit_not', 'bit_or', 'bit_shift_left', 'bit_shift_right', 'bit_xor',
  'case', 'cidrmatch', 'coalesce', 'false', 'if', 'in', 'like', 'lookup', 'match', 'null', 'nullif', 'searchmatch', 'true', 'validate',
  'ipmask', 'printf', 'toarray', 'tobool', 'todouble', 'toint', 'tomv', 'tonumber', 'toobject', 'tostring',
  'md5', 'sha1', 'sha256', 'sha512',
  'now', 'relative_time', 'strftime', 'strptime', 'time',
  'isarray', 'isbool', 'isdouble', 'isint', 'ismv', 'isnotnull', 'isnull', 'isnum', 'isobject', 'isstr', 'typeof',
  'json_object', 'json', 'json_append', 'json_array', 'json_array_to_mv', 'json_delete', 'json_entries', 'json_extend', 'json_extract',
  'json_extract_exact', 'json_has_key_exact', 'json_keys', 'json_set', 'json_set_exact', 'json_valid',
  'abs', 'ceiling', 'exact', 'exp', 'floor', 'ln', 'log', 'pi', 'pow', 'round', 'sigfig', 'sqrt', 'sum',
  'commands', 'mvappend', 'mvcount', 'mvdedup', 'mvfilter', 'mvfind', 'mvindex', 'mvjoin', 'mvmap', 'mvrange', 'mvreverse', 'mvsort', 'mvzip', 'mv_to_json_array', 'split',
  'avg', 'max', 'min', 'random',
  'len', 'lower', 'ltrim', 'replace', 'rtrim', 'spath', 'substr', 'trim', 'upper', 'urldecode',
  'acos', 'acosh', 'asin', 'asinh', 'atan', 'atan2', 'atanh', 'cos', 'cosh', 'hypot', 'sin', 'sinh', 'tan', 'tanh',
];

describe("Splunk's eval functions", () => {
  it('are each implemented or listed as unsupported, never both', () => {
    const unsupported = Object.keys(UNSUPPORTED_EVAL_FUNCTIONS);
    for (const name of SPLUNK_EVAL_FUNCTIONS) expect(EVAL_FUNCTIONS.includes(name) || unsupported.includes(name), name).toBe(true);
    for (const name of unsupported) expect(EVAL_FUNCTIONS.includes(name), name).toBe(false);
  });

  it('the README lists each unsupported one with its reason', () => {
    const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
    for (const [name, reason] of Object.entries(UNSUPPORTED_EVAL_FUNCTIONS)) expect(readme).toContain(`- \`${name}\`: ${reason}.`);
  });

  it('calling an unsupported one is an unsupported error with the reason', () => {
    let caught: unknown;
    try {
      run('lookup("http_status.csv", json_object("status", 200))');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SpelunkError);
    expect((caught as SpelunkError).kind).toBe('unsupported');
    expect((caught as SpelunkError).message).toContain(UNSUPPORTED_EVAL_FUNCTIONS['lookup']);
  });
});
