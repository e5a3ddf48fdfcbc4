/**
 * The coverage report: one line per search, a summary by status and by missing feature, and
 * the final line `parsed P/N, executed E/N, unsupported U/N, errors X/N, no data D/N` over the
 * searches that are not deprecated. The `no data` searches ran, so they are among the executed.
 */
import type { CoverageResult } from './run.js';

export interface CoverageSummary {
  /** Non-deprecated searches. */
  total: number;
  parsed: number;
  /** Searches that ran: ok and no data. */
  executed: number;
  unsupported: number;
  errors: number;
  /** Searches that ran over datasets no input filled (counted in executed too). */
  noData: number;
  deprecated: { total: number; executed: number; unsupported: number; errors: number; noData: number };
  /** Missing features, most detections first: what would unlock how many (non-deprecated) searches. */
  features: { feature: string; searches: number }[];
}

const ran = (result: CoverageResult): boolean => result.status === 'ok' || result.status === 'no data';

export function summarize(results: readonly CoverageResult[]): CoverageSummary {
  const counted = results.filter((r) => !r.deprecated);
  const deprecated = results.filter((r) => r.deprecated);
  const features = new Map<string, number>();
  for (const result of counted) {
    if (result.status === 'unsupported' && result.feature) features.set(result.feature, (features.get(result.feature) ?? 0) + 1);
  }
  return {
    total: counted.length,
    parsed: counted.filter((r) => r.parsed).length,
    executed: counted.filter(ran).length,
    unsupported: counted.filter((r) => r.status === 'unsupported').length,
    errors: counted.filter((r) => r.status === 'error').length,
    noData: counted.filter((r) => r.status === 'no data').length,
    deprecated: {
      total: deprecated.length,
      executed: deprecated.filter(ran).length,
      unsupported: deprecated.filter((r) => r.status === 'unsupported').length,
      errors: deprecated.filter((r) => r.status === 'error').length,
      noData: deprecated.filter((r) => r.status === 'no data').length,
    },
    features: [...features]
      .map(([feature, searches]) => ({ feature, searches }))
      .sort((a, b) => b.searches - a.searches || (a.feature < b.feature ? -1 : 1)),
  };
}

/** The last line of every report, its form fixed since the first coverage report, extended with `no data`. */
export function finalLine(summary: CoverageSummary): string {
  const n = summary.total;
  return `parsed ${summary.parsed}/${n}, executed ${summary.executed}/${n}, unsupported ${summary.unsupported}/${n}, errors ${summary.errors}/${n}, no data ${summary.noData}/${n}`;
}

export function resultLine(result: CoverageResult): string {
  const status = result.deprecated ? `${result.status} (deprecated)` : result.status;
  const detail = result.status === 'ok' ? `${result.rows} row${result.rows === 1 ? '' : 's'}` : oneLine(result.message ?? '');
  return `${status.padEnd(24)} ${result.name}: ${detail}`;
}

export function formatTextReport(results: readonly CoverageResult[]): string {
  const summary = summarize(results);
  const lines = results.map(resultLine);
  lines.push('', `Summary (${summary.total} searches; ${summary.deprecated.total} deprecated, counted apart):`);
  const row = (label: string, count: number, of: number): string => `  ${label.padEnd(12)} ${String(count).padStart(5)}  ${percent(count, of)}`;
  lines.push(row('ok', summary.executed - summary.noData, summary.total));
  lines.push(row('no data', summary.noData, summary.total));
  lines.push(row('unsupported', summary.unsupported, summary.total));
  lines.push(row('error', summary.errors, summary.total));
  if (summary.deprecated.total > 0) {
    const d = summary.deprecated;
    lines.push(`  deprecated   ${String(d.total).padStart(5)}  (ok ${d.executed - d.noData}, no data ${d.noData}, unsupported ${d.unsupported}, errors ${d.errors})`);
  }
  if (summary.features.length > 0) {
    lines.push('', 'Missing features (searches each would unlock):');
    for (const { feature, searches } of summary.features) lines.push(`  ${String(searches).padStart(5)}  ${feature}`);
  }
  lines.push('', finalLine(summary));
  return `${lines.join('\n')}\n`;
}

export function formatJsonReport(results: readonly CoverageResult[]): string {
  const summary = summarize(results);
  return `${JSON.stringify({ results, summary, line: finalLine(summary) }, null, 2)}\n`;
}

function percent(count: number, of: number): string {
  return of === 0 ? '' : `${((100 * count) / of).toFixed(1)}%`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
