/**
 * `where <eval-expression>` (DOC where): keeps the rows for which the expression is true, in
 * eval semantics: NOT binds tighter than AND, AND tighter than OR; string comparisons are
 * case-sensitive; a comparison with a missing field is unknown, so the row is dropped.
 */
import { isColumnTable } from '../core/column-table.js';
import { expressionByValue } from './support/expression-column.js';
import { FirstError } from './support/first-error.js';
import { checkFunctions, evaluate, isTrue } from '../eval/evaluate.js';
import type { CommandNodeBase, EvalExpr } from '../parse/ast.js';
import { defineCommand } from './types.js';

export interface WhereNode extends CommandNodeBase {
  expression: EvalExpr;
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
  execute(node, input, ctx) {
    if (isColumnTable(input)) {
      const byValue = expressionByValue(node.expression, input.data, (reader) => isTrue(evaluate(node.expression, reader, ctx.evalContext)));
      const cursor = input.cursor();
      const holds = (index: number): boolean => {
        if (byValue) return byValue.get(index) === true;
        cursor.index = index;
        return isTrue(evaluate(node.expression, cursor, ctx.evalContext));
      };
      // Storage order: an error is the one the row path would meet first.
      const errors = new FirstError();
      const kept = input.filter((index) => {
        try {
          return holds(index);
        } catch (error) {
          errors.note(index, 0, error);
          return false;
        }
      });
      errors.throwFirst(input);
      return kept;
    }
    return { columns: input.columns, rows: input.rows.filter((row) => isTrue(evaluate(node.expression, row, ctx.evalContext))) };
  },
});
