/**
 * Which fields an eval expression reads. A column table uses it to work an expression out once
 * per dictionary value when the expression reads a single dictionary column (or nothing).
 */
import { childrenOf, type EvalExpr } from '../parse/ast.js';
import { functionSpec } from './functions.js';

/** The fields `expr` reads, or undefined when its value may depend on more than those fields (a function that is not pure). */
export function fieldsRead(expr: EvalExpr): Set<string> | undefined {
  const fields = new Set<string>();
  const visit = (node: EvalExpr): boolean => {
    if (node.kind === 'field') fields.add(node.name);
    if (node.kind === 'call' && functionSpec(node.name)?.pure !== true) return false;
    return childrenOf(node).every(visit);
  };
  return visit(expr) ? fields : undefined;
}
