/**
 * `fillnull [value=<string>] [<field-list>]` (DOC fillnull): replaces null values with
 * `value` (default 0). Without a field list, every field of the results that at least one result
 * has a value for is filled (DOC fillnull: a field no result has a value for is not in the
 * schema and stays empty); with one, only those fields, which are created where missing.
 */
import type { Table } from '../core/table.js';
import { isNull } from '../core/values.js';
import type { CommandNodeBase } from '../parse/ast.js';
import { takeFieldList } from './support/field-list.js';
import { defineCommand } from './types.js';

export interface FillnullNode extends CommandNodeBase {
  value: string;
  fields: string[];
}

/** Whether at least one result has a value for `field`. */
function hasAnyValue(table: Table, field: string): boolean {
  return table.filter(table.test(new Set([field]), (result) => !isNull(result.get(field)))).size > 0;
}

/**
 * One implementation for rows and columns: each field in turn, added at the end of the columns
 * when new. A column table fills once per dictionary value.
 */
function fillnull(node: FillnullNode, input: Table): Table {
  const targets = node.fields.length > 0 ? node.fields : input.columns.filter((field) => hasAnyValue(input, field));
  let table = input;
  for (const field of targets) {
    table = table.withColumn(field, new Set([field]), (result) => {
      const value = result.get(field);
      return isNull(value) ? node.value : value;
    });
  }
  return table;
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
  execute: fillnull,
  executeColumns: fillnull,
});
