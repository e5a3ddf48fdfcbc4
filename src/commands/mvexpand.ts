/**
 * `mvexpand <field> [limit=<int>]` (DOC mvexpand): one result per value of the multivalue
 * field, the other fields copied; `limit` caps the values expanded per result. A result
 * without the field is dropped [INF: commonly reported Splunk behaviour; fillnull first keeps it].
 */
import type { Row } from '../core/values.js';
import { valuesOf } from '../core/values.js';
import type { CommandNodeBase } from '../parse/ast.js';
import { countOption } from '../parse/option-values.js';
import { defineCommand } from './types.js';

export interface MvexpandNode extends CommandNodeBase {
  field: string;
  /** 0: no limit. */
  limit: number;
}

export default defineCommand<MvexpandNode>({
  name: 'mvexpand',
  type: 'streaming',
  summary: 'Makes one result per value of a multivalue field (`limit=` caps the values per result).',
  parse(cursor) {
    let limit = 0;
    let field: string | undefined;
    while (!cursor.done) {
      const option = cursor.takeOption(['limit']);
      if (option) {
        limit = countOption(option);
        continue;
      }
      if (field !== undefined) cursor.expectEnd();
      field = cursor.expectFieldName('to expand').name;
    }
    if (field === undefined) return cursor.fail("Error in 'mvexpand' command: expected a field name.");
    return { name: 'mvexpand', span: { start: 0, end: 0 }, field, limit };
  },
  explain(node) {
    return { note: `one row per value of ${node.field}${node.limit > 0 ? ` (at most ${node.limit})` : ''}` };
  },
  execute(node, input) {
    const rows: Row[] = [];
    for (const row of input.rows) {
      const values = valuesOf(row.get(node.field));
      const kept = node.limit > 0 ? values.slice(0, node.limit) : values;
      for (const value of kept) {
        const next: Row = new Map(row);
        next.set(node.field, value);
        rows.push(next);
      }
    }
    return { columns: input.columns, rows };
  },
});
