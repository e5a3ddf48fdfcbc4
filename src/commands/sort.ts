/**
 * `sort [<count>] [limit=<int>] <sort-key>... [desc|d]` (DOC sort): stable sort by the keys;
 * a trailing `desc`/`d` reverses every key. At most `count` results are returned: the default
 * is 10000, and 0 means all (DOC sort: "By default, sort returns up to 10,000 results").
 */
import type { CommandNodeBase } from '../parse/ast.js';
import { countOption } from '../parse/option-values.js';
import { rowComparator, takeSortKey, type SortKey } from './support/sort-keys.js';
import { defineCommand } from './types.js';

export interface SortNode extends CommandNodeBase {
  limit: number;
  keys: SortKey[];
}

const DEFAULT_SORT_LIMIT = 10_000;

export default defineCommand<SortNode>({
  name: 'sort',
  type: 'transforming',
  summary: 'Sorts the results by fields (`-` descending, num()/str()/ip()/auto()); returns at most 10000 unless a count is given (0 = all).',
  parse(cursor) {
    let limit = DEFAULT_SORT_LIMIT;
    const first = cursor.peekToken();
    if (first && /^\d+$/.test(first.image)) {
      cursor.nextToken();
      limit = Number(first.image);
    }
    const option = cursor.takeOption(['limit']);
    if (option) limit = countOption(option);
    const keys: SortKey[] = [];
    let reverse = false;
    while (!cursor.done) {
      if (cursor.takeComma()) continue;
      if ((cursor.isWord('desc') || cursor.isWord('d')) && cursor.peek(1) === undefined && keys.length > 0) {
        cursor.nextToken();
        reverse = true;
        continue;
      }
      const key = takeSortKey(cursor) ?? cursor.fail("Error in 'sort' command: expected a field to sort by.");
      keys.push(key);
    }
    if (keys.length === 0) cursor.fail("Error in 'sort' command: expected a field to sort by.");
    if (reverse) for (const key of keys) key.descending = !key.descending;
    return { name: 'sort', span: { start: 0, end: 0 }, limit, keys };
  },
  explain(node) {
    return { note: `sorts by ${node.keys.map((k) => `${k.descending ? '-' : ''}${k.mode === 'auto' ? k.field : `${k.mode}(${k.field})`}`).join(', ')}${node.limit > 0 ? `; keeps the first ${node.limit}` : ''}` };
  },
  execute(node, input) {
    const rows = [...input.rows].sort(rowComparator(node.keys));
    return { columns: input.columns, rows: node.limit > 0 ? rows.slice(0, node.limit) : rows };
  },
});
