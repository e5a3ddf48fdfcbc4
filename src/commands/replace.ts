/**
 * `replace (<wc-string> WITH <wc-string>)... [IN <field-list>]` (DOC replace,
 * https://docs.splunk.com/Documentation/Splunk/9.3.1/SearchReference/Replace): replaces whole field
 * values. A pattern matches the whole value; `*` matches any run of characters and carries what it
 * matched into the replacement (`"* localhost" WITH "localhost *"`). Per the page: "Non-wildcard
 * replacement values specified later take precedence over those replacements specified earlier.
 * For a wildcard replacement, fuller matches take precedence over lesser matches", and "the result
 * must have the same number of wildcards, or none at all". Without IN, every field but the
 * internal `_` ones ("To replace values on _internal fields, you must specify the field name with
 * the IN <fieldname> clause"). Matching is case-sensitive [INF]; each value of a multivalue field
 * is replaced on its own [INF].
 */
import { SpelunkError, type Span } from '../core/errors.js';
import { countWildcards, fillWildcards, matchFieldPattern } from '../core/field-names.js';
import type { RowTable } from '../core/table.js';
import { fromValues, isMultiValue, scalarToString, valuesOf, type ResultTable, type Row, type Scalar } from '../core/values.js';
import type { CommandNodeBase } from '../parse/ast.js';
import { takeFieldList } from './support/field-list.js';
import { defineCommand } from './types.js';

export interface ReplacePair {
  from: string;
  to: string;
  span: Span;
}

export interface ReplaceNode extends CommandNodeBase {
  pairs: ReplacePair[];
  /** Field names or patterns; empty: every field but the `_` ones. */
  fields: string[];
}

/** The replacement of one value, or undefined when no pair matches it. */
export function replaceValue(pairs: readonly ReplacePair[], value: string): string | undefined {
  for (let i = pairs.length - 1; i >= 0; i--) {
    const pair = pairs[i]!;
    if (countWildcards(pair.from) === 0 && pair.from === value) return pair.to;
  }
  // The fullest wildcard match: the one whose wildcards took the fewest characters.
  let best: { to: string; taken: number } | undefined;
  for (const pair of pairs) {
    if (countWildcards(pair.from) === 0) continue;
    const parts = matchFieldPattern(pair.from, value);
    if (!parts) continue;
    const taken = parts.reduce((sum, part) => sum + part.length, 0);
    if (!best || taken < best.taken) best = { to: countWildcards(pair.to) === 0 ? pair.to : fillWildcards(pair.to, parts), taken };
  }
  return best?.to;
}

function targetFields(node: ReplaceNode, columns: readonly string[]): string[] {
  if (node.fields.length === 0) return columns.filter((c) => !c.startsWith('_'));
  const out: string[] = [];
  for (const field of node.fields) {
    if (countWildcards(field) === 0) out.push(field);
    else for (const c of columns) if (matchFieldPattern(field, c)) out.push(c);
  }
  return [...new Set(out)];
}

function replace(node: ReplaceNode, input: RowTable): ResultTable {
  const fields = targetFields(node, input.columns);
  const rows = input.rows.map((row) => {
    let out: Row | undefined;
    for (const field of fields) {
      const value = row.get(field);
      if (value === undefined || value === null) continue;
      let changed = false;
      const next = valuesOf(value).map((item): Scalar => {
        const replaced = replaceValue(node.pairs, scalarToString(item));
        if (replaced === undefined) return item;
        changed = true;
        return replaced;
      });
      if (!changed) continue;
      out ??= new Map(row);
      out.set(field, isMultiValue(value) ? next : fromValues(next));
    }
    return out ?? row;
  });
  return { columns: input.columns, rows };
}

export default defineCommand<ReplaceNode>({
  name: 'replace',
  type: 'streaming',
  summary: 'Replaces whole field values (`replace "0" WITH "Critical" IN level`), with wildcards.',
  parse(cursor) {
    const pairs: ReplacePair[] = [];
    while (!cursor.done && !cursor.isWord('in')) {
      if (cursor.takeComma()) continue;
      const from = cursor.expectFieldName('to replace (a value)');
      cursor.expectWord('with', `after '${from.name}'`);
      const to = cursor.expectFieldName("after 'WITH' (the new value)");
      const span = { start: from.span.start, end: to.span.end };
      if (countWildcards(to.name) !== 0 && countWildcards(to.name) !== countWildcards(from.name)) {
        throw new SpelunkError('syntax', `Error in 'replace' command: '${to.name}' must have as many wildcards as '${from.name}', or none.`, span);
      }
      pairs.push({ from: from.name, to: to.name, span });
    }
    if (pairs.length === 0) cursor.fail("Usage: replace (<wc-string> WITH <wc-string>)... [IN <field-list>]");
    let fields: string[] = [];
    if (cursor.takeWord('in')) {
      fields = takeFieldList(cursor).map((f) => f.name);
      if (fields.length === 0) cursor.fail("Error in 'replace' command: IN names no field.");
    }
    return { name: 'replace', span: { start: 0, end: 0 }, pairs, fields };
  },
  explain(node) {
    const where = node.fields.length > 0 ? node.fields.join(', ') : 'every field but the _ ones';
    return { note: `replaces ${node.pairs.map((p) => `"${p.from}" with "${p.to}"`).join(', ')} in ${where}` };
  },
  execute: replace,
});
