/**
 * `spelunk coverage [PATH...]`: runs every detection found under PATH over the data and reports
 * which run, which need a feature spelunk lacks, and which fail.
 */
import { Option, type Command } from 'commander';
import { SpelunkError } from '../core/errors.js';
import { bundled } from '../core/paths.js';
import { collectSearches, finalLine, formatJsonReport, formatTextReport, runCoverage, summarize } from '../coverage/index.js';
import { openSession } from '../index.js';
import { collect, exitWithError } from './common.js';

interface CoverageFlags {
  data?: string[];
  macros?: string[];
  lookups?: string[];
  format: 'text' | 'json';
  tz: string;
  now?: string;
  quiet?: boolean;
}

async function coverageCommand(paths: string[], flags: CoverageFlags): Promise<void> {
  const searches = collectSearches(paths.length > 0 ? paths : [bundled.w3wpDetection()]);
  if (searches.length === 0) throw new SpelunkError('usage', `coverage: no searches found in ${paths.join(', ')}`);
  const { session, report } = await openSession({
    data: flags.data,
    macros: flags.macros,
    lookups: flags.lookups,
    tz: flags.tz,
    ...(flags.now !== undefined ? { now: flags.now } : {}),
  });
  if (!flags.quiet) process.stderr.write(`spelunk: ${report.summary()}\n`);
  const results = runCoverage(searches, session);
  if (flags.format === 'json') {
    process.stdout.write(formatJsonReport(results));
    // stdout stays one JSON document; the summary line goes to stderr for people and CI logs.
    process.stderr.write(`${finalLine(summarize(results))}\n`);
  } else {
    process.stdout.write(formatTextReport(results));
  }
}

export function registerCoverageCommand(program: Command): void {
  program
    .command('coverage')
    .description('run many detections over the data and report which run, which find no data, which are unsupported (and why), and which fail')
    .argument('[path...]', 'detection YAML folders (recursive), detection .yml files, or text files of name<TAB>search lines (default: the bundled W3WP detection)')
    .option('-d, --data <path>', 'a log file or folder; repeatable (default: the bundled sample)', collect)
    .option('--macros <path>', 'macros layered over the bundled ones; repeatable, later wins', collect)
    .option('--lookups <path>', 'a lookup folder (CSV files and their YAML definitions) layered over the bundled lookups; repeatable, later wins', collect)
    .addOption(new Option('-f, --format <format>', 'report format').choices(['text', 'json']).default('text'))
    .option('--tz <zone>', 'IANA time zone', 'UTC')
    .option('--now <time>', "the searches' current time, for relative times (default: the clock)")
    .option('-q, --quiet', 'no ingest summary on stderr')
    .option('--debug', 'show stack traces for internal errors')
    .addHelpText(
      'after',
      [
        '',
        'Each search is reported as ok (with its row count), no data (it ran, but every dataset it reads is',
        'empty: the line names them), unsupported (naming the command or function spelunk lacks) or error',
        '(with the message). Deprecated detections (in a deprecated/ folder or with status: deprecated) are',
        'run and listed but counted apart. The report ends with a summary by status, the missing features by',
        'number of searches they would unlock, and the line',
        '  parsed P/N, executed E/N, unsupported U/N, errors X/N, no data D/N',
        'where the no data searches are among the executed ones.',
        'With --format json, standard output is one JSON document and that line goes to standard error.',
        '',
        'Examples:',
        '  spelunk coverage security_content/detections/endpoint --data logs/',
        '  spelunk coverage searches.tsv --format json > coverage.json',
      ].join('\n'),
    )
    .action(async (paths: string[], flags: CoverageFlags) => {
      try {
        await coverageCommand(paths, flags);
      } catch (error) {
        exitWithError(error);
      }
    });
}
