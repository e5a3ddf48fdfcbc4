/**
 * What a hunt found, as one plain object (summary.json) and as the terminal summary: how many
 * detections ran, fired, were skipped for lack of data, were unsupported (grouped by the feature
 * spelunk lacks) or failed; the fired ones by risk score then result count; the risk score per
 * risk object summed over its risk events, as ES's risk index adds them up.
 */
import type { DetectionOutcome, HuntResult } from './run.js';

export interface FiredEntry {
  name: string;
  type: string;
  riskScore: number | null;
  techniques: string[];
  results: number;
  hosts: string[];
  riskEvents: number;
  notables: number;
  /** With --schedule: runs made, and runs that found results. */
  runs?: number;
  runsFired?: number;
  path: string;
}

export interface RiskObjectTotal {
  riskObject: string;
  riskObjectType: string;
  riskScore: number;
  riskEvents: number;
  detections: string[];
}

export interface HuntSummary {
  detections: number;
  ran: number;
  fired: number;
  clean: number;
  skipped: number;
  unsupported: number;
  errors: number;
  riskEvents: number;
  notables: number;
  firedDetections: FiredEntry[];
  riskObjects: RiskObjectTotal[];
  /** Feature spelunk lacks → number of detections it would unlock. */
  unsupportedReasons: { reason: string; detections: number }[];
  skippedDatasets: { dataset: string; detections: number }[];
  errorDetections: { name: string; message: string }[];
  ingest: string;
  elapsedSeconds: number;
  schedule: boolean;
}

const count = (outcomes: readonly DetectionOutcome[], status: DetectionOutcome['status']): number =>
  outcomes.filter((o) => o.status === status).length;

function tally(keys: readonly string[]): { key: string; n: number }[] {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].map(([key, n]) => ({ key, n })).sort((a, b) => b.n - a.n || (a.key < b.key ? -1 : 1));
}

/** Fired detections, highest risk score first, then most results, then by name. */
export function firedOrder(a: DetectionOutcome, b: DetectionOutcome): number {
  const score = (b.detection.riskScore ?? -1) - (a.detection.riskScore ?? -1);
  if (score !== 0) return score;
  if (b.rows.length !== a.rows.length) return b.rows.length - a.rows.length;
  return a.detection.name < b.detection.name ? -1 : a.detection.name > b.detection.name ? 1 : 0;
}

export function summarizeHunt(result: HuntResult, ingest: string, elapsedSeconds: number, schedule = false): HuntSummary {
  const { outcomes } = result;
  const fired = outcomes.filter((o) => o.status === 'fired').sort(firedOrder);
  const totals = new Map<string, RiskObjectTotal>();
  for (const event of result.riskEvents) {
    const key = `${event.risk_object_type}\u0000${event.risk_object}`;
    let total = totals.get(key);
    if (!total) {
      total = { riskObject: event.risk_object, riskObjectType: event.risk_object_type, riskScore: 0, riskEvents: 0, detections: [] };
      totals.set(key, total);
    }
    total.riskScore += event.risk_score;
    total.riskEvents++;
    if (!total.detections.includes(event.detection)) total.detections.push(event.detection);
  }
  return {
    detections: outcomes.length,
    ran: count(outcomes, 'fired') + count(outcomes, 'clean'),
    fired: fired.length,
    clean: count(outcomes, 'clean'),
    skipped: count(outcomes, 'skipped'),
    unsupported: count(outcomes, 'unsupported'),
    errors: count(outcomes, 'error'),
    riskEvents: result.riskEvents.length,
    notables: result.notables.length,
    firedDetections: fired.map((o) => ({
      name: o.detection.name,
      type: o.detection.type ?? '',
      riskScore: o.detection.riskScore ?? null,
      techniques: o.detection.mitreAttackId,
      results: o.rows.length,
      hosts: o.hosts,
      riskEvents: o.riskEvents.length,
      notables: o.notables.length,
      ...(o.runCount !== undefined ? { runs: o.runCount, runsFired: o.runs?.length ?? 0 } : {}),
      path: o.detection.path,
    })),
    riskObjects: [...totals.values()].sort((a, b) => b.riskScore - a.riskScore || (a.riskObject < b.riskObject ? -1 : 1)),
    unsupportedReasons: tally(outcomes.filter((o) => o.status === 'unsupported').map((o) => o.feature ?? o.message ?? '')).map(({ key, n }) => ({
      reason: key,
      detections: n,
    })),
    skippedDatasets: tally(outcomes.filter((o) => o.status === 'skipped').flatMap((o) => o.emptyDatasets ?? [])).map(({ key, n }) => ({
      dataset: key,
      detections: n,
    })),
    errorDetections: outcomes.filter((o) => o.status === 'error').map((o) => ({ name: o.detection.name, message: o.message ?? '' })),
    ingest,
    elapsedSeconds,
    schedule,
  };
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}
function padStart(text: string, width: number): string {
  return text.length >= width ? text : ' '.repeat(width - text.length) + text;
}

/** The terminal summary; its first line is the one-line verdict. */
export function formatHuntSummary(summary: HuntSummary, options: { maxFired?: number; maxHosts?: number } = {}): string {
  const lines: string[] = [];
  lines.push(
    `hunt: ${summary.detections} detections: ran ${summary.ran}, fired ${summary.fired}, skipped ${summary.skipped} (no data), ` +
      `unsupported ${summary.unsupported}, errors ${summary.errors}; ${summary.riskEvents} risk events, ${summary.notables} notables`,
  );
  if (summary.firedDetections.length > 0) {
    lines.push('', 'Fired (by risk score, then results):');
    lines.push(`  ${padStart('score', 5)}  ${pad('type', 11)} ${padStart('results', 7)} ${padStart('hosts', 5)}${summary.schedule ? '  runs' : ''}  ${pad('techniques', 22)} detection`);
    const shown = summary.firedDetections.slice(0, options.maxFired ?? Infinity);
    for (const entry of shown) {
      const runs = summary.schedule ? `  ${padStart(`${entry.runsFired ?? 0}/${entry.runs ?? 0}`, 4)}` : '';
      lines.push(
        `  ${padStart(entry.riskScore === null ? '-' : String(entry.riskScore), 5)}  ${pad(entry.type, 11)} ${padStart(String(entry.results), 7)} ` +
          `${padStart(String(entry.hosts.length), 5)}${runs}  ${pad(entry.techniques.join(',') || '-', 22)} ${entry.name}`,
      );
    }
    if (shown.length < summary.firedDetections.length) lines.push(`  ... ${summary.firedDetections.length - shown.length} more (see --out)`);
  }
  if (summary.riskObjects.length > 0) {
    lines.push('', 'Risk per object (risk scores summed over its risk events):');
    const shown = summary.riskObjects.slice(0, options.maxHosts ?? Infinity);
    for (const total of shown) {
      lines.push(
        `  ${padStart(String(total.riskScore), 6)}  ${pad(total.riskObjectType, 6)} ${pad(total.riskObject, 30)} ${total.riskEvents} risk events from ${total.detections.length} detections`,
      );
    }
    if (shown.length < summary.riskObjects.length) lines.push(`  ... ${summary.riskObjects.length - shown.length} more`);
  }
  if (summary.unsupportedReasons.length > 0) {
    lines.push('', 'Unsupported (detections per missing feature):');
    for (const { reason, detections } of summary.unsupportedReasons) lines.push(`  ${padStart(String(detections), 5)}  ${reason}`);
  }
  if (summary.skippedDatasets.length > 0) {
    lines.push('', 'Skipped for lack of data (detections per dataset no input filled):');
    for (const { dataset, detections } of summary.skippedDatasets) lines.push(`  ${padStart(String(detections), 5)}  ${dataset}`);
  }
  if (summary.errorDetections.length > 0) {
    lines.push('', 'Errors:');
    for (const { name, message } of summary.errorDetections) lines.push(`  ${name}: ${message}`);
  }
  lines.push('', `Ingest: ${summary.ingest}`, `Elapsed: ${summary.elapsedSeconds.toFixed(1)} s`);
  return `${lines.join('\n')}\n`;
}
