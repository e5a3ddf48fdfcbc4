/**
 * Byte range -> string, making each distinct value's string once. Logs repeat most values (host,
 * user, image, parent command line), so the ingest looks a value up by the hash and bytes of its
 * raw text and only decodes a value it has not seen. Every row then carries the same string
 * object for the same value, whose hash V8 caches, so the store's dictionaries find it cheaply.
 *
 * Strings are made with `Buffer#toString(encoding, start, end)`: a fresh copy, never a slice of
 * the read buffer, so no value keeps a whole chunk of the file alive.
 */

const INITIAL_SLOTS = 1 << 12;

export class ByteInterner {
  /** Open addressing: entry index + 1 per slot, 0 when empty. */
  private slots = new Int32Array(INITIAL_SLOTS);
  private mask = INITIAL_SLOTS - 1;
  private hashes = new Int32Array(INITIAL_SLOTS / 2);
  /** The raw bytes as a byte string (one char per byte), compared on lookup. */
  private readonly keys: string[] = [];
  /** The decoded text; the same object as the key when the value is ASCII. */
  private readonly texts: string[] = [];

  get size(): number {
    return this.texts.length;
  }

  /** The text of `bytes[start, end)`, valid UTF-8 whose FNV-1a hash is `hash` (see hashBytes). */
  intern(bytes: Buffer, start: number, end: number, hash: number, ascii: boolean): string {
    const length = end - start;
    let slot = hash & this.mask;
    for (;;) {
      const entry = this.slots[slot]!;
      if (entry === 0) break;
      if (this.hashes[entry - 1] === hash) {
        const key = this.keys[entry - 1]!;
        if (key.length === length && sameBytes(key, bytes, start)) return this.texts[entry - 1]!;
      }
      slot = (slot + 1) & this.mask;
    }
    const key = bytes.toString('latin1', start, end);
    const text = ascii ? key : bytes.toString('utf8', start, end);
    const index = this.texts.length;
    this.keys.push(key);
    this.texts.push(text);
    if (index >= this.hashes.length) {
      const hashes = new Int32Array(this.hashes.length * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.hashes[index] = hash;
    this.slots[slot] = index + 1;
    if (this.texts.length * 2 > this.slots.length) this.rehash();
    return text;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let index = 0; index < this.texts.length; index++) {
      let slot = this.hashes[index]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = index + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

function sameBytes(key: string, bytes: Buffer, start: number): boolean {
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) !== bytes[start + i]) return false;
  return true;
}
