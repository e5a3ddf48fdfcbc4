/**
 * A fast path for the one-line XmlWinEventLog layout Splunk writes (`<Event xmlns=...><System>
 * ...</System><EventData><Data Name='X'>v</Data>...</EventData></Event>`), working on the raw
 * bytes of a line. It walks the line tag by tag once, hashing every value as it passes, and
 * records where each wanted value is; no string is made here.
 *
 * It accepts only lines whose every `<` opens a simple tag (name, single-space separated quoted
 * attributes without `<`, `>` or `=` in their values). On such lines "the first occurrence of
 * `<Tag`" that the general scanner (xml.ts) looks for is the first tag of that name met in this
 * walk, so both give the same values. Any other line returns false and goes to the general path.
 */

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const SPACE = 0x20;
const TAB = 0x09;
const EQUALS = 0x3d;
const SINGLE_QUOTE = 0x27;
const DOUBLE_QUOTE = 0x22;

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** FNV-1a over `bytes[start, end)`, the hash every value and name is looked up by. */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, FNV_PRIME);
  return hash;
}

function isNameByte(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x3a || c === 0x5f || c === 0x2d || c === 0x2e
  );
}

/** A set of ASCII names looked up by the hash and bytes of a name in a line. */
class NameTable {
  private readonly byHash = new Map<number, number>();
  private readonly bytes: Uint8Array[] = [];

  constructor(names: readonly string[]) {
    names.forEach((name, index) => {
      const bytes = Buffer.from(name, 'latin1');
      const hash = hashBytes(bytes, 0, bytes.length);
      // Two known names with one hash would make one of them unreachable: a programming error.
      if (this.byHash.has(hash)) throw new Error(`name hash collision: ${name}`);
      this.byHash.set(hash, index);
      this.bytes.push(bytes);
    });
  }

  /** Index of the name at `line[start, end)` (hash given), or -1. */
  find(line: Uint8Array, start: number, end: number, hash: number): number {
    const index = this.byHash.get(hash);
    if (index === undefined) return -1;
    const name = this.bytes[index]!;
    if (name.length !== end - start) return -1;
    for (let i = 0; i < name.length; i++) if (name[i] !== line[start + i]) return -1;
    return index;
  }
}

/** The System values the readers provide, under the names the mapping tables use (mappings.ts). */
export const SYSTEM_VALUE_NAMES = ['Provider', 'EventID', 'Channel', 'Computer', 'Keywords', 'SystemTime', 'SecurityUserID'] as const;
export const PROVIDER = 0;
export const EVENT_ID = 1;
export const CHANNEL = 2;
export const COMPUTER = 3;
export const KEYWORDS = 4;
export const SYSTEM_TIME = 5;
export const SECURITY_USER_ID = 6;

const TAG_EVENT = 0;
const TAG_DATA = 1;
const TAG_PROVIDER = 2;
const TAG_TIME_CREATED = 3;
const TAG_SECURITY = 4;
const TAG_EVENT_ID = 5;
const TAG_CHANNEL = 6;
const TAG_COMPUTER = 7;
const TAG_KEYWORDS = 8;
const TAGS_COUNT = 9;
const TAGS = new NameTable(['Event', 'Data', 'Provider', 'TimeCreated', 'Security', 'EventID', 'Channel', 'Computer', 'Keywords']);
/** Slot of the element text of tags TAG_EVENT_ID.. (elementText in xml.ts). */
const TEXT_SLOT_OF_TAG = [-1, -1, -1, -1, -1, EVENT_ID, CHANNEL, COMPUTER, KEYWORDS];
/** The attribute read on tags TAG_PROVIDER..TAG_SECURITY (attributeOf in xml.ts), and its slot. */
const ATTRIBUTES = new NameTable(['Name', 'SystemTime', 'UserID']);
const ATTRIBUTE_OF_TAG = [-1, -1, 0, 1, 2];
const ATTRIBUTE_SLOT_OF_TAG = [-1, -1, PROVIDER, SYSTEM_TIME, SECURITY_USER_ID];
const ATTRIBUTE_NAME = 0;

const EVENT_OPEN = Buffer.from('<Event', 'latin1');

/**
 * Finds the values of one event line. Slots 0..6 are SYSTEM_VALUE_NAMES, then one per wanted
 * Data name. After a successful `scan`, `start[slot]` is -1 when the event has no such value.
 */
export class WinEventLineScanner {
  readonly slotNames: readonly string[];
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly hash: Int32Array;
  /** 1 when the value is pure ASCII. */
  readonly ascii: Uint8Array;
  private readonly dataNames: NameTable;
  /** Data names that would compete with a System value: left to the general scanner. */
  private readonly systemDataNames = new NameTable(SYSTEM_VALUE_NAMES);
  /** Which element-text tags were met already: only the first one counts, as in xml.ts. */
  private readonly textTagSeen = new Uint8Array(TAGS_COUNT);

  constructor(wantedData: readonly string[]) {
    const dataNames = wantedData.filter((name) => !(SYSTEM_VALUE_NAMES as readonly string[]).includes(name));
    this.slotNames = [...SYSTEM_VALUE_NAMES, ...dataNames];
    this.dataNames = new NameTable(dataNames);
    const slots = this.slotNames.length;
    this.start = new Int32Array(slots);
    this.end = new Int32Array(slots);
    this.hash = new Int32Array(slots);
    this.ascii = new Uint8Array(slots);
  }

  private set(slot: number, start: number, end: number, hash: number, ascii: boolean): void {
    this.start[slot] = start;
    this.end[slot] = end;
    this.hash[slot] = hash;
    this.ascii[slot] = ascii ? 1 : 0;
  }

  /** Scans `line[lineStart, lineEnd)`; false when the line is not in the simple layout. */
  scan(line: Uint8Array, lineStart: number, lineEnd: number): boolean {
    if (lineEnd - lineStart < 16) return false;
    for (let i = 0; i < EVENT_OPEN.length; i++) if (line[lineStart + i] !== EVENT_OPEN[i]) return false;
    const afterEvent = line[lineStart + EVENT_OPEN.length];
    if (afterEvent !== SPACE && afterEvent !== GT) return false;
    this.start.fill(-1);
    this.textTagSeen.fill(0);
    let attributeTagSeen = 0; // bit per TAG_PROVIDER..TAG_SECURITY
    let p = lineStart;
    /** Slot that takes the next text; -2 none. */
    let textSlot = -2;
    let inData = false;
    for (;;) {
      // p is at '<'.
      if (line[p + 1] === SLASH) {
        let hash = FNV_OFFSET;
        let q = p + 2;
        for (; q < lineEnd; q++) {
          const c = line[q]!;
          if (!isNameByte(c)) break;
          hash = Math.imul(hash ^ c, FNV_PRIME);
        }
        if (q === p + 2 || line[q] !== GT) return false;
        const tag = TAGS.find(line, p + 2, q, hash);
        if (inData !== (tag === TAG_DATA)) return false;
        inData = false;
        p = q + 1;
        if (tag === TAG_EVENT) {
          for (; p < lineEnd; p++) if (line[p] !== SPACE && line[p] !== TAB) return false;
          return true;
        }
      } else {
        if (inData) return false;
        let hash = FNV_OFFSET;
        let q = p + 1;
        for (; q < lineEnd; q++) {
          const c = line[q]!;
          if (!isNameByte(c)) break;
          hash = Math.imul(hash ^ c, FNV_PRIME);
        }
        if (q === p + 1) return false;
        const tag = TAGS.find(line, p + 1, q, hash);
        const follower = line[q];
        const followedBySpace = follower === SPACE;
        // Attributes: ( ' ' name '=' quote value quote )*
        let firstAttribute = true;
        let dataSlot = -2;
        const attributeWanted =
          tag >= TAG_PROVIDER && tag <= TAG_SECURITY && followedBySpace && (attributeTagSeen & (1 << tag)) === 0;
        if (attributeWanted) attributeTagSeen |= 1 << tag;
        while (line[q] === SPACE) {
          const nameStart = q + 1;
          let nameHash = FNV_OFFSET;
          q = nameStart;
          for (; q < lineEnd; q++) {
            const c = line[q]!;
            if (!isNameByte(c)) break;
            nameHash = Math.imul(nameHash ^ c, FNV_PRIME);
          }
          const nameEnd = q;
          if (nameEnd === nameStart || line[q] !== EQUALS) return false;
          const quote = line[q + 1];
          if (quote !== SINGLE_QUOTE && quote !== DOUBLE_QUOTE) return false;
          const valueStart = q + 2;
          let valueHash = FNV_OFFSET;
          let high = 0;
          q = valueStart;
          for (; q < lineEnd; q++) {
            const c = line[q]!;
            if (c === quote) break;
            if (c === LT || c === GT || c === EQUALS) return false;
            high |= c;
            valueHash = Math.imul(valueHash ^ c, FNV_PRIME);
          }
          if (q >= lineEnd) return false;
          const valueEnd = q;
          q++;
          if (attributeWanted && this.start[ATTRIBUTE_SLOT_OF_TAG[tag]!]! === -1) {
            if (ATTRIBUTES.find(line, nameStart, nameEnd, nameHash) === ATTRIBUTE_OF_TAG[tag]) {
              this.set(ATTRIBUTE_SLOT_OF_TAG[tag]!, valueStart, valueEnd, valueHash, high < 0x80);
            }
          } else if (tag === TAG_DATA && firstAttribute && ATTRIBUTES.find(line, nameStart, nameEnd, nameHash) === ATTRIBUTE_NAME) {
            const slot = this.dataNames.find(line, valueStart, valueEnd, valueHash);
            if (slot !== -1) dataSlot = SYSTEM_VALUE_NAMES.length + slot;
            else if (this.systemDataNames.find(line, valueStart, valueEnd, valueHash) !== -1) dataSlot = -3;
          }
          firstAttribute = false;
        }
        let selfClosed = false;
        if (line[q] === SLASH && line[q + 1] === GT) {
          selfClosed = true;
          q += 2;
        } else if (line[q] === GT) {
          q += 1;
        } else {
          return false;
        }
        if (tag === TAG_DATA && !selfClosed) {
          inData = true;
          textSlot = dataSlot;
        } else if (tag >= TAG_EVENT_ID && (follower === SPACE || follower === GT) && this.textTagSeen[tag] === 0) {
          // elementText: the first `<Tag` followed by '>' or a space counts; self-closed means no value.
          this.textTagSeen[tag] = 1;
          if (!selfClosed) textSlot = TEXT_SLOT_OF_TAG[tag]!;
        }
        p = q;
      }
      // Text up to the next '<'.
      const textStart = p;
      let hash = FNV_OFFSET;
      let high = 0;
      for (; p < lineEnd; p++) {
        const c = line[p]!;
        if (c === LT) break;
        high |= c;
        hash = Math.imul(hash ^ c, FNV_PRIME);
      }
      if (p >= lineEnd) return false;
      if (textSlot !== -2) {
        if (textSlot === -3) {
          if (p > textStart) return false;
        } else if (textSlot >= SYSTEM_VALUE_NAMES.length) {
          // Data: first non-empty value wins; an empty one gives no field (xml.ts).
          if (p > textStart && this.start[textSlot] === -1) this.set(textSlot, textStart, p, hash, high < 0x80);
        } else if (textSlot >= 0) {
          this.set(textSlot, textStart, p, hash, high < 0x80);
        }
        textSlot = -2;
      }
    }
  }
}
