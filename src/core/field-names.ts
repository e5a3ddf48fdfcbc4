/**
 * Field names as commands handle them: wildcard patterns (`Processes.*`, case-sensitive, `*`
 * matches any run of characters) and column lists.
 */

/**
 * Matches a field name against a wildcard pattern; returns what each `*` matched, or undefined.
 * Each `*` takes as little as it can (what `(.*?)` would capture), found in linear passes: a regex
 * with many lazy groups backtracks exponentially on long names that almost match.
 */
export function matchFieldPattern(pattern: string, field: string): string[] | undefined {
  const pieces = pattern.split('*');
  if (pieces.length === 1) return pattern === field ? [] : undefined;
  const first = pieces[0] as string;
  const last = pieces[pieces.length - 1] as string;
  if (field.length < first.length + last.length) return undefined;
  if (!field.startsWith(first) || !field.endsWith(last)) return undefined;
  // Placing every middle piece at its earliest occurrence leaves the most room for the rest, so
  // it succeeds whenever any placement does, and gives the shortest captures from the left.
  const end = field.length - last.length;
  const parts: string[] = [];
  let position = first.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const piece = pieces[i] as string;
    const found = field.indexOf(piece, position);
    if (found < 0 || found + piece.length > end) return undefined;
    parts.push(field.slice(position, found));
    position = found + piece.length;
  }
  parts.push(field.slice(position, end));
  return parts;
}

/** How many `*` a pattern holds. */
export function countWildcards(pattern: string): number {
  return pattern.split('*').length - 1;
}

/** The pattern with its `*`s replaced, in order, by `parts` (what matchFieldPattern found). */
export function fillWildcards(pattern: string, parts: readonly string[]): string {
  let index = 0;
  return pattern.replace(/\*/g, () => parts[index++] ?? '');
}

/** The columns followed by the names in `added` they do not hold yet, in order. */
export function appendColumns(columns: readonly string[], added: readonly string[]): string[] {
  const out = [...columns];
  for (const name of added) if (!out.includes(name)) out.push(name);
  return out;
}
