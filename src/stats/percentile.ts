/**
 * Percentiles as stats computes them (see docs/semantics.md, "stats percentiles"):
 * perc<N>/median pick the value at rank round((N/100)·(n−1)) of the sorted values (the higher
 * of the two middle values for an even-count median), exactperc<N> interpolates linearly
 * between neighbouring ranks, upperperc<N> takes the upper neighbour.
 */
export type PercentileMethod = 'nearest' | 'exact' | 'upper';

export function percentile(sorted: readonly number[], percent: number, method: PercentileMethod): number | null {
  if (sorted.length === 0) return null;
  const position = (Math.min(100, Math.max(0, percent)) / 100) * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  switch (method) {
    case 'nearest':
      return sorted[Math.floor(position + 0.5)] as number;
    case 'upper':
      return sorted[upper] as number;
    default: {
      const low = sorted[lower] as number;
      const high = sorted[upper] as number;
      return low + (high - low) * (position - lower);
    }
  }
}
