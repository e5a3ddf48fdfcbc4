/**
 * `head [<N> | limit=<N>] [(<eval-expression>)] [keeplast=<bool>] [null=<bool>]` (DOC head 10.0):
 * the first N results (default 10); with an expression, the results up to the first one for
 * which it is not true. A result where it is null counts as false unless `null=true`, which keeps
 * it and goes on; `keeplast=true` keeps the result that stopped the command as well.
 */
import { SpelunkError } from '../core/errors.js';
import { rowTableOf, type Table } from '../core/table.js';
import { toBoolean } from '../eval/coerce.js';
import { checkFunctions, evaluate } from '../eval/evaluate.js';
import type { CommandNodeBase, EvalExpr } from '../parse/ast.js';
import type { ArgCursor } from '../parse/cursor.js';
import { booleanOption, countOption } from '../parse/option-values.js';
import type { ExecContext } from './context.js';
import { defineCommand } from './types.js';

export interface CountNode extends CommandNodeBase {
  count: number;
}

export interface HeadNode extends CountNode {
  /** The eval expression that must hold for a result to be kept (DOC head: `<eval-expression>`). */
  expression?: EvalExpr;
  keeplast: boolean;
  /** Whether a result where the expression is null is kept (true) or stops the command (false). */
  nullKeeps: boolean;
}

const DEFAULT_COUNT = 10;

/** Reads `[<N> | limit=<N>]` for head and tail; fails when both are given (DOC head: "results in an error"). */
function takeCount(cursor: ArgCursor): number | undefined {
  const token = cursor.peekToken();
  if (token && /^\d+$/.test(token.image)) {
    cursor.nextToken();
    const limit = cursor.takeOption(['limit']);
    if (limit) throw new SpelunkError('syntax', `${cursor.command}: give the count once, as a number or as limit=, not both.`, limit.span);
    return Number(token.image);
  }
  const limit = cursor.takeOption(['limit']);
  return limit ? countOption(limit) : undefined;
}

/** `tail [<N>]`: a count only. */
export function parseResultCount(cursor: ArgCursor): number {
  const count = takeCount(cursor) ?? DEFAULT_COUNT;
  cursor.expectEnd();
  return count;
}

function parseHead(cursor: ArgCursor): HeadNode {
  const node: HeadNode = { name: 'head', span: { start: 0, end: 0 }, count: DEFAULT_COUNT, keeplast: false, nullKeeps: false };
  let count: number | undefined;
  while (!cursor.done) {
    const option = cursor.takeOption(['keeplast', 'null', 'limit']);
    if (option?.key === 'keeplast') node.keeplast = booleanOption(option);
    else if (option?.key === 'null') node.nullKeeps = booleanOption(option);
    else if (option) {
      if (count !== undefined) throw new SpelunkError('syntax', 'head: give the count once, as a number or as limit=, not both.', option.span);
      count = countOption(option);
    } else if (count === undefined && node.expression === undefined && /^\d+$/.test(cursor.peekToken()?.image ?? '')) {
      count = takeCount(cursor);
    } else if (node.expression === undefined) {
      node.expression = cursor.evalExpression();
      checkFunctions(node.expression);
    } else {
      cursor.expectEnd();
    }
  }
  if (count !== undefined) node.count = count;
  return node;
}

/** The rows up to the first where the expression is not true, as the options say. */
function headWhile(node: HeadNode, expression: EvalExpr, input: Table, ctx: ExecContext): Table {
  const rows = rowTableOf(input);
  const kept = [];
  for (const row of rows.rows) {
    if (kept.length >= node.count) break;
    const holds = toBoolean(evaluate(expression, row, ctx.evalContext));
    if (holds === true || (holds === null && node.nullKeeps)) {
      kept.push(row);
      continue;
    }
    if (node.keeplast) kept.push(row);
    break;
  }
  return rowTableOf({ columns: rows.columns, rows: kept });
}

/** One implementation for rows and columns when only a count is given: after tstats, no row is formed but those kept. */
function head(node: HeadNode, input: Table, ctx: ExecContext): Table {
  return node.expression ? headWhile(node, node.expression, input, ctx) : input.head(node.count);
}

export default defineCommand<HeadNode>({
  name: 'head',
  type: 'streaming',
  summary: 'Keeps the first N results (default 10; `limit=`), or the results up to the first for which an eval expression is not true (`keeplast=`, `null=`).',
  parse: parseHead,
  explain(node) {
    if (!node.expression) return { note: `keeps the first ${node.count} rows` };
    return { note: `keeps rows while the expression is true (at most ${node.count})${node.keeplast ? ', and the row that stops it' : ''}${node.nullKeeps ? '; a null result keeps the row' : '; a null result stops'}` };
  },
  execute: head,
  executeColumns: head,
});
