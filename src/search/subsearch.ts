/**
 * A subsearch inside a search expression runs first; its results become a search expression,
 * as Splunk's implicit `format` writes it: each result row is an AND of `field="value"` over
 * its fields, rows are ORed together. A multivalue field ORs its values. No results means
 * nothing matches.
 */
import { SpelunkError } from '../core/errors.js';
import { displayValues, type ResultTable } from '../core/values.js';
import type { Pipeline, SearchExpr } from '../parse/ast.js';

function subsearchToExpression(table: ResultTable, span: SearchExpr['span']): SearchExpr {
  const fields = table.columns.filter((c) => !c.startsWith('_'));
  const rows: SearchExpr[] = [];
  for (const row of table.rows) {
    const terms: SearchExpr[] = [];
    for (const field of fields) {
      const values = displayValues(row.get(field));
      if (values.length === 0) continue;
      const compares: SearchExpr[] = values.map((value) => ({
        kind: 'compare',
        field,
        op: '=',
        value: { value, quoted: true, span },
        span,
      }));
      terms.push(compares.length === 1 ? compares[0]! : { kind: 'or', operands: compares, span });
    }
    if (terms.length > 0) rows.push(terms.length === 1 ? terms[0]! : { kind: 'and', operands: terms, span });
  }
  return { kind: 'or', operands: rows, span };
}

/** Replaces every subsearch in `expr` with the expression its results make. */
export function resolveSubsearches(expr: SearchExpr, runSubsearch: (pipeline: Pipeline) => ResultTable): SearchExpr {
  switch (expr.kind) {
    case 'subsearch':
      return subsearchToExpression(runSubsearch(expr.subsearch.pipeline), expr.span);
    case 'and':
    case 'or':
      return { ...expr, operands: expr.operands.map((e) => resolveSubsearches(e, runSubsearch)) };
    case 'not':
      return { ...expr, operand: resolveSubsearches(expr.operand, runSubsearch) };
    default:
      return expr;
  }
}

/** The subsearches of an expression, for planning. */
export function subsearchesOf(expr: SearchExpr | undefined): Pipeline[] {
  if (!expr) return [];
  switch (expr.kind) {
    case 'subsearch':
      return [expr.subsearch.pipeline];
    case 'and':
    case 'or':
      return expr.operands.flatMap(subsearchesOf);
    case 'not':
      return subsearchesOf(expr.operand);
    default:
      return [];
  }
}

export function unresolvedSubsearch(expr: SearchExpr): never {
  throw new SpelunkError('internal', 'a subsearch was not run before its expression was evaluated', expr.span);
}
