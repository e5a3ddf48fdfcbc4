/**
 * `search <expression>`: keeps the rows that match, in search-language semantics (OR binds
 * tighter than AND, case-insensitive values, wildcards). `search *` keeps everything.
 */
import type { Table } from '../core/table.js';
import type { CommandNodeBase, SearchExpr } from '../parse/ast.js';
import { eventStoreOf, eventTable, matchingEvents } from '../events/search.js';
import { renderSearchExpr } from '../search/explain.js';
import { compileTablePredicate } from '../search/row-predicate.js';
import { resolveSubsearches, subsearchesOf } from '../search/subsearch.js';
import type { ExecContext } from './context.js';
import { defineCommand } from './types.js';

export interface SearchNode extends CommandNodeBase {
  expression: SearchExpr;
}

/** One implementation for rows and columns: a column table tests each field once per dictionary value. */
function search(node: SearchNode, input: Table, ctx: ExecContext): Table {
  const expression = resolveSubsearches(node.expression, ctx.runSubsearch);
  const events = eventStoreOf(node);
  // The first command of a search generates the events that match (src/events/search.ts).
  if (events) return eventTable(events, matchingEvents(expression, events, { now: ctx.now, tz: ctx.tz }, ctx.timeRange));
  return input.filter(compileTablePredicate(expression, { now: ctx.now, tz: ctx.tz }, input));
}

export default defineCommand<SearchNode>({
  name: 'search',
  type: 'streaming',
  summary: 'Keeps the results that match a search-language expression.',
  parse(cursor) {
    const items = cursor.takeUntil(() => false);
    return { name: 'search', span: { start: 0, end: 0 }, expression: cursor.searchExpression(items) };
  },
  explain(node) {
    return {
      text: renderSearchExpr(node.expression),
      note: 'keeps the rows matching the expression (search semantics: NOT, then OR, then AND; case-insensitive values)',
    };
  },
  subsearches: (node) => subsearchesOf(node.expression),
  execute: search,
  executeColumns: search,
});
