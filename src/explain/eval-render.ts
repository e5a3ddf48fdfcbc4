/**
 * Writes an eval expression (eval, where, `count(eval(...))`) back out with its grouping made
 * explicit, as the eval grammar reads it: AND binds tighter than OR, so `a=1 OR b=2 AND c=3`
 * comes back as `a=1 OR (b=2 AND c=3)` (DOC eval: operator precedence, src/parse/ast.ts).
 */
import type { EvalBinaryOperator, EvalExpr } from '../parse/ast.js';

const LOGICAL = new Set<EvalBinaryOperator>(['OR', 'XOR', 'AND']);
const COMPARISON = new Set<EvalBinaryOperator>(['=', '==', '!=', '<', '<=', '>', '>=', 'LIKE']);
/** Operators whose left-nested chains read the same without parentheses: `a + b + c`. */
const CHAINS = new Set<EvalBinaryOperator>(['OR', 'XOR', 'AND', '+', '*', '.']);

function renderField(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function renderString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function isAtom(expr: EvalExpr): boolean {
  return expr.kind === 'string' || expr.kind === 'number' || expr.kind === 'boolean' || expr.kind === 'field' || expr.kind === 'call';
}

/** A comparison or IN under AND/OR reads unambiguously without parentheses. */
function isTest(expr: EvalExpr): boolean {
  return (expr.kind === 'binary' && COMPARISON.has(expr.op)) || expr.kind === 'in';
}

function operand(parent: EvalBinaryOperator, child: EvalExpr, left: boolean): string {
  const text = renderEvalExpr(child);
  if (isAtom(child)) return text;
  if (LOGICAL.has(parent) && isTest(child)) return text;
  if (left && child.kind === 'binary' && child.op === parent && CHAINS.has(parent)) return text;
  return `(${text})`;
}

function wrapped(expr: EvalExpr): string {
  return isAtom(expr) ? renderEvalExpr(expr) : `(${renderEvalExpr(expr)})`;
}

export function renderEvalExpr(expr: EvalExpr): string {
  switch (expr.kind) {
    case 'string':
      return renderString(expr.value);
    case 'number':
      return expr.text;
    case 'boolean':
      return expr.value ? 'true()' : 'false()';
    case 'field':
      return renderField(expr.name);
    case 'call':
      return `${expr.name}(${expr.args.map(renderEvalExpr).join(', ')})`;
    case 'not':
      return `NOT ${isTest(expr.operand) ? renderEvalExpr(expr.operand) : wrapped(expr.operand)}`;
    case 'negate':
      return `-${wrapped(expr.operand)}`;
    case 'in':
      return `${wrapped(expr.operand)} IN (${expr.values.map(renderEvalExpr).join(', ')})`;
    case 'binary': {
      const left = operand(expr.op, expr.left, true);
      const right = operand(expr.op, expr.right, false);
      const tight = COMPARISON.has(expr.op) && expr.op !== 'LIKE';
      return tight ? `${left}${expr.op}${right}` : `${left} ${expr.op} ${right}`;
    }
  }
}
