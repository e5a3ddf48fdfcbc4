/**
 * `accum <field> [AS <newfield>]` (DOC accum, CONF Splunk 8.2.12 searchbnf `accum <field> (as <field>)?`):
 * a running total of a numeric field, written over the field or into the AS field. Rows whose
 * value is not a number keep the total so far unchanged and get no value (INF).
 */
import { numberToString, numericValue, valuesOf, type Row } from '../core/values.js';
import type { CommandNodeBase } from '../parse/ast.js';
import { defineCommand } from './types.js';

export interface AccumNode extends CommandNodeBase {
  field: string;
  as: string;
}

export default defineCommand<AccumNode>({
  name: 'accum',
  type: 'streaming',
  summary: 'Writes the running total of a numeric field, over the field or into the AS field.',
  parse(cursor) {
    const field = cursor.expectFieldName('to accumulate');
    let as = field.name;
    if (cursor.takeWord('as')) as = cursor.expectFieldName("after 'AS'").name;
    cursor.expectEnd();
    return { name: 'accum', span: { start: 0, end: 0 }, field: field.name, as };
  },
  explain(node) {
    return { note: `running total of ${node.field}${node.as !== node.field ? ` into ${node.as}` : ''}` };
  },
  execute(node, input) {
    let total = 0;
    for (const row of input.rows as Row[]) {
      const value = valuesOf(row.get(node.field))[0];
      const number = value === undefined ? undefined : numericValue(value);
      if (number === undefined) {
        if (node.as !== node.field) row.delete(node.as);
        continue;
      }
      total += number;
      row.set(node.as, Number(numberToString(total)));
    }
    const columns = input.columns.includes(node.as) ? input.columns : [...input.columns, node.as];
    return { columns, rows: input.rows };
  },
});
