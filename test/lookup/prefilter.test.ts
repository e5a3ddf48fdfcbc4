import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { globTest } from '../../src/search/match.js';
import { entryPrefilter } from '../../src/lookup/prefilter.js';

const lower = (text: string): string => text.toLowerCase();

/** Entries whose glob matches one of the values, tested one by one: what the prefilter must not change. */
function matchingByScan(cells: readonly string[], values: readonly string[]): number[] {
  return cells.flatMap((cell, entry) => (cell !== '' && values.some((value) => globTest(cell)(value)) ? [entry] : []));
}

function matchingWithPrefilter(cells: readonly string[], values: readonly string[]): number[] {
  const candidates = entryPrefilter(cells, lower).candidates(values.map(lower));
  return candidates.filter((entry) => values.some((value) => globTest(cells[entry]!)(value)));
}

describe('WILDCARD lookup prefilter', () => {
  it('finds the matching entries of the protocol-handler table, in file order', () => {
    const cells = ['*bingmaps:*', '*calculator:*', '*ms-settings:*', 'exact.exe', '*a*', '', '*MS-SETTINGS:display*'];
    const value = 'C:\\Windows\\explorer.exe ms-settings:display';
    expect(matchingWithPrefilter(cells, [value])).toEqual(matchingByScan(cells, [value]));
    expect(matchingWithPrefilter(cells, [value])).toEqual([2, 4, 6]);
    expect(matchingWithPrefilter(cells, ['EXACT.EXE'])).toEqual([3, 4]);
  });

  it('never drops an entry the full scan would match', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', ':', '*', '.', 'İ'), maxLength: 12 });
    fc.assert(
      fc.property(fc.array(text, { maxLength: 12 }), fc.array(text, { minLength: 1, maxLength: 3 }), (cells, values) => {
        const plain = values.map((value) => value.replace(/\*/g, ''));
        expect(matchingWithPrefilter(cells, plain)).toEqual(matchingByScan(cells, plain));
      }),
      { numRuns: 2000 },
    );
  });
});
