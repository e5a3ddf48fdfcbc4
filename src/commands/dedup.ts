/**
 * `dedup [<N>] <field-list> [keepempty=<bool>] [consecutive=<bool>] [keepevents=<bool>]
 * [sortby <sort-key>...]` (DOC dedup): keeps the first N results (default 1) for each
 * combination of the fields' values, in input order. Results missing any of the fields are
 * removed, or kept (all of them) with keepempty=true. consecutive=true removes only runs of
 * duplicates next to each other. sortby sorts the results first (a stable sort), so the sort
 * decides which duplicate is kept (DOC dedup: "The <sort-by-clause> determines which of the
 * duplicate events to keep"). keepevents=true keeps every result but removes the listed fields
 * from each duplicate (DOC dedup 10.0: "keep all events, but will remove the selected fields from
 * events after the first event containing a particular combination of values").
 */
import { displayValues, type Row } from '../core/values.js';
import type { CommandNodeBase } from '../parse/ast.js';
import { booleanOption } from '../parse/option-values.js';
import { rowComparator, takeSortKey, type SortKey } from './support/sort-keys.js';
import { defineCommand } from './types.js';

export interface DedupNode extends CommandNodeBase {
  count: number;
  fields: string[];
  keepEmpty: boolean;
  consecutive: boolean;
  keepEvents: boolean;
  sortBy: SortKey[];
}

/** The row's combination of values, or undefined when a field is missing. */
function dedupKey(row: Row, fields: readonly string[]): string | undefined {
  const parts: string[][] = [];
  for (const field of fields) {
    const values = displayValues(row.get(field));
    if (values.length === 0) return undefined;
    parts.push(values);
  }
  return JSON.stringify(parts);
}

export default defineCommand<DedupNode>({
  name: 'dedup',
  type: 'streaming',
  summary: 'Removes results whose combination of field values was already seen (keeps the first N, default 1; `keepempty=`, `consecutive=`, `keepevents=`, `sortby`).',
  parse(cursor) {
    let count = 1;
    const first = cursor.peekToken();
    if (first && /^\d+$/.test(first.image) && cursor.peek(1) !== undefined) {
      cursor.nextToken();
      count = Number(first.image);
      if (count === 0) cursor.fail("Error in 'dedup' command: the count must be at least 1.", { start: first.startOffset, end: first.startOffset + first.image.length });
    }
    const options = { keepEmpty: false, consecutive: false, keepEvents: false };
    const fields: string[] = [];
    const sortBy: SortKey[] = [];
    while (!cursor.done) {
      if (cursor.takeComma()) continue;
      const option = cursor.takeOption(['keepempty', 'consecutive', 'keepevents']);
      if (option) {
        const value = booleanOption(option);
        if (option.key === 'keepevents') options.keepEvents = value;
        else if (option.key === 'keepempty') options.keepEmpty = value;
        else options.consecutive = value;
        continue;
      }
      if (cursor.takeWord('sortby')) {
        while (!cursor.done) {
          if (cursor.takeComma()) continue;
          const key = takeSortKey(cursor) ?? cursor.fail("Error in 'dedup' command: expected a sort key after 'sortby'.");
          sortBy.push(key);
        }
        break;
      }
      fields.push(cursor.expectFieldName('to deduplicate on').name);
    }
    if (fields.length === 0) cursor.fail("Error in 'dedup' command: expected at least one field name.");
    return { name: 'dedup', span: { start: 0, end: 0 }, count, fields, ...options, sortBy };
  },
  explain(node) {
    return { note: `keeps the first ${node.count} row(s) for each ${node.fields.join(', ')}${node.keepEmpty ? '; rows missing a field are kept' : '; rows missing a field are dropped'}` };
  },
  execute(node, input) {
    const seen = new Map<string, number>();
    let previous: string | undefined;
    let run = 0;
    const sorted = node.sortBy.length > 0 ? [...input.rows].sort(rowComparator(node.sortBy)) : input.rows;
    const isFirst = (row: Row): boolean => {
      const key = dedupKey(row, node.fields);
      if (key === undefined) return node.keepEmpty || node.keepEvents;
      if (node.consecutive) {
        run = key === previous ? run + 1 : 1;
        previous = key;
        return run <= node.count;
      }
      const count = (seen.get(key) ?? 0) + 1;
      seen.set(key, count);
      return count <= node.count;
    };
    if (!node.keepEvents) return { columns: input.columns, rows: sorted.filter(isFirst) };
    const rows = sorted.map((row): Row => {
      if (isFirst(row)) return row;
      const next: Row = new Map(row);
      for (const field of node.fields) next.delete(field);
      return next;
    });
    return { columns: input.columns, rows };
  },
});
