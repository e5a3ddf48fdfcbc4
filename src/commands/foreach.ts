/**
 * `foreach [mode=multifield] <wc-field>... [fieldstr=] [matchstr=] [matchseg1=] [matchseg2=]
 * [matchseg3=] <subsearch>` and `foreach mode=multivalue <field> [itemstr=] [iterstr=] <subsearch>`
 * (DOC foreach, https://docs.splunk.com/Documentation/Splunk/9.3.1/SearchReference/Foreach): runs
 * a templated subsearch once per matching field, as in
 * `foreach * [eval <<FIELD>> = if(<<FIELD>>="null",null(),<<FIELD>>)]`. The template is filled
 * in as text, then run over the current results: `<<FIELD>>` is the field's name, `<<MATCHSTR>>`
 * what its wildcards matched, `<<MATCHSEGn>>` what the n-th wildcard matched; in multivalue
 * mode, `<<ITEM>>` is each value of the field and `<<ITER>>` its position (from 0), per result.
 * The fieldstr/matchstr/... options rename the tokens. INF (docs/semantics.md): a wildcard
 * matches neither internal `_` fields nor a field the template itself adds; fields are taken in
 * column order; mode=json_array is refused.
 */
import { SpelunkError, type Span } from '../core/errors.js';
import { countWildcards, matchFieldPattern } from '../core/field-names.js';
import type { RowTable } from '../core/table.js';
import { appendColumns } from '../core/field-names.js';
import { displayValues, type ResultTable, type Row } from '../core/values.js';
import type { CommandNodeBase } from '../parse/ast.js';
import { takeListedField } from './support/field-list.js';
import type { ExecContext } from './context.js';
import { defineCommand } from './types.js';

export interface ForeachNode extends CommandNodeBase {
  mode: 'multifield' | 'multivalue';
  fields: string[];
  /** The subsearch text, between its brackets. */
  template: string;
  templateSpan: Span;
  tokens: { field: string; matchstr: string; matchseg: [string, string, string]; item: string; iter: string };
}

function run(node: ForeachNode, text: string, over: ResultTable, ctx: ExecContext): ResultTable {
  try {
    return ctx.runSearch!(text, over);
  } catch (error) {
    if (!(error instanceof SpelunkError)) throw error;
    throw new SpelunkError(error.kind, `Error in 'foreach' command, in '${text.trim()}': ${error.message}`, node.templateSpan);
  }
}

function multifield(node: ForeachNode, input: RowTable, ctx: ExecContext): ResultTable {
  const matches: { field: string; parts: string[] }[] = [];
  for (const pattern of node.fields) {
    if (countWildcards(pattern) === 0) {
      if (!matches.some((m) => m.field === pattern)) matches.push({ field: pattern, parts: [] });
      continue;
    }
    for (const column of input.columns) {
      if (column.startsWith('_') || matches.some((m) => m.field === column)) continue;
      const parts = matchFieldPattern(pattern, column);
      if (parts) matches.push({ field: column, parts });
    }
  }
  let table: ResultTable = { columns: input.columns, rows: input.rows };
  const t = node.tokens;
  for (const { field, parts } of matches) {
    let text = node.template.split(t.field).join(field).split(t.matchstr).join(parts.join(''));
    t.matchseg.forEach((token, i) => {
      text = text.split(token).join(parts[i] ?? '');
    });
    table = run(node, text, table, ctx);
  }
  return table;
}

function multivalue(node: ForeachNode, input: RowTable, ctx: ExecContext): ResultTable {
  const field = node.fields[0]!;
  let columns = input.columns;
  const rows = input.rows.map((row) => {
    let current: ResultTable = { columns, rows: [new Map(row)] };
    displayValues(row.get(field)).forEach((item, iter) => {
      const text = node.template.split(node.tokens.item).join(item).split(node.tokens.iter).join(String(iter));
      current = run(node, text, current, ctx);
    });
    columns = appendColumns(columns, current.columns);
    return current.rows[0] ?? (new Map() as Row);
  });
  return { columns, rows };
}

function foreach(node: ForeachNode, input: RowTable, ctx: ExecContext): ResultTable {
  if (!ctx.runSearch) throw new SpelunkError('unsupported', 'foreach needs a session to run its template in.', node.span);
  return node.mode === 'multifield' ? multifield(node, input, ctx) : multivalue(node, input, ctx);
}

const OPTIONS = ['mode', 'fieldstr', 'matchstr', 'matchseg1', 'matchseg2', 'matchseg3', 'itemstr', 'iterstr'];

export default defineCommand<ForeachNode>({
  name: 'foreach',
  type: 'streaming',
  summary: 'Runs a templated subsearch once per matching field (`<<FIELD>>`, `<<MATCHSTR>>`) or, mode=multivalue, per value (`<<ITEM>>`).',
  parse(cursor) {
    const node: ForeachNode = {
      name: 'foreach', span: { start: 0, end: 0 }, mode: 'multifield', fields: [], template: '', templateSpan: { start: 0, end: 0 },
      tokens: { field: '<<FIELD>>', matchstr: '<<MATCHSTR>>', matchseg: ['<<MATCHSEG1>>', '<<MATCHSEG2>>', '<<MATCHSEG3>>'], item: '<<ITEM>>', iter: '<<ITER>>' },
    };
    let found = false;
    while (!cursor.done) {
      const option = cursor.takeOption(OPTIONS);
      if (option) {
        if (option.key === 'mode') {
          const mode = option.value.toLowerCase();
          if (mode === 'json_array') throw new SpelunkError('unsupported', "spelunk does not support foreach mode=json_array.", option.span);
          if (mode !== 'multifield' && mode !== 'multivalue') throw new SpelunkError('syntax', `Invalid value '${option.value}' for option 'mode': expected multifield, multivalue or json_array.`, option.span);
          node.mode = mode;
        } else if (option.key === 'fieldstr') node.tokens.field = option.value;
        else if (option.key === 'matchstr') node.tokens.matchstr = option.value;
        else if (option.key.startsWith('matchseg')) node.tokens.matchseg[Number(option.key.slice(-1)) - 1] = option.value;
        else if (option.key === 'itemstr') node.tokens.item = option.value;
        else node.tokens.iter = option.value;
        continue;
      }
      const bracketed = cursor.takeBracketed();
      if (bracketed) {
        node.template = cursor.text.slice(bracketed.start + 1, bracketed.end - 1);
        node.templateSpan = bracketed;
        found = true;
        cursor.expectEnd();
        break;
      }
      if (cursor.takeComma()) continue;
      node.fields.push(takeListedField(cursor).name);
    }
    if (!found) cursor.fail("Error in 'foreach' command: a subsearch in square brackets is required, as in foreach * [eval <<FIELD>>=...].");
    if (node.fields.length === 0) cursor.fail("Error in 'foreach' command: name at least one field (wildcards allowed).");
    if (node.mode === 'multivalue' && node.fields.length !== 1) cursor.fail("Error in 'foreach' command: mode=multivalue takes one field.");
    return node;
  },
  explain(node) {
    return { note: node.mode === 'multifield' ? `runs [${node.template.trim()}] once per field matching ${node.fields.join(' ')}` : `runs [${node.template.trim()}] once per value of ${node.fields[0]}` };
  },
  execute: foreach,
});
