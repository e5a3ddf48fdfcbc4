/**
 * The command registry. Adding a command is writing its file and listing it here. The search
 * parser (src/parse/parser.ts) is bound to it here: it is what makes SPL text typed nodes.
 */
import type { Pipeline, SearchExpr } from '../parse/ast.js';
import { parseSearchExpressionWith, parseSearchWith } from '../parse/parser.js';
import type { CommandDefinition } from './types.js';
import accum from './accum.js';
import addtotals from './addtotals.js';
import append from './append.js';
import appendpipe from './appendpipe.js';
import bin from './bin.js';
import convert from './convert.js';
import dedup from './dedup.js';
import evalCommand from './eval.js';
import eventstats from './eventstats.js';
import fields from './fields.js';
import fillnull from './fillnull.js';
import foreach from './foreach.js';
import from from './from.js';
import head from './head.js';
import inputlookup from './inputlookup.js';
import iplocation from './iplocation.js';
import join from './join.js';
import lookup from './lookup.js';
import makemv from './makemv.js';
import map from './map.js';
import makeresults from './makeresults.js';
import mvexpand from './mvexpand.js';
import outputlookup from './outputlookup.js';
import rare from './rare.js';
import regex from './regex.js';
import rename from './rename.js';
import replace from './replace.js';
import rex from './rex.js';
import search from './search.js';
import sort from './sort.js';
import spath from './spath.js';
import stats from './stats.js';
import streamstats from './streamstats.js';
import table from './table.js';
import tail from './tail.js';
import timechart from './timechart.js';
import top from './top.js';
import transaction from './transaction.js';
import tstats from './tstats.js';
import where from './where.js';
import xmlkv from './xmlkv.js';

export const COMMANDS: readonly CommandDefinition[] = [
  accum,
  addtotals,
  append,
  appendpipe,
  bin,
  convert,
  dedup,
  evalCommand,
  eventstats,
  fields,
  fillnull,
  foreach,
  from,
  head,
  inputlookup,
  iplocation,
  join,
  lookup,
  makemv,
  map,
  makeresults,
  mvexpand,
  outputlookup,
  rare,
  regex,
  rename,
  replace,
  rex,
  search,
  sort,
  spath,
  stats,
  streamstats,
  table,
  tail,
  timechart,
  top,
  transaction,
  tstats,
  where,
  xmlkv,
];

const byName = new Map<string, CommandDefinition>();
for (const command of COMMANDS) {
  byName.set(command.name, command);
  for (const alias of command.aliases ?? []) byName.set(alias, command);
}

export function findCommand(name: string): CommandDefinition | undefined {
  return byName.get(name.toLowerCase());
}

/** Expanded SPL text as a pipeline of typed command nodes; a command not listed here becomes a generic node. */
export function parseSearch(text: string): Pipeline {
  return parseSearchWith(findCommand, text);
}

/** Text as a subpipeline: commands over given results, the first one named (`eval x=1 | ...`). */
export function parseSubpipeline(text: string): Pipeline {
  return parseSearchWith(findCommand, text, false);
}

/** Text as one search-language expression, as `search <text>` reads it (for searchmatch()). */
export function parseSearchExpression(text: string): SearchExpr {
  return parseSearchExpressionWith(findCommand, text);
}
