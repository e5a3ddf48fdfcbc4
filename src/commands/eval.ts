/**
 * `eval <field>=<expression> [, <field>=<expression>]...` (DOC eval): assignments run left to
 * right on each row, so a later one sees the fields an earlier one set. A null result removes
 * the field; a boolean result is an error (Splunk: "Fields cannot be assigned a boolean
 * result"). A new field is appended to the columns.
 */
import { arrayColumn, RowCursor, valuesByDictionary, type ColumnTable } from '../core/column-table.js';
import { appendColumns } from '../core/field-names.js';
import { FirstError } from '../core/first-error.js';
import type { FieldReader, Row, Value } from '../core/values.js';
import { fieldsRead } from '../eval/dependencies.js';
import { assertAssignable, checkFunctions, evaluate, type EvalContext } from '../eval/evaluate.js';
import type { CommandNodeBase, EvalExpr } from '../parse/ast.js';
import { CompareOp } from '../parse/tokens.js';
import { defineCommand } from './types.js';

export interface EvalAssignment {
  field: string;
  expression: EvalExpr;
}

export interface EvalNode extends CommandNodeBase {
  assignments: EvalAssignment[];
}

/**
 * The assignments over a column table, one whole column at a time: each is computed for every
 * selected result now, reading the columns as earlier assignments left them. An error is the
 * one the row path would meet first (core/first-error.ts).
 */
function evalColumns(node: EvalNode, input: ColumnTable, ctx: EvalContext): ColumnTable {
  const data = new Map(input.data);
  const indices = input.unordered();
  const errors = new FirstError();
  node.assignments.forEach(({ field, expression }, step) => {
    const snapshot = new Map(data);
    const assignable = (reader: FieldReader): Value => {
      const value = evaluate(expression, reader, ctx);
      assertAssignable(value, expression.span);
      return value === null || (Array.isArray(value) && value.length === 0) ? null : value;
    };
    const byValue = valuesByDictionary(snapshot, fieldsRead(expression), assignable);
    if (byValue) {
      // Read once per result now, so an error shows whether or not a later command reads it.
      for (let i = 0; i < indices.length; i++) {
        try {
          byValue.get(indices[i]!);
        } catch (error) {
          errors.note(indices[i]!, step, error);
        }
      }
      data.set(field, byValue);
      return;
    }
    const cursor = new RowCursor(snapshot);
    const values = new Array<Value>(input.length).fill(null);
    for (let i = 0; i < indices.length; i++) {
      const index = indices[i]!;
      cursor.index = index;
      try {
        values[index] = assignable(cursor);
      } catch (error) {
        errors.note(index, step, error);
      }
    }
    data.set(field, arrayColumn(values));
  });
  errors.throwFirst(input);
  return input.withData(appendColumns(input.columns, node.assignments.map((a) => a.field)), data);
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
    return { columns: appendColumns(input.columns, node.assignments.map((a) => a.field)), rows };
  },
  executeColumns: (node, input, ctx) => evalColumns(node, input, ctx.evalContext),
});
