/**
 * `spelunk hunt --data DIR`: runs the bundled security_content library (or the user's detections)
 * over the logs, as Enterprise Security would run ESCU, and reports what fired, where, and how
 * bad: the terminal summary, and with --out the result files, risk events, notables, timeline
 * and report.html.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { SpelunkError } from '../core/errors.js';
import type { Detection } from '../detections/detection.js';
import { loadDetectionLibrary } from '../detections/library.js';
import { bundledDetections } from '../detections/paths.js';
import { selectDetections, type DetectionFilter } from '../detections/select.js';
import { runHunt, type DetectionOutcome } from '../hunt/run.js';
import { formatHuntSummary, summarizeHunt } from '../hunt/summary.js';
import { loadData } from '../index.js';
import { writeHuntOutput, type ResultFileFormat } from '../report/output.js';
import { collect, exitWithError } from './common.js';
import { progressBar } from './progress.js';

export interface HuntFlags {
  data?: string[];
  detections?: string[];
  type?: string[];
  story?: string[];
  technique?: string[];
  dataSource?: string[];
  status?: string[];
  name?: string[];
  exclude?: string[];
  minScore?: number;
  out?: string;
  format: ResultFileFormat;
  schedule?: boolean;
  failOnFire?: boolean;
  macros?: string[];
  macro?: string[];
  lookups?: string[];
  tz: string;
  now?: string;
  quiet?: boolean;
  strict?: boolean;
  dedupEvents?: boolean;
  threads?: number;
}

/** Exit code when --fail-on-fire is given and a detection fired. */
export const EXIT_FIRED = 3;

/** Comma lists and repeats alike: `--type TTP,Anomaly --type Hunting`. */
const collectList = (value: string, previous: string[] | undefined): string[] => [
  ...(previous ?? []),
  ...value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== ''),
];

const TYPES = ['ttp', 'anomaly', 'hunting', 'correlation'];

function parseScore(value: string): number {
  if (!/^\d+(\.\d+)?$/.test(value)) throw new InvalidArgumentError('expected a risk score, a number such as 50.');
  return Number(value);
}

/**
 * The detection sources: the bundled library unless --detections names others; a `+PATH` adds
 * to the bundled library instead of replacing it.
 */
export function detectionPaths(given: readonly string[] | undefined): { paths: string[]; user: string[] } {
  const user: string[] = [];
  let withBundled = (given ?? []).length === 0;
  for (const entry of given ?? []) {
    if (entry.startsWith('+')) {
      withBundled = true;
      user.push(entry.slice(1));
    } else user.push(entry);
  }
  return { paths: [...(withBundled ? [bundledDetections()] : []), ...user], user };
}

function filterOf(flags: HuntFlags): DetectionFilter {
  for (const type of flags.type ?? []) {
    if (!TYPES.includes(type.toLowerCase())) throw new SpelunkError('usage', `--type ${type}: expected TTP, Anomaly, Hunting or Correlation.`);
  }
  return {
    ...(flags.type ? { types: flags.type } : {}),
    ...(flags.story ? { stories: flags.story } : {}),
    ...(flags.technique ? { techniques: flags.technique } : {}),
    ...(flags.dataSource ? { dataSources: flags.dataSource } : {}),
    ...(flags.status ? { statuses: flags.status } : {}),
    ...(flags.name ? { names: flags.name } : {}),
    ...(flags.exclude ? { excludes: flags.exclude } : {}),
    ...(flags.minScore !== undefined ? { minScore: flags.minScore } : {}),
  };
}

/** A progress line per detection, on a terminal only. */
function detectionProgress(enabled: boolean): { update(done: number, total: number, name: string): void; done(): void } {
  if (!enabled || !process.stderr.isTTY) return { update: () => undefined, done: () => undefined };
  let drawn = false;
  return {
    update(done, total, name) {
      const width = 30;
      const filled = Math.round((done / total) * width);
      const columns = process.stderr.columns ?? 80;
      const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${name}`;
      process.stderr.write(`\r\x1b[K${line.slice(0, columns - 1)}`);
      drawn = true;
    },
    done() {
      if (drawn) process.stderr.write('\r\x1b[K');
    },
  };
}

/** Whether a detection came from the user's own files (its search errors are theirs to fix: exit 2). */
function isUsers(detection: Detection, userPaths: readonly string[]): boolean {
  return userPaths.some((path) => detection.path === path || detection.path.startsWith(path.endsWith('/') ? path : `${path}/`));
}

export async function huntCommand(flags: HuntFlags): Promise<number> {
  const started = Date.now();
  const { paths, user } = detectionPaths(flags.detections);
  const library = loadDetectionLibrary(paths);
  const selected = selectDetections(library.detections, filterOf(flags));
  if (selected.length === 0) throw new SpelunkError('usage', `hunt: no detection matches the selection (${library.detections.length} read from ${paths.join(', ')}).`);
  if ((flags.data ?? []).length === 0) throw new SpelunkError('usage', 'hunt: give the logs to hunt in with --data PATH (a file or folder; repeatable).');
  const bar = progressBar(!flags.quiet);
  const { datasets, events, report } = await loadData({
    data: flags.data,
    ...(flags.strict ? { strict: true } : {}),
    ...(flags.dedupEvents ? { dedupEvents: true } : {}),
    ...(flags.threads !== undefined ? { threads: flags.threads } : {}),
    onProgress: (p) => bar.update(p),
    stdin: process.stdin,
  }).finally(() => bar.done());
  const progress = detectionProgress(!flags.quiet);
  const result = (() => {
    try {
      return runHunt(selected, datasets, {
        session: {
          events,
          macros: flags.macros ?? [],
          inlineMacros: flags.macro ?? [],
          lookups: flags.lookups ?? [],
          tz: flags.tz,
          ...(flags.now !== undefined ? { now: flags.now } : {}),
        },
        ...(flags.schedule ? { schedule: true } : {}),
        onDetection: (done, total, outcome: DetectionOutcome) => progress.update(done, total, outcome.detection.name),
      });
    } finally {
      progress.done();
    }
  })();
  const summary = summarizeHunt(result, report.summary(), (Date.now() - started) / 1000, flags.schedule ?? false);
  for (const problem of library.problems) process.stderr.write(`spelunk: warning: ${problem.path}: ${problem.message}\n`);
  process.stdout.write(formatHuntSummary(summary, { maxFired: 50, maxHosts: 20 }));
  if (flags.out) {
    const written = writeHuntOutput(flags.out, result, summary, { format: flags.format, tz: flags.tz });
    if (!flags.quiet) process.stderr.write(`spelunk: wrote ${written.length} files to ${flags.out} (report.html, summary.json, risk.jsonl, notables.jsonl, timeline.csv, detections/)\n`);
  }
  const userErrors = result.outcomes.filter((o) => o.status === 'error' && isUsers(o.detection, user));
  if (userErrors.length > 0) {
    for (const outcome of userErrors) process.stderr.write(`spelunk: ${outcome.detection.path}: ${outcome.message}\n`);
    return 2;
  }
  return flags.failOnFire && summary.fired > 0 ? EXIT_FIRED : 0;
}

export function registerHuntCommand(program: Command): void {
  program
    .command('hunt')
    .description('run the bundled security_content detections (or your own) over the logs and report what fired, with risk events and notables as Enterprise Security makes them')
    .option('-d, --data <path>', 'a log file or folder (recursive, .gz read transparently); repeatable; - reads standard input', collect)
    .option('--detections <path>', 'detection YAML files or folders to run instead of the bundled ones; +PATH adds them to the bundled ones; repeatable', collect)
    .option('--type <types>', 'only these types: TTP, Anomaly, Hunting, Correlation (comma list; repeatable)', collectList)
    .option('--story <name>', 'only detections in this analytic story; repeatable', collect)
    .option('--technique <ids>', 'only detections tagged with these ATT&CK techniques; a technique also selects its sub-techniques (comma list; repeatable)', collectList)
    .option('--data-source <name>', 'only detections listing this data source, e.g. "Sysmon EventID 1"; repeatable', collect)
    .option('--status <statuses>', 'only these statuses: production, experimental (comma list; repeatable)', collectList)
    .option('--name <glob>', 'only detections whose name matches the glob (* and ?, any case); repeatable', collect)
    .option('--exclude <glob>', 'leave out detections whose name matches the glob; repeatable', collect)
    .option('--min-score <n>', 'only detections with at least this risk_score', parseScore)
    .option('-o, --out <dir>', 'write summary.json, detections/<name>.json|csv, risk.jsonl, notables.jsonl, timeline.csv and report.html into this folder')
    .addOption(new Option('-f, --format <format>', 'format of the per-detection result files in --out').choices(['json', 'csv']).default('json'))
    .option('--schedule', "run each detection as ES schedules it (ESCU: cron 0 * * * *, earliest -70m@m, latest -10m@m; the detection's deployment overrides) instead of once over all time")
    .option('--fail-on-fire', `exit ${EXIT_FIRED} when any detection fired (for CI)`)
    .option('--macros <path>', 'a macros.conf, a macro .yml, or a folder of them, layered over the bundled macros; repeatable, later wins', collect)
    .option('--macro <NAME=DEFINITION>', 'define one macro inline, applied last; repeatable', collect)
    .option('--lookups <path>', 'a lookup folder layered over the bundled lookups; repeatable, later wins', collect)
    .option('--tz <zone>', 'IANA time zone for formatting times and snapping relative times', 'UTC')
    .option('--now <time>', "the searches' current time (default: the clock)")
    .option('-q, --quiet', 'no progress bars and no notes on stderr')
    .option('--strict', 'fail if any input record is skipped')
    .option('--dedup-events', 'index only the first copy of an event read twice (same channel, computer and EventRecordID)')
    .option('--threads <n>', 'read several data files on N worker threads (default 1)', (value: string) => {
      if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError('expected a whole number of threads, 1 or more.');
      return Number(value);
    })
    .option('--debug', 'show stack traces for internal errors')
    .addHelpText(
      'after',
      [
        '',
        'Exit status: 0 whether or not anything fired; 3 with --fail-on-fire when something did; 2 for bad',
        "usage or a search error in one of your own detections (--detections); 1 for anything else.",
        '',
        'Examples:',
        '  spelunk hunt --data case/logs/',
        '  spelunk hunt --data case/logs/ --out case/hunt/ --type TTP,Anomaly --min-score 50',
        '  spelunk hunt --data logs/ --technique T1505 --story "HAFNIUM Group"',
        '  spelunk hunt --data logs/ --detections +my-detections/ --fail-on-fire',
        '  spelunk hunt --data logs/ --name "W3WP*" --schedule --out hourly/',
      ].join('\n'),
    )
    .action(async (flags: HuntFlags) => {
      try {
        const code = await huntCommand(flags);
        process.exitCode = code;
      } catch (error) {
        exitWithError(error);
      }
    });
}
