/**
 * `spelunk test`: replays detections' own `tests:` as contentctl does (attack_data files found
 * under a local folder, the search over all time, contentctl's pass rule), and runs the cases of
 * spelunk's `<detection>.test.yml` files. Every test ends as pass, fail (with the first
 * difference) or skipped (with why).
 */
import { readdirSync, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { join, resolve } from 'node:path';
import { SpelunkError } from '../core/errors.js';
import type { ResultTable } from '../core/values.js';
import { loadDetection, type Detection, type DetectionTest } from '../detections/detection.js';
import { formatJson, type ResultObject } from '../format/json.js';
import { createSession, loadData, type DataInput, type DataOptions } from '../index.js';
import { findAttackData } from './attack-data.js';
import { contentctlFailure, objectFieldsOf } from './pass-rule.js';
import { loadTestFile, testFileFor, TEST_FILE_SUFFIX, type Expectation, type ExpectedRow, type TestCase } from './test-file.js';
import { tuneWarnings, type UserMacros } from './warnings.js';

export type TestStatus = 'pass' | 'fail' | 'skipped';

export interface TestOutcome {
  /** The detection's name. */
  detection: string;
  /** The file the test is written in: the detection YAML, or its `.test.yml`. */
  file: string;
  name: string;
  /** `attack_data`: a detection's own test, replayed as contentctl does; `case`: a `.test.yml` case. */
  kind: 'attack_data' | 'case';
  status: TestStatus;
  /** Why it failed or was skipped. */
  reason?: string;
  /** The number of results, when the search ran. */
  results?: number;
  /** Tuning warnings (an unused macro, a field no result has) for the search as the test ran it. */
  warnings: string[];
  /** What the ingest read, when data was loaded. */
  ingest?: string;
  seconds: number;
}

export interface TestOptions {
  /** Folder holding attack_data's `datasets/` (or that folder itself); without it, `tests:` are not replayed. */
  attackData?: string;
  /** Macro sources and inline definitions layered under each case's own. */
  macros?: readonly string[];
  inlineMacros?: readonly string[];
  lookups?: readonly string[];
  tz?: string;
  /** Called as each test ends, for progress output. */
  onOutcome?: (outcome: TestOutcome) => void;
}

export interface TestSummary {
  total: number;
  passed: number;
  failed: number;
  skipped: number;
}

export function summarize(outcomes: readonly TestOutcome[]): TestSummary {
  const count = (status: TestStatus): number => outcomes.filter((o) => o.status === status).length;
  return { total: outcomes.length, passed: count('pass'), failed: count('fail'), skipped: count('skipped') };
}

export function summaryLine(summary: TestSummary): string {
  return `tests ${summary.total}: passed ${summary.passed}, failed ${summary.failed}, skipped ${summary.skipped}`;
}

interface Work {
  detections: string[];
  testFiles: string[];
  /** Files in a folder that look like detections but cannot be read: each a failed test. */
  unreadable: Array<{ path: string; reason: string }>;
}

/** Runs every test the targets name, in order: detection files, test files, or folders of them. */
export async function runTests(targets: readonly string[], options: TestOptions = {}): Promise<TestOutcome[]> {
  if (targets.length === 0) throw new SpelunkError('usage', 'spelunk test needs a detection YAML, a .test.yml file or a folder of them.');
  const work = collect(targets, options.attackData !== undefined);
  const outcomes: TestOutcome[] = [];
  const record = (outcome: TestOutcome): void => {
    outcomes.push(outcome);
    options.onOutcome?.(outcome);
  };
  for (const { path, reason } of work.unreadable) {
    record({ detection: path, file: path, name: 'read the detection', kind: 'attack_data', status: 'fail', reason, warnings: [], seconds: 0 });
  }
  for (const path of work.detections) {
    const detection = loadDetection(path);
    if (detection.tests.length === 0) {
      record(base(detection, path, 'tests', 'attack_data', { status: 'skipped', reason: 'the detection has no `tests:`' }));
    }
    for (const [index, test] of detection.tests.entries()) record(await replayTest(detection, test, index, options));
  }
  for (const path of work.testFiles) {
    for (const outcome of await runTestFile(path, options)) record(outcome);
  }
  return outcomes;
}

function collect(targets: readonly string[], replay: boolean): Work {
  const work: Work = { detections: [], testFiles: [], unreadable: [] };
  const testFiles = new Set<string>();
  const addTestFile = (path: string): void => {
    const full = resolve(path);
    if (!testFiles.has(full)) {
      testFiles.add(full);
      work.testFiles.push(path);
    }
  };
  const addDetection = (path: string): void => {
    if (replay) work.detections.push(path);
    const sibling = testFileFor(path);
    if (sibling) addTestFile(sibling);
  };
  for (const target of targets) {
    let isFolder: boolean;
    try {
      isFolder = statSync(target).isDirectory();
    } catch {
      throw new SpelunkError('usage', `spelunk test: no such file or folder: ${target}`);
    }
    if (!isFolder) {
      if (target.endsWith(TEST_FILE_SUFFIX)) addTestFile(target);
      else {
        loadDetection(target); // an explicitly named file that is no detection is a usage error
        addDetection(target);
      }
      continue;
    }
    for (const file of yamlFilesUnder(target)) {
      if (file.endsWith(TEST_FILE_SUFFIX)) addTestFile(file);
      else {
        try {
          loadDetection(file);
          addDetection(file);
        } catch (error) {
          // A YAML without `search:` (a macro, a lookup definition, a story) is not a detection.
          if (error instanceof SpelunkError && /no `search:`|is not a detection/.test(error.message)) continue;
          work.unreadable.push({ path: file, reason: error instanceof Error ? error.message : String(error) });
        }
      }
    }
  }
  return work;
}

function yamlFilesUnder(folder: string): string[] {
  const found: string[] = [];
  const visit = (dir: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) found.push(full);
    }
  };
  visit(folder);
  return found;
}

function base(
  detection: Detection,
  file: string,
  name: string,
  kind: TestOutcome['kind'],
  rest: Pick<TestOutcome, 'status'> & Partial<TestOutcome>,
): TestOutcome {
  return { detection: detection.name, file, name, kind, warnings: [], seconds: 0, ...rest };
}

/**
 * The data files as the library reads them. TODO(events): pass each file's declared `source`
 * and `sourcetype` once loadData takes `{ path, source, sourcetype }` entries; until then the
 * files are read by their content, as `spelunk run --data` reads them.
 */
/** Each file with the source and sourcetype its attack_data entry declares, as contentctl replays it. */
function replayInputs(files: ReadonlyArray<{ path: string; source?: string; sourcetype?: string }>): DataInput[] {
  return files.map((file) => ({ ...file }));
}

async function replayTest(detection: Detection, test: DetectionTest, index: number, options: TestOptions): Promise<TestOutcome> {
  const started = Date.now();
  const outcome = (rest: Pick<TestOutcome, 'status'> & Partial<TestOutcome>): TestOutcome =>
    base(detection, detection.path, test.name, 'attack_data', { ...rest, seconds: (Date.now() - started) / 1000 });
  const manual = manualTestReason(detection);
  if (manual !== undefined) return outcome({ status: 'skipped', reason: `manual test: ${manual}` });
  if (test.attackData.length === 0) return outcome({ status: 'skipped', reason: `tests[${index}] names no attack_data` });
  const files: Array<{ path: string; source?: string; sourcetype?: string }> = [];
  for (const entry of test.attackData) {
    const lookup = findAttackData(entry.data, options.attackData!);
    if ('unknownUrl' in lookup) return outcome({ status: 'skipped', reason: `attack data ${entry.data} has no attack_data datasets/ path to look up` });
    if ('missing' in lookup) return outcome({ status: 'skipped', reason: `attack data not found: looked for ${lookup.missing.join(' and ')}` });
    files.push({ path: lookup.found, ...(entry.source ? { source: entry.source } : {}), ...(entry.sourcetype ? { sourcetype: entry.sourcetype } : {}) });
  }
  const sessionOptions = { macros: options.macros ?? [], inlineMacros: options.inlineMacros ?? [], lookups: options.lookups ?? [], tz: options.tz ?? 'UTC' };
  return runSearch(detection, { data: replayInputs(files) }, sessionOptions, (table) => contentctlFailure(table.rows, objectFieldsOf(detection)), {}, outcome);
}

/** security_content marks a detection its tests cannot exercise with `tags.manual_test: <why>`. */
function manualTestReason(detection: Detection): string | undefined {
  const tags = detection.document['tags'];
  if (tags === null || typeof tags !== 'object') return undefined;
  const manual = (tags as Record<string, unknown>)['manual_test'];
  return typeof manual === 'string' && manual.trim() !== '' ? manual.trim() : undefined;
}

type SessionSettings = { macros: readonly string[]; inlineMacros: readonly string[]; lookups: readonly string[]; tz: string };

/**
 * Checks the search, loads the data, runs the search and judges the results. A search spelunk
 * cannot run (unsupported) is skipped with the reason; any other error fails the test.
 */
async function runSearch(
  detection: Detection,
  data: DataOptions,
  settings: SessionSettings,
  judge: (table: ResultTable) => string | undefined,
  user: UserMacros,
  outcome: (rest: Pick<TestOutcome, 'status'> & Partial<TestOutcome>) => TestOutcome,
): Promise<TestOutcome> {
  const failed = (error: unknown): TestOutcome => {
    if (!(error instanceof SpelunkError)) throw error;
    const status = error.kind === 'unsupported' ? 'skipped' : 'fail';
    return outcome({ status, reason: `${error.kind}: ${error.message}` });
  };
  try {
    createSession({ ...settings, datasets: new Map() }).check(detection.search);
  } catch (error) {
    return failed(error);
  }
  let loaded;
  try {
    loaded = await loadData(data);
  } catch (error) {
    return failed(error);
  }
  const ingest = loaded.report.summary();
  try {
    const session = createSession({ ...settings, datasets: loaded.datasets });
    const result = session.run(detection.search);
    const warnings = [...result.warnings, ...tuneWarnings(session, detection.search, user)];
    const reason = judge(result);
    return outcome({ status: reason === undefined ? 'pass' : 'fail', ...(reason !== undefined ? { reason } : {}), results: result.rows.length, warnings, ingest });
  } catch (error) {
    return { ...failed(error), ingest };
  }
}

async function runTestFile(path: string, options: TestOptions): Promise<TestOutcome[]> {
  const file = loadTestFile(path);
  const detection = loadDetection(file.detectionPath);
  const outcomes: TestOutcome[] = [];
  for (const testCase of file.cases) {
    const started = Date.now();
    const outcome = (rest: Pick<TestOutcome, 'status'> & Partial<TestOutcome>): TestOutcome =>
      base(detection, path, testCase.name, 'case', { ...rest, seconds: (Date.now() - started) / 1000 });
    const settings: SessionSettings = {
      macros: [...(options.macros ?? []), ...testCase.macros],
      inlineMacros: [...(options.inlineMacros ?? []), ...testCase.inlineMacros],
      lookups: options.lookups ?? [],
      tz: options.tz ?? 'UTC',
    };
    const tz = settings.tz;
    outcomes.push(await runSearch(detection, caseData(testCase), settings, (table) => expectationFailure(testCase.expect, table, tz), { macros: testCase.macros, inlineMacros: testCase.inlineMacros }, outcome));
  }
  return outcomes;
}

/** A case's files, and its inline events read as standard input (`-`) without touching the disk. */
function caseData(testCase: TestCase): DataOptions {
  if (testCase.events === undefined) return { data: testCase.data };
  return { data: [...testCase.data, '-'], stdin: Readable.from([testCase.events]) };
}

/** The first way the results differ from what the case expects, or undefined when they match. */
export function expectationFailure(expect: Expectation, table: ResultTable, tz: string): string | undefined {
  const count = table.rows.length;
  const results = (n: number): string => `${n} result${n === 1 ? '' : 's'}`;
  switch (expect.kind) {
    case 'fires':
      return count > 0 ? undefined : 'expected the detection to fire, and it returned no results';
    case 'does not fire':
      return count === 0 ? undefined : `expected no results, got ${results(count)}; the first: ${JSON.stringify(objectsOf(table, tz)[0])}`;
    case 'count':
      return count === expect.count ? undefined : `expected ${results(expect.count)}, got ${count}`;
    case 'rows':
      return rowsFailure(expect.rows, objectsOf(table, tz), expect.columns);
  }
}

function objectsOf(table: ResultTable, tz: string): ResultObject[] {
  return JSON.parse(formatJson(table, { tz })) as ResultObject[];
}

function rowsFailure(expected: readonly ExpectedRow[], actual: readonly ResultObject[], columns: 'exact' | 'subset'): string | undefined {
  if (expected.length !== actual.length) return `expected ${expected.length} rows, got ${actual.length}`;
  for (const [index, want] of expected.entries()) {
    const got = actual[index]!;
    const fields = columns === 'exact' ? [...new Set([...Object.keys(want), ...Object.keys(got)])] : Object.keys(want);
    for (const field of fields) {
      const a = JSON.stringify(got[field] ?? null);
      const b = JSON.stringify(want[field] ?? null);
      if (a !== b) return `row ${index + 1}: ${field} is ${a}, expected ${b}`;
    }
  }
  return undefined;
}
