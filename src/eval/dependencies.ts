/**
 * Which fields an eval expression reads. A column table uses it to work an expression out once
 * per dictionary value when the expression reads a single dictionary column (or nothing).
 */
import type { EvalExpr } from '../parse/ast.js';

/** Functions whose value depends on more than their arguments: the whole row, or the call itself. */
const BEYOND_ARGUMENTS = new Set(['searchmatch', 'random', 'time']);

/** The fields `expr` reads, or undefined when its value may depend on more than those fields. */
export function fieldsRead(expr: EvalExpr): Set<string> | undefined {
  const fields = new Set<string>();
  const visit = (node: EvalExpr): boolean => {
    switch (node.kind) {
      case 'string':
      case 'number':
      case 'boolean':
        return true;
      case 'field':
        fields.add(node.name);
        return true;
      case 'call':
        return !BEYOND_ARGUMENTS.has(node.name.toLowerCase()) && node.args.every(visit);
      case 'binary':
        return visit(node.left) && visit(node.right);
      case 'not':
      case 'negate':
        return visit(node.operand);
      case 'in':
        return visit(node.operand) && node.values.every(visit);
    }
  };
  return visit(expr) ? fields : undefined;
}
