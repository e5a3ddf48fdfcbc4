/**
 * `--explain-filter`: for each `*_filter` macro, and each macro the user defined, the results that
 * reached the commands it expanded to, the ones those commands dropped, and the ones they kept.
 * The search runs up to the macro's first command and up to its last one; what is in the first
 * run and not the second was dropped.
 */
import type { ResultTable, Row, Value } from '../core/values.js';
import { formatResults, type OutputFormat, type ResultObject } from '../format/index.js';
import { formatJson } from '../format/json.js';
import type { Session } from '../session.js';
import { stagesOf, type Stages } from './stages.js';
import { userDefinedStanzas, type UserMacros } from './warnings.js';

export interface FilterExplanation {
  /** The stanza, e.g. `w3wp_spawning_shell_filter`. */
  macro: string;
  definedAt: string;
  /** The definition as expanded (arguments substituted). */
  definition: string;
  /** Where the user's search invokes it. */
  invokedAt: { line: number; column: number };
  /** Set when the macro's text is only part of a command, so it has no results of its own. */
  insideCommand?: string;
  reached?: ResultTable;
  dropped?: ResultTable;
  kept?: ResultTable;
}

const FILTER_SUFFIX = '_filter';

export function explainFilters(session: Session, search: string, user: UserMacros): FilterExplanation[] {
  const stages = stagesOf(session, search);
  const userStanzas = new Set(userDefinedStanzas(user).map((entry) => entry.stanza));
  const seen = new Set<string>();
  const explanations: FilterExplanation[] = [];
  for (const step of stages.expansion.steps) {
    if (!step.macro.endsWith(FILTER_SUFFIX) && !userStanzas.has(step.macro)) continue;
    const key = `${step.macro}@${step.invokedAt.line}:${step.invokedAt.column}`;
    if (seen.has(key)) continue;
    seen.add(key);
    explanations.push(explainOne(stages, step.macro, step.invokedAt, step.definedAt, step.text));
  }
  return explanations;
}

function explainOne(
  stages: Stages,
  macro: string,
  invokedAt: { line: number; column: number },
  definedAt: string,
  definition: string,
): FilterExplanation {
  const base: FilterExplanation = { macro, definedAt, definition, invokedAt };
  const { commands } = stages.pipeline;
  const fromMacro = (offset: number): boolean =>
    stages.expansion.origins
      .originOf(offset)
      .macroChain.some((frame) => frame.name === macro && frame.invokedAt.line === invokedAt.line && frame.invokedAt.column === invokedAt.column);
  const own = commands.flatMap((command, index) => (fromMacro(command.span.start) ? [index] : []));
  if (own.length === 0) {
    const holder = commands.find((command) => fromMacro(command.span.start) || rangeFromMacro(command.span, fromMacro));
    const text = holder ? stages.expansion.text.slice(holder.span.start, holder.span.end) : '';
    return { ...base, insideCommand: holder ? text : '(no command: the macro expanded to nothing)' };
  }
  const first = own[0]!;
  const last = own[own.length - 1]!;
  // The first command reads events, not results: nothing reaches it to be dropped.
  if (first === 0) return { ...base, insideCommand: stages.expansion.text.slice(commands[0]!.span.start, commands[0]!.span.end) };
  const reached = stages.resultsBefore(first);
  const kept = stages.resultsBefore(last + 1);
  return { ...base, reached, kept, dropped: { columns: reached.columns, rows: droppedRows(reached.rows, kept.rows) } };
}

function rangeFromMacro(span: { start: number; end: number }, fromMacro: (offset: number) => boolean): boolean {
  for (let offset = span.start; offset < span.end; offset++) if (fromMacro(offset)) return true;
  return false;
}

/** The rows of `reached` not in `kept`, as a multiset (two equal rows dropped once are one kept). */
export function droppedRows(reached: readonly Row[], kept: readonly Row[]): Row[] {
  const remaining = new Map<string, number>();
  for (const row of kept) {
    const key = rowKey(row);
    remaining.set(key, (remaining.get(key) ?? 0) + 1);
  }
  return reached.filter((row) => {
    const key = rowKey(row);
    const left = remaining.get(key) ?? 0;
    if (left === 0) return true;
    remaining.set(key, left - 1);
    return false;
  });
}

function rowKey(row: Row): string {
  const entries: Array<[string, Value]> = [...row].filter(([, value]) => value !== null).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}

/** The explanations as text: a header per macro, then its dropped and kept rows in `format`. */
export function formatFilterExplanations(explanations: readonly FilterExplanation[], format: Exclude<OutputFormat, 'json' | 'splunk-json'>, tz: string): string {
  if (explanations.length === 0) return 'explain-filter: the search uses no *_filter macro and no macro defined with --macro/--macros.\n';
  return explanations
    .map((e) => {
      const head = `filter \`${e.macro}\` (${e.definedAt}; invoked at line ${e.invokedAt.line}, column ${e.invokedAt.column}): ${e.definition}\n`;
      if (e.insideCommand !== undefined) return `${head}  expands inside \`${e.insideCommand}\`, not as commands of its own: no results to compare.\n`;
      const count = `  reached ${e.reached!.rows.length}, dropped ${e.dropped!.rows.length}, kept ${e.kept!.rows.length}\n`;
      const section = (title: string, table: ResultTable): string =>
        `  ${title} (${table.rows.length}):\n` + (table.rows.length === 0 ? '' : indent(formatResults(table, format, { tz })));
      return head + count + section('dropped', e.dropped!) + section('kept', e.kept!);
    })
    .join('\n');
}

function indent(text: string): string {
  return text.replace(/^(?=.)/gm, '    ');
}

/** The explanations as JSON: result objects as `--format json` writes them. */
export function filterExplanationsJson(explanations: readonly FilterExplanation[], tz: string): unknown[] {
  const objects = (table: ResultTable | undefined): ResultObject[] | undefined =>
    table ? (JSON.parse(formatJson(table, { tz })) as ResultObject[]) : undefined;
  return explanations.map((e) => ({
    macro: e.macro,
    definedAt: e.definedAt,
    definition: e.definition,
    invokedAt: e.invokedAt,
    ...(e.insideCommand !== undefined
      ? { insideCommand: e.insideCommand }
      : { reached: objects(e.reached), dropped: objects(e.dropped), kept: objects(e.kept) }),
  }));
}

/**
 * What `spelunk run --explain-filter` prints: the explanations, then the search's results. In
 * json formats one document `{ filters, results }`; otherwise text sections.
 */
export function explainFilterOutput(
  session: Session,
  search: string,
  user: UserMacros,
  results: ResultTable,
  format: OutputFormat,
  tz: string,
): string {
  const explanations = explainFilters(session, search, user);
  if (format === 'json' || format === 'splunk-json') {
    const document = { filters: filterExplanationsJson(explanations, tz), results: JSON.parse(formatJson(results, { tz })) as unknown };
    return JSON.stringify(document, null, 2) + '\n';
  }
  return `${formatFilterExplanations(explanations, format, tz)}\nresults (${results.rows.length}):\n${formatResults(results, format, { tz })}`;
}
