/**
 * `table <wc-field-list>` (DOC table): keeps only the listed fields, in the order listed; a
 * wildcard brings the matching fields in their current order. A listed field no result has
 * still gets a column (empty) [INF: Splunk shows the column header].
 */
import type { Table } from '../core/table.js';
import type { CommandNodeBase } from '../parse/ast.js';
import { expandPatterns, takeFieldList } from './support/field-list.js';
import { defineCommand } from './types.js';

export interface TableNode extends CommandNodeBase {
  fields: string[];
}

/** One implementation for rows and columns. */
function table(node: TableNode, input: Table): Table {
  return input.project(expandPatterns(node.fields, input.columns, true));
}

export default defineCommand<TableNode>({
  name: 'table',
  type: 'transforming',
  summary: 'Keeps only the listed fields (wildcards allowed), in the order given.',
  parse(cursor) {
    const fields = takeFieldList(cursor).map((f) => f.name);
    if (fields.length === 0) cursor.fail("Error in 'table' command: expected at least one field name.");
    return { name: 'table', span: { start: 0, end: 0 }, fields };
  },
  explain(node) {
    return { note: `shows ${node.fields.join(', ')}` };
  },
  execute: table,
  executeColumns: table,
});
