/**
 * `addtotals [row=<bool>] [col=<bool>] [labelfield=<field>] [label=<string>] [fieldname=<field>]
 * [<field-list>]` (DOC addtotals, https://docs.splunk.com/Documentation/Splunk/9.3.1/SearchReference/Addtotals):
 * row=true (the default) adds to each result a field (fieldname, default `Total`) holding the
 * sum of its numeric fields, or of the listed ones (wildcards allowed); col=true (default false)
 * appends a result holding each column's sum, with `label` (default `Total`) in `labelfield` if
 * one is named. Only numeric values are summed. INF (docs/semantics.md): a result with no numeric
 * field to sum gets no row total; a multivalue field is not a number; internal `_` fields are
 * never summed.
 */
import { countWildcards, matchFieldPattern } from '../core/field-names.js';
import type { RowTable } from '../core/table.js';
import { appendColumns } from '../core/field-names.js';
import { isMultiValue, numericValue, type ResultTable, type Row, type Value } from '../core/values.js';
import type { CommandNodeBase } from '../parse/ast.js';
import { booleanOption } from '../parse/option-values.js';
import { takeFieldList } from './support/field-list.js';
import { defineCommand } from './types.js';

export interface AddtotalsNode extends CommandNodeBase {
  row: boolean;
  col: boolean;
  fieldname: string;
  label: string;
  labelfield?: string;
  fields: string[];
}

function numberOf(value: Value | undefined): number | undefined {
  if (value === undefined || value === null || isMultiValue(value)) return undefined;
  const number = numericValue(value);
  return number !== undefined && Number.isFinite(number) ? number : undefined;
}

/** Floating-point sums print as Splunk does: a sum of integers stays an integer. */
function addtotals(node: AddtotalsNode, input: RowTable): ResultTable {
  const selected = (field: string): boolean =>
    !field.startsWith('_') &&
    (node.fields.length === 0 || node.fields.some((f) => (countWildcards(f) === 0 ? f === field : matchFieldPattern(f, field) !== undefined)));
  let columns = [...input.columns];
  let rows: Row[] = input.rows;
  if (node.row) {
    rows = rows.map((row) => {
      let total: number | undefined;
      for (const [field, value] of row) {
        if (field === node.fieldname || !selected(field)) continue;
        const number = numberOf(value);
        if (number !== undefined) total = (total ?? 0) + number;
      }
      if (total === undefined) return row;
      const out: Row = new Map(row);
      out.set(node.fieldname, total);
      return out;
    });
    if (rows.some((row) => row.has(node.fieldname))) columns = appendColumns(columns, [node.fieldname]);
  }
  if (node.col) {
    const sums = new Map<string, number>();
    for (const row of rows) {
      for (const [field, value] of row) {
        if (!selected(field) && !(node.row && field === node.fieldname)) continue;
        const number = numberOf(value);
        if (number !== undefined) sums.set(field, (sums.get(field) ?? 0) + number);
      }
    }
    const summary: Row = new Map();
    for (const column of columns) if (sums.has(column)) summary.set(column, sums.get(column)!);
    if (node.labelfield !== undefined) {
      summary.set(node.labelfield, node.label);
      columns = appendColumns(columns, [node.labelfield]);
    }
    rows = [...rows, summary];
  }
  return { columns, rows };
}

export default defineCommand<AddtotalsNode>({
  name: 'addtotals',
  type: 'streaming',
  summary: 'Adds each result\'s sum of numeric fields (`fieldname=`, default Total) and, with col=true, a row of column sums.',
  parse(cursor) {
    const node: AddtotalsNode = { name: 'addtotals', span: { start: 0, end: 0 }, row: true, col: false, fieldname: 'Total', label: 'Total', fields: [] };
    for (;;) {
      const option = cursor.takeOption(['row', 'col', 'fieldname', 'label', 'labelfield']);
      if (!option) break;
      if (option.key === 'row') node.row = booleanOption(option);
      else if (option.key === 'col') node.col = booleanOption(option);
      else if (option.key === 'fieldname') node.fieldname = option.value;
      else if (option.key === 'label') node.label = option.value;
      else node.labelfield = option.value;
    }
    node.fields = takeFieldList(cursor).map((f) => f.name);
    return node;
  },
  explain(node) {
    const parts = [];
    if (node.row) parts.push(`each result's sum into ${node.fieldname}`);
    if (node.col) parts.push('a row of column sums');
    return { note: `adds ${parts.join(' and ') || 'nothing'}` };
  },
  execute: addtotals,
});
