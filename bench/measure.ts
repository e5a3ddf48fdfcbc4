/** Timing helpers: one warm-up run, then the median of the measured repetitions. */

export interface Timing {
  medianMs: number;
  runsMs: number[];
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function timeSync(repetitions: number, run: () => void): Timing {
  run();
  const runsMs: number[] = [];
  for (let index = 0; index < repetitions; index++) {
    const start = performance.now();
    run();
    runsMs.push(performance.now() - start);
  }
  return { medianMs: median(runsMs), runsMs };
}

export async function timeAsync(repetitions: number, run: () => Promise<unknown>): Promise<Timing> {
  await run();
  const runsMs: number[] = [];
  for (let index = 0; index < repetitions; index++) {
    const start = performance.now();
    await run();
    runsMs.push(performance.now() - start);
  }
  return { medianMs: median(runsMs), runsMs };
}

/** `1000000` -> `1M`, `100000` -> `100k`. */
export function rowsLabel(rows: number): string {
  if (rows >= 1e6 && rows % 1e6 === 0) return `${rows / 1e6}M`;
  if (rows >= 1e3 && rows % 1e3 === 0) return `${rows / 1e3}k`;
  return String(rows);
}

export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
