/**
 * Percentiles as stats computes them (see docs/semantics.md, "stats percentiles"):
 * perc<N>, p<N>, upperperc<N> and exactperc<N> interpolate linearly between the neighbouring
 * ranks around (N/100)·(n−1) of the sorted values, as every worked example of Splunk's
 * aggregate-functions page does (perc50 of 1..10 "returns 5.5", perc95 "returns 9.55").
 * median picks the value at rank round((n−1)/2), the higher middle value for an even count
 * (DOC: "approximated to the higher of the two values").
 */
export type PercentileMethod = 'nearest' | 'interpolated';

export function percentile(sorted: readonly number[], percent: number, method: PercentileMethod): number | null {
  if (sorted.length === 0) return null;
  // The rank scaled by 100, so the fraction is one division (95·9 → 855: rank 8, fraction 0.55)
  // and prints as the examples do (9.55, not 9.549999999999999).
  const scaled = Math.min(100, Math.max(0, percent)) * (sorted.length - 1);
  if (method === 'nearest') return sorted[Math.floor(scaled / 100 + 0.5)] as number;
  const lower = Math.floor(scaled / 100);
  const fraction = (scaled - lower * 100) / 100;
  const low = sorted[lower] as number;
  const high = sorted[Math.min(lower + 1, sorted.length - 1)] as number;
  return fraction === 0 ? low : low + (high - low) * fraction;
}
