/**
 * What `parse --explain` says about each command, one entry per command name. An entry adds the
 * command's expressions with their grouping made explicit, its functions, the fields it creates
 * and notes; the sentence comes from the command's own `explain` (its file knows its options)
 * unless the entry gives one. A command without an entry is still explained, from its file's
 * `explain` note or `summary` (src/explain/explain.ts).
 */
import { childrenOf, type CommandNodeBase, type EvalExpr, type SearchExpr } from '../parse/ast.js';
import type { ConvertNode } from '../commands/convert.js';
import type { EvalNode } from '../commands/eval.js';
import type { EventstatsNode } from '../commands/eventstats.js';
import type { InputlookupNode } from '../commands/inputlookup.js';
import type { JoinNode } from '../commands/join.js';
import type { LookupNode } from '../commands/lookup.js';
import type { RegexNode } from '../commands/regex.js';
import type { RenameNode } from '../commands/rename.js';
import type { RexNode } from '../commands/rex.js';
import type { SearchNode } from '../commands/search.js';
import type { StatsNode } from '../commands/stats.js';
import type { StreamstatsNode } from '../commands/streamstats.js';
import type { TstatsNode } from '../commands/tstats.js';
import type { WhereNode } from '../commands/where.js';
import type { StatsAggregate } from '../stats/stats-syntax.js';
import { renderSearchExpr } from '../search/explain.js';
import { renderEvalExpr } from './eval-render.js';
import { searchGroupingOf, whereGroupingOf } from './grouping.js';

/** One line of detail: `label text`, e.g. `where a=1 OR (b=2 AND c=3)`. */
export interface ExplainDetail {
  label: string;
  text: string;
}

/** A statistical function: what it computes, over which field or expression, into which column. */
export interface ExplainedFunction {
  function: string;
  field?: string;
  expression?: string;
  output: string;
}

/** What an entry adds to a command's explanation. */
export interface CommandFacts {
  sentence?: string;
  details?: ExplainDetail[];
  functions?: ExplainedFunction[];
  /** Fields the command creates or overwrites. */
  creates?: string[];
  notes?: string[];
}

export type Explainer = (node: CommandNodeBase, text: string) => CommandFacts;

const SEARCH_VS_WHERE =
  'search binds OR tighter than AND; where and eval bind AND tighter than OR (https://docs.splunk.com/Documentation/Splunk/9.4.0/Search/Booleanexpressions)';

/** The outermost AND/OR expressions inside `expr`: each is a boolean the reader may misgroup. */
function booleansIn(expr: EvalExpr): EvalExpr[] {
  if (expr.kind === 'binary' && (expr.op === 'AND' || expr.op === 'OR')) return [expr];
  return childrenOf(expr).flatMap(booleansIn);
}

function whereNote(expr: EvalExpr, text: string): string[] {
  return booleansIn(expr).flatMap((inner) => {
    const other = searchGroupingOf(inner, text);
    return other === undefined ? [] : [`${renderEvalExpr(inner)}: the same text in search would mean ${other}: ${SEARCH_VS_WHERE}`];
  });
}

function searchNotes(expr: SearchExpr | undefined, text: string): string[] {
  const other = expr ? whereGroupingOf(expr, text) : undefined;
  return other === undefined ? [] : [`the same text in where or eval would mean ${other}: ${SEARCH_VS_WHERE}`];
}

function statsFunction(aggregate: StatsAggregate): ExplainedFunction {
  return {
    function: aggregate.fn,
    ...(aggregate.field !== undefined ? { field: aggregate.field } : {}),
    ...(aggregate.expression ? { expression: renderEvalExpr(aggregate.expression) } : {}),
    output: aggregate.column,
  };
}

function functionDetail(fn: ExplainedFunction): ExplainDetail {
  const over = fn.expression !== undefined ? `(eval(${fn.expression}))` : fn.field !== undefined ? `(${fn.field})` : '';
  const over2 = fn.expression !== undefined ? ` over the expression ${fn.expression}` : fn.field !== undefined ? ` of ${fn.field}` : ' of the results';
  return { label: 'function', text: `${fn.function}${over} → ${fn.output}: ${fn.function}${over2}` };
}

function statsFacts(aggregates: readonly StatsAggregate[], by: readonly string[]): CommandFacts {
  const functions = aggregates.map(statsFunction);
  return {
    functions,
    details: [...functions.map(functionDetail), ...(by.length > 0 ? [{ label: 'by', text: by.join(', ') }] : [])],
    creates: functions.map((f) => f.output),
  };
}

/** An example of what a wildcard rename does: the `*` part of a field carried over. */
function renameExample(from: string, to: string): string {
  if (!from.includes('*')) return `${from} becomes ${to}`;
  const samples = ['process_name', 'dest', 'user'];
  let i = 0;
  const fill = (pattern: string, parts: string[]): string => pattern.replace(/\*/g, () => parts[i++ % parts.length]!);
  const parts = samples.slice(0, (from.match(/\*/g) ?? []).length);
  i = 0;
  const before = fill(from, parts);
  i = 0;
  const after = fill(to, parts);
  return `every field matching ${from} is renamed, the text * matched carried into ${to}: ${before} becomes ${after}`;
}

/** The regex as written: the first quoted argument that is not an option's value. */
function writtenRegex(node: CommandNodeBase, text: string, afterEquals = false): string | undefined {
  const source = text.slice(node.span.start, node.span.end);
  const pattern = afterEquals ? /(?:^|\s|=)("(?:[^"\\]|\\.)*")/s : /(?:^|\s)("(?:[^"\\]|\\.)*")/s;
  const match = pattern.exec(source.slice(source.indexOf(' ')));
  return match?.[1]?.slice(1, -1);
}

export const EXPLAINERS: Readonly<Record<string, Explainer>> = {
  eval(node, text) {
    const { assignments } = node as EvalNode;
    return {
      sentence: `Sets ${assignments.map((a) => a.field).join(', ')} on every result from eval expressions, left to right (a later expression sees the earlier ones' values).`,
      details: assignments.map((a) => ({ label: `${a.field} =`, text: renderEvalExpr(a.expression) })),
      creates: assignments.map((a) => a.field),
      notes: assignments.flatMap((a) => whereNote(a.expression, text)),
    };
  },
  where(node, text) {
    const { expression } = node as WhereNode;
    return {
      sentence: 'Keeps the results for which the eval expression is true: NOT binds tightest, then AND, then OR; string comparisons are case-sensitive.',
      details: [{ label: 'where', text: renderEvalExpr(expression) }],
      notes: whereNote(expression, text),
    };
  },
  search(node, text) {
    const { expression } = node as SearchNode;
    return {
      sentence: 'Keeps the results matching the search expression: NOT binds the next term, then OR, then AND (explicit or implied); field values match case-insensitively, with * wildcards.',
      details: [{ label: 'search', text: renderSearchExpr(expression) }],
      notes: searchNotes(expression, text),
    };
  },
  stats(node) {
    const { aggregates, by } = node as StatsNode;
    return {
      ...statsFacts(aggregates, by),
      sentence:
        `Replaces the results with one row ${by.length > 0 ? `per combination of ${by.join(', ')} (rows where a BY field is null are dropped)` : 'for all of them'}, ` +
        `holding ${aggregates.map((a) => a.column).join(', ')}.`,
    };
  },
  eventstats(node) {
    const { aggregates, by } = node as EventstatsNode;
    return {
      ...statsFacts(aggregates, by),
      sentence: `Adds ${aggregates.map((a) => a.column).join(', ')} to every result, computed over ${by.length > 0 ? `the results with the same ${by.join(', ')}` : 'all the results'}; no result is removed.`,
    };
  },
  streamstats(node) {
    const { aggregates, by, window } = node as StreamstatsNode;
    return {
      ...statsFacts(aggregates, by),
      sentence:
        `Adds running ${aggregates.map((a) => a.column).join(', ')} to each result in order, over ${window > 0 ? `the last ${window} results` : 'the results so far'}` +
        `${by.length > 0 ? ` with the same ${by.join(', ')}` : ''}.`,
    };
  },
  tstats(node, text) {
    const tstats = node as TstatsNode;
    const functions: ExplainedFunction[] = tstats.aggregates.map((a) => ({ function: a.fn, ...(a.field !== undefined ? { field: a.field } : {}), output: a.column }));
    const fill = tstats.options['fillnull_value'];
    const by = tstats.by.map((b) => b.field);
    return {
      sentence:
        `Reads the data model ${tstats.datamodel?.spec ?? '(none given)'}${tstats.where ? ' where the search expression holds' : ''} and computes ${functions.map((f) => f.output).join(', ')}` +
        `${by.length > 0 ? ` per combination of ${by.join(', ')}` : ''}` +
        `${by.length > 0 ? (fill === undefined ? '; rows with a null BY field are dropped' : `; null BY fields become "${fill}"`) : ''}.`,
      functions,
      details: [
        ...(tstats.where ? [{ label: 'where', text: renderSearchExpr(tstats.where) }] : []),
        ...functions.map(functionDetail),
        ...(by.length > 0 ? [{ label: 'by', text: by.join(', ') }] : []),
        ...(tstats.timeSpan ? [{ label: 'span', text: tstats.timeSpan.text }] : []),
      ],
      creates: [...by, ...functions.map((f) => f.output)],
      notes: searchNotes(tstats.where, text),
    };
  },
  rex(node, text) {
    const rex = node as RexNode;
    const regex = writtenRegex(node, text) ?? rex.regex?.source ?? '';
    if (rex.sed) {
      return {
        sentence: `Edits the value of ${rex.field} in place with a sed expression (${rex.sed.kind === 's' ? 'substitute' : 'transliterate'}).`,
        details: [{ label: 'sed', text: regex }],
        creates: [rex.field],
      };
    }
    return {
      sentence:
        `Matches the regular expression against ${rex.field} and sets a field for each named group: ${rex.groups.join(', ') || '(none)'}` +
        `${rex.maxMatch === 1 ? '' : `; up to ${rex.maxMatch === 0 ? 'every' : rex.maxMatch} match${rex.maxMatch === 0 ? '' : 'es'}, as multivalues`}; a result that does not match keeps its fields.`,
      details: [
        { label: 'regex', text: regex },
        { label: 'field', text: rex.field },
        ...rex.groups.map((g) => ({ label: 'creates', text: `${g} from the group (?<${g}>...)` })),
      ],
      creates: rex.groups,
    };
  },
  lookup(node) {
    const lookup = node as LookupNode;
    const inputs = lookup.inputs.map((p) => (p.lookupField === p.eventField ? p.lookupField : `${p.lookupField} (the results' ${p.eventField})`));
    const outputs = lookup.outputs?.map((p) => (p.lookupField === p.eventField ? p.lookupField : `${p.lookupField} as ${p.eventField}`));
    return {
      sentence:
        `For each result, finds the rows of the lookup '${lookup.table}' whose ${inputs.join(', ')} match, and ` +
        `${outputs ? `${lookup.mode === 'OUTPUT' ? 'sets' : 'fills, where absent,'} ${outputs.join(', ')}` : 'adds every other field of the table'} from them.`,
      details: [
        { label: 'input', text: inputs.join(', ') },
        { label: lookup.mode === 'OUTPUT' ? 'output' : 'outputnew', text: outputs ? outputs.join(', ') : '(every other field of the table)' },
      ],
      creates: lookup.outputs?.map((p) => p.eventField) ?? [],
    };
  },
  rename(node) {
    const { pairs } = node as RenameNode;
    return {
      sentence: `Renames ${pairs.map((p) => `${p.from} to ${p.to}`).join(', ')}; the values stay the same.`,
      details: pairs.map((p) => ({ label: 'rename', text: renameExample(p.from, p.to) })),
    };
  },
  convert(node) {
    const { conversions, timeformat } = node as ConvertNode;
    return {
      sentence: `Converts ${conversions.map((c) => `${c.field} with ${c.fn}()${c.as ? ` into ${c.as}` : ''}`).join(', ')}.`,
      details: conversions.map((c) => ({
        label: c.fn,
        text: `${c.field}${c.as ? ` → ${c.as}` : ' in place'}${c.fn === 'ctime' || c.fn === 'mktime' ? ` (format ${timeformat})` : ''}`,
      })),
      creates: conversions.map((c) => c.as ?? c.field),
    };
  },
  regex(node, text) {
    const regex = node as RegexNode;
    return {
      sentence: `Keeps the results whose ${regex.field} ${regex.negated ? 'does not match' : 'matches'} the regular expression.`,
      details: [{ label: 'regex', text: writtenRegex(node, text, true) ?? regex.regex.source }],
    };
  },
  inputlookup(node) {
    const input = node as InputlookupNode;
    return {
      sentence: `${input.append ? 'Adds' : 'Returns'} the rows of the lookup '${input.table}'${input.where ? ' that match the search expression' : ''}.`,
      details: input.where ? [{ label: 'where', text: renderSearchExpr(input.where) }] : [],
    };
  },
  join(node) {
    const join = node as JoinNode;
    const on = join.fields.length > 0 ? join.fields.join(', ') : 'every field the two share';
    return {
      sentence:
        `Runs the subsearch first, then combines each result with the subsearch results that have the same ${on} ` +
        `(${join.type} join: ${join.type === 'inner' ? 'a result without a match is dropped' : 'a result without a match is kept'}; ${join.max === 0 ? 'every match' : `at most ${join.max} match${join.max === 1 ? '' : 'es'}`}).`,
      details: [{ label: 'on', text: on }],
    };
  },
  append() {
    return { sentence: 'Runs the subsearch and adds its results after the current ones.' };
  },
};
