/**
 * `fillnull [value=<string>] [<field-list>]` (DOC fillnull): replaces null values with
 * `value` (default 0). Without a field list, every field of the results is filled; with one,
 * only those fields, which are created where missing.
 */
import { appendColumns } from '../core/field-names.js';
import type { Row } from '../core/values.js';
import type { CommandNodeBase } from '../parse/ast.js';
import { takeFieldList } from './support/field-list.js';
import { defineCommand } from './types.js';

export interface FillnullNode extends CommandNodeBase {
  value: string;
  fields: string[];
}

export default defineCommand<FillnullNode>({
  name: 'fillnull',
  type: 'streaming',
  summary: 'Replaces null values with `value=` (default 0), in the listed fields or all fields.',
  parse(cursor) {
    const option = cursor.takeOption(['value']);
    const fields = takeFieldList(cursor).map((f) => f.name);
    return { name: 'fillnull', span: { start: 0, end: 0 }, value: option?.value ?? '0', fields };
  },
  explain(node) {
    return { note: `fills null ${node.fields.length > 0 ? node.fields.join(', ') : 'fields'} with "${node.value}"` };
  },
  execute(node, input) {
    const targets = node.fields.length > 0 ? node.fields : input.columns;
    const fill: string | number = node.value;
    const rows = input.rows.map((row): Row => {
      const next: Row = new Map(row);
      for (const field of targets) {
        const value = next.get(field);
        if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) next.set(field, fill);
      }
      return next;
    });
    return { columns: appendColumns(input.columns, targets), rows };
  },
});
