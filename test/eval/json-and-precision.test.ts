/**
 * The json_* path functions, sigfig() and NaN arithmetic beyond the documented examples in
 * test/docs: each expectation follows from the rule the function's page states (DOC
 * json-functions, mathematical-functions, informational-functions 10.0), not from spelunk's output.
 */
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

const CITIES = JSON.stringify([
  { name: 'London', Bridges: [{ name: 'Tower Bridge', length: 801 }] },
  { name: 'Venice', Bridges: [{ name: 'Rialto Bridge', length: 157 }, { name: 'Bridge of Sighs', length: 36 }] },
]);

describe('json_extract paths: keys by dots, {N} an element, {} every element', () => {
  it('reads one value natively and several as a JSON array', () => {
    expect(run('json_extract(c, "{1}.name")', { c: CITIES })).toBe('Venice');
    expect(run('json_extract(c, "{0}.Bridges{0}.length")', { c: CITIES })).toBe(801);
    expect(run('json_extract(c, "{}.name")', { c: CITIES })).toBe('["London","Venice"]');
    expect(run('json_extract(c, "{}.Bridges{}.length")', { c: CITIES })).toBe('[801,157,36]');
    expect(run('json_extract(c, "{0}.Bridges{0}")', { c: CITIES })).toBe('{"name":"Tower Bridge","length":801}');
  });
  it('gives null for a path that is not there, and the whole JSON without a path', () => {
    expect(run('json_extract(c, "{5}.name")', { c: CITIES })).toBeNull();
    expect(run('json_extract(c)', { c: '{"a": 1}' })).toBe('{"a":1}');
    expect(run('json_extract(c, "a")', { c: 'not json' })).toBeNull();
  });
  it('several paths give a JSON array of their values', () => {
    expect(run('json_extract(c, "a", "b")', { c: '{"a": 1, "b": "x"}' })).toBe('[1,"x"]');
  });
  it('json_extract_exact reads a key with dots as one key', () => {
    expect(run('json_extract_exact(c, "a.b")', { c: '{"a.b": 2, "a": {"b": 3}}' })).toBe(2);
    expect(run('json_extract(c, "a.b")', { c: '{"a.b": 2, "a": {"b": 3}}' })).toBe(3);
  });
  it('json_delete removes nested keys; json_append wraps a value that is no array', () => {
    expect(run('json_delete(c, "a.b", "d")', { c: '{"a": {"b": 1, "c": 2}, "d": 3}' })).toBe('{"a":{"c":2}}');
    expect(run('json_append(c, "a", "y")', { c: '{"a": "x"}' })).toBe('{"a":["x","y"]}');
  });
  it('tomv maps a JSON array to a multivalue, toobject refuses what is no object', () => {
    expect(run('tomv(c)', { c: '["a", 1]' })).toEqual(['a', '1']);
    expect(run('toobject(c)', { c: '[1]' })).toBeNull();
  });
});

describe('sigfig: figures for * and /, decimal places for + and -', () => {
  it('rounds whole numbers only where the figures run out', () => {
    expect(run('sigfig(2.0*1234)')).toBe(2500);
    expect(run('sigfig(1.5*3.0)')).toBe('4.5');
  });
  it('keeps the trailing zeros the precision calls for', () => {
    expect(run('sigfig(1.10+2.2)')).toBe('3.3');
    expect(run('sigfig(1.00*2.00)')).toBe('2.00');
  });
  it('treats a field as exact', () => {
    expect(run('sigfig(x*1.0)', { x: '3.14159' })).toBe('3.1');
  });
});

describe('NaN', () => {
  it('a field holding NaN stays NaN through arithmetic', () => {
    expect(run('x + 1', { x: 'NaN' })).toBe('NaN');
    expect(run('x * 2', { x: 'nan' })).toBe('NaN');
  });
  it('does not compare equal to a number', () => {
    expect(run('x == 0', { x: 'NaN' })).toBe(false);
  });
  it('a quoted NaN is a string only; a field holding NaN is both', () => {
    expect(run('isnum("NaN")')).toBe(false);
    expect(run('isnum(x)', { x: 'NaN' })).toBe(true);
    expect(run('isstr(x)', { x: 'NaN' })).toBe(true);
  });
});

describe('commands()', () => {
  it('counts a search that starts with | from its first command', () => {
    expect(run('commands("| makeresults | eval a=\\"x|y\\" | table a")')).toEqual(['makeresults', 'eval', 'table']);
  });
});
