/**
 * `npm run bench [-- --quick]`: the performance benchmark of issue 7.
 *
 * 1. Ingest of generated Sysmon XML (MB/s, events/s, peak RSS), each repetition in a fresh
 *    process so peak RSS is that of one run.
 * 2. The W3WP tstats search at 1M and 10M rows, and the same query in DuckDB; results compared.
 * 3. Scaling: query time at 100k, 1M and 10M rows.
 * 4. Suite: every non-deprecated Endpoint.Processes detection over 1M rows.
 * 5. Store bytes per row at 1M and 10M rows, without and with the distinct strings.
 * 6. EVTX ingest (issue 12): the same events as a generated .evtx, into the store (MB/s, records/s,
 *    peak RSS), against the time `evtxexport -f xml FILE > /dev/null` takes on the same file when
 *    libevtx-utils is installed (one run of it: it is the slow side by far).
 * `--quick` uses 50k events (queries at 5k, 50k, 500k rows; the suite over 5k rows). Figures go to stdout and bench/results.json.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../src/core/paths.js';
import { writeEvents, writeEvtxFile } from '../src/generate/index.js';
import { scalarToString, valuesOf } from '../src/core/values.js';
import { ingest, measureStore, openEngine, type ColumnarStore, type Row, type SearchEngine } from './engine.js';
import { DuckDbReference, type Cell } from './duckdb.js';
import { median, round, rowsLabel, timeAsync, timeSync, type Timing } from './measure.js';
import { prefixStore, repeatStore } from './stores.js';

const REPETITIONS = 5;
const SEED = 1;
const COPIES = 10;

interface Config {
  quick: boolean;
  events: number;
  smallRows: number;
  /** Rows the detection suite runs over: the base store, or the small prefix in quick mode. */
  suiteOnSmall: boolean;
  /** Records of the EVTX ingest file (quick mode keeps evtxexport's single run short). */
  evtxEvents: number;
}

interface Detection {
  name: string;
  status: string;
  search: string;
}

interface IngestRun {
  ms: number;
  rows: number;
  maxRssBytes: number;
}

const root = packageRoot();
const benchDir = path.join(root, 'bench');
const thisFile = fileURLToPath(import.meta.url);

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

function readDetections(): Detection[] {
  const text = readFileSync(path.join(benchDir, 'fixtures', 'endpoint_processes_detections.tsv'), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      const [name, status, search] = line.split('\t') as [string, string, string];
      return { name, status, search };
    });
}

/** Generates the Sysmon file once; a half-written file is never mistaken for a finished one. */
async function ensureData(events: number): Promise<string> {
  const folder = path.join(benchDir, 'tmp');
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `sysmon-${events}-seed${SEED}.log`);
  if (existsSync(file)) return file;
  log(`generating ${events} Sysmon events into ${path.relative(root, file)} ...`);
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  await writeEvents({ events, seed: SEED, format: 'sysmon-xml' }, out);
  out.end();
  await once(out, 'finish');
  renameSync(partial, file);
  return file;
}

/** The same events as an .evtx file, generated once. */
async function ensureEvtx(events: number): Promise<string> {
  const folder = path.join(benchDir, 'tmp');
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `sysmon-${events}-seed${SEED}.evtx`);
  if (existsSync(file)) return file;
  log(`generating ${events} Sysmon events into ${path.relative(root, file)} ...`);
  const partial = `${file}.partial`;
  await writeEvtxFile({ events, seed: SEED }, partial);
  renameSync(partial, file);
  return file;
}

interface EvtxResult {
  events: number;
  bytes: number;
  spelunk: { timing: Timing; rows: number; peakRssBytes: number };
  /** Wall time of one `evtxexport -f xml FILE > /dev/null`, or undefined when it is not installed. */
  evtxexportMs: number | undefined;
}

function evtxexportMs(file: string): number | undefined {
  const probe = spawnSync('evtxexport', ['-V'], { encoding: 'utf8' });
  if (probe.error !== undefined) return undefined;
  const start = performance.now();
  const run = spawnSync('sh', ['-c', 'evtxexport -f xml "$1" > /dev/null', 'sh', file], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`evtxexport failed (${run.status}): ${run.stderr}`);
  return performance.now() - start;
}

async function measureEvtx(events: number): Promise<EvtxResult> {
  const file = await ensureEvtx(events);
  const bytes = statSync(file).size;
  log(`6/6 EVTX ingest: ${(bytes / 1e6).toFixed(0)} MB, warm-up + ${REPETITIONS} runs; then evtxexport once ...`);
  const spelunk = measureIngest(file);
  const theirs = evtxexportMs(file);
  return { events, bytes, spelunk, evtxexportMs: theirs };
}

/** One ingest in this process, reported as JSON on stdout (the child side of measureIngest). */
async function ingestChild(file: string): Promise<void> {
  const start = performance.now();
  const { store } = await ingest([file]);
  const ms = performance.now() - start;
  const run: IngestRun = { ms, rows: store.rowCount, maxRssBytes: process.resourceUsage().maxRSS * 1024 };
  process.stdout.write(`${JSON.stringify(run)}\n`);
}

function ingestInFreshProcess(file: string): IngestRun {
  const result = spawnSync(process.execPath, [thisFile, '--ingest-child', file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (result.status !== 0) throw new Error(`ingest child failed (${result.status}): ${result.stderr}`);
  const lastLine = result.stdout.trim().split('\n').pop() as string;
  return JSON.parse(lastLine) as IngestRun;
}

function measureIngest(file: string): { timing: Timing; rows: number; peakRssBytes: number } {
  ingestInFreshProcess(file); // warm-up: brings the file into the page cache
  const runs: IngestRun[] = [];
  for (let index = 0; index < REPETITIONS; index++) runs.push(ingestInFreshProcess(file));
  const runsMs = runs.map((run) => run.ms);
  return {
    timing: { medianMs: median(runsMs), runsMs },
    rows: runs[0]?.rows ?? 0,
    peakRssBytes: Math.max(...runs.map((run) => run.maxRssBytes)),
  };
}

/** A result cell as a list of display strings, the shape DuckDbReference returns. */
function cellOf(row: Row, column: string): Cell {
  return valuesOf(row.get(column)).map(scalarToString);
}

function compareResults(spelunk: { columns: string[]; rows: Row[] }, duck: { columns: string[]; rows: Cell[][] }): { equal: boolean; detail: string } {
  if (spelunk.columns.join(',') !== duck.columns.join(',')) {
    return { equal: false, detail: `columns differ: spelunk [${spelunk.columns.join(', ')}] vs duckdb [${duck.columns.join(', ')}]` };
  }
  if (spelunk.rows.length !== duck.rows.length) {
    return { equal: false, detail: `row counts differ: spelunk ${spelunk.rows.length} vs duckdb ${duck.rows.length}` };
  }
  for (let index = 0; index < duck.rows.length; index++) {
    const ours = spelunk.columns.map((column) => cellOf(spelunk.rows[index] as Row, column));
    const theirs = duck.rows[index] as Cell[];
    if (JSON.stringify(ours) !== JSON.stringify(theirs)) {
      return { equal: false, detail: `row ${index + 1} differs:\n  spelunk ${JSON.stringify(ours)}\n  duckdb  ${JSON.stringify(theirs)}` };
    }
  }
  return { equal: true, detail: `${duck.rows.length} rows identical` };
}

interface QueryResult {
  label: string;
  rows: number;
  spelunkMs: number;
  duckMs: number;
  spelunkRunsMs: number[];
  duckRunsMs: number[];
  comparison: { equal: boolean; detail: string };
}

interface SuiteResult {
  detections: number;
  succeeded: number;
  failed: number;
  totalMs: number;
  slowest: { name: string; ms: number }[];
  failures: { name: string; error: string }[];
}

function runSuite(engine: SearchEngine, detections: Detection[]): SuiteResult {
  const active = detections.filter((detection) => detection.status !== 'deprecated');
  const times: { name: string; ms: number }[] = [];
  const failures: { name: string; error: string }[] = [];
  const start = performance.now();
  for (const detection of active) {
    const begin = performance.now();
    try {
      engine.run(detection.search);
    } catch (error) {
      failures.push({ name: detection.name, error: error instanceof Error ? error.message.split('\n')[0] as string : String(error) });
    }
    times.push({ name: detection.name, ms: performance.now() - begin });
  }
  const totalMs = performance.now() - start;
  times.sort((a, b) => b.ms - a.ms);
  return {
    detections: active.length,
    succeeded: active.length - failures.length,
    failed: failures.length,
    totalMs,
    slowest: times.slice(0, 5).map((entry) => ({ name: entry.name, ms: round(entry.ms, 1) })),
    failures,
  };
}

function bytesPerRow(store: ColumnarStore): { withoutStrings: number; withStrings: number } {
  const { columnBytes, dictionaryBytes } = measureStore(store);
  return {
    withoutStrings: columnBytes / store.rowCount,
    withStrings: (columnBytes + dictionaryBytes) / store.rowCount,
  };
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
}

async function main(config: Config): Promise<void> {
  const detections = readDetections();
  const w3wp = detections.find((detection) => detection.name === 'w3wp_spawning_shell.yml');
  if (!w3wp) throw new Error('w3wp_spawning_shell.yml missing from bench/fixtures');
  const file = await ensureData(config.events);
  const fileBytes = statSync(file).size;

  log(`1/5 ingest: ${(fileBytes / 1e6).toFixed(0)} MB, warm-up + ${REPETITIONS} runs in fresh processes ...`);
  const ingestResult = measureIngest(file);
  const ingestSeconds = ingestResult.timing.medianMs / 1000;
  const mbPerSecond = fileBytes / 1e6 / ingestSeconds;
  const eventsPerSecond = config.events / ingestSeconds;
  log(`    ${mbPerSecond.toFixed(1)} MB/s, ${Math.round(eventsPerSecond)} ev/s, peak RSS ${(ingestResult.peakRssBytes / 2 ** 20).toFixed(0)} MiB`);

  log('loading the store for the queries ...');
  const { store, skipped } = await ingest([file]);
  if (store.rowCount !== config.events) log(`warning: ${config.events} events generated but the store holds ${store.rowCount} rows (${skipped} skipped)`);
  const small = prefixStore(store, config.smallRows);
  const engines = { small: openEngine(small), base: openEngine(store) };

  // The suite runs before the 10M store and DuckDB's tables exist, so their memory does not
  // slow its garbage collection: it measures spelunk over the 1M store alone.
  const suiteRows = config.suiteOnSmall ? small.rowCount : store.rowCount;
  log(`4/5 suite: non-deprecated detections over ${rowsLabel(suiteRows)} rows ...`);
  const suite = runSuite(config.suiteOnSmall ? engines.small : engines.base, detections);

  const large = repeatStore(store, COPIES);
  const largeEngine = openEngine(large);

  log('2/5 + 3/5 W3WP query: spelunk and DuckDB ...');
  const duck = await DuckDbReference.open();
  await duck.load(small, 'processes_small');
  await duck.load(store, 'processes_base');
  await duck.repeat('processes_base', 'processes_large', COPIES, store);
  const sizes = [
    { label: rowsLabel(small.rowCount), rows: small.rowCount, engine: engines.small, table: 'processes_small' },
    { label: rowsLabel(store.rowCount), rows: store.rowCount, engine: engines.base, table: 'processes_base' },
    { label: rowsLabel(large.rowCount), rows: large.rowCount, engine: largeEngine, table: 'processes_large' },
  ];
  const queries: QueryResult[] = [];
  for (const size of sizes) {
    const spelunkTiming = timeSync(REPETITIONS, () => size.engine.run(w3wp.search));
    const duckTiming = await timeAsync(REPETITIONS, () => duck.w3wp(size.table));
    const comparison = compareResults(size.engine.run(w3wp.search), await duck.w3wp(size.table));
    if (!comparison.equal) log(`MISMATCH at ${size.label}: ${comparison.detail}`);
    log(`    @${size.label}: spelunk ${spelunkTiming.medianMs.toFixed(1)} ms, duckdb ${duckTiming.medianMs.toFixed(1)} ms; ${comparison.detail.split('\n')[0]}`);
    queries.push({ label: size.label, rows: size.rows, spelunkMs: spelunkTiming.medianMs, duckMs: duckTiming.medianMs, spelunkRunsMs: spelunkTiming.runsMs, duckRunsMs: duckTiming.runsMs, comparison });
  }

  const evtx = await measureEvtx(config.evtxEvents);
  const evtxSeconds = evtx.spelunk.timing.medianMs / 1000;
  const evtxMbPerSecond = evtx.bytes / 1e6 / evtxSeconds;
  const evtxRatio = evtx.evtxexportMs === undefined ? undefined : evtx.spelunk.timing.medianMs / evtx.evtxexportMs;
  log(`    ${evtxMbPerSecond.toFixed(1)} MB/s, ${Math.round(evtx.events / evtxSeconds)} records/s; evtxexport ${evtx.evtxexportMs === undefined ? 'not installed' : `${(evtx.evtxexportMs / 1000).toFixed(1)} s`}`);

  log('5/5 store size ...');
  const memoryBase = bytesPerRow(store);
  const memoryLarge = bytesPerRow(large);
  const duckThreads = await duck.threads();

  const [, base, largeQuery] = queries as [QueryResult, QueryResult, QueryResult];
  const ratio = (query: QueryResult): number => query.spelunkMs / query.duckMs;
  const lines: string[][] = [
    ['measure', 'value', 'target'],
    ['ingest Sysmon XML', `${mbPerSecond.toFixed(1)} MB/s, ${Math.round(eventsPerSecond)} ev/s (${(fileBytes / 1e6).toFixed(0)} MB, ${config.events} events)`, '>= 150 MB/s'],
    ['ingest peak RSS (one run)', `${(ingestResult.peakRssBytes / 2 ** 20).toFixed(0)} MiB`, '< 1 GiB at 1M'],
    ...queries.map((query) => [
      `W3WP tstats @${query.label}`,
      `spelunk ${query.spelunkMs.toFixed(2)} ms, duckdb ${query.duckMs.toFixed(2)} ms (x${ratio(query).toFixed(2)}), ${query.comparison.equal ? 'same rows' : 'ROWS DIFFER'} (${query.comparison.detail.split('\n')[0]})`,
      query.rows === 1e6 ? '< 50 ms' : query.rows === 1e7 ? 'ratio <= 1.0' : '',
    ]),
    [`suite @${rowsLabel(suiteRows)}`, `${suite.detections} detections, ${(suite.totalMs / 1000).toFixed(2)} s, ${suite.failed} failed`, '< 30 s'],
    [`store @${rowsLabel(store.rowCount)}`, `${memoryBase.withoutStrings.toFixed(1)} B/row, ${memoryBase.withStrings.toFixed(1)} B/row with strings`, '<= 64 B/row + strings'],
    [
      'ingest EVTX',
      `${evtxMbPerSecond.toFixed(1)} MB/s, ${Math.round(evtx.events / evtxSeconds)} records/s, peak RSS ${(evtx.spelunk.peakRssBytes / 2 ** 20).toFixed(0)} MiB (${(evtx.bytes / 1e6).toFixed(0)} MB, ${evtx.events} records); ` +
        (evtxRatio === undefined ? 'evtxexport not installed' : `evtxexport -f xml ${(evtx.evtxexportMs! / 1000).toFixed(1)} s (x${evtxRatio.toFixed(2)})`),
      'ratio <= 1.0, < 1 GiB',
    ],
    [`store @${rowsLabel(large.rowCount)} (repeated)`, `${memoryLarge.withoutStrings.toFixed(1)} B/row, ${memoryLarge.withStrings.toFixed(1)} B/row with strings`, ''],
  ];
  process.stdout.write(`${table(lines)}\n\n`);
  if (suite.failures.length > 0) {
    process.stdout.write(`suite failures (${suite.failures.length}), first 10:\n`);
    for (const failure of suite.failures.slice(0, 10)) process.stdout.write(`  ${failure.name}: ${failure.error}\n`);
  }
  process.stdout.write(`slowest detections: ${suite.slowest.map((entry) => `${entry.name} ${entry.ms} ms`).join(', ')}\n`);
  process.stdout.write(`duckdb threads: ${duckThreads}; spelunk: 1 thread. Node ${process.version}. ${config.quick ? 'QUICK run (50k events; suite over 5k rows; EVTX over 5k records).' : ''}\n\n`);

  const finalLine =
    `ingest ${mbPerSecond.toFixed(1)} MB/s (${Math.round(eventsPerSecond)} ev/s); ` +
    `tstats@${base.label} ${base.spelunkMs.toFixed(1)} ms vs duckdb ${base.duckMs.toFixed(1)} ms (x${ratio(base).toFixed(2)}); ` +
    `tstats@${largeQuery.label} ${largeQuery.spelunkMs.toFixed(1)} ms vs duckdb ${largeQuery.duckMs.toFixed(1)} ms (x${ratio(largeQuery).toFixed(2)}); ` +
    `store ${memoryBase.withoutStrings.toFixed(1)} B/row; suite ${suite.detections} detections ${(suite.totalMs / 1000).toFixed(2)} s; ` +
    `evtx ${evtxMbPerSecond.toFixed(1)} MB/s (${evtxRatio === undefined ? 'no evtxexport' : `x${evtxRatio.toFixed(2)} evtxexport`})`;

  const results = {
    date: new Date().toISOString(),
    quick: config.quick,
    machine: { node: process.version, platform: process.platform, arch: process.arch, cpus: (await import('node:os')).cpus().length, memoryBytes: (await import('node:os')).totalmem() },
    data: { file: path.relative(root, file), bytes: fileBytes, events: config.events, seed: SEED },
    ingest: {
      mbPerSecond: round(mbPerSecond, 1),
      eventsPerSecond: Math.round(eventsPerSecond),
      medianMs: round(ingestResult.timing.medianMs, 1),
      runsMs: ingestResult.timing.runsMs.map((ms) => round(ms, 1)),
      peakRssBytes: ingestResult.peakRssBytes,
      rows: ingestResult.rows,
    },
    queries: queries.map((query) => ({
      rows: query.rows,
      spelunkMs: round(query.spelunkMs, 3),
      duckdbMs: round(query.duckMs, 3),
      ratio: round(ratio(query), 3),
      spelunkRunsMs: query.spelunkRunsMs.map((ms) => round(ms, 3)),
      duckdbRunsMs: query.duckRunsMs.map((ms) => round(ms, 3)),
      sameRows: query.comparison.equal,
      comparison: query.comparison.detail,
    })),
    evtx: {
      events: evtx.events,
      bytes: evtx.bytes,
      mbPerSecond: round(evtxMbPerSecond, 1),
      recordsPerSecond: Math.round(evtx.events / evtxSeconds),
      medianMs: round(evtx.spelunk.timing.medianMs, 1),
      runsMs: evtx.spelunk.timing.runsMs.map((ms) => round(ms, 1)),
      peakRssBytes: evtx.spelunk.peakRssBytes,
      rows: evtx.spelunk.rows,
      evtxexportMs: evtx.evtxexportMs === undefined ? null : round(evtx.evtxexportMs, 1),
      ratio: evtxRatio === undefined ? null : round(evtxRatio, 3),
    },
    duckdbThreads: duckThreads,
    suite: { ...suite, rows: suiteRows, totalMs: round(suite.totalMs, 1) },
    store: {
      [rowsLabel(store.rowCount)]: { bytesPerRow: round(memoryBase.withoutStrings, 2), bytesPerRowWithStrings: round(memoryBase.withStrings, 2) },
      [rowsLabel(large.rowCount)]: { bytesPerRow: round(memoryLarge.withoutStrings, 2), bytesPerRowWithStrings: round(memoryLarge.withStrings, 2) },
    },
    finalLine,
  };
  writeFileSync(path.join(benchDir, config.quick ? 'results.quick.json' : 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${finalLine}\n`);
  if (queries.some((query) => !query.comparison.equal)) process.exitCode = 1;
}

const args = process.argv.slice(2);
const childIndex = args.indexOf('--ingest-child');
if (childIndex >= 0) {
  await ingestChild(args[childIndex + 1] as string);
} else {
  const quick = args.includes('--quick');
  await main(
    quick
      ? { quick, events: 50_000, smallRows: 5_000, suiteOnSmall: true, evtxEvents: 5_000 }
      : { quick, events: 1_000_000, smallRows: 100_000, suiteOnSmall: false, evtxEvents: 1_000_000 },
  );
}
