/**
 * `hunt --out DIR`: summary.json, one result file per fired detection (detections/<name>.json or
 * .csv), risk.jsonl, notables.jsonl, timeline.csv (every result of every detection, by time, as
 * Hayabusa's csv-timeline lists detections) and report.html. Every file is written inside DIR with
 * the project's safe writer: no symbolic link, inside DIR or at it, is followed.
 */
import { lstatSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SpelunkError } from '../core/errors.js';
import { displayValues, type Row } from '../core/values.js';
import { formatResults } from '../format/index.js';
import { writeInside } from '../lookup/safe-write.js';
import { renderReport } from './html.js';
import { resultTime } from '../hunt/risk.js';
import type { DetectionOutcome, HuntResult } from '../hunt/run.js';
import type { HuntSummary } from '../hunt/summary.js';

export type ResultFileFormat = 'json' | 'csv';

/** A file name from a detection name: letters, digits, `-` and `_` only. */
export function fileNameOf(name: string): string {
  const slug = name.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '');
  return slug === '' ? 'detection' : slug.slice(0, 120);
}

/** Makes `folder` (or finds it) and refuses it when it is a link or not a folder. */
function ensureFolder(folder: string): void {
  let stats;
  try {
    stats = lstatSync(folder);
  } catch {
    try {
      mkdirSync(folder, { recursive: true });
    } catch (error) {
      throw new SpelunkError('input', `hunt --out: cannot create ${folder}: ${error instanceof Error ? error.message : String(error)}`);
    }
    stats = lstatSync(folder);
  }
  if (stats.isSymbolicLink()) throw new SpelunkError('input', `hunt --out: refusing to write into ${folder}: it is a symbolic link.`);
  if (!stats.isDirectory()) throw new SpelunkError('input', `hunt --out: ${folder} is not a folder.`);
}

function write(file: string, text: string): void {
  try {
    writeInside(file, text);
  } catch (error) {
    if (error instanceof SpelunkError) throw new SpelunkError(error.kind, error.message.replace(/^outputlookup:/, 'hunt --out:'));
    throw error;
  }
}

const csvCell = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

function cell(row: Row, field: string): string {
  return displayValues(row.get(field)).join('\n');
}

/** Every result of every fired detection, by time: when, which detection, and the row's key fields. */
export function timelineCsv(result: HuntResult, tz: string): string {
  const entries: { time: number; outcome: DetectionOutcome; row: Row; runTime?: number }[] = [];
  for (const outcome of result.outcomes) {
    outcome.rows.forEach((row, index) => {
      const run = outcome.rowRuns?.[index];
      entries.push({ time: resultTime(row, run?.runTime ?? result.now, tz), outcome, row, ...(run ? { runTime: run.runTime } : {}) });
    });
  }
  entries.sort((a, b) => a.time - b.time || (a.outcome.detection.name < b.outcome.detection.name ? -1 : 1));
  const header = ['time', 'detection', 'type', 'risk_score', 'techniques', 'dest', 'user', 'risk_message', 'run_time', 'details'];
  const lines = [header.join(',')];
  for (const { time, outcome, row, runTime } of entries) {
    const { detection } = outcome;
    const message = (detection.message ?? '').replace(/\$([^$\s]+)\$/g, (_m, field: string) => displayValues(row.get(field)).join(', '));
    const details = [...row.keys()]
      .filter((field) => field !== 'dest' && field !== 'user')
      .map((field) => `${field}=${displayValues(row.get(field)).join('|')}`)
      .join(' ¦ ');
    lines.push(
      [
        new Date(time * 1000).toISOString(),
        detection.name,
        detection.type ?? '',
        detection.riskScore === undefined ? '' : String(detection.riskScore),
        detection.mitreAttackId.join(' '),
        cell(row, 'dest'),
        cell(row, 'user'),
        message,
        runTime === undefined ? '' : new Date(runTime * 1000).toISOString(),
        details,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

const jsonl = (items: readonly unknown[]): string => items.map((item) => `${JSON.stringify(item)}\n`).join('');

export function writeHuntOutput(dir: string, result: HuntResult, summary: HuntSummary, options: { format: ResultFileFormat; tz: string }): string[] {
  ensureFolder(dir);
  const written: string[] = [];
  const put = (name: string, text: string): void => {
    write(join(dir, name), text);
    written.push(name);
  };
  put('summary.json', `${JSON.stringify(summary, null, 2)}\n`);
  const fired = result.outcomes.filter((o) => o.status === 'fired');
  if (fired.length > 0) ensureFolder(join(dir, 'detections'));
  const used = new Set<string>();
  const fileOf = new Map<DetectionOutcome, string>();
  for (const outcome of fired) {
    let name = fileNameOf(outcome.detection.name);
    for (let n = 2; used.has(name); n++) name = `${fileNameOf(outcome.detection.name)}_${n}`;
    used.add(name);
    const file = `detections/${name}.${options.format}`;
    fileOf.set(outcome, file);
    put(file, formatResults({ columns: outcome.columns, rows: outcome.rows }, options.format, { tz: options.tz }));
  }
  put('risk.jsonl', jsonl(result.riskEvents));
  put('notables.jsonl', jsonl(result.notables));
  put('timeline.csv', timelineCsv(result, options.tz));
  put('report.html', renderReport(result, summary, { tz: options.tz, files: fileOf }));
  return written;
}
