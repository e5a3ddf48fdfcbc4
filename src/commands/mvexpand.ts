/**
 * `mvexpand <field> [limit=<int>]` (DOC mvexpand): one result per value of the multivalue
 * field, the other fields copied; `limit` caps the values expanded per result. A result
 * without the field is dropped [INF: commonly reported Splunk behaviour; fillnull first keeps it].
 */
import type { Row, Value } from '../core/values.js';
import { valuesOf } from '../core/values.js';
import type { CommandNodeBase } from '../parse/ast.js';
import { countOption } from '../parse/option-values.js';
import { defineCommand } from './types.js';

export interface MvexpandNode extends CommandNodeBase {
  field: string;
  /** 0: no limit. */
  limit: number;
}

/** limits.conf [mvexpand] max_mem_usage_mb: the memory mvexpand's output may take. */
export const MAX_MEM_USAGE_MB = 500;
const MIB = 1024 * 1024;
/** What one field of a row costs beyond its value (map entry, key), roughly, as V8 stores it. */
const FIELD_OVERHEAD_BYTES = 48;

/** An estimate of a value's memory: UTF-16 strings, 8-byte numbers. */
function valueBytes(value: Value): number {
  if (value === null) return 0;
  if (typeof value === 'string') return 16 + 2 * value.length;
  if (Array.isArray(value)) return value.reduce<number>((sum, v) => sum + valueBytes(v), 16);
  return 8;
}

function rowBytes(row: Row): number {
  let bytes = 64;
  for (const [field, value] of row) bytes += FIELD_OVERHEAD_BYTES + 2 * field.length + valueBytes(value);
  return bytes;
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
  execute(node, input, ctx) {
    const rows: Row[] = [];
    let bytes = 0;
    for (const row of input.rows) {
      const values = valuesOf(row.get(node.field));
      const kept = node.limit > 0 ? values.slice(0, node.limit) : values;
      const shared = rowBytes(row) - valueBytes(row.get(node.field) ?? null);
      for (const value of kept) {
        bytes += shared + valueBytes(value);
        if (bytes > MAX_MEM_USAGE_MB * MIB) {
          ctx.warn(
            `mvexpand: output will be truncated at ${rows.length} results due to excessive memory usage. Memory threshold of ${MAX_MEM_USAGE_MB}MB as configured in limits.conf / [mvexpand] / max_mem_usage_mb has been reached.`,
          );
          return { columns: input.columns, rows };
        }
        const next: Row = new Map(row);
        next.set(node.field, value);
        rows.push(next);
      }
    }
    return { columns: input.columns, rows };
  },
});
