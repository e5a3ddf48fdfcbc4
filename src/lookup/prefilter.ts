/**
 * Narrows a WILDCARD lookup's entries before their tests run. An entry can only match a value
 * that contains the longest literal piece of its cell (the text between `*`s, or the whole
 * cell without a `*`), so it is filed under the first three characters of that piece; a value
 * then names its candidates by the three-character runs it contains. A table of a few hundred
 * `*scheme:*` patterns over hundreds of thousands of distinct command lines tests a handful of
 * entries per value instead of all of them. Entries whose piece is shorter than three
 * characters are always candidates. Candidates come back in file order, so the matches found
 * are the same, in the same order, as testing every entry.
 */

/** The three UTF-16 units at `at` as one number. */
function runKey(text: string, at: number): number {
  return text.charCodeAt(at) * 4294967296 + text.charCodeAt(at + 1) * 65536 + text.charCodeAt(at + 2);
}

/** The first two units of a run, folded to 16 bits, for a quick test before the Map. */
function pairKey(text: string, at: number): number {
  return ((text.charCodeAt(at) & 0xff) << 8) | (text.charCodeAt(at + 1) & 0xff);
}

function longestPiece(cell: string): string {
  let longest = '';
  for (const piece of cell.split('*')) if (piece.length > longest.length) longest = piece;
  return longest;
}

export interface EntryPrefilter {
  /** Entry numbers, ascending, that may match one of the (folded) values. */
  candidates(folded: readonly string[]): readonly number[];
}

/**
 * A prefilter over one input column of the lookup table. `fold` is the folding the cell tests
 * apply (lower-casing unless the lookup is case-sensitive); cells must be folded the same way.
 */
export function entryPrefilter(cells: readonly string[], fold: (text: string) => string): EntryPrefilter {
  const byRun = new Map<number, number[]>();
  // Which two-unit starts any filed run has: most positions of a value fail this test and
  // never reach the Map.
  const startsRun = new Uint8Array(65536);
  const always: number[] = [];
  cells.forEach((cell, entry) => {
    // An empty cell matches nothing (apply.ts); it needs no place here.
    if (cell === '') return;
    const piece = longestPiece(fold(cell));
    if (piece.length < 3) {
      always.push(entry);
      return;
    }
    startsRun[pairKey(piece, 0)] = 1;
    const key = runKey(piece, 0);
    const list = byRun.get(key);
    if (list) list.push(entry);
    else byRun.set(key, [entry]);
  });
  const seen = new Uint32Array(cells.length);
  let generation = 0;
  return {
    candidates(folded) {
      generation++;
      const found: number[] = [...always];
      for (const entry of always) seen[entry] = generation;
      for (const text of folded) {
        for (let at = 0; at + 3 <= text.length; at++) {
          if (startsRun[pairKey(text, at)] === 0) continue;
          const list = byRun.get(runKey(text, at));
          if (list === undefined) continue;
          for (const entry of list) {
            if (seen[entry] === generation) continue;
            seen[entry] = generation;
            found.push(entry);
          }
        }
      }
      return found.sort((a, b) => a - b);
    },
  };
}
