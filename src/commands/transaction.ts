/**
 * `transaction [<field-list>] [maxspan=] [maxpause=] [maxevents=] [startswith=] [endswith=]
 * [connected=] [keepevicted=] [mvlist=] [delim=] ...` (DOC transaction,
 * https://docs.splunk.com/Documentation/Splunk/9.3.1/SearchReference/Transaction): groups events
 * into transactions. "Transactions are made up of the raw text (the _raw field) of each member,
 * the time and date fields of the earliest member, as well as the union of all other fields of
 * each member. Additionally, the transaction command adds two fields to the raw events, duration
 * and eventcount." Splunk reads events newest first, so a transaction opens at its last event and
 * closes at its first: on a `startswith` event, or when the next (older) event would break
 * `maxspan`/`maxpause`, or at `maxevents` (default 1000). Merged fields: with mvlist=false (the
 * default) the unique values ordered lexicographically, with mvlist=true every value in arrival
 * order. `closed_txn` (1 closed, 0 evicted) is added with keepevicted=true, when evicted
 * transactions (a `startswith` never seen) are kept too. INF points (docs/semantics.md): an
 * event with none of the fields joins no transaction; events keep their given order when
 * `_time` ties; `endswith` given, an event seen while no transaction is open that does not match
 * it joins none; _raw members are joined by newlines, oldest first.
 */
import { SpelunkError, type Span } from '../core/errors.js';
import type { RowTable } from '../core/table.js';
import { compareBytes, displayValues, fromValues, numericValue, valuesOf, type ResultTable, type Row, type Scalar } from '../core/values.js';
import type { CommandNodeBase, SearchExpr } from '../parse/ast.js';
import { booleanOption, countOption } from '../parse/option-values.js';
import type { ArgCursor, ParsedOption } from '../parse/cursor.js';
import { LParen, RParen, CompareOp, isWordLike, lex, Quoted } from '../parse/tokens.js';
import { parseSearchTokens } from '../parse/search-parser.js';
import { compileRowPredicate } from '../search/row-predicate.js';
import type { ExecContext } from './context.js';
import { takeListedField } from './support/field-list.js';
import { defineCommand } from './types.js';

export interface TransactionNode extends CommandNodeBase {
  fields: string[];
  /** Seconds; -1 = no limit (the page's default). */
  maxspan: number;
  maxpause: number;
  maxevents: number;
  startswith?: SearchExpr;
  endswith?: SearchExpr;
  keepevicted: boolean;
  mvlist: boolean;
}

/** `maxevents` default (DOC transaction: "Default: 1000"). */
const DEFAULT_MAX_EVENTS = 1000;

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** `<int>[s|m|h|d]` or -1 (DOC: "maxspan=<int>[s|m|h|d]", "Default: -1 (no limit)"). */
function durationOption(option: ParsedOption): number {
  const match = /^(-1|\d+)([smhd]?)$/i.exec(option.value.trim());
  if (!match) throw new SpelunkError('syntax', `Invalid value '${option.value}' for option '${option.key}': expected a number with s, m, h or d, or -1.`, option.span);
  if (match[1] === '-1') return -1;
  return Number(match[1]) * UNIT_SECONDS[(match[2] || 's').toLowerCase()]!;
}

/** `startswith=(<search>)` or `startswith="<search>"`; `eval(...)` is refused. */
function takeFilter(cursor: ArgCursor, key: string): SearchExpr {
  cursor.nextToken(); // '='
  const next = cursor.peekToken();
  if (next?.tokenType === LParen) {
    const items = [];
    let depth = 0;
    do {
      const item = cursor.next();
      if (item.kind === 'token') {
        if (item.token.tokenType === LParen) depth++;
        else if (item.token.tokenType === RParen) depth--;
      }
      items.push(item);
    } while (depth > 0 && !cursor.done);
    return cursor.searchExpression(items);
  }
  if (next?.tokenType === Quoted) {
    const token = cursor.nextToken();
    const inner = token.image.slice(1, -1);
    // The string is a search of its own: its tokens are placed where it stands in the text.
    const tokens = lex(inner).map((t) => ({ ...t, startOffset: t.startOffset + token.startOffset + 1 }));
    return parseSearchTokens(tokens, token.startOffset + token.image.length - 1);
  }
  if (isWordLike(next) && next!.image.toLowerCase() === 'eval') {
    throw new SpelunkError('unsupported', `spelunk does not support transaction's ${key}=eval(...) form; write it as ${key}=(<search>).`, { start: next!.startOffset, end: next!.startOffset + 4 });
  }
  if (isWordLike(next)) {
    const token = cursor.nextToken();
    return parseSearchTokens([token], token.startOffset + token.image.length);
  }
  return cursor.fail(`transaction: ${key}= needs a search in parentheses or quotes.`);
}

interface Member {
  row: Row;
  time: number;
  position: number;
}

interface Open {
  members: Member[];
  latest: number;
  earliest: number;
}

function timeOf(row: Row): number {
  const value = valuesOf(row.get('_time'))[0];
  const number = value === undefined ? undefined : numericValue(value);
  return number ?? 0;
}

function keyOf(row: Row, fields: readonly string[]): string | undefined {
  if (fields.length === 0) return '';
  const parts = fields.map((f) => displayValues(row.get(f))[0] ?? null);
  if (parts.every((p) => p === null)) return undefined;
  return JSON.stringify(parts);
}

function merge(members: readonly Member[], mvlist: boolean): Row {
  // Members are held newest first (arrival order); the output reads oldest first where it lists.
  const oldestFirst = [...members].reverse();
  const out: Row = new Map();
  const earliest = oldestFirst[0]!;
  const latest = members[0]!;
  const fieldOrder: string[] = [];
  for (const member of members) for (const field of member.row.keys()) if (!fieldOrder.includes(field)) fieldOrder.push(field);
  for (const field of fieldOrder) {
    if (field === '_time') continue;
    if (field === '_raw') {
      const raws = oldestFirst.flatMap((m) => displayValues(m.row.get('_raw')));
      if (raws.length > 0) out.set('_raw', raws.length === 1 ? raws[0]! : raws.join('\n'));
      continue;
    }
    const values: Scalar[] = [];
    for (const member of members) values.push(...valuesOf(member.row.get(field)));
    if (values.length === 0) continue;
    if (mvlist) {
      out.set(field, fromValues(values));
    } else {
      const unique = [...new Set(values.map((v) => displayValues(v)[0]!))].sort(compareBytes);
      out.set(field, unique.length === 1 ? valuesOf(earliest.row.get(field)).find((v) => displayValues(v)[0] === unique[0]) ?? unique[0]! : unique);
    }
  }
  out.set('_time', earliest.row.get('_time') ?? earliest.time);
  out.set('duration', latest.time - earliest.time);
  out.set('eventcount', members.length);
  return out;
}

function transaction(node: TransactionNode, input: RowTable, ctx: ExecContext): ResultTable {
  const clock = { now: ctx.now, tz: ctx.tz };
  const starts = node.startswith ? compileRowPredicate(node.startswith, clock) : undefined;
  const ends = node.endswith ? compileRowPredicate(node.endswith, clock) : undefined;
  const events: Member[] = input.rows.map((row, position) => ({ row, time: timeOf(row), position }));
  events.sort((a, b) => b.time - a.time || a.position - b.position);
  const open = new Map<string, Open>();
  const done: { members: Member[]; closed: boolean }[] = [];
  const finish = (key: string, closed: boolean): void => {
    const txn = open.get(key)!;
    open.delete(key);
    done.push({ members: txn.members, closed });
  };
  for (const event of events) {
    const key = keyOf(event.row, node.fields);
    if (key === undefined) continue;
    let txn = open.get(key);
    if (txn) {
      const breaksSpan = node.maxspan >= 0 && txn.latest - event.time > node.maxspan;
      const breaksPause = node.maxpause >= 0 && txn.earliest - event.time > node.maxpause;
      if (breaksSpan || breaksPause) {
        // A time limit closes a transaction (DOC: closed_txn is 1 for maxspan/maxpause), unless a start is required.
        finish(key, !starts);
        txn = undefined;
      } else if (ends?.(event.row)) {
        // An older end event: the open transaction never met its own start.
        finish(key, !starts);
        txn = undefined;
      }
    }
    if (!txn) {
      if (ends && !ends(event.row)) continue;
      txn = { members: [], latest: event.time, earliest: event.time };
      open.set(key, txn);
    }
    txn.members.push(event);
    txn.earliest = event.time;
    if (starts?.(event.row)) finish(key, true);
    else if (txn.members.length >= node.maxevents) finish(key, true);
  }
  // What is still open at the end: evicted when it needed a start it never met.
  for (const key of [...open.keys()]) finish(key, !starts);
  const kept = done.filter((t) => t.closed || node.keepevicted);
  const rows = kept.map((t) => {
    const row = merge(t.members, node.mvlist);
    if (node.keepevicted) row.set('closed_txn', t.closed ? 1 : 0);
    return { row, time: timeOf(row), first: t.members[t.members.length - 1]!.position };
  });
  rows.sort((a, b) => b.time - a.time || a.first - b.first);
  const columns: string[] = [];
  for (const { row } of rows) for (const field of row.keys()) if (!columns.includes(field)) columns.push(field);
  return { columns, rows: rows.map((r) => r.row) };
}

const KNOWN = ['maxspan', 'maxpause', 'maxevents', 'connected', 'keepevicted', 'mvlist', 'delim', 'nullstr', 'unifyends', 'maxopentxn', 'maxopenevents', 'mvraw', 'keeporphans', 'name'];

export default defineCommand<TransactionNode>({
  name: 'transaction',
  type: 'transforming',
  summary: 'Groups events into transactions (by fields, maxspan, maxpause, startswith, endswith); adds duration and eventcount.',
  parse(cursor) {
    const node: TransactionNode = { name: 'transaction', span: { start: 0, end: 0 }, fields: [], maxspan: -1, maxpause: -1, maxevents: DEFAULT_MAX_EVENTS, keepevicted: false, mvlist: false };
    while (!cursor.done) {
      const word = cursor.peekToken();
      const lower = isWordLike(word) ? word!.image.toLowerCase() : '';
      if ((lower === 'startswith' || lower === 'endswith') && cursor.isToken(CompareOp, 1)) {
        cursor.nextToken();
        node[lower] = takeFilter(cursor, lower);
        continue;
      }
      const option = cursor.takeOption(KNOWN);
      if (option) {
        if (option.key === 'maxspan') node.maxspan = durationOption(option);
        else if (option.key === 'maxpause') node.maxpause = durationOption(option);
        else if (option.key === 'maxevents') node.maxevents = option.value === '-1' ? Number.MAX_SAFE_INTEGER : Math.max(1, countOption(option));
        else if (option.key === 'keepevicted') node.keepevicted = booleanOption(option);
        else if (option.key === 'mvlist') {
          if (!['true', 'false', 't', 'f', '1', '0'].includes(option.value.toLowerCase())) {
            throw new SpelunkError('unsupported', 'spelunk does not support mvlist=<field-list>; use mvlist=true or false.', option.span);
          }
          node.mvlist = booleanOption(option);
        } else if (option.key === 'connected' || option.key === 'unifyends') booleanOption(option);
        else if (option.key === 'keeporphans' && booleanOption(option)) {
          throw new SpelunkError('unsupported', "spelunk does not support transaction's keeporphans=true.", option.span);
        } else if (option.key === 'name') {
          throw new SpelunkError('unsupported', 'spelunk has no transactiontypes.conf: name= needs a Splunk server.', option.span);
        }
        // delim, nullstr, mvraw, maxopentxn, maxopenevents: rendering and memory settings.
        continue;
      }
      if (cursor.takeComma()) continue;
      node.fields.push(takeListedField(cursor).name);
    }
    return node;
  },
  explain(node) {
    const parts = [node.fields.length > 0 ? `by ${node.fields.join(', ')}` : 'over all events'];
    if (node.maxspan >= 0) parts.push(`maxspan ${node.maxspan}s`);
    if (node.maxpause >= 0) parts.push(`maxpause ${node.maxpause}s`);
    return { note: `groups events into transactions ${parts.join(', ')}` };
  },
  execute: transaction,
});
