/** Where a record is in its file, and how messages show it. */

/**
 * Where a record is in its file: the line it starts on for text files; for files of binary
 * records (EVTX) `line` is 0 and the record is named by its chunk and record number.
 */
export interface RecordPlace {
  line: number;
  chunk?: number;
  record?: number;
}

/** A line number, or the place of a record that has none. */
export type Where = number | RecordPlace;

/** `file:line`, or `file: chunk C, record R` for a binary record. */
export function placeText(file: string, where: Where): string {
  const place = typeof where === 'number' ? { line: where } : where;
  if (place.record === undefined) return `${file}:${place.line}`;
  return `${file}: ${place.chunk !== undefined ? `chunk ${place.chunk}, ` : ''}record ${place.record}`;
}
