/**
 * Multivalue cells while a row is made: a mapping rule or calculation that gives several values
 * (the event's tags, the answers of a DNS query) joins them with MULTIVALUE_SEPARATOR into one
 * string, so rows stay arrays of strings on the ingest path; the dataset's store turns such a
 * cell back into its values (src/ingest/builders.ts). The separator is the ASCII unit separator,
 * which Windows event text does not contain.
 */
export const MULTIVALUE_SEPARATOR = '\u001f';

export function joinMultivalue(values: readonly string[]): string | null {
  return values.length === 0 ? null : values.join(MULTIVALUE_SEPARATOR);
}

export function splitMultivalue(cell: string): string[] {
  return cell.split(MULTIVALUE_SEPARATOR);
}

/** How many values a cell holds (0 for none). */
export function multivalueCount(cell: string | null | undefined): number {
  if (cell === null || cell === undefined) return 0;
  let count = 1;
  for (let at = cell.indexOf(MULTIVALUE_SEPARATOR); at !== -1; at = cell.indexOf(MULTIVALUE_SEPARATOR, at + 1)) count++;
  return count;
}
