/** The line after the results (on stderr): how many there are and how long the search took. */

export interface RunSummary {
  /** Results printed. */
  results: number;
  /** Seconds from the start of the run (reading the data included) to the last result. */
  seconds: number;
  /** Events the search read, when known: the Endpoint.Processes rows loaded. */
  events?: number;
}

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

/**
 * `2 results by scanning 54 events in 0.412 seconds`: the wording of the header of Splunk's
 * Search Job Inspector as remembered (docs/semantics.md, Output formats: not checked).
 */
export function footerLine(summary: RunSummary): string {
  const scanned = summary.events === undefined ? '' : ` by scanning ${plural(summary.events, 'event', 'events')}`;
  return `${plural(summary.results, 'result', 'results')}${scanned} in ${Math.max(0, summary.seconds).toFixed(3)} seconds`;
}
