/**
 * `table <wc-field-list>` (DOC table): keeps only the listed fields, in the order listed; a
 * wildcard brings the matching fields in their current order. A listed field no result has
 * still gets a column (empty) [INF: Splunk shows the column header].
 */
import { isColumnTable, type Column, type ColumnTable } from '../core/column-table.js';
import type { Row } from '../core/values.js';
import type { CommandNodeBase } from '../parse/ast.js';
import { expandPatterns, takeFieldList } from './support/field-list.js';
import { defineCommand } from './types.js';

export interface TableNode extends CommandNodeBase {
  fields: string[];
}

export function project(rows: readonly Row[], columns: readonly string[]): Row[] {
  return rows.map((row) => {
    const next: Row = new Map();
    for (const column of columns) {
      const value = row.get(column);
      if (value !== undefined && value !== null) next.set(column, value);
    }
    return next;
  });
}

/** A column table with only `columns`, in that order. */
export function projectColumns(input: ColumnTable, columns: readonly string[]): ColumnTable {
  const data = new Map<string, Column>();
  for (const name of columns) {
    const column = input.data.get(name);
    if (column !== undefined) data.set(name, column);
  }
  return input.withColumns(columns, data);
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
  execute(node, input) {
    const columns = expandPatterns(node.fields, input.columns, true);
    if (isColumnTable(input)) return projectColumns(input, columns);
    return { columns, rows: project(input.rows, columns) };
  },
});
