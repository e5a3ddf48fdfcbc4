/**
 * `spelunk test DETECTION.yml|TEST.yml|FOLDER... [--attack-data DIR]`: replays detections' own
 * `tests:` as contentctl does, and runs the cases of `<detection>.test.yml` files. Exit code 0
 * when no test failed, 1 when one did, 2 for bad usage.
 */
import { writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { SpelunkError } from '../core/errors.js';
import { junitXml } from '../tune/junit.js';
import { runTests, summarize, summaryLine, type TestOutcome } from '../tune/run-tests.js';
import { collect, exitQuietlyWhenOutputCloses, exitWithError } from './common.js';

interface TestFlags {
  attackData?: string;
  junit?: string;
  format?: 'text' | 'json';
  macros?: string[];
  macro?: string[];
  lookups?: string[];
  tz: string;
  quiet?: boolean;
}

const STATUS_WIDTH = 'skipped'.length;

/** One line per test: status, `detection › test`, and for a failure or skip, why. */
export function outcomeLine(outcome: TestOutcome): string {
  const why = outcome.reason !== undefined ? `: ${outcome.reason.split('\n')[0]}` : '';
  return `${outcome.status.padEnd(STATUS_WIDTH)}  ${outcome.detection} › ${outcome.name}${why}`;
}

export async function testCommand(targets: string[], flags: TestFlags): Promise<number> {
  exitQuietlyWhenOutputCloses();
  const text = (flags.format ?? 'text') === 'text';
  const outcomes = await runTests(targets, {
    ...(flags.attackData !== undefined ? { attackData: flags.attackData } : {}),
    macros: flags.macros ?? [],
    inlineMacros: flags.macro ?? [],
    lookups: flags.lookups ?? [],
    tz: flags.tz,
    onOutcome: (outcome) => {
      if (text) process.stdout.write(`${outcomeLine(outcome)}\n`);
      if (!flags.quiet) for (const warning of outcome.warnings) process.stderr.write(`spelunk: warning: ${outcome.detection} › ${outcome.name}: ${warning}\n`);
    },
  });
  const summary = summarize(outcomes);
  if (flags.junit !== undefined) {
    try {
      writeFileSync(flags.junit, junitXml(outcomes));
    } catch (error) {
      throw new SpelunkError('input', `cannot write ${flags.junit}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (text) process.stdout.write(`${summaryLine(summary)}\n`);
  else process.stdout.write(JSON.stringify({ tests: outcomes, summary }, null, 2) + '\n');
  return summary.failed > 0 ? 1 : 0;
}

export function registerTestCommand(program: Command): void {
  program
    .command('test')
    .description("run detections' tests offline: contentctl's attack_data replay, and spelunk's own <detection>.test.yml cases")
    .argument('<paths...>', 'detection YAMLs, <detection>.test.yml files, or folders of them (recursive)')
    .option('--attack-data <dir>', "a folder laid out as attack_data's datasets/ (or holding datasets/): replays each detection's tests: from it")
    .option('--junit <file>', 'also write the results as JUnit XML (for GitHub Actions, GitLab, Jenkins)')
    .addOption(new Option('-f, --format <format>', 'text: a line per test and a summary line; json: one document').choices(['text', 'json']).default('text'))
    .option('--macros <path>', 'a macros.conf, a macro .yml, or a folder of them, layered under each case; repeatable', collect)
    .option('--macro <NAME=DEFINITION>', 'define one macro inline for every test; repeatable', collect)
    .option('--lookups <path>', 'a lookup folder, .csv or definition .yml, layered over the bundled lookups; repeatable', collect)
    .option('--tz <zone>', 'IANA time zone for times in expected rows and output', 'UTC')
    .option('-q, --quiet', 'no warnings on stderr')
    .option('--debug', 'show stack traces for internal errors')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  spelunk test examples/tune/                                    # the cases of every .test.yml there',
        '  spelunk test security_content/detections/endpoint --attack-data attack_data/ --junit results.xml',
        '  spelunk test my_detection.yml --format json',
      ].join('\n'),
    )
    .action(async (paths: string[], flags: TestFlags) => {
      try {
        process.exitCode = await testCommand(paths, flags);
      } catch (error) {
        exitWithError(error);
      }
    });
}
