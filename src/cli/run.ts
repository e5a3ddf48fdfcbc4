/**
 * `spelunk run [search]`: runs one search over the user's logs (or the bundled sample) and
 * prints the results.
 */
import { writeFileSync } from 'node:fs';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { SpelunkError } from '../core/errors.js';
import { bundled } from '../core/paths.js';
import { formatResults, OUTPUT_FORMATS, type OutputFormat } from '../format/index.js';
import { checkSearch, openSession, type SessionOptions } from '../index.js';
import { collect, exitQuietlyWhenOutputCloses, exitWithError } from './common.js';
import { MAX_MEMORY_HELP, parseMaxMemory } from './memory-option.js';
import { progressBar } from './progress.js';
import { readSearchArgument } from './search-input.js';
import { formatStagedResult, runWithStages } from '../explain/stages.js';

export interface RunFlags {
  data?: string[];
  macros?: string[];
  macro?: string[];
  format?: OutputFormat;
  tz: string;
  output?: string;
  quiet?: boolean;
  strict?: boolean;
  dedupEvents?: boolean;
  threads?: number;
  earliest?: string;
  latest?: string;
  now?: string;
  lookups?: string[];
  outputLookups?: string;
  stages?: boolean;
  stageRows?: number;
}

export async function runCommand(searchArgument: string | undefined, flags: RunFlags): Promise<void> {
  exitQuietlyWhenOutputCloses();
  const input = readSearchArgument(searchArgument ?? bundled.w3wpDetection());
  const sessionOptions: Omit<SessionOptions, 'store'> = {
    macros: flags.macros ?? [],
    inlineMacros: flags.macro ?? [],
    tz: flags.tz,
    lookups: flags.lookups ?? [],
    ...(flags.earliest !== undefined ? { earliest: flags.earliest } : {}),
    ...(flags.latest !== undefined ? { latest: flags.latest } : {}),
    ...(flags.now !== undefined ? { now: flags.now } : {}),
    ...(flags.outputLookups !== undefined ? { outputLookupDir: flags.outputLookups } : {}),
  };
  // Search mistakes are reported before a long ingest, not after it.
  checkSearch(input.text, sessionOptions);
  if ((flags.data ?? []).length === 0 && !flags.quiet) {
    process.stderr.write(`spelunk: no --data given: using the bundled sample (${bundled.sampleData()})\n`);
  }
  const bar = progressBar(!flags.quiet);
  const { session, report } = await openSession({
    ...sessionOptions,
    data: flags.data ?? [],
    ...(flags.strict ? { strict: true } : {}),
    ...(flags.dedupEvents ? { dedupEvents: true } : {}),
    ...(flags.threads !== undefined ? { threads: flags.threads } : {}),
    onProgress: (p) => bar.update(p),
    stdin: process.stdin,
  }).finally(() => bar.done());
  if (!flags.quiet) process.stderr.write(`spelunk: ${report.summary()}\n`);
  const staged = flags.stages ? runWithStages(session, input.text, { rows: flags.stageRows ?? 5, tz: flags.tz }) : undefined;
  const result = staged?.result ?? session.run(input.text);
  for (const warning of result.warnings) process.stderr.write(`spelunk: warning: ${warning}\n`);
  const format = flags.format ?? (process.stdout.isTTY ? 'table' : 'csv');
  const text = staged ? formatStagedResult(staged, format, flags.tz) : formatResults(result, format, { tz: flags.tz });
  if (flags.output) {
    try {
      writeFileSync(flags.output, text);
    } catch (error) {
      throw new SpelunkError('input', `cannot write ${flags.output}: ${error instanceof Error ? error.message : String(error)}`);
    }
  } else {
    process.stdout.write(text);
  }
}

export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description('run a search over process-creation logs and print the results')
    .argument('[search]', 'SPL text, or the path of a .spl file or a security_content detection .yml (default: the bundled W3WP detection)')
    .option('-d, --data <path>', 'a log file or folder (recursive, .gz read transparently); repeatable; - reads standard input (default: the bundled sample)', collect)
    .option('--macros <path>', 'a macros.conf, a macro .yml, or a folder of them, layered over the bundled macros; repeatable, later wins', collect)
    .option('--macro <NAME=DEFINITION>', 'define one macro inline, applied last; NAME(a,b)=... takes arguments $a$ and $b$; repeatable', collect)
    .option('--lookups <path>', 'a lookup folder (CSV files and their security_content YAML definitions), a .csv or a definition .yml, layered over the bundled lookups; repeatable, later wins', collect)
    .option('--output-lookups <dir>', 'the folder outputlookup may write CSV files to (without it, outputlookup is refused)')
    .addOption(new Option('-f, --format <format>', 'output format (default: table on a terminal, csv otherwise)').choices(OUTPUT_FORMATS))
    .option('--tz <zone>', 'IANA time zone for formatting times and snapping relative times', 'UTC')
    .option('--earliest <time>', 'start of the time range (inclusive), e.g. -24h@h, 2021-03-14T00:00:00Z, epoch seconds')
    .option('--latest <time>', 'end of the time range (exclusive), e.g. now, @d')
    .option('--now <time>', "the search's current time, for relative times (default: the clock)")
    .option('-o, --output <file>', 'write the results to a file instead of standard output')
    .option('-q, --quiet', 'no progress bar and no ingest summary on stderr')
    .option('--strict', 'fail if any input record is skipped (whatever the input: text, gzip, a binary or unreadable file)')
    .option('--dedup-events', 'index only the first copy of an event read twice (same channel, computer and EventRecordID), e.g. an .evtx and its XML export; by default both are indexed, as Splunk does, and the summary counts the copies')
    .option('--threads <n>', 'read several data files on N worker threads (default 1), e.g. --threads 2', (value: string) => {
      if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError('expected a whole number of threads, 1 or more.');
      return Number(value);
    })
    .option('--max-memory <MiB>', MAX_MEMORY_HELP, parseMaxMemory)
    .option('--debug', 'show stack traces for internal errors')
    .option('--stages', 'show what each command did: its result count, columns added and removed, time and first rows (json: a "stages" list)')
    .option('--stage-rows <n>', 'rows shown per stage with --stages (default 5)', (value: string) => {
      if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number of rows, 0 or more.');
      return Number(value);
    })
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  spelunk run                                   # the bundled W3WP detection over the bundled sample',
        '  spelunk run examples/w3wp_spawning_shell.yml --data ./sysmon-logs --format json',
        "  spelunk run examples/w3wp_spawning_shell.yml --data logs/ --macro 'w3wp_spawning_shell_filter=search NOT dest=IEWIN7'",
        "  spelunk run '| tstats count from datamodel=Endpoint.Processes by Processes.dest' --data logs/",
        '  spelunk run detection.yml --data logs/ --macros my_macros.conf --lookups my_lookups/ --output-lookups out/',
        '  spelunk run detection.yml --data logs/ --tz Europe/Paris --earliest -7d@d --latest @d --now 2024-05-01T12:00:00Z',
        '  spelunk run detection.yml --data a.log --data b.log.gz --threads 2 --format csv --output results.csv --quiet',
        '  zcat logs.json.gz | spelunk run detection.yml --data - --strict',
        '  spelunk run detection.yml --data case-folder/ --dedup-events          # the folder holds .evtx files and their XML exports',
      ].join('\n'),
    )
    .action(async (search: string | undefined, flags: RunFlags) => {
      try {
        await runCommand(search, flags);
      } catch (error) {
        exitWithError(error);
      }
    });
}
