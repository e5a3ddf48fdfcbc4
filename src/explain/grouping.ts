/**
 * The same text grouped by both boolean languages, to say when they disagree. `search` binds OR
 * tighter than AND (DOC search: Boolean expressions), eval and where bind AND tighter than OR
 * (DOC eval and where: operator precedence), so `a=1 OR b=2 AND c=3` is two different searches.
 * A grouping is compared as its AND/OR/NOT skeleton over the leaves' source text.
 */
import type { EvalExpr, SearchExpr } from '../parse/ast.js';
import { parseEvalExpression } from '../parse/eval-parser.js';
import { parseSearchExpression } from '../commands/index.js';
import { renderSearchExpr } from '../search/explain.js';

type Skeleton = string;

function leafText(text: string, start: number, end: number): string {
  let leaf = text.slice(start, end).trim();
  while (/^\(.*\)$/s.test(leaf)) leaf = leaf.slice(1, -1).trim();
  return leaf.replace(/\s+/g, ' ');
}

function joined(kind: string, parts: Skeleton[]): Skeleton {
  return parts.length === 1 ? parts[0]! : `${kind}(${parts.join(',')})`;
}

function searchSkeleton(expr: SearchExpr, text: string): Skeleton {
  switch (expr.kind) {
    case 'and':
    case 'or':
      return joined(expr.kind, expr.operands.flatMap((e) => flatSearch(e, expr.kind, text)));
    case 'not':
      return `not(${searchSkeleton(expr.operand, text)})`;
    default:
      return leafText(text, expr.span.start, expr.span.end);
  }
}

function flatSearch(expr: SearchExpr, kind: 'and' | 'or', text: string): Skeleton[] {
  if (expr.kind === kind) return expr.operands.flatMap((e) => flatSearch(e, kind, text));
  return [searchSkeleton(expr, text)];
}

function evalSkeleton(expr: EvalExpr, text: string): Skeleton {
  if (expr.kind === 'binary' && (expr.op === 'AND' || expr.op === 'OR')) {
    return joined(expr.op.toLowerCase(), flatEval(expr, expr.op, text));
  }
  if (expr.kind === 'not') return `not(${evalSkeleton(expr.operand, text)})`;
  return leafText(text, expr.span.start, expr.span.end);
}

function flatEval(expr: EvalExpr, op: 'AND' | 'OR', text: string): Skeleton[] {
  if (expr.kind === 'binary' && expr.op === op) return [...flatEval(expr.left, op, text), ...flatEval(expr.right, op, text)];
  return [evalSkeleton(expr, text)];
}

/** An eval expression's AND/OR/NOT grouping over its leaves as written: search text read the eval way. */
function groupedAsWritten(expr: EvalExpr, text: string, nested = false): string {
  if (expr.kind === 'binary' && (expr.op === 'AND' || expr.op === 'OR')) {
    const joined = flatOperands(expr, expr.op).map((e) => groupedAsWritten(e, text, true)).join(` ${expr.op} `);
    return nested ? `(${joined})` : joined;
  }
  if (expr.kind === 'not') return `NOT ${groupedAsWritten(expr.operand, text, true)}`;
  return leafText(text, expr.span.start, expr.span.end);
}

function flatOperands(expr: EvalExpr, op: 'AND' | 'OR'): EvalExpr[] {
  if (expr.kind === 'binary' && expr.op === op) return [...flatOperands(expr.left, op), ...flatOperands(expr.right, op)];
  return [expr];
}

function mixesAndOr(skeleton: Skeleton): boolean {
  return skeleton.includes('and(') && skeleton.includes('or(');
}

/** For a where/eval expression: how `search` would group the same text, when that differs. */
export function searchGroupingOf(expr: EvalExpr, text: string): string | undefined {
  const source = text.slice(expr.span.start, expr.span.end);
  let searchExpr: SearchExpr;
  try {
    searchExpr = parseSearchExpression(source);
  } catch {
    return undefined;
  }
  const asEval = evalSkeleton(expr, text);
  const asSearch = searchSkeleton(searchExpr, source);
  if (!mixesAndOr(asEval) || asEval === asSearch) return undefined;
  return renderSearchExpr(searchExpr);
}

/** For a search expression: how `where` would group the same text, when it reads as eval and differs. */
export function whereGroupingOf(expr: SearchExpr, text: string): string | undefined {
  if (expr.kind !== 'and' && expr.kind !== 'or') return undefined;
  const start = expr.span.start;
  const source = text.slice(start, expr.span.end);
  let evalExpr: EvalExpr;
  try {
    const parsed = parseEvalExpression(source, 0);
    if (parsed.end < source.trimEnd().length) return undefined;
    evalExpr = parsed.expr;
  } catch {
    return undefined;
  }
  const asSearch = searchSkeleton(expr, text);
  const asEval = evalSkeleton(evalExpr, source);
  if (!mixesAndOr(asSearch) || asEval === asSearch) return undefined;
  return groupedAsWritten(evalExpr, source);
}
