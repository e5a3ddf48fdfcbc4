/**
 * Whole-dictionary evaluation of one-value tests, for when a test must be decided for most of a
 * large dictionary (hundreds of thousands of distinct command lines). Deciding entry by entry
 * costs a closure call and a memo check per row, and a substring search per value; here each
 * value carries a signature of the character triples (trigrams) in its lower-case form, built
 * once per column, so a glob whose literal pieces hold a triple a value lacks skips that value
 * with a few integer tests. (Pairs proved too common in command lines to rule much out.) Only the values left are tested with the full glob.
 *
 * Verdicts are bitsets over entry ids, kept per column (the store is built once and queried by
 * hundreds of searches), within a byte budget.
 */
import type { DictionaryColumn } from '../store/types.js';
import type { StringTest } from './match.js';

/** One bit per dictionary entry, bit `id & 31` of word `id >>> 5`. */
export type EntryBits = Uint32Array;

/**
 * Signature bits per character of a value, at least (rounded up to a power of two, 64 at
 * least): few enough trigrams per bit that under 40% of a signature is set, so a literal of a
 * few characters rules out nearly every value lacking it.
 */
const SIGNATURE_BITS_PER_CHAR = 2;

export interface DictionaryValues {
  readonly entryCount: number;
  /** Every value of every entry, multivalue entries' values consecutive, in entry order. */
  readonly values: readonly string[];
  /** The values' lower-case forms. */
  readonly lowered: readonly string[];
  /** The entry each value belongs to. */
  readonly valueEntry: Int32Array;
  /** The trigrams of each value's lower-case form, hashed into that value's bits. */
  readonly signatures: Uint32Array;
  /** Where each value's signature starts in `signatures`, in words. */
  readonly signatureStart: Int32Array;
  /** 32 - log2(signature bits) per value: a trigram hash shifted right by it is a bit index. */
  readonly signatureShift: Uint8Array;
  /** Entries with at least one value (null entries have none). */
  readonly hasValues: EntryBits;
}

const dictionaries = new WeakMap<DictionaryColumn, DictionaryValues>();

export function emptyBits(entryCount: number): EntryBits {
  return new Uint32Array((entryCount + 31) >>> 5);
}

export function hasBit(bits: EntryBits, id: number): boolean {
  return ((bits[id >>> 5]! >>> (id & 31)) & 1) === 1;
}

function setBit(bits: EntryBits, id: number): void {
  bits[id >>> 5]! |= 1 << (id & 31);
}

/** A 32-bit hash of three characters; its top bits index a signature of any power-of-two size. */
function trigramHash(first: number, second: number, third: number): number {
  return Math.imul((first << 20) ^ (second << 10) ^ third, 0x9e3779b1) >>> 0;
}

/** log2 of the signature bits for a value of this length. */
function signatureLog2(length: number): number {
  let log2 = 6;
  while (1 << log2 < length * SIGNATURE_BITS_PER_CHAR && log2 < 30) log2++;
  return log2;
}

/** The column's values flattened, lower-cased and signed, built on first use and kept with it. */
export function dictionaryValues(column: DictionaryColumn): DictionaryValues {
  const cached = dictionaries.get(column);
  if (cached) return cached;
  const dictionary = column.dictionary;
  const values: string[] = [];
  const entries: number[] = [];
  const hasValues = emptyBits(dictionary.length);
  for (let id = 0; id < dictionary.length; id++) {
    const entry = dictionary[id];
    if (entry === null || entry === undefined) continue;
    if (typeof entry === 'string') {
      values.push(entry);
      entries.push(id);
    } else {
      for (const value of entry) {
        values.push(value);
        entries.push(id);
      }
    }
    if (typeof entry === 'string' || entry.length > 0) setBit(hasValues, id);
  }
  const lowered = values.map((v) => v.toLowerCase());
  const signatureStart = new Int32Array(values.length);
  const signatureShift = new Uint8Array(values.length);
  let words = 0;
  for (let k = 0; k < lowered.length; k++) {
    const log2 = signatureLog2(lowered[k]!.length);
    signatureStart[k] = words;
    signatureShift[k] = 32 - log2;
    words += 1 << (log2 - 5);
  }
  const signatures = new Uint32Array(words);
  for (let k = 0; k < lowered.length; k++) {
    const text = lowered[k]!;
    const start = signatureStart[k]!;
    const shift = signatureShift[k]!;
    let first = text.charCodeAt(0);
    let second = text.charCodeAt(1);
    for (let i = 2; i < text.length; i++) {
      const third = text.charCodeAt(i);
      const bit = trigramHash(first, second, third) >>> shift;
      signatures[start + (bit >>> 5)]! |= 1 << (bit & 31);
      first = second;
      second = third;
    }
  }
  const built: DictionaryValues = {
    entryCount: dictionary.length,
    values,
    lowered,
    valueEntry: Int32Array.from(entries),
    signatures,
    signatureStart,
    signatureShift,
    hasValues,
  };
  dictionaries.set(column, built);
  return built;
}

/** The distinct trigram hashes of the pieces. */
function requiredTrigrams(pieces: readonly string[]): number[] {
  const hashes = new Set<number>();
  for (const piece of pieces) {
    for (let i = 2; i < piece.length; i++) hashes.add(trigramHash(piece.charCodeAt(i - 2), piece.charCodeAt(i - 1), piece.charCodeAt(i)));
  }
  return [...hashes];
}

/**
 * The entries with a value that passes `test`. Every passing value's lower-case form contains
 * each of `pieces`; values whose signature lacks one of the pieces' trigrams are not tested.
 */
export function entriesWithPassingValue(dict: DictionaryValues, test: StringTest, pieces: readonly string[]): EntryBits {
  const required = requiredTrigrams(pieces);
  const bits = emptyBits(dict.entryCount);
  const { values, lowered, valueEntry, signatures, signatureStart, signatureShift } = dict;
  next: for (let k = 0; k < values.length; k++) {
    const start = signatureStart[k]!;
    const shift = signatureShift[k]!;
    for (let j = 0; j < required.length; j++) {
      const bit = required[j]! >>> shift;
      if (((signatures[start + (bit >>> 5)]! >>> (bit & 31)) & 1) === 0) continue next;
    }
    const entry = valueEntry[k]!;
    if (!hasBit(bits, entry) && test(values[k]!, lowered[k])) setBit(bits, entry);
  }
  return bits;
}

/** Per-column verdicts, least recently used dropped first once past the byte budget. */
class VerdictCache {
  private readonly verdicts = new Map<string, EntryBits>();
  private bytes = 0;

  constructor(private readonly budget: number) {}

  get(key: string): EntryBits | undefined {
    const bits = this.verdicts.get(key);
    if (bits) {
      this.verdicts.delete(key);
      this.verdicts.set(key, bits);
    }
    return bits;
  }

  set(key: string, bits: EntryBits): void {
    if (bits.byteLength > this.budget || this.verdicts.has(key)) return;
    this.verdicts.set(key, bits);
    this.bytes += bits.byteLength;
    for (const [oldKey, old] of this.verdicts) {
      if (this.bytes <= this.budget) break;
      this.verdicts.delete(oldKey);
      this.bytes -= old.byteLength;
    }
  }
}

/** 16 MiB per column: about 200 verdicts over a 600,000-entry dictionary. */
const CACHE_BYTES_PER_COLUMN = 16 * 1024 * 1024;

const caches = new WeakMap<DictionaryColumn, VerdictCache>();

export function verdictCache(column: DictionaryColumn): VerdictCache {
  let cache = caches.get(column);
  if (!cache) {
    cache = new VerdictCache(CACHE_BYTES_PER_COLUMN);
    caches.set(column, cache);
  }
  return cache;
}

export type { VerdictCache };
