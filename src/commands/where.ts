/**
 * `where <eval-expression>` (DOC where): keeps the rows for which the expression is true, in
 * eval semantics: NOT binds tighter than AND, AND tighter than OR; string comparisons are
 * case-sensitive; a comparison with a missing field is unknown, so the row is dropped.
 */
import type { Table } from '../core/table.js';
import { fieldsRead } from '../eval/dependencies.js';
import { checkFunctions, evaluate, isTrue } from '../eval/evaluate.js';
import type { CommandNodeBase, EvalExpr } from '../parse/ast.js';
import type { ExecContext } from './context.js';
import { defineCommand } from './types.js';

export interface WhereNode extends CommandNodeBase {
  expression: EvalExpr;
}

/** One implementation for rows and columns: a column table tests once per dictionary value where it can. */
function where(node: WhereNode, input: Table, ctx: ExecContext): Table {
  const { expression } = node;
  return input.filter(input.test(fieldsRead(expression), (result) => isTrue(evaluate(expression, result, ctx.evalContext))));
}

export default defineCommand<WhereNode>({
  name: 'where',
  type: 'streaming',
  summary: 'Keeps the results for which an eval expression is true (case-sensitive comparisons).',
  parse(cursor) {
    const expression = cursor.evalExpression();
    cursor.expectEnd();
    checkFunctions(expression);
    return { name: 'where', span: { start: 0, end: 0 }, expression };
  },
  explain() {
    return { note: 'keeps the rows where the expression is true (eval semantics: NOT, then AND, then OR; case-sensitive)' };
  },
  execute: where,
  executeColumns: where,
});
