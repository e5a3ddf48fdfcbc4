/**
 * `tail [<N>]` (DOC tail): the last N results, default 10, in reverse order ("Returns the last
 * N results in reverse order").
 */
import { parseResultCount, type CountNode } from './head.js';
import { defineCommand } from './types.js';

export default defineCommand<CountNode>({
  name: 'tail',
  type: 'transforming',
  summary: 'Keeps the last N results (default 10), in reverse order.',
  parse(cursor) {
    return { name: 'tail', span: { start: 0, end: 0 }, count: parseResultCount(cursor) };
  },
  explain(node) {
    return { note: `keeps the last ${node.count} rows, last first` };
  },
  execute(node, input) {
    const rows = node.count === 0 ? [] : input.rows.slice(-node.count).reverse();
    return { columns: input.columns, rows };
  },
});
