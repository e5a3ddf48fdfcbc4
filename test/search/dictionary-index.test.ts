import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dictionaryValues, entriesWithPassingValue, hasBit } from '../../src/search/dictionary-index.js';
import { equalityPieces, equalityTest } from '../../src/search/match.js';
import type { DictionaryEntry } from '../../src/store/types.js';

/** Entries with a value passing the glob, tested one by one: what the signature filter must not change. */
function passingByScan(dictionary: readonly DictionaryEntry[], pattern: string): number[] {
  const test = equalityTest(pattern);
  return dictionary.flatMap((entry, id) => {
    const values = entry === null ? [] : typeof entry === 'string' ? [entry] : entry;
    return values.some((v) => test(v)) ? [id] : [];
  });
}

function passingWithSignatures(dictionary: readonly DictionaryEntry[], pattern: string): number[] {
  const bits = entriesWithPassingValue(dictionaryValues({ ids: new Uint8Array(0), dictionary }), equalityTest(pattern), equalityPieces(pattern));
  return dictionary.flatMap((_, id) => (hasBit(bits, id) ? [id] : []));
}

describe('whole-dictionary glob evaluation', () => {
  it('finds every entry the value-by-value glob finds, over long values whose signatures span many words', () => {
    const unit = fc.constantFrom('a', 'b', 'c', 'A', 'B', '-', ' ', '\\', '.', 'İ', 'ß', '*', '\u0000');
    const value = fc.string({ unit, maxLength: 300 });
    const entry: fc.Arbitrary<DictionaryEntry> = fc.oneof(
      { weight: 6, arbitrary: value },
      { weight: 1, arbitrary: fc.array(value, { maxLength: 3 }) },
      { weight: 1, arbitrary: fc.constant(null) },
    );
    // Patterns cut from the values themselves, so that many do match.
    const property = fc
      .array(entry, { minLength: 1, maxLength: 30 })
      .chain((dictionary) => {
        const texts = dictionary.flatMap((e) => (e === null ? [] : typeof e === 'string' ? [e] : e));
        const cut =
          texts.length === 0
            ? fc.constant('')
            : fc
                .tuple(fc.constantFrom(...texts), fc.nat(), fc.nat(12), fc.boolean(), fc.boolean())
                .map(([t, at, length, lead, trail]) => `${lead ? '*' : ''}${t.slice(at % (t.length + 1), (at % (t.length + 1)) + length)}${trail ? '*' : ''}`);
        return fc.tuple(fc.constant(dictionary), fc.oneof(cut, fc.string({ unit, maxLength: 8 })));
      });
    fc.assert(
      fc.property(property, ([dictionary, pattern]) => {
        expect(passingWithSignatures(dictionary, pattern)).toEqual(passingByScan(dictionary, pattern));
      }),
      { numRuns: 2000 },
    );
  });
});
