/**
 * `eval <field>=<expression> [, <field>=<expression>]...` (DOC eval): assignments run left to
 * right on each row, so a later one sees the fields an earlier one set. A null result removes
 * the field; a boolean result is an error (Splunk: "Fields cannot be assigned a boolean
 * result"). A new field is appended to the columns. A field name in single quotes is the name
 * without them (DOC eval: "'server-1'=40"). A name with `{field}` in it is named, per result, by
 * that field's value (DOC eval "dynamic field names"); a result without the field is left alone.
 */
import { arrayColumn, RowCursor, valuesByDictionary, type ColumnTable } from '../core/column-table.js';
import { appendColumns } from '../core/field-names.js';
import { SpelunkError, type Span } from '../core/errors.js';
import { FirstError } from '../core/first-error.js';
import { RowTable, rowTableOf } from '../core/table.js';
import { displayValues, type FieldReader, type Row, type Value } from '../core/values.js';
import { fieldsRead } from '../eval/dependencies.js';
import { assertAssignable, checkFunctions, evaluate, type EvalContext } from '../eval/evaluate.js';
import type { CommandNodeBase, EvalExpr } from '../parse/ast.js';
import { CompareOp } from '../parse/tokens.js';
import { defineCommand } from './types.js';

export interface EvalAssignment {
  field: string;
  /** Whether `field` holds `{name}` parts, replaced per result by the field `name`'s value. */
  dynamic?: boolean;
  span?: Span;
  expression: EvalExpr;
}

const BRACED = /\{([^{}]+)\}/g;
/** Replacements beyond this many mean the names keep producing braces (DOC eval: an error). */
const MAX_RENAMING = 10;

/** The field a dynamic name stands for in `row`, or undefined when a named field is missing. */
function dynamicName(assignment: EvalAssignment, row: FieldReader): string | undefined {
  let name = assignment.field;
  for (let round = 0; round < MAX_RENAMING; round++) {
    let missing = false;
    const next = name.replace(BRACED, (_whole, inner: string) => {
      const values = displayValues(row.get(inner) ?? null);
      if (values.length === 0) missing = true;
      return values[0] ?? '';
    });
    if (missing) return undefined;
    if (!BRACED.test(next)) return next;
    name = next;
  }
  throw new SpelunkError('search', `Error in 'eval' command: the dynamic field name '${assignment.field}' keeps producing bracketed field names (unbounded recursive replacement).`, assignment.span);
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

/** The assignments over each row in turn. */
function evalRows(node: EvalNode, input: RowTable, ctx: EvalContext): RowTable {
  const named: string[] = [];
  const rows = input.rows.map((row): Row => {
    const next: Row = new Map(row);
    for (const assignment of node.assignments) {
      const { expression } = assignment;
      const value = evaluate(expression, next, ctx);
      assertAssignable(value, expression.span);
      const field = assignment.dynamic ? dynamicName(assignment, next) : assignment.field;
      if (field === undefined) continue;
      if (assignment.dynamic) named.push(field);
      if (value === null || (Array.isArray(value) && value.length === 0)) next.delete(field);
      else next.set(field, value);
    }
    return next;
  });
  const fields = node.assignments.filter((a) => !a.dynamic).map((a) => a.field);
  return new RowTable(appendColumns(input.columns, [...fields, ...new Set(named)]), rows);
}

export default defineCommand<EvalNode>({
  name: 'eval',
  type: 'streaming',
  summary: 'Sets fields to the values of eval expressions, left to right.',
  parse(cursor) {
    const assignments: EvalAssignment[] = [];
    while (!cursor.done) {
      const written = cursor.expectFieldName('to assign');
      const singleQuoted = !written.quoted && written.name.length > 2 && written.name.startsWith("'") && written.name.endsWith("'");
      const field = singleQuoted ? { ...written, name: written.name.slice(1, -1), quoted: true } : written;
      const equals = cursor.take(CompareOp);
      if (!equals || equals.image !== '=') cursor.fail(`Error in 'eval' command: expected '=' after '${field.name}'.`, field.span);
      const expression = cursor.evalExpression();
      checkFunctions(expression);
      const dynamic = !field.quoted && /\{[^{}]+\}/.test(field.name);
      assignments.push(dynamic ? { field: field.name, dynamic, span: field.span, expression } : { field: field.name, expression });
      if (!cursor.done && !cursor.takeComma()) cursor.expectEnd();
    }
    if (assignments.length === 0) cursor.fail("Error in 'eval' command: expected <field>=<expression>.");
    return { name: 'eval', span: { start: 0, end: 0 }, assignments };
  },
  explain(node) {
    return { note: `sets ${node.assignments.map((a) => a.field).join(', ')}, left to right` };
  },
  execute: (node, input, ctx) => evalRows(node, input, ctx.evalContext),
  // A dynamic name can differ per result, so it runs on rows.
  executeColumns: (node, input, ctx) =>
    node.assignments.some((a) => a.dynamic) ? evalRows(node, rowTableOf(input), ctx.evalContext) : evalColumns(node, input, ctx.evalContext),
});
