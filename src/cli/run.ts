/**
 * `spelunk run [search]`: runs one search over the user's logs (or the bundled sample) and
 * prints the results.
 */
import { performance } from 'node:perf_hooks';
import { InvalidArgumentError, type Command } from 'commander';
import { bundled } from '../core/paths.js';
import { footerLine, warningMessages } from '../format/index.js';
import { checkSearch, openSession, type Session, type SessionOptions } from '../index.js';
import { exitQuietlyWhenOutputCloses, exitWithError } from './common.js';
import { MAX_MEMORY_HELP, parseMaxMemory } from './memory-option.js';
import { writeNote } from './messages.js';
import {
  addOutputOptions,
  addSearchOptions,
  dataOptionsFromFlags,
  noteBundledSample,
  sessionOptionsFromFlags,
  type OutputFlags,
  type SharedFlags,
} from './options.js';
import { chooseFormat, writeResults, writeText } from './output.js';
import { formatStagedResult, runWithStages } from '../explain/stages.js';
import { progressBar } from './progress.js';
import { readSearchArgument } from './search-input.js';
import { explainFilterOutput } from '../tune/explain-filter.js';
import { tuneWarnings } from '../tune/warnings.js';

export interface RunFlags extends SharedFlags, OutputFlags {
  tz: string;
  explainFilter?: boolean;
  stages?: boolean;
  stageRows?: number;
}

/** The options of the session the search runs in (macros, lookups, time range). */
export function runSessionOptions(flags: RunFlags): Omit<SessionOptions, 'store' | 'datasets'> {
  return sessionOptionsFromFlags(flags);
}

/** Reads the data (with a progress bar and the ingest summary on stderr) into a session. */
async function openRunSession(sessionOptions: Omit<SessionOptions, 'store' | 'datasets'>, flags: RunFlags): Promise<Session> {
  noteBundledSample(flags);
  const bar = progressBar(!flags.quiet);
  const { session, report } = await openSession({
    ...sessionOptions,
    ...dataOptionsFromFlags(flags),
    onProgress: (p) => bar.update(p),
  }).finally(() => bar.done());
  if (!flags.quiet) writeNote(report.summary());
  return session;
}

export async function runCommand(searchArgument: string | undefined, flags: RunFlags): Promise<void> {
  const started = performance.now();
  exitQuietlyWhenOutputCloses();
  const input = readSearchArgument(searchArgument ?? bundled.w3wpDetection());
  const sessionOptions = runSessionOptions(flags);
  // Search mistakes are reported before a long ingest, not after it.
  checkSearch(input.text, sessionOptions);
  const session = await openRunSession(sessionOptions, flags);
  const staged = flags.stages ? runWithStages(session, input.text, { rows: flags.stageRows ?? 5, tz: flags.tz }) : undefined;
  const result = staged?.result ?? session.run(input.text);
  result.warnings.push(...tuneWarnings(session, input.text, sessionOptions));
  for (const warning of result.warnings) writeNote(`warning: ${warning}`);
  if (staged) writeText(formatStagedResult(staged, chooseFormat(flags), flags.tz), flags);
  else if (flags.explainFilter) writeText(explainFilterOutput(session, input.text, sessionOptions, result, chooseFormat(flags), flags.tz), flags);
  else writeResults(result, flags, { tz: flags.tz, messages: warningMessages(result.warnings) });
  if (!flags.quiet) writeNote(footerLine({ results: result.rows.length, seconds: (performance.now() - started) / 1000 }));
}

// --stages (teach): the stage report and results, to --output or standard output.
function parseStageRows(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number of rows, 0 or more.');
  return Number(value);
}

export function registerRunCommand(program: Command): void {
  const command = program
    .command('run')
    .description('run a search over your logs and print the results')
    .argument('[search]', 'SPL text, or the path of a .spl file or a security_content detection .yml (default: the bundled W3WP detection)');
  addSearchOptions(command);
  addOutputOptions(command);
  command
    .option('--explain-filter', 'for each *_filter macro and each --macro/--macros definition the search uses, print the results that reached it, the ones it dropped and the ones it kept, then the results')
    .option('--max-memory <MiB>', MAX_MEMORY_HELP, parseMaxMemory)
    .option('--stages', 'show what each command did: its result count, columns added and removed, time and first rows (json: a "stages" list)')
    .option('--stage-rows <n>', 'rows shown per stage with --stages (default 5)', parseStageRows)
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  spelunk run               # the bundled W3WP detection over the bundled sample',
        '  spelunk run examples/w3wp_spawning_shell.yml --data ./sysmon-logs -f json',
        '  spelunk run detection.yml --data logs/ \\',
        "      --macro 'w3wp_spawning_shell_filter=search NOT dest=IEWIN7'",
        "  spelunk run '| tstats count from datamodel=Endpoint.Processes' --data logs/",
        '  spelunk run detection.yml --data logs/ --macros my_macros.conf \\',
        '      --lookups my_lookups/ --output-lookups out/',
        '  spelunk run detection.yml --data logs/ --tz Europe/Paris \\',
        '      --earliest -7d@d --latest @d --now 2024-05-01T12:00:00Z',
        '  spelunk run detection.yml -d a.log -d b.log.gz --threads 2 -o results.csv -q',
        "  spelunk run detection.yml -d logs/ -f splunk-json   # Splunk's REST document",
        '  spelunk run detection.yml -d logs/ --vertical       # one record per result',
        '  zcat logs.json.gz | spelunk run detection.yml --data - --strict',
        '  spelunk run detection.yml -d case/ --dedup-events   # .evtx and XML exports',
        '',
        'Output: a table fitted to the terminal (or $COLUMNS, or 80 columns; --wide: no',
        'limit). Long cells wrap at word boundaries and end in an ellipsis past 6 lines;',
        'when no table fits, one record per result. --format json is a bare array of',
        'result objects (as in earlier versions); splunk-json the whole REST document,',
        'with the warnings in "messages". On stderr: the ingest summary, warnings, and',
        'a footer with the result count and time.',
      ].join('\n'),
    )
    .action(async (search: string | undefined, flags: RunFlags) => {
      try {
        await runCommand(search, flags);
      } catch (error) {
        exitWithError(error, 'run');
      }
    });
}
