/**
 * Byte range -> string, making each distinct value's string once. Logs repeat most values (host,
 * user, image, parent command line), so the ingest looks a value up by the hash and bytes of its
 * raw text and only decodes a value it has not seen. Every row then carries the same string
 * object for the same value, whose hash V8 caches, so the store's dictionaries find it cheaply.
 *
 * Strings are made with `Buffer#toString(encoding, start, end)`: a fresh copy, never a slice of
 * the read buffer, so no value keeps a whole chunk of the file alive.
 */

/** Small: most fields hold a handful of distinct values. */
const INITIAL_CELLS = 1 << 6;

/** A DataView over all of `bytes`, for reading it four bytes at a time. */
export function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Ints per cell of the entry table: hash, entry index + 1 (0: empty), byte length, arena offset. */
const CELL = 4;

export class ByteInterner {
  /**
   * Open addressing, one 16-byte cell per slot: all a lookup needs before comparing bytes is in
   * one cache line. The tables of ProcessGuid or CommandLine outgrow the caches, so each extra
   * array read per probe was a cache miss. The arena offset is -1 until the bytes are copied:
   * that happens when a value is met a second time, since comparing bytes four at a time is
   * about four times faster than comparing with the key string, and values met only once
   * (ProcessGuid, most command lines) then cost no copy.
   */
  private cells = new Int32Array(CELL * INITIAL_CELLS);
  private mask = INITIAL_CELLS - 1;
  /** Offset in `cells` of the entry found last, or -1 (see `entry`). */
  private lastCell = -1;
  private arena = new Uint8Array(1 << 16);
  private arenaView = viewOf(this.arena);
  private arenaUsed = 0;
  /** The raw bytes as a byte string (one char per byte); the same object as the text when the value is ASCII. */
  private readonly keys: string[] = [];
  private readonly texts: string[] = [];

  get size(): number {
    return this.texts.length;
  }

  /** The text of entry `entry` (see `entry`). */
  text(entry: number): string {
    return this.texts[entry]!;
  }

  /**
   * The entry number of `bytes[start, end)` (valid UTF-8; `view` is viewOf(bytes)), adding it
   * when new. Entries are numbered 0, 1, 2, ... in the order first met, so callers can keep
   * per-value data in plain arrays indexed by entry.
   */
  entry(bytes: Buffer, view: DataView, start: number, end: number): number {
    const length = end - start;
    // Many fields repeat the value of the event before (Provider, Channel, IntegrityLevel...):
    // comparing with it first skips the hash and the probe.
    const last = this.lastCell;
    if (last >= 0 && this.cells[last + 2] === length && this.cells[last + 3]! >= 0 && sameView(this.arenaView, this.cells[last + 3]!, view, start, length)) {
      return this.cells[last + 1]! - 1;
    }
    const hash = hashRange(view, start, end);
    const cells = this.cells;
    let cell = hash & this.mask;
    for (;;) {
      const at = CELL * cell;
      const found = cells[at + 1]! - 1;
      if (found < 0) break;
      if (cells[at] === hash && cells[at + 2] === length && this.sameBytes(at, found, bytes, view, start, length)) {
        this.lastCell = at;
        return found;
      }
      cell = (cell + 1) & this.mask;
    }
    return this.add(bytes, start, end, hash, cell);
  }

  /** Whether the entry of the cell at `at` holds `bytes[start, start + length)`. */
  private sameBytes(at: number, entry: number, bytes: Buffer, view: DataView, start: number, length: number): boolean {
    const arenaAt = this.cells[at + 3]!;
    if (arenaAt >= 0) return sameView(this.arenaView, arenaAt, view, start, length);
    if (!sameChars(this.keys[entry]!, bytes, start)) return false;
    this.cells[at + 3] = this.copyToArena(bytes, start, length);
    return true;
  }

  /** Copies `bytes[start, start + length)` to the arena; where it is. */
  private copyToArena(bytes: Buffer, start: number, length: number): number {
    if (this.arenaUsed + length > this.arena.length) {
      const arena = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + length));
      arena.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = arena;
      this.arenaView = viewOf(arena);
    }
    const at = this.arenaUsed;
    for (let i = 0; i < length; i++) this.arena[at + i] = bytes[start + i]!;
    this.arenaUsed += length;
    return at;
  }

  private add(bytes: Buffer, start: number, end: number, hash: number, cell: number): number {
    const key = bytes.toString('latin1', start, end);
    const text = isAscii(bytes, start, end) ? key : bytes.toString('utf8', start, end);
    const index = this.texts.length;
    this.keys.push(key);
    this.texts.push(text);
    const at = CELL * cell;
    this.cells[at] = hash;
    this.cells[at + 1] = index + 1;
    this.cells[at + 2] = end - start;
    this.cells[at + 3] = -1;
    if (this.texts.length * 2 > this.mask + 1) this.rehash();
    return index;
  }

  private rehash(): void {
    const old = this.cells;
    const cells = new Int32Array(old.length * 2);
    const mask = cells.length / CELL - 1;
    for (let from = 0; from < old.length; from += CELL) {
      if (old[from + 1] === 0) continue;
      let cell = old[from]! & mask;
      while (cells[CELL * cell + 1] !== 0) cell = (cell + 1) & mask;
      for (let i = 0; i < CELL; i++) cells[CELL * cell + i] = old[from + i]!;
    }
    this.cells = cells;
    this.mask = mask;
    this.lastCell = -1;
  }
}

/**
 * A hash of `view[start, end)` for the entry table, four bytes a step: hashing byte by byte
 * (FNV-1a) was a fifth of the line scan. Entries are compared byte for byte on a hash match, so
 * the hash only spreads them; it never decides equality.
 */
function hashRange(view: DataView, start: number, end: number): number {
  let hash = end - start;
  let i = start;
  for (; i + 4 <= end; i += 4) {
    hash = Math.imul(hash ^ view.getInt32(i, true), 0x9e3779b1);
    hash ^= hash >>> 15;
  }
  for (; i < end; i++) hash = Math.imul(hash ^ view.getUint8(i), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  return hash ^ (hash >>> 13);
}

function sameView(a: DataView, aStart: number, b: DataView, bStart: number, length: number): boolean {
  let i = 0;
  for (; i + 4 <= length; i += 4) if (a.getInt32(aStart + i, true) !== b.getInt32(bStart + i, true)) return false;
  for (; i < length; i++) if (a.getUint8(aStart + i) !== b.getUint8(bStart + i)) return false;
  return true;
}

function sameChars(key: string, bytes: Buffer, start: number): boolean {
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) !== bytes[start + i]) return false;
  return true;
}

function isAscii(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i]! >= 0x80) return false;
  return true;
}
