/**
 * Writes a search expression back out with every boolean group in explicit parentheses, so a
 * reader sees how Splunk groups it: `A AND B OR C` becomes `A AND (B OR C)`.
 */
import type { SearchExpr, SearchValue } from '../parse/ast.js';

function renderValue(value: SearchValue): string {
  const text = value.quoted ? `"${value.value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : value.value;
  return value.caseSensitive ? `CASE(${text})` : text;
}

export function renderSearchExpr(expr: SearchExpr, nested = false): string {
  switch (expr.kind) {
    case 'and': {
      if (expr.operands.length === 0) return '*';
      const text = expr.operands.map((e) => renderSearchExpr(e, true)).join(' AND ');
      return nested && expr.operands.length > 1 ? `(${text})` : text;
    }
    case 'or': {
      const text = expr.operands.map((e) => renderSearchExpr(e, true)).join(' OR ');
      return nested ? `(${text})` : text;
    }
    case 'not':
      return `NOT ${renderSearchExpr(expr.operand, true)}`;
    case 'compare':
      return `${expr.field}${expr.op}${renderValue(expr.value)}`;
    case 'in':
      return `${expr.field} IN (${expr.values.map(renderValue).join(', ')})`;
    case 'term':
      return expr.exact ? `TERM(${renderValue(expr.value)})` : renderValue(expr.value);
    case 'timeBound':
      return `${expr.bound}=${renderValue(expr.value)}`;
    case 'subsearch':
      return `[${expr.subsearch.pipeline.commands.map((c) => c.name).join(' | ')} subsearch]`;
  }
}
