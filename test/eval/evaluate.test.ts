import { describe, expect, it } from 'vitest';
import { run, ctx } from './helpers.js';
import { parseEvalExpression } from '../../src/parse/eval-parser.js';
import { checkFunctions, isTrue, assertAssignable } from '../../src/eval/evaluate.js';
import { EVAL_FUNCTIONS } from '../../src/eval/functions.js';
import { SpelunkError } from '../../src/core/errors.js';

describe('operators', () => {
  it('compares case-sensitively (DOC S18: "The <eval-expression> is case-sensitive")', () => {
    expect(run('process_name = "cmd.exe"', { process_name: 'CMD.EXE' })).toBe(false);
    expect(run('process_name == "cmd.exe"', { process_name: 'cmd.exe' })).toBe(true);
  });
  it('compares numeric strings as numbers, other strings byte-wise', () => {
    expect(run('count >= 10', { count: '12' })).toBe(true);
    expect(run('x < y', { x: '9', y: '10' })).toBe(true);
    expect(run('x < y', { x: 'Z', y: 'a' })).toBe(true);
  });
  it('gives null (not true) for comparisons with a missing field, so where drops the row', () => {
    expect(run('missing = "x"')).toBeNull();
    expect(run('NOT missing = "x"')).toBeNull();
    expect(run('missing != "x"')).toBeNull();
    expect(isTrue(run('missing = "x" OR 1 = 1'))).toBe(true);
    expect(run('missing = "x" AND 1 = 2')).toBe(false);
  });
  it('adds numbers, joins strings with + and with .', () => {
    // DOC (eval operators): "+" adds numbers or concatenates strings; "." concatenates.
    expect(run('a + b', { a: '2', b: '3' })).toBe(5);
    expect(run('a + "server"', { a: 'web' })).toBe('webserver');
    expect(run('1 . 2')).toBe('12');
    expect(run('a . missing', { a: 'x' })).toBeNull();
  });
  it('returns null for division by zero (DOC S13)', () => {
    expect(run('1 / 0')).toBeNull();
    expect(run('7 % 3')).toBe(1);
  });
  it('evaluates the security_content obfuscation count', () => {
    const process = 'p^o^w`e\'r';
    const result = run(
      '(mvcount(split(process,"`"))-1) + (mvcount(split(process, "^"))-1) + (mvcount(split(process, "\'"))-1)',
      { process },
    );
    expect(result).toBe(4);
  });
  it('matches multivalue fields when any value matches', () => {
    expect(run('x = "b"', { x: ['a', 'b'] })).toBe(true);
    expect(run('x IN ("c", "b")', { x: 'b' })).toBe(true);
  });
  it('LIKE: % any run, _ one character, backslash literal (security_content `%\\\\windows\\\\system32\\\\%`)', () => {
    expect(run('x LIKE "a%c"', { x: 'abbbc' })).toBe(true);
    expect(run('like(x, "a_c")', { x: 'abc' })).toBe(true);
    expect(run('like(x, "%\\\\windows\\\\system32\\\\%")', { x: 'c:\\windows\\system32\\cmd.exe' })).toBe(true);
    expect(run('like(x, "%\\\\windows\\\\system32\\\\%")', { x: 'C:\\Windows\\System32\\cmd.exe' })).toBe(false);
  });
  it('refuses to assign a boolean, with Splunk\'s message', () => {
    expect(() => assertAssignable(true, { start: 0, end: 1 })).toThrow(/Fields cannot be assigned a boolean result/);
  });
});

describe('functions (examples from the Splunk eval function reference)', () => {
  it('if / case / coalesce / validate / in', () => {
    expect(run('if(x="a", 1, 0)', { x: 'a' })).toBe(1);
    expect(run('case(x=1, "one", x=2, "two", true(), "other")', { x: '5' })).toBe('other');
    expect(run('case(x=1, "one")', { x: '5' })).toBeNull();
    expect(run('coalesce(a, b, "none")', { b: 'B' })).toBe('B');
    expect(run('validate(isint(port), "ERROR: Port is not an integer", port >= 1 AND port <= 65535, "ERROR: Port is out of range")', { port: '70000' })).toBe(
      'ERROR: Port is out of range',
    );
    expect(run('if(in(status, "error", "failure"), "true", "false")', { status: 'failure' })).toBe('true');
  });
  it('the security_content integrity-level case()', () => {
    const expr =
      'CASE(match(process_integrity_level,"low"),1,match(process_integrity_level,"medium"),2,match(process_integrity_level,"high"),3,match(process_integrity_level,"system"),4,true(),0)';
    expect(run(expr, { process_integrity_level: 'high' })).toBe(3);
    expect(run(expr, { process_integrity_level: 'untrusted' })).toBe(0);
  });
  it('isnull / isnotnull / isnum / isstr / typeof', () => {
    expect(run('isnull(x)')).toBe(true);
    expect(run('isnotnull(x)', { x: '' })).toBe(true);
    expect(run('isnum(x)', { x: '12' })).toBe(true);
    expect(run('isstr(x)', { x: 'abc' })).toBe(true);
    // DOC informational-functions 10.0, typeof: 'This example returns "NumberStringBoolInvalid"'.
    expect(run('typeof(12) . typeof("string") . typeof(1==2) . typeof(badfield)')).toBe('NumberStringBoolInvalid');
  });
  it('text functions', () => {
    expect(run('len(x)', { x: 'héllo' })).toBe(5);
    // Characters, not UTF-16 units: an emoji is one; a lone surrogate is one too.
    expect(run('len(x)', { x: 'a😀b' })).toBe(3);
    expect(run('len(x)', { x: '\ud800x😀😀' })).toBe(4);
    expect(run('lower(x) . upper(x)', { x: 'Ab' })).toBe('abAB');
    expect(run('trim("  ZZZZabcZZ ", " Z")')).toBe('abc');
    expect(run('ltrim("  ZZZZabcZZ ", " Z")')).toBe('abcZZ ');
    expect(run('rtrim("  ZZZZabcZZ ", " Z")')).toBe('  ZZZZabc');
    expect(run('substr("splunk", 1, 3) . substr("splunk", -3)')).toBe('splunk');
    expect(run('if(substr(process_name, -4) == ".exe", 1, 0)', { process_name: 'cmd.exe' })).toBe(1);
    expect(run('replace(date, "^(\\\\d{1,2})/(\\\\d{1,2})/", "\\\\2/\\\\1/")', { date: '1/14/2017' })).toBe('14/1/2017');
    expect(run('split("a,b,c", ",")')).toEqual(['a', 'b', 'c']);
    expect(run('urldecode("http%3A%2F%2Fwww.splunk.com%2Fdownload%3Fr%3Dheader")')).toBe(
      'http://www.splunk.com/download?r=header',
    );
  });
  it('match() uses PCRE syntax and is unanchored', () => {
    expect(run('match(process, "(?i)cmd\\\\.exe\\\\s+\\\\/Q\\\\s+\\\\/c")', { process: 'CMD.exe /Q /c echo' })).toBe(true);
    expect(run('match(process,"rundll32.+\\\\#\\\\d+")', { process: 'rundll32.exe x.dll,#12' })).toBe(true);
    expect(run('NOT match(process_name, "(?i)".original_file_name)', { process_name: 'cmd.exe', original_file_name: 'Cmd.Exe' })).toBe(
      false,
    );
  });
  it('tostring and tonumber', () => {
    // DOC: eval n=tostring(1==1) + " " + tostring(15, "hex") + " " + tostring(12345.6789, "commas") → "True 0xF 12,345.68"
    expect(run('tostring(1==1) + " " + tostring(15, "hex") + " " + tostring(12345.6789, "commas")')).toBe('True 0xF 12,345.68');
    // DOC: tostring(615, "duration") → 00:10:15
    expect(run('tostring(615, "duration")')).toBe('00:10:15');
    // DOC: tonumber("0A4", 16) → 164
    expect(run('tonumber("0A4", 16)')).toBe(164);
    expect(run('tonumber("abc")')).toBeNull();
  });
  it('math', () => {
    expect(run('round(3.5)')).toBe(4);
    expect(run('round(2.555, 2)')).toBe(2.56);
    expect(run('floor(1.9) + ceil(1.1) + abs(-3)')).toBe(6);
    expect(run('pow(2, 10)')).toBe(1024);
    expect(run('sqrt(9)')).toBe(3);
    expect(run('log(100)')).toBe(2);
    expect(run('ln(exp(2))')).toBeCloseTo(2, 12);
    // DOC: max(1, 3, 6, 7, "f", count) returns "f": strings sort above numbers.
    expect(run('max(1, 3, 6, 7, "f", count)', { count: '4' })).toBe('f');
    expect(run('min(3, "10", 7)')).toBe(3);
  });
  it('multivalue', () => {
    const fields = { x: ['a', 'b', 'c', 'd'] };
    expect(run('mvcount(x)', fields)).toBe(4);
    expect(run('mvindex(x, -1)', fields)).toBe('d');
    expect(run('mvindex(x, 1, 2)', fields)).toEqual(['b', 'c']);
    expect(run('mvjoin(x, ";")', fields)).toBe('a;b;c;d');
    expect(run('mvfilter(x != "b")', fields)).toEqual(['a', 'c', 'd']);
    expect(run('mvappend(x, "e", missing)', fields)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(run('mvdedup(mvappend("b", "a", "b"))')).toEqual(['b', 'a']);
    expect(run('mvsort(mvappend("b", "10", "9", "A"))')).toEqual(['10', '9', 'A', 'b']);
    expect(run('mvfind(x, "[cd]")', fields)).toBe(2);
    expect(run('mvzip(x, mvappend("1", "2"))', fields)).toEqual(['a,1', 'b,2']);
    expect(run('mvcount(missing)')).toBeNull();
  });
  it('cidrmatch', () => {
    // DOC: cidrmatch("123.132.32.0/25", ip)
    expect(run('cidrmatch("123.132.32.0/25", ip)', { ip: '123.132.32.127' })).toBe(true);
    expect(run('cidrmatch("123.132.32.0/25", ip)', { ip: '123.132.32.128' })).toBe(false);
    expect(run('cidrmatch("2001:db8::/32", ip)', { ip: '2001:db8:0:1::5' })).toBe(true);
  });
  it('hashes', () => {
    expect(run('md5("abc")')).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(run('sha1("abc")')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(run('sha256("abc")')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
  it('printf', () => {
    // DOC printf examples: printf("%04d", 42) etc.
    expect(run('printf("%04d|%-5s|%.2f|%x|%\'d|%%", 42, "ab", 3.14159, 255, 1234567)')).toBe('0042|ab   |3.14|ff|1,234,567|%');
  });
  it('time functions use the context now and zone', () => {
    expect(run('now()')).toBe(ctx.now);
    // 2023-11-14T22:13:20Z minus 70 minutes = 21:03:20, snapped to the minute.
    expect(run('relative_time(now(), "-70m@m")')).toBe(ctx.now - 70 * 60 - 20);
    expect(run('strftime(0, "%Y-%m-%dT%H:%M:%S")')).toBe('1970-01-01T00:00:00');
    expect(run('strptime("2023-11-14 22:13:20", "%Y-%m-%d %H:%M:%S")')).toBe(ctx.now);
  });
  it('searchmatch uses the injected matcher', () => {
    const seen: string[] = [];
    const context = { ...ctx, searchMatch: (q: string) => (seen.push(q), true) };
    expect(run('searchmatch("x=1")', {}, context)).toBe(true);
    expect(seen).toEqual(['x=1']);
  });
});

describe('checkFunctions', () => {
  it('rejects an unknown function by name, as unsupported', () => {
    const { expr } = parseEvalExpression('x + frobnicate(1)', 0);
    try {
      checkFunctions(expr);
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(SpelunkError);
      expect((e as SpelunkError).kind).toBe('unsupported');
      expect((e as SpelunkError).message).toBe("spelunk does not support the eval function 'frobnicate'");
      expect((e as SpelunkError).span).toEqual({ start: 4, end: 17 });
    }
  });
  it('rejects a wrong argument count with Splunk\'s wording', () => {
    const { expr } = parseEvalExpression('len(a, b)', 0);
    expect(() => checkFunctions(expr)).toThrow("The arguments to the 'len' function are invalid.");
    expect(() => checkFunctions(parseEvalExpression('case(a, 1, b)', 0).expr)).toThrow(/case/);
  });
  it('lists every function the issue asks for', () => {
    const required =
      'if case coalesce isnull isnotnull isnum isstr typeof null true false like match searchmatch cidrmatch len lower upper trim ltrim rtrim substr replace split urldecode tostring tonumber round floor ceil abs min max pow sqrt exp ln log mvcount mvindex mvjoin mvfilter mvappend mvdedup mvfind mvsort mvzip strftime strptime relative_time now time printf md5 sha1 sha256 in validate'.split(
        ' ',
      );
    expect(required.filter((name) => !EVAL_FUNCTIONS.includes(name))).toEqual([]);
  });
});
