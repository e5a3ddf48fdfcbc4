/**
 * `eval <field>=<expression> [, <field>=<expression>]...` (DOC eval): assignments run left to
 * right on each row, so a later one sees the fields an earlier one set. A null result removes
 * the field; a boolean result is an error (Splunk: "Fields cannot be assigned a boolean
 * result"). A new field is appended to the columns.
 */
import type { Row } from '../core/values.js';
import { assertAssignable, checkFunctions, evaluate } from '../eval/evaluate.js';
import type { CommandNodeBase, EvalExpr } from '../parse/ast.js';
import { CompareOp } from '../parse/tokens.js';
import { withColumns } from '../stats/stats-syntax.js';
import { defineCommand } from './types.js';

export interface EvalAssignment {
  field: string;
  expression: EvalExpr;
}

export interface EvalNode extends CommandNodeBase {
  assignments: EvalAssignment[];
}

export default defineCommand<EvalNode>({
  name: 'eval',
  type: 'streaming',
  summary: 'Sets fields to the values of eval expressions, left to right.',
  parse(cursor) {
    const assignments: EvalAssignment[] = [];
    while (!cursor.done) {
      const field = cursor.expectFieldName('to assign');
      const equals = cursor.take(CompareOp);
      if (!equals || equals.image !== '=') cursor.fail(`Error in 'eval' command: expected '=' after '${field.name}'.`, field.span);
      const expression = cursor.evalExpression();
      checkFunctions(expression);
      assignments.push({ field: field.name, expression });
      if (!cursor.done && !cursor.takeComma()) cursor.expectEnd();
    }
    if (assignments.length === 0) cursor.fail("Error in 'eval' command: expected <field>=<expression>.");
    return { name: 'eval', span: { start: 0, end: 0 }, assignments };
  },
  explain(node) {
    return { note: `sets ${node.assignments.map((a) => a.field).join(', ')}, left to right` };
  },
  execute(node, input, ctx) {
    const rows = input.rows.map((row): Row => {
      const next: Row = new Map(row);
      for (const { field, expression } of node.assignments) {
        const value = evaluate(expression, next, ctx.evalContext);
        assertAssignable(value, expression.span);
        if (value === null || (Array.isArray(value) && value.length === 0)) next.delete(field);
        else next.set(field, value);
      }
      return next;
    });
    return { columns: withColumns(input.columns, node.assignments.map((a) => a.field)), rows };
  },
});
