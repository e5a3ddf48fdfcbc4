/**
 * stats sorts its groups by BY values: numerically when both values are numbers, else byte-wise
 * (compareAtoms). That order is not transitive over mixed values ("9" < "10" < "1a" < "9"),
 * so the result must be what comparing tuples pairwise gives, whatever the values.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareTuples } from '../../src/stats/grouping.js';
import { plain, runCommand, table } from './direct.js';

const tricky = fc.constantFrom('9', '10', '1a', '01', '1.0', '1', 'a', 'B', 'b', '-2', ' 3', 'z10');

describe('stats group order', () => {
  it('is the pairwise tuple order, with first-seen order among ties', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(tricky, tricky), { minLength: 1, maxLength: 40 }), (pairs) => {
        const input = table(['x', 'y'], ...pairs.map(([x, y]) => ({ x, y })));
        const { table: result } = runCommand('stats count by x y', input);
        const firstSeen: [string, string][] = [];
        for (const [x, y] of pairs) if (!firstSeen.some(([a, b]) => a === x && b === y)) firstSeen.push([x, y]);
        const expected = [...firstSeen].sort((a, b) => compareTuples(a, b));
        expect(plain(result).map((row) => [row['x'], row['y']])).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('sorts numbers numerically and text byte-wise', () => {
    const input = table(['x'], { x: '10' }, { x: '9' }, { x: 'b' }, { x: 'B' }, { x: '10' });
    const { table: result } = runCommand('stats count by x', input);
    expect(plain(result)).toEqual([
      { x: '9', count: 1 },
      { x: '10', count: 2 },
      { x: 'B', count: 1 },
      { x: 'b', count: 1 },
    ]);
  });
});
