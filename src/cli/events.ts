/**
 * `spelunk events`: the events spelunk read from the user's logs, newest first, or with
 * `--fields` the fields sidebar of Splunk's event view (each field, how many events have it,
 * how many distinct values).
 */
import { Command, Option } from 'commander';
import { SpelunkError } from '../core/errors.js';
import type { ResultTable, Row } from '../core/values.js';
import { eventTable, fieldsOf, matchingEvents } from '../events/search.js';
import type { EventStore } from '../events/store.js';
import { formatResults, OUTPUT_FORMATS, type OutputFormat } from '../format/index.js';
import { loadDatasets } from '../ingest/index.js';
import type { SearchExpr } from '../parse/ast.js';
import { parseSearchExpression } from '../commands/index.js';
import { collect, exitWithError } from './common.js';
import { progressBar } from './progress.js';
import { SHARED_HELP } from './options.js';

interface EventsFlags {
  data?: string[];
  source?: string[];
  search?: string;
  fields?: boolean;
  head?: string;
  format: OutputFormat;
  strict?: boolean;
  quiet?: boolean;
}

function parseHead(text: string | undefined): number {
  if (text === undefined) return Infinity;
  if (!/^\d+$/.test(text)) throw new SpelunkError('usage', `--head needs a whole number of events, got '${text}'`);
  return Number(text);
}

/** The events' filter: `--source` values (wildcards allowed, ORed) and `--search`, ANDed. */
function filterOf(flags: EventsFlags): SearchExpr | undefined {
  const parts: string[] = [];
  if (flags.source && flags.source.length > 0) parts.push(`(${flags.source.map((s) => `source="${s.replace(/(["\\])/g, '\\$1')}"`).join(' OR ')})`);
  if (flags.search !== undefined) parts.push(`(${flags.search})`);
  return parts.length === 0 ? undefined : parseSearchExpression(parts.join(' '));
}

/** One row per field the events have: how many events have it, and how many distinct values. */
export function fieldsSidebar(store: EventStore, rows: Uint32Array): ResultTable {
  const result: Row[] = [];
  for (const field of fieldsOf(store, rows)) {
    if (field === '_raw' || field === '_time') continue;
    const column = store.column(field);
    if (!column) continue;
    let count = 0;
    const distinct = new Set<number>();
    for (const row of rows) {
      const id = column.ids[row]!;
      if (id === 0) continue;
      count++;
      distinct.add(id);
    }
    result.push(new Map<string, string | number>([['field', field], ['count', count], ['distinct_values', distinct.size]]));
  }
  return { columns: ['field', 'count', 'distinct_values'], rows: result };
}

async function runEvents(flags: EventsFlags): Promise<void> {
  if ((flags.data ?? []).length === 0) throw new SpelunkError('usage', 'events needs --data PATH (a log file, a folder, or - for stdin)');
  const head = parseHead(flags.head);
  const filter = filterOf(flags);
  const bar = progressBar(!flags.quiet);
  const { events, report } = await loadDatasets(flags.data ?? [], { strict: flags.strict ?? false, onProgress: (p) => bar.update(p) });
  bar.done();
  if (!flags.quiet) process.stderr.write(`${report.summary()}\n`);
  const rows = matchingEvents(filter, events, { now: Date.now() / 1000, tz: 'UTC' });
  if (flags.fields) {
    process.stdout.write(formatResults(fieldsSidebar(events, rows), flags.format));
    return;
  }
  const table = eventTable(events, rows).head(head === Infinity ? rows.length : head);
  const columns = ['_time', 'host', 'source', 'sourcetype', '_raw'];
  process.stdout.write(formatResults({ columns, rows: table.project(columns).rows }, flags.format));
}

export function registerEventsCommand(program: Command): void {
  program
    .command('events')
    .description("show the events spelunk reads from your logs, newest first, or their fields (Splunk's event view and fields sidebar)")
    .option('-d, --data <path>', SHARED_HELP.data, collect)
    .option('--source <source>', 'only events of this source (wildcards allowed; repeatable, any of them)', collect)
    .option('--search <expression>', 'only events matching this search expression (e.g. "EventCode=4104")')
    .option('--fields', 'show each field, how many events have it and how many distinct values it has')
    .option('--head <n>', 'show only the newest N events')
    .addOption(new Option('--format <format>', 'output format').choices([...OUTPUT_FORMATS]).default('table'))
    .option('--strict', SHARED_HELP.strict)
    .option('-q, --quiet', SHARED_HELP.quiet)
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  spelunk events --data logs/ --head 5                       # the five newest events',
        "  spelunk events --data logs/ --source 'XmlWinEventLog:Microsoft-Windows-PowerShell/*' --fields",
        '  spelunk events --data Security.evtx --search "EventCode=4624 Logon_Type=3" --format json',
      ].join('\n'),
    )
    .action(async (flags: EventsFlags) => {
      try {
        await runEvents(flags);
      } catch (error) {
        exitWithError(error);
      }
    });
}
