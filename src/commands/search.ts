/**
 * `search <expression>`: keeps the rows that match, in search-language semantics (OR binds
 * tighter than AND, case-insensitive values, wildcards). `search *` keeps everything.
 */
import type { CommandNodeBase, SearchExpr } from '../parse/ast.js';
import { isColumnTable } from '../core/column-table.js';
import { compileColumnPredicate, compileRowPredicate } from '../search/row-predicate.js';
import { renderSearchExpr } from '../search/explain.js';
import { resolveSubsearches, subsearchesOf } from '../search/subsearch.js';
import { defineCommand } from './types.js';

export interface SearchNode extends CommandNodeBase {
  expression: SearchExpr;
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
  execute(node, input, ctx) {
    const expression = resolveSubsearches(node.expression, ctx.runSubsearch);
    const clock = { now: ctx.now, tz: ctx.tz };
    if (isColumnTable(input)) return input.filter(compileColumnPredicate(expression, clock, input));
    const keep = compileRowPredicate(expression, clock);
    return { columns: input.columns, rows: input.rows.filter(keep) };
  },
});
