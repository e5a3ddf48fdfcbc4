import { describe, expect, it } from 'vitest';
import { SpelunkError } from '../../src/core/errors.js';
import type { SearchExpr } from '../../src/parse/ast.js';
import { parseSearch } from '../../src/commands/index.js';
import { renderSearchExpr } from '../../src/search/explain.js';
import type { SearchNode } from '../../src/commands/search.js';
import { spelunkErrorOf } from '../helpers/errors.js';

function searchExpression(spl: string): SearchExpr {
  const pipeline = parseSearch(`| tstats count from datamodel=Endpoint.Processes | search ${spl}`);
  return (pipeline.commands[1] as SearchNode).expression;
}

const explained = (spl: string): string => renderSearchExpr(searchExpression(spl));

const syntaxError = (spl: string): SpelunkError => spelunkErrorOf(() => parseSearch(spl));

describe('search-language precedence (DOC S3: OR before AND, NOT binds the next term)', () => {
  it('reads A=1 AND B=2 OR C=3 as A=1 AND (B=2 OR C=3)', () => {
    expect(explained('A=1 AND B=2 OR C=3')).toBe('A=1 AND (B=2 OR C=3)');
  });

  it('treats implied AND like explicit AND', () => {
    expect(explained('A=1 B=2 OR C=3')).toBe('A=1 AND (B=2 OR C=3)');
  });

  it("reads the docs' example host=www1 AND status=200 OR action=addtocart", () => {
    expect(explained('host="www1" AND status=200 OR action="addtocart"')).toBe('host="www1" AND (status=200 OR action="addtocart")');
  });

  it('reads error NOT 403 OR 404 as error AND ((NOT 403) OR 404)', () => {
    const expr = searchExpression('error NOT 403 OR 404');
    expect(expr.kind).toBe('and');
    if (expr.kind !== 'and') return;
    const second = expr.operands[1]!;
    expect(second.kind).toBe('or');
    if (second.kind !== 'or') return;
    expect(second.operands[0]!.kind).toBe('not');
    expect(second.operands[1]!.kind).toBe('term');
  });

  it('keeps parentheses as written', () => {
    expect(explained('(A=1 AND B=2) OR C=3')).toBe('(A=1 AND B=2) OR C=3');
  });

  it('treats lower-case and/or/not as ordinary terms (DOC S3: operators must be capitalized)', () => {
    const expr = searchExpression('x and y');
    expect(expr.kind).toBe('and');
    if (expr.kind !== 'and') return;
    expect(expr.operands.map((o) => (o.kind === 'term' ? o.value.value : o.kind))).toEqual(['x', 'and', 'y']);
  });

  it('parses IN lists with quoted and wildcard values (DOC S2)', () => {
    const expr = searchExpression('error_code IN (40*, "500", 503)');
    expect(expr).toMatchObject({ kind: 'in', field: 'error_code' });
    if (expr.kind !== 'in') return;
    expect(expr.values.map((v) => [v.value, v.quoted])).toEqual([
      ['40*', false],
      ['500', true],
      ['503', false],
    ]);
  });

  it('accepts white space around = as security_content writes it', () => {
    expect(explained('Processes.process_name = cmd.exe')).toBe('Processes.process_name=cmd.exe');
  });

  it('reads earliest= and latest= as time bounds', () => {
    expect(searchExpression('earliest=-24h x=1')).toMatchObject({ kind: 'and', operands: [{ kind: 'timeBound', bound: 'earliest' }, { kind: 'compare' }] });
  });

  it('unescapes \\\\ and \\" in values, quoted or not (DOC S2)', () => {
    const expr = searchExpression('Processes.process=*HKLM\\\\Security* x="a\\"b"');
    if (expr.kind !== 'and') throw new Error('expected and');
    expect(expr.operands.map((o) => (o.kind === 'compare' ? o.value.value : ''))).toEqual(['*HKLM\\Security*', 'a"b']);
  });
});

describe('pipeline structure', () => {
  it('splits commands at top-level pipes only', () => {
    const pipeline = parseSearch('| tstats count from datamodel=Endpoint.Processes | search x="a|b" | rename a as b');
    expect(pipeline.commands.map((c) => c.name)).toEqual(['tstats', 'search', 'rename']);
    expect(pipeline.leadingPipe).toBe(true);
  });

  it('keeps an unknown but well-formed command as a generic node', () => {
    const pipeline = parseSearch('| tstats count from datamodel=Endpoint.Processes | frobnicate a=1 b');
    expect(pipeline.commands[1]).toMatchObject({ name: 'frobnicate', generic: true, argumentText: 'a=1 b' });
  });

  it('makes the first segment an implicit search when there is no leading pipe (DOC S2)', () => {
    const pipeline = parseSearch('index=main error | head 5');
    expect(pipeline.commands[0]!.name).toBe('search');
  });

  it('reads FROM, WHERE, BY and AS in any case (66 published searches write FROM)', () => {
    const pipeline = parseSearch('| tstats count AS n FROM datamodel=Endpoint.Processes WHERE Processes.user=x BY Processes.dest');
    expect(pipeline.commands[0]).toMatchObject({ name: 'tstats', by: [{ field: 'Processes.dest' }], aggregates: [{ column: 'n' }] });
  });
});

describe("syntax errors use Splunk's messages and point at the spot", () => {
  it('reports unbalanced quotes', () => {
    const error = syntaxError('| tstats count from datamodel=Endpoint.Processes where x="abc');
    expect(error.message).toBe('Unbalanced quotes.');
    expect(error.span?.start).toBe(57);
  });

  it("reports a stray ']' and an unclosed '['", () => {
    expect(syntaxError('| tstats count ]').message).toBe("Mismatched ']'.");
    expect(syntaxError('| join x [| tstats count').message).toBe("Mismatched '['.");
  });

  it('reports a missing command between pipes', () => {
    const error = syntaxError('| tstats count from datamodel=Endpoint.Processes | | search *');
    expect(error.message).toMatch(/^Missing a search command before '\|'\. Error at position '51'/);
  });

  it('reports an operand missing after AND', () => {
    const error = syntaxError('| tstats count from datamodel=Endpoint.Processes where a=1 AND');
    expect(error.kind).toBe('syntax');
    expect(error.message).toMatch(/operand is missing/);
  });

  it('reports a trailing escape character', () => {
    expect(syntaxError('| search a=b\\').message).toBe('The trailing escape character is invalid.');
  });
});
