/**
 * A hunt: every selected detection over one loaded data set, as ES would run ESCU. The TTP,
 * Anomaly and Hunting detections run first; their risk events fill Risk.All_Risk; then the
 * Correlation detections run over it. A detection whose datasets no input filled is skipped
 * without running; one spelunk cannot run is unsupported, with the feature it lacks.
 */
import { SpelunkError } from '../core/errors.js';
import type { Row } from '../core/values.js';
import { describeRead, rowsIn, searchInputs } from '../coverage/inputs.js';
import { featureOf } from '../coverage/run.js';
import type { DatasetKey } from '../datamodel/models.js';
import type { Detection } from '../detections/detection.js';
import { createSession, type Session, type SessionOptions } from '../session.js';
import type { ColumnarStore } from '../store/types.js';
import { makesNotables, makesRiskEvents, riskObjectsOf } from './actions.js';
import { notablesOf, type Notable } from './notable.js';
import { riskEventsOf, type RiskEvent } from './risk.js';
import { riskStore } from './risk-store.js';
import { runsCovering, scheduleOf, type ScheduledRun } from './schedule.js';

export type HuntStatus = 'fired' | 'clean' | 'skipped' | 'unsupported' | 'error';

export interface RunResult {
  run: ScheduledRun;
  rows: number;
}

export interface DetectionOutcome {
  detection: Detection;
  status: HuntStatus;
  columns: string[];
  rows: Row[];
  /** The hosts the results name: their system risk objects, else `dest`. */
  hosts: string[];
  /** Why it was skipped, unsupported or failed. */
  message?: string;
  /** For unsupported: what spelunk lacks (as coverage names it). */
  feature?: string;
  /** For skipped: the datasets it reads, which no input filled. */
  emptyDatasets?: string[];
  riskEvents: RiskEvent[];
  notables: Notable[];
  /** With --schedule: each run that found results, with the run's window. */
  runs?: RunResult[];
  /** With --schedule: how many runs were made. */
  runCount?: number;
  /** Each result's run (with --schedule), parallel to `rows`. */
  rowRuns?: ScheduledRun[];
}

export interface HuntOptions {
  session: Omit<SessionOptions, 'store' | 'datasets' | 'earliest' | 'latest'> & { tz: string };
  /** Simulate ES's schedule instead of one run over all time. */
  schedule?: boolean;
  onDetection?: (done: number, total: number, outcome: DetectionOutcome) => void;
}

export interface HuntResult {
  outcomes: DetectionOutcome[];
  riskEvents: RiskEvent[];
  notables: Notable[];
  /** The time the searches ran at (their `now`), epoch seconds. */
  now: number;
}

const isCorrelation = (detection: Detection): boolean => (detection.type ?? '').toLowerCase() === 'correlation';

export function runHunt(detections: readonly Detection[], datasets: ReadonlyMap<string, ColumnarStore>, options: HuntOptions): HuntResult {
  const first = detections.filter((d) => !isCorrelation(d));
  const correlations = detections.filter(isCorrelation);
  const total = detections.length;
  let done = 0;
  const outcomes: DetectionOutcome[] = [];
  const report = (outcome: DetectionOutcome): void => {
    outcomes.push(outcome);
    options.onDetection?.(++done, total, outcome);
  };
  const session = createSession({ ...options.session, datasets });
  for (const detection of first) report(runDetection(detection, session, options));
  const riskEvents = outcomes.flatMap((outcome) => outcome.riskEvents);
  if (correlations.length > 0) {
    const withRisk = new Map(datasets);
    withRisk.set('Risk.All_Risk', riskStore(riskEvents));
    const riskSession = createSession({ ...options.session, datasets: withRisk });
    for (const detection of correlations) report(runDetection(detection, riskSession, options));
  }
  return {
    outcomes,
    riskEvents: outcomes.flatMap((outcome) => outcome.riskEvents),
    notables: outcomes.flatMap((outcome) => outcome.notables),
    now: session.now,
  };
}

function base(detection: Detection): Omit<DetectionOutcome, 'status'> {
  return { detection, columns: [], rows: [], hosts: [], riskEvents: [], notables: [] };
}

function runDetection(detection: Detection, session: Session, options: HuntOptions): DetectionOutcome {
  try {
    const { pipeline } = session.parse(detection.search);
    const inputs = searchInputs(pipeline);
    const empty = emptyInputs(inputs, session);
    if (empty) {
      return { ...base(detection), status: 'skipped', message: `it reads only ${empty.join(', ')}, which no input filled`, emptyDatasets: empty };
    }
    if (options.schedule) return runScheduled(detection, session, inputs, options);
    const result = session.run(detection.search);
    return withResults(detection, result.columns, result.rows, session.now, session.tz);
  } catch (error) {
    if (error instanceof SpelunkError && error.kind === 'unsupported') {
      return { ...base(detection), status: 'unsupported', message: error.message, feature: featureOf(error.message) };
    }
    const message = error instanceof SpelunkError ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`;
    return { ...base(detection), status: 'error', message };
  }
}

/** The datasets a search reads when every one is empty and nothing else makes results (as coverage judges it). */
function emptyInputs(inputs: ReturnType<typeof searchInputs>, session: Session): string[] | undefined {
  if (inputs.otherSources || inputs.datasets.length === 0) return undefined;
  const stores = session.datasets;
  for (const read of inputs.datasets) {
    const store = stores.get(read.key);
    if (store && rowsIn(store, read) > 0) return undefined;
  }
  return [...new Set(inputs.datasets.map(describeRead))];
}

function withResults(detection: Detection, columns: string[], rows: Row[], now: number, tz: string, rowRuns?: ScheduledRun[]): DetectionOutcome {
  const riskEvents: RiskEvent[] = [];
  const notables: Notable[] = [];
  rows.forEach((row, index) => {
    const fallbackTime = rowRuns?.[index]?.runTime ?? now;
    if (makesRiskEvents(detection)) riskEvents.push(...riskEventsOf(detection, [row], { fallbackTime, tz }));
    if (makesNotables(detection)) notables.push(...notablesOf(detection, [row], { fallbackTime, tz }));
  });
  return {
    ...base(detection),
    status: rows.length > 0 ? 'fired' : 'clean',
    columns,
    rows,
    hosts: hostsOf(detection, rows),
    riskEvents,
    notables,
    ...(rowRuns ? { rowRuns } : {}),
  };
}

/** The distinct hosts of the results: the values of the detection's system risk objects, else of `dest`. */
export function hostsOf(detection: Detection, rows: readonly Row[]): string[] {
  const systemFields = riskObjectsOf(detection).risks.filter((risk) => risk.type === 'system').map((risk) => risk.field);
  const fields = systemFields.length > 0 ? systemFields : ['dest'];
  const hosts = new Set<string>();
  for (const row of rows) {
    for (const field of fields) {
      const value = row.get(field);
      for (const item of Array.isArray(value) ? value : value === null || value === undefined ? [] : [value]) hosts.add(String(item));
    }
  }
  return [...hosts].sort();
}

/** Sessions per run window, shared by every detection on the same schedule. */
const sessionCache = new WeakMap<Session, Map<string, Session>>();

function runSession(session: Session, run: ScheduledRun, options: HuntOptions): Session {
  let byWindow = sessionCache.get(session);
  if (!byWindow) sessionCache.set(session, (byWindow = new Map()));
  const key = `${run.runTime}:${run.earliest}:${run.latest}`;
  let found = byWindow.get(key);
  if (!found) {
    found = createSession({
      ...options.session,
      datasets: session.datasets,
      now: run.runTime,
      earliest: String(run.earliest),
      latest: String(run.latest),
    });
    byWindow.set(key, found);
  }
  return found;
}

function runScheduled(detection: Detection, session: Session, inputs: ReturnType<typeof searchInputs>, options: HuntOptions): DetectionOutcome {
  const spec = scheduleOf(detection);
  const stores = session.datasets;
  // Without a tstats input (makeresults, inputlookup) a search sees no event times: it runs once
  // per hour the data spans.
  const times: number[] = [];
  const keys = new Set<DatasetKey>(inputs.datasets.map((read) => read.key));
  const sources = keys.size > 0 && !inputs.otherSources ? [...keys] : [...stores.keys()];
  for (const key of sources) {
    const store = stores.get(key);
    if (store) for (const t of store.time) times.push(t);
  }
  const runs = runsCovering(spec, times, session.tz);
  const columns: string[] = [];
  const rows: Row[] = [];
  const rowRuns: ScheduledRun[] = [];
  const fired: RunResult[] = [];
  for (const run of runs) {
    const result = runSession(session, run, options).run(detection.search);
    for (const column of result.columns) if (!columns.includes(column)) columns.push(column);
    for (const row of result.rows) {
      rows.push(row);
      rowRuns.push(run);
    }
    if (result.rows.length > 0) fired.push({ run, rows: result.rows.length });
  }
  return { ...withResults(detection, columns, rows, session.now, session.tz, rowRuns), runs: fired, runCount: runs.length };
}
