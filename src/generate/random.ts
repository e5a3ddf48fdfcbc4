/**
 * A small seeded pseudo-random generator (mulberry32), so that the same seed always yields
 * the same sequence on every platform and Node version: generated logs must be byte-identical
 * for a given seed. Math.random cannot be seeded, hence this.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, bound). */
  int(bound: number): number {
    return Math.floor(this.next() * bound);
  }

  /** An integer in [low, high]. */
  between(low: number, high: number): number {
    return low + this.int(high - low + 1);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  /** Picks by weight; `weights` has one non-negative number per item. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const weight of weights) total += weight;
    let point = this.next() * total;
    for (let index = 0; index < items.length; index++) {
      point -= weights[index] as number;
      if (point < 0) return items[index] as T;
    }
    return items[items.length - 1] as T;
  }

  /** `digits` lowercase hexadecimal digits. */
  hex(digits: number): string {
    let text = '';
    while (text.length < digits) {
      text += (this.int(0x10000) | 0x10000).toString(16).slice(1);
    }
    return text.slice(0, digits);
  }

  /** A word of lowercase letters and digits, like a random file name part. */
  token(length: number): string {
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
    let text = '';
    for (let index = 0; index < length; index++) text += alphabet[this.int(alphabet.length)];
    return text;
  }
}

/** A 32-bit FNV-1a hash of a string: a stable seed derived from a name (e.g. per-image hashes). */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
