/**
 * `head [<N> | limit=<N>]` (DOC head): the first N results, default 10. The eval-expression
 * form and the `keeplast`/`null` options are not supported.
 */
import { SpelunkError } from '../core/errors.js';
import type { Table } from '../core/table.js';
import type { CommandNodeBase } from '../parse/ast.js';
import type { ArgCursor } from '../parse/cursor.js';
import { countOption } from '../parse/option-values.js';
import { defineCommand } from './types.js';

export interface CountNode extends CommandNodeBase {
  count: number;
}

const DEFAULT_COUNT = 10;

/** Reads `[<N> | limit=<N>]` for head and tail. */
export function parseResultCount(cursor: ArgCursor): number {
  let count = DEFAULT_COUNT;
  const option = cursor.takeOption(['limit']);
  const unsupported = cursor.takeOption(['keeplast', 'null']);
  if (unsupported) throw new SpelunkError('unsupported', `spelunk does not support the ${cursor.command} option '${unsupported.key}'.`, unsupported.span);
  if (option) count = countOption(option);
  else {
    const token = cursor.peekToken();
    if (token && /^\d+$/.test(token.image)) {
      cursor.nextToken();
      count = Number(token.image);
    } else if (!cursor.done) {
      throw new SpelunkError('unsupported', `spelunk supports only '${cursor.command} <N>' (a count), not an expression.`, { start: cursor.offset, end: cursor.endOffset });
    }
  }
  cursor.expectEnd();
  return count;
}

/** One implementation for rows and columns: after tstats, no row is formed but those kept. */
function head(node: CountNode, input: Table): Table {
  return input.head(node.count);
}

export default defineCommand<CountNode>({
  name: 'head',
  type: 'streaming',
  summary: 'Keeps the first N results (default 10).',
  parse(cursor) {
    return { name: 'head', span: { start: 0, end: 0 }, count: parseResultCount(cursor) };
  },
  explain(node) {
    return { note: `keeps the first ${node.count} rows` };
  },
  execute: head,
  executeColumns: head,
});
