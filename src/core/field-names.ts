/**
 * Field names as commands handle them: wildcard patterns (`Processes.*`, case-sensitive, `*`
 * matches any run of characters) and column lists.
 */

/** Matches a field name against a wildcard pattern; returns what each `*` matched, or undefined. */
export function matchFieldPattern(pattern: string, field: string): string[] | undefined {
  const pieces = pattern.split('*');
  if (pieces.length === 1) return pattern === field ? [] : undefined;
  const source = pieces.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('(.*?)');
  const match = new RegExp(`^${source}$`, 's').exec(field);
  return match ? match.slice(1) : undefined;
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
