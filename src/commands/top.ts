/**
 * `top [<N>] [limit=<N>] [countfield=<name>] [percentfield=<name>] [showcount=<bool>]
 * [showperc=<bool>] [useother=<bool>] [otherstr=<text>] <field-list> [BY <field-list>]` (DOC top), and `rare`
 * with the same syntax (DOC rare). Counts each combination of the fields' values (within
 * each BY group), keeps the N most (top) or least (rare) common, default 10, 0 = all; columns
 * are the BY fields, the fields, then `count` and `percent` (percent of the group's total,
 * printed with six decimals as Splunk does, e.g. "50.000000"). Ties keep first-seen order
 * [INF]. BY groups come out in ascending order like stats. With `useother=true`, one more row
 * per group holds the count of the values the limit cut, each field set to `otherstr` (default
 * OTHER; DOC top 10.0).
 */
import type { Row } from '../core/values.js';
import type { CommandNodeBase } from '../parse/ast.js';
import type { ArgCursor } from '../parse/cursor.js';
import { compareTuples, groupTuples, tupleKey, type GroupTuple } from '../stats/grouping.js';
import { booleanOption, countOption } from '../parse/option-values.js';
import { takeListedField } from './support/field-list.js';
import { defineCommand, type CommandDefinition } from './types.js';

export interface TopNode extends CommandNodeBase {
  limit: number;
  countField: string;
  percentField: string;
  showCount: boolean;
  showPercent: boolean;
  useOther: boolean;
  otherText: string;
  fields: string[];
  by: string[];
}

function parseTop(cursor: ArgCursor, name: string): TopNode {
  const node: TopNode = { name, span: { start: 0, end: 0 }, limit: 10, countField: 'count', percentField: 'percent', showCount: true, showPercent: true, useOther: false, otherText: 'OTHER', fields: [], by: [] };
  const first = cursor.peekToken();
  if (first && /^\d+$/.test(first.image)) {
    cursor.nextToken();
    node.limit = Number(first.image);
  }
  const takeOption = (): boolean => {
    const option = cursor.takeOption(['limit', 'countfield', 'percentfield', 'showcount', 'showperc', 'useother', 'otherstr']);
    if (!option) return false;
    switch (option.key) {
      case 'limit':
        node.limit = countOption(option);
        break;
      case 'countfield':
        node.countField = option.value;
        break;
      case 'percentfield':
        node.percentField = option.value;
        break;
      case 'showcount':
        node.showCount = booleanOption(option);
        break;
      case 'showperc':
        node.showPercent = booleanOption(option);
        break;
      case 'useother':
        node.useOther = booleanOption(option);
        break;
      default:
        node.otherText = option.value;
        break;
    }
    return true;
  };
  let target = node.fields;
  while (!cursor.done) {
    if (takeOption()) continue;
    if (target === node.fields && cursor.takeWord('by')) {
      target = node.by;
      continue;
    }
    if (cursor.takeComma()) continue;
    target.push(takeListedField(cursor).name);
  }
  if (node.fields.length === 0) cursor.fail(`Error in '${name}' command: expected at least one field name.`);
  return node;
}

interface Counted {
  tuple: GroupTuple;
  count: number;
}

function runTop(node: TopNode, rows: readonly Row[], mostCommon: boolean): { columns: string[]; rows: Row[] } {
  const groups = new Map<string, { by: GroupTuple; total: number; counts: Map<string, Counted> }>();
  for (const row of rows) {
    for (const by of groupTuples(row, node.by)) {
      const groupKey = tupleKey(by);
      let group = groups.get(groupKey);
      if (!group) groups.set(groupKey, (group = { by, total: 0, counts: new Map() }));
      for (const tuple of groupTuples(row, node.fields)) {
        const key = tupleKey(tuple);
        const counted = group.counts.get(key);
        if (counted) counted.count++;
        else group.counts.set(key, { tuple, count: 1 });
        group.total++;
      }
    }
  }
  const ordered = [...groups.values()].sort((a, b) => compareTuples(a.by, b.by));
  const out: Row[] = [];
  for (const group of ordered) {
    const sorted = [...group.counts.values()].sort((a, b) => (mostCommon ? b.count - a.count : a.count - b.count));
    const kept = node.limit > 0 ? sorted.slice(0, node.limit) : sorted;
    const add = (values: readonly (string | number | boolean)[], count: number): void => {
      const row: Row = new Map();
      node.by.forEach((field, i) => row.set(field, group.by[i]!));
      node.fields.forEach((field, i) => row.set(field, values[i]!));
      if (node.showCount) row.set(node.countField, count);
      if (node.showPercent) row.set(node.percentField, ((count / group.total) * 100).toFixed(6));
      out.push(row);
    };
    for (const { tuple, count } of kept) add(tuple, count);
    const rest = sorted.slice(kept.length).reduce((sum, counted) => sum + counted.count, 0);
    if (node.useOther && rest > 0) add(node.fields.map(() => node.otherText), rest);
  }
  const columns = [...node.by, ...node.fields];
  if (node.showCount) columns.push(node.countField);
  if (node.showPercent) columns.push(node.percentField);
  return { columns: [...new Set(columns)], rows: out };
}

export function topLikeCommand(name: 'top' | 'rare'): CommandDefinition {
  const mostCommon = name === 'top';
  return defineCommand<TopNode>({
    name,
    type: 'transforming',
    summary: mostCommon
      ? 'The most common values of fields, with count and percent (default 10; `limit=`, `countfield=`, `percentfield=`, `showcount=`, `showperc=`, `useother=`, `otherstr=`, `by`).'
      : 'The least common values of fields, with count and percent (default 10; same options as top).',
    parse: (cursor) => parseTop(cursor, name),
    explain(node) {
      return { note: `the ${node.limit > 0 ? node.limit : 'all'} ${mostCommon ? 'most' : 'least'} common ${node.fields.join(', ')}${node.by.length > 0 ? ` per ${node.by.join(', ')}` : ''}` };
    },
    execute: (node, input) => runTop(node, input.rows, mostCommon),
  });
}

export default topLikeCommand('top');
