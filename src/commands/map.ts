/**
 * `map (search="<string>" | [<subsearch>]) [maxsearches=<int>]` (DOC map,
 * https://docs.splunk.com/Documentation/Splunk/9.3.1/SearchReference/Map): "a looping operator
 * that runs a search repeatedly for each input event or result", as in
 * `map search="search index=_internal earliest=$myearliest$ latest=$mylatest$"`. `$field$` is
 * replaced by that result's value of the field, as text; the output is every search's results
 * in input order. maxsearches: "The maximum number of searches to run. A message is generated if
 * there are more search results than the maximum ... Default: 10"; 0 runs none [INF: "Zero (0)
 * does not equate to unlimited searches"]. A saved search name (`map mysearch`) needs a Splunk
 * server and is refused. INF (see docs/semantics.md): a multivalue field gives its first value; a
 * result lacking a field the search names runs no search, with a warning; `$$` is a literal `$`.
 */
import { SpelunkError, type Span } from '../core/errors.js';
import { appendColumns } from '../core/field-names.js';
import type { RowTable } from '../core/table.js';
import { displayValues, type ResultTable, type Row } from '../core/values.js';
import type { CommandNodeBase } from '../parse/ast.js';
import { countOption } from '../parse/option-values.js';
import type { ExecContext } from './context.js';
import { defineCommand } from './types.js';

export interface MapNode extends CommandNodeBase {
  /** The search text with its `$field$` tokens, as written. */
  search: string;
  maxsearches: number;
  searchSpan: Span;
}

/** limits.conf-free default of the page: "Default: 10". */
const DEFAULT_MAX_SEARCHES = 10;

const TOKEN = /\$([^$\s]*)\$/g;

/** The search for one result, or the names it lacks. */
export function substitute(search: string, row: Row): { text: string } | { missing: string[] } {
  const missing: string[] = [];
  const text = search.replace(TOKEN, (_, name: string) => {
    if (name === '') return '$';
    const value = displayValues(row.get(name))[0];
    if (value === undefined) {
      missing.push(name);
      return '';
    }
    return value;
  });
  return missing.length > 0 ? { missing } : { text };
}

function map(node: MapNode, input: RowTable, ctx: ExecContext): ResultTable {
  if (!ctx.runSearch) throw new SpelunkError('unsupported', "map needs a session to run its search in.", node.span);
  if (input.rows.length > node.maxsearches) {
    ctx.warn(`The search result count (${input.rows.length}) exceeds maximum (${node.maxsearches}), using max. To override it, set maxsearches appropriately.`);
  }
  let columns: string[] = [];
  const rows: Row[] = [];
  const lacking = new Set<string>();
  for (const row of input.rows.slice(0, node.maxsearches)) {
    const search = substitute(node.search, row);
    if ('missing' in search) {
      for (const name of search.missing) lacking.add(name);
      continue;
    }
    let result: ResultTable;
    try {
      result = ctx.runSearch(search.text);
    } catch (error) {
      if (!(error instanceof SpelunkError)) throw error;
      throw new SpelunkError(error.kind, `Error in 'map' command, in the search '${search.text}': ${error.message}`, node.searchSpan);
    }
    columns = appendColumns(columns, result.columns);
    rows.push(...result.rows);
  }
  if (lacking.size > 0) {
    ctx.warn(`map: results without a value for ${[...lacking].map((n) => `$${n}$`).join(', ')} ran no search.`);
  }
  return { columns, rows };
}

export default defineCommand<MapNode>({
  name: 'map',
  type: 'streaming',
  summary: 'Runs a search once per result (`map search="... $field$ ..."`, at most `maxsearches`, default 10).',
  parse(cursor) {
    let search: { text: string; span: Span } | undefined;
    let maxsearches = DEFAULT_MAX_SEARCHES;
    while (!cursor.done) {
      const option = cursor.takeOption(['search', 'maxsearches']);
      if (option) {
        if (option.key === 'maxsearches') maxsearches = countOption(option);
        else search = { text: option.value, span: option.span };
        continue;
      }
      const sub = cursor.takeSubsearch();
      if (sub) {
        // Inner bracket text as written: `$field$` is replaced in the text, then it is parsed anew.
        search = { text: cursor.text.slice(sub.span.start + 1, sub.span.end - 1), span: sub.span };
        continue;
      }
      const word = cursor.takeFieldName();
      if (word) {
        throw new SpelunkError('unsupported', `spelunk has no saved searches: map '${word.name}' needs a Splunk server; write the search as map search="...".`, word.span);
      }
      cursor.expectEnd();
    }
    const found = search ?? cursor.fail('Usage: map (search="<string>" | [<subsearch>]) [maxsearches=<int>]');
    return { name: 'map', span: { start: 0, end: 0 }, search: found.text, maxsearches, searchSpan: found.span };
  },
  explain(node) {
    return { note: `runs "${node.search}" once per result, at most ${node.maxsearches} times` };
  },
  execute: map,
});
