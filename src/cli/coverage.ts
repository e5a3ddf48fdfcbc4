/**
 * `spelunk coverage [PATH...]`: runs every detection found under PATH over the data and reports
 * which run, which need a feature spelunk lacks, and which fail.
 */
import type { Command } from 'commander';
import { SpelunkError } from '../core/errors.js';
import { bundled } from '../core/paths.js';
import { collectSearches, finalLine, formatJsonReport, formatTextReport, runCoverage, summarize } from '../coverage/index.js';
import { openSession } from '../index.js';
import { exitWithError } from './common.js';
import { writeNote } from './messages.js';
import { addFormatOption, addSearchOptions, dataOptionsFromFlags, noteBundledSample, sessionOptionsFromFlags, type SharedFlags } from './options.js';
import { progressBar } from './progress.js';

interface CoverageFlags extends SharedFlags {
  format: 'text' | 'json';
}

async function coverageCommand(paths: string[], flags: CoverageFlags): Promise<void> {
  const searches = collectSearches(paths.length > 0 ? paths : [bundled.w3wpDetection()]);
  if (searches.length === 0) throw new SpelunkError('usage', `coverage: no searches found in ${paths.join(', ')}`);
  noteBundledSample(flags);
  const bar = progressBar(!flags.quiet);
  const { session, report } = await openSession({
    ...sessionOptionsFromFlags(flags),
    ...dataOptionsFromFlags(flags),
    onProgress: (p) => bar.update(p),
  }).finally(() => bar.done());
  if (!flags.quiet) writeNote(report.summary());
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
  const command = program
    .command('coverage')
    .description('run many detections over the data and report which run, which find no data, which are unsupported (and why), and which fail')
    .argument('[path...]', 'detection YAML folders (recursive), detection .yml files, or text files of name<TAB>search lines (default: the bundled W3WP detection)');
  addSearchOptions(command);
  addFormatOption(command, ['text', 'json'], { value: 'text' });
  command
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
        '  spelunk coverage detections/ --data logs/ --earliest 2024-05-01T00:00:00Z --latest now --macros my_macros.conf',
      ].join('\n'),
    )
    .action(async (paths: string[], flags: CoverageFlags) => {
      try {
        await coverageCommand(paths, flags);
      } catch (error) {
        exitWithError(error, 'coverage');
      }
    });
}
