import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseEvalExpression } from '../../src/parse/eval-parser.js';
import { SpelunkError } from '../../src/core/errors.js';
import type { EvalExpr } from '../../src/parse/ast.js';

function shape(expr: EvalExpr): string {
  switch (expr.kind) {
    case 'binary':
      return `(${shape(expr.left)} ${expr.op} ${shape(expr.right)})`;
    case 'not':
      return `(NOT ${shape(expr.operand)})`;
    case 'negate':
      return `(-${shape(expr.operand)})`;
    case 'call':
      return `${expr.name}(${expr.args.map(shape).join(', ')})`;
    case 'in':
      return `(${shape(expr.operand)} IN [${expr.values.map(shape).join(', ')}])`;
    case 'field':
      return expr.name;
    case 'string':
      return JSON.stringify(expr.value);
    default:
      return String(expr.value);
  }
}

const parse = (text: string, start = 0) => parseEvalExpression(text, start);

describe('eval precedence', () => {
  // DOC S3: "The eval and where commands evaluate AND before OR operators" (the reverse of search).
  it('binds AND tighter than OR', () => {
    expect(shape(parse('a=1 OR b=2 AND c=3').expr)).toBe('((a = 1) OR ((b = 2) AND (c = 3)))');
  });
  it('binds NOT to one comparison, looser than the comparison itself', () => {
    expect(shape(parse('NOT a=1 AND b=2').expr)).toBe('((NOT (a = 1)) AND (b = 2))');
  });
  it('multiplies before adding and concatenates left to right', () => {
    expect(shape(parse('a + b * 2 - c . "x"').expr)).toBe('(((a + (b * 2)) - c) . "x")');
  });
  it('reads lower-case boolean operators as operators (security_content writes `where a > 10 or b > 10`)', () => {
    expect(shape(parse('taskhost_count > 10 or taskhostex_count > 10').expr)).toBe(
      '((taskhost_count > 10) OR (taskhostex_count > 10))',
    );
  });
  it('parses LIKE as an operator and like() / LIKE() as a function', () => {
    expect(shape(parse('x LIKE "a%"').expr)).toBe('(x LIKE "a%")');
    expect(shape(parse('NOT LIKE(first_cmdline,"%\\\\windows\\\\%")').expr)).toBe('(NOT like(first_cmdline, "%\\\\windows\\\\%"))');
  });
  it('parses IN as an operator and in() as a function', () => {
    expect(shape(parse('x IN ("a", 1)').expr)).toBe('(x IN ["a", 1])');
    expect(shape(parse('in(x, "a")').expr)).toBe('in(x, "a")');
  });
  it('reads an unquoted dot between names as concatenation (RTLO detection: RTLO_command_1.RTLO_command_2)', () => {
    expect(shape(parse('RTLO_command_1.RTLO_command_2').expr)).toBe('(RTLO_command_1 . RTLO_command_2)');
  });
  it('reads single quotes as a field name, double quotes as a string', () => {
    const parsed = parse(`'predicted(unusual_cmdline_logits)' > "0.5"`).expr;
    expect(shape(parsed)).toBe('(predicted(unusual_cmdline_logits) > "0.5")');
  });
  it('keeps backslashes except before a backslash or the quote', () => {
    const parsed = parse('match(process, "(?i)\\\\__output\\"")').expr;
    expect(parsed.kind === 'call' && parsed.args[1]?.kind === 'string' && parsed.args[1].value).toBe('(?i)\\__output"');
  });
  it('folds a minus sign into a number literal', () => {
    const parsed = parse('substr(x, -4)').expr;
    expect(parsed.kind === 'call' && parsed.args[1]).toMatchObject({ kind: 'number', value: -4 });
  });
  it('lower-cases function names (security_content writes CASE(...))', () => {
    expect(shape(parse('CASE(a=1, "x", true(), "y")').expr)).toBe('case((a = 1), "x", true(), "y")');
  });
});

describe('where the expression stops', () => {
  it('stops before a top-level comma', () => {
    const text = 'eval a=x+1, b=y';
    const r = parse(text, 7);
    expect(r.end).toBe(10);
    expect(text.slice(r.end)).toBe(', b=y');
  });
  it('stops before `as` and `by`', () => {
    const text = 'count(eval(x > 1)) as big by host';
    const r = parse(text, 0);
    expect(text.slice(0, r.end)).toBe('count(eval(x > 1))');
    expect('x by z'.slice(parse('x by z', 0).end)).toBe(' by z');
  });
  it('stops before a pipe and before an unmatched bracket', () => {
    const text = 'len(process) > 200 | table x';
    expect(text.slice(0, parse(text, 0).end)).toBe('len(process) > 200');
    const sub = 'reg_data_len > 512] | stats count';
    expect(sub.slice(0, parse(sub, 0).end)).toBe('reg_data_len > 512');
  });
  it('gives spans as offsets in the whole text', () => {
    const text = '| where  x = "a"';
    const r = parse(text, 9);
    expect(r.expr.span).toEqual({ start: 9, end: 16 });
  });
});

describe('syntax errors', () => {
  const error = (text: string): SpelunkError => {
    try {
      parse(text);
    } catch (e) {
      return e as SpelunkError;
    }
    throw new Error('expected an error');
  };
  it('reports a missing operand with its position', () => {
    const e = error('a + ');
    expect(e).toBeInstanceOf(SpelunkError);
    expect(e.kind).toBe('syntax');
    expect(e.message).toContain('expected');
  });
  it('reports a missing closing parenthesis', () => {
    const e = error('if(a, b, c');
    expect(e.kind).toBe('syntax');
    expect(e.message).toContain("')'");
  });
  it('names an unknown character', () => {
    const e = error('a + $b');
    expect(e.message).toContain("'$'");
    expect(e.span).toEqual({ start: 4, end: 5 });
  });
  it('reports an empty expression', () => {
    expect(error('| stats count').kind).toBe('syntax');
  });
  it('never throws anything but SpelunkError (fuzz)', () => {
    const alphabet = fc.constantFrom(...'ab1 .,()[]|"\'\\=!<>+-*/%_xANDORNOTLIKEIN'.split(''), 'AND ', 'OR ', 'NOT ', 'if(', 'by ');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((parts) => parts.join('')), fc.nat(5), (text, start) => {
        try {
          const r = parse(text, start);
          expect(r.end).toBeGreaterThanOrEqual(0);
          expect(r.end).toBeLessThanOrEqual(text.length);
        } catch (e) {
          expect(e).toBeInstanceOf(SpelunkError);
        }
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        try {
          parse(text);
        } catch (e) {
          expect(e).toBeInstanceOf(SpelunkError);
        }
      }),
      { numRuns: 2000 },
    );
  });
  it('turns very deep nesting into a SpelunkError', () => {
    const deep = '('.repeat(20000) + '1' + ')'.repeat(20000);
    try {
      parse(deep);
    } catch (e) {
      expect(e).toBeInstanceOf(SpelunkError);
    }
  });
});
