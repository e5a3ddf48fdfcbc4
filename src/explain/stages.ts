/**
 * `run --stages`: what each command of the expanded pipeline did to the results, in the manner
 * of Splunk's Job Inspector (https://docs.splunk.com/Documentation/Splunk/latest/Search/ViewsearchjobpropertieswiththeJobInspector):
 * the command, how many results it handed on, the columns it added and removed, the time it
 * took, its first rows, and the stages of the subsearches it ran, nested under it.
 */
import type { ResultTable } from '../core/values.js';
import type { StageObserver } from '../exec/execute.js';
import { cellStrings } from '../format/cells.js';
import { formatResults, type OutputFormat } from '../format/index.js';
import { formatJson, splunkResultsDocument, type ResultObject } from '../format/json.js';
import type { PlanStep } from '../plan/plan.js';
import type { SearchResult, Session } from '../session.js';

export interface Stage {
  /** 1-based position in its pipeline. */
  position: number;
  command: string;
  /** The command as it stands in the expanded search. */
  source: string;
  /** Results handed on to the next command. */
  count: number;
  columns: string[];
  added: string[];
  removed: string[];
  milliseconds: number;
  /** The first rows (`rows` option), each value as the output formats show it. */
  rows: ResultObject[];
  /** The stages of each subsearch this command ran, in the order it ran them. */
  subsearches: Stage[][];
}

export interface StageOptions {
  /** How many rows of each stage to keep (default 5). */
  rows?: number;
  /** IANA zone for `_time` in the rows; default UTC. */
  tz?: string;
}

export interface StagedResult {
  result: SearchResult;
  stages: Stage[];
}

/** The first `count` results as objects: every column in order, null fields left out. */
export function rowObjects(table: ResultTable, count: number, tz = 'UTC'): ResultObject[] {
  return table.rows.slice(0, count).map((row) => {
    const object: ResultObject = {};
    for (const column of table.columns) {
      const strings = cellStrings(column, row.get(column), { tz });
      if (strings.length > 0) object[column] = strings.length > 1 ? strings : strings[0]!;
    }
    return object;
  });
}

/**
 * Collects the stages of one pipeline. Subsearches run inside a command of their parent, and the
 * session hands every subsearch to the observer it was given, so the collectors share one stack:
 * a subsearch belongs to the innermost pipeline whose command is running.
 */
class StageCollector implements StageObserver {
  readonly stages: Stage[] = [];
  private previous: readonly string[] = [];
  private pendingSubsearches: Stage[][] = [];

  constructor(
    private readonly text: string,
    private readonly options: Required<StageOptions>,
    private readonly running: StageCollector[],
  ) {}

  start(): void {
    this.running.push(this);
    this.pendingSubsearches = [];
  }

  end(index: number, step: PlanStep, output: ResultTable, milliseconds: number): void {
    this.running.pop();
    const columns = [...output.columns];
    const before = new Set(this.previous);
    const after = new Set(columns);
    this.stages.push({
      position: index + 1,
      command: step.node.name,
      source: this.text.slice(step.node.span.start, step.node.span.end),
      count: output.rows.length,
      columns,
      added: columns.filter((c) => !before.has(c)),
      removed: this.previous.filter((c) => !after.has(c)),
      milliseconds,
      rows: rowObjects(output, this.options.rows, this.options.tz),
      subsearches: this.pendingSubsearches,
    });
    this.previous = columns;
  }

  subsearch(): StageObserver {
    const parent = this.running.at(-1) ?? this;
    const child = new StageCollector(this.text, this.options, this.running);
    parent.pendingSubsearches.push(child.stages);
    return child;
  }
}

/** Runs the search with its stages recorded. */
export function runWithStages(session: Session, search: string, options: StageOptions = {}): StagedResult {
  const expanded = session.expand(search).text;
  const collector = new StageCollector(expanded, { rows: options.rows ?? 5, tz: options.tz ?? 'UTC' }, []);
  const result = session.run(search, collector);
  return { result, stages: collector.stages };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The stages as text: a paragraph per command, its first rows as `field=value` lines. */
export function stageLines(stages: readonly Stage[], indent = ''): string[] {
  const lines: string[] = [];
  for (const stage of stages) {
    const changes = [
      ...(stage.added.length > 0 ? [`+${stage.added.join(' +')}`] : []),
      ...(stage.removed.length > 0 ? [`-${stage.removed.join(' -')}`] : []),
    ];
    lines.push(
      `${indent}stage ${stage.position}: | ${stage.source}`,
      `${indent}  ${plural(stage.count, 'result')}, ${stage.milliseconds.toFixed(1)} ms; columns ${changes.length > 0 ? changes.join(' ') : 'unchanged'}`,
    );
    for (const sub of stage.subsearches) {
      lines.push(`${indent}  subsearch:`);
      lines.push(...stageLines(sub, `${indent}    `));
    }
    stage.rows.forEach((row, i) => {
      const cells = Object.entries(row).map(([field, value]) => `${field}=${Array.isArray(value) ? `[${value.join(', ')}]` : value}`);
      lines.push(`${indent}  row ${i + 1}: ${cells.join('  ')}`);
    });
    if (stage.count > stage.rows.length) lines.push(`${indent}  (${plural(stage.count - stage.rows.length, 'more result')})`);
  }
  return lines;
}

/**
 * The output of `run --stages`: for json, one document `{ results, stages }`; for splunk-json,
 * Splunk's document with a `stages` member; otherwise the stage report, then the results.
 */
export function formatStagedResult(staged: StagedResult, format: OutputFormat, tz = 'UTC'): string {
  const { result, stages } = staged;
  if (format === 'json') return `${JSON.stringify({ results: JSON.parse(formatJson(result, { tz })) as ResultObject[], stages }, null, 2)}\n`;
  if (format === 'splunk-json') return `${JSON.stringify({ ...splunkResultsDocument(result, { tz }), stages })}\n`;
  return `${stageLines(stages).join('\n')}\n\nresults:\n${formatResults(result, format, { tz })}`;
}
