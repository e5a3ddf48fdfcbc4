/**
 * Splunk's Search Reference, example by example (issue 18): every documented example whose result
 * the page states, run through spelunk. A case marked `knownDifference` is one spelunk does not
 * agree with yet; for those the test asserts that spelunk still differs, so whoever fixes one is
 * told to remove the mark (and the case then guards the fix).
 */
import { describe, expect, it } from 'vitest';
import { CASE_FILES } from './cases/index.js';
import type { DocCase } from './cases/types.js';
import { agrees, normalised, observed, outcomeOf } from './outcome.js';

const allCases: DocCase[] = Object.values(CASE_FILES).flat();

describe('the documented-example cases themselves', () => {
  it('are at least 300, each with a unique id', () => {
    expect(allCases.length).toBeGreaterThanOrEqual(300);
    const ids = allCases.map((c) => c.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
  it('each cite a versioned Search Reference page and quote it', () => {
    for (const c of allCases) {
      expect(c.page, c.id).toMatch(/^https:\/\/help\.splunk\.com\/en\/splunk-enterprise\/[a-z0-9/-]+\/\d+\.\d+\/[a-z0-9/-]+$/);
      expect(c.quote.trim().length, c.id).toBeGreaterThan(0);
      expect(c.search.trim(), c.id).toMatch(/^\|/);
      if (c.knownDifference !== undefined) expect(c.knownDifference.trim().length, c.id).toBeGreaterThan(0);
    }
  });
});

for (const [file, cases] of Object.entries(CASE_FILES)) {
  describe(file, () => {
    for (const c of cases) {
      if (c.knownDifference === undefined) {
        it(`${c.id}: as documented`, () => {
          const outcome = outcomeOf(c);
          expect(observed(c.expected, outcome), `${c.search}\n${c.page}\n"${c.quote}"`).toEqual(normalised(c.expected));
        });
      } else {
        it(`${c.id}: still differs (${c.knownDifference})`, () => {
          const outcome = outcomeOf(c);
          expect(
            agrees(c.expected, outcome),
            `${c.id} now gives the documented result: remove its knownDifference mark in test/docs/cases/${file}.ts`,
          ).toBe(false);
        });
      }
    }
  });
}
