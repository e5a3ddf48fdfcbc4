/**
 * A fast path for the one-line XmlWinEventLog layout Splunk writes (`<Event xmlns=...><System>
 * ...</System><EventData><Data Name='X'>v</Data>...</EventData></Event>`), working on the raw
 * bytes of a line. It walks the line tag by tag once and records where each wanted value is; no
 * string is made and no value hashed here (the interner hashes the values it is given).
 *
 * It accepts only lines whose every `<` opens a simple tag (name, single-space separated quoted
 * attributes without `<`, `>` or `=` in their values) and whose elements are closed in order
 * (the markup check of xml.ts, on the tags this walk visits anyway). On such lines "the first
 * occurrence of `<Tag`" that the general scanner (xml.ts) looks for is the first tag of that
 * name met in this walk, so both give the same values. Any other line returns false and goes
 * to the general path, which reads it or reports it as malformed.
 */

import { viewOf } from './interner.js';

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const SPACE = 0x20;
const TAB = 0x09;
const EQUALS = 0x3d;
const SINGLE_QUOTE = 0x27;
const DOUBLE_QUOTE = 0x22;

/** Bytes a tag or attribute name is made of. */
const NAME_BYTE = new Uint8Array(256);
for (const range of ['az', 'AZ', '09']) {
  for (let c = range.charCodeAt(0); c <= range.charCodeAt(1); c++) NAME_BYTE[c] = 1;
}
for (const c of ':_-.') NAME_BYTE[c.charCodeAt(0)] = 1;

/** Bytes an attribute value scan must look at: its quotes, and the ones that make a line decline. */
const VALUE_STOP = new Uint8Array(256);
for (const c of [LT, GT, EQUALS, SINGLE_QUOTE, DOUBLE_QUOTE]) VALUE_STOP[c] = 1;

/** What NameTable.find gives for a name not in the table. */
const NOT_FOUND = -1;

/** A set of ASCII names, looked up by the bytes of a name in a line. */
class NameTable {
  /** Open addressing on nameKey: name index + 1 per cell, 0 when empty. */
  private readonly cells: Int16Array;
  private readonly mask: number;
  private readonly names: Uint8Array[] = [];

  constructor(names: readonly string[]) {
    let size = 64;
    while (size < names.length * 4) size *= 2;
    this.cells = new Int16Array(size);
    this.mask = size - 1;
    names.forEach((name, index) => {
      const bytes = Buffer.from(name, 'latin1');
      if (bytes.length === 0 || this.find(bytes, 0, bytes.length) !== NOT_FOUND) throw new Error(`bad or repeated name: '${name}'`);
      let cell = nameKey(bytes, 0, bytes.length) & this.mask;
      while (this.cells[cell] !== 0) cell = (cell + 1) & this.mask;
      this.cells[cell] = index + 1;
      this.names.push(bytes);
    });
  }

  /** Index of the name at `line[start, end)`, or NOT_FOUND. */
  find(line: Uint8Array, start: number, end: number): number {
    if (end <= start) return NOT_FOUND;
    let cell = nameKey(line, start, end) & this.mask;
    for (;;) {
      const index = this.cells[cell]! - 1;
      if (index < 0) return NOT_FOUND;
      if (sameName(this.names[index]!, line, start, end)) return index;
      cell = (cell + 1) & this.mask;
    }
  }
}

/** A cheap hash of a non-empty name: its length and three of its bytes. */
function nameKey(bytes: Uint8Array, start: number, end: number): number {
  const length = end - start;
  const key = length ^ (bytes[start]! << 8) ^ (bytes[end - 1]! << 16) ^ (bytes[start + (length >> 1)]! << 24);
  return Math.imul(key, 0x9e3779b1) >>> 16;
}

function sameName(name: Uint8Array, line: Uint8Array, start: number, end: number): boolean {
  if (name.length !== end - start) return false;
  for (let i = 0; i < name.length; i++) if (name[i] !== line[start + i]) return false;
  return true;
}

/** End of the run of name bytes from `from` (at most `end`). */
function nameEnd(line: Uint8Array, from: number, end: number): number {
  let q = from;
  while (q < end && NAME_BYTE[line[q]!] === 1) q++;
  return q;
}

/** The System values the readers provide, under the names the mapping tables use (src/datamodel/mapping-table.ts). */
const SYSTEM_VALUE_NAMES = ['Provider', 'EventID', 'Channel', 'Computer', 'Keywords', 'SystemTime', 'SecurityUserID', 'EventRecordID'] as const;
export const PROVIDER = 0;
export const EVENT_ID = 1;
export const CHANNEL = 2;
export const COMPUTER = 3;
export const KEYWORDS = 4;
export const SYSTEM_TIME = 5;
const SECURITY_USER_ID = 6;
/** With Channel and Computer, what identifies an event (duplicates.ts). */
export const EVENT_RECORD_ID = 7;

/** `start[slot]` after a scan, for a value the line does not have. */
export const ABSENT = -1;
/** Where a text goes that no slot takes (a Data name nobody wants, or no element open). */
const DISCARD = -2;
/**
 * Where the text of a Data element named like a System value goes: such a line is left to the
 * general scanner unless the text is empty, since xml.ts gives the System value precedence.
 */
const SYSTEM_NAMED_DATA = -3;
/** What dataNameEnd gives for a tag that is not exactly `<Data Name='name'>`. */
const NOT_SIMPLE_DATA = -1;

const TAG_EVENT = 0;
const TAG_DATA = 1;
const TAG_PROVIDER = 2;
const TAG_TIME_CREATED = 3;
const TAG_SECURITY = 4;
const TAG_EVENT_ID = 5;
const TAG_CHANNEL = 6;
const TAG_COMPUTER = 7;
const TAG_KEYWORDS = 8;
const TAG_EVENT_RECORD_ID = 9;
const TAGS_COUNT = 10;
const TAGS = new NameTable(['Event', 'Data', 'Provider', 'TimeCreated', 'Security', 'EventID', 'Channel', 'Computer', 'Keywords', 'EventRecordID']);
const EVENT_NAME = Buffer.from('Event', 'latin1');
const DATA_NAME = Buffer.from('Data', 'latin1');

/** Slot of the element text of tags TAG_EVENT_ID.. (elementText in xml.ts); the tags before have none. */
const TEXT_SLOT_OF_TAG = [DISCARD, DISCARD, DISCARD, DISCARD, DISCARD, EVENT_ID, CHANNEL, COMPUTER, KEYWORDS, EVENT_RECORD_ID];
/** Elements open at once, at most, on a line this path takes (an event nests three or four deep). */
const MAX_DEPTH = 32;
/** The attribute read on tags TAG_PROVIDER..TAG_SECURITY (attributeOf in xml.ts), and its slot; the tags before have none. */
const ATTRIBUTES = new NameTable(['Name', 'SystemTime', 'UserID']);
const ATTRIBUTE_OF_TAG = [NOT_FOUND, NOT_FOUND, 0, 1, 2];
const ATTRIBUTE_SLOT_OF_TAG = [DISCARD, DISCARD, PROVIDER, SYSTEM_TIME, SECURITY_USER_ID];
const ATTRIBUTE_NAME = 0;

const EVENT_OPEN = Buffer.from('<Event', 'latin1');
const DATA_OPEN = Buffer.from("<Data Name='", 'latin1');
const DATA_CLOSE = Buffer.from('</Data>', 'latin1');
const DATA_CLOSE_LENGTH = DATA_CLOSE.length;
/** DATA_OPEN as three little-endian 32-bit words, DATA_CLOSE as two overlapping ones (bytes 0-3, 3-6). */
const DATA_OPEN_WORDS = [0, 4, 8].map((at) => DATA_OPEN.readInt32LE(at));
const DATA_CLOSE_WORDS = [0, 3].map((at) => DATA_CLOSE.readInt32LE(at));

/** Whether `<Data Name='` is at `at`, within the line. */
function isDataOpen(view: DataView, at: number, lineEnd: number): boolean {
  return (
    at + DATA_OPEN.length <= lineEnd &&
    view.getInt32(at, true) === DATA_OPEN_WORDS[0] &&
    view.getInt32(at + 4, true) === DATA_OPEN_WORDS[1] &&
    view.getInt32(at + 8, true) === DATA_OPEN_WORDS[2]
  );
}

/** Whether `</Data>` is at `at`, within the line. */
function isDataClose(view: DataView, at: number, lineEnd: number): boolean {
  return at + DATA_CLOSE_LENGTH <= lineEnd && view.getInt32(at, true) === DATA_CLOSE_WORDS[0] && view.getInt32(at + 3, true) === DATA_CLOSE_WORDS[1];
}

/**
 * Offset of the first '<' in `line[from, end)`, or `end`. Four bytes a step (a word has a '<'
 * when some byte of word ^ 0x3c3c3c3c is zero; the lowest flagged byte is the first '<'), as
 * text is most of a line.
 */
function nextLessThan(line: Uint8Array, view: DataView, from: number, end: number): number {
  let p = from;
  for (; p + 4 <= end; p += 4) {
    const x = view.getInt32(p, true) ^ 0x3c3c3c3c;
    const zero = (x - 0x01010101) & ~x & 0x80808080;
    if (zero !== 0) return p + ((31 - Math.clz32(zero & -zero)) >> 3);
  }
  while (p < end && line[p] !== LT) p++;
  return p;
}

/**
 * Finds the values of one event line. Slots 0..6 are SYSTEM_VALUE_NAMES, then one per wanted
 * Data name. After a successful `scan`, `start[slot]` is ABSENT when the event has no such value.
 */
export class WinEventLineScanner {
  readonly slotNames: readonly string[];
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** The wanted Data names, then the System value names (a Data value so named is left to the general scanner). */
  private readonly dataNames: NameTable;
  private readonly wantedDataCount: number;
  /** viewOf the buffer of the line scanned last (kept while lines come from one buffer). */
  view = viewOf(new Uint8Array(0));
  private viewLine: Uint8Array | undefined;
  /** Which element-text tags were met already: only the first one counts, as in xml.ts. */
  private readonly textTagSeen = new Uint8Array(TAGS_COUNT);
  /** Where the names of the elements open start, Data elements aside (they hold text only). */
  private readonly open = new Int32Array(MAX_DEPTH);

  constructor(wantedData: readonly string[]) {
    const dataNames = wantedData.filter((name) => !(SYSTEM_VALUE_NAMES as readonly string[]).includes(name));
    this.slotNames = [...SYSTEM_VALUE_NAMES, ...dataNames];
    this.dataNames = new NameTable([...dataNames, ...SYSTEM_VALUE_NAMES]);
    this.wantedDataCount = dataNames.length;
    const slots = this.slotNames.length;
    this.start = new Int32Array(slots);
    this.end = new Int32Array(slots);
  }

  private set(slot: number, start: number, end: number): void {
    this.start[slot] = start;
    this.end[slot] = end;
  }

  /**
   * Where the name ends in `<Data Name='name'>` at `at` (already known to start with DATA_OPEN):
   * the offset of the closing quote, or NOT_SIMPLE_DATA when the tag is anything else (more attributes,
   * self-closed, a byte the general walk declines), which the general walk then reads.
   */
  private dataNameEnd(line: Uint8Array, at: number, lineEnd: number): number {
    for (let q = at + DATA_OPEN.length; q < lineEnd; q++) {
      const c = line[q]!;
      if (VALUE_STOP[c] === 1) {
        if (c === SINGLE_QUOTE) return line[q + 1] === GT ? q : NOT_SIMPLE_DATA;
        if (c !== DOUBLE_QUOTE) return NOT_SIMPLE_DATA;
      }
    }
    return NOT_SIMPLE_DATA;
  }

  /** The slot of the Data value named `line[start, end)`: DISCARD when not wanted, SYSTEM_NAMED_DATA for a System value name. */
  private dataSlot(line: Uint8Array, start: number, end: number): number {
    const index = this.dataNames.find(line, start, end);
    if (index === NOT_FOUND) return DISCARD;
    return index < this.wantedDataCount ? SYSTEM_VALUE_NAMES.length + index : SYSTEM_NAMED_DATA;
  }

  /** Scans `line[lineStart, lineEnd)`; false when the line is not in the simple layout. */
  scan(line: Uint8Array, lineStart: number, lineEnd: number): boolean {
    if (lineEnd - lineStart < 16) return false;
    if (line !== this.viewLine) {
      this.view = viewOf(line);
      this.viewLine = line;
    }
    const view = this.view;
    for (let i = 0; i < EVENT_OPEN.length; i++) if (line[lineStart + i] !== EVENT_OPEN[i]) return false;
    const afterEvent = line[lineStart + EVENT_OPEN.length];
    if (afterEvent !== SPACE && afterEvent !== GT) return false;
    this.start.fill(ABSENT);
    this.textTagSeen.fill(0);
    let attributeTagSeen = 0; // bit per TAG_PROVIDER..TAG_SECURITY
    let p = lineStart;
    /** Slot that takes the next text, or DISCARD. */
    let textSlot = DISCARD;
    let inData = false;
    const open = this.open;
    let depth = 0;
    for (;;) {
      // p is at '<'. First the two tags most of a line is made of, `<Data Name='...'>` and
      // `</Data>`, matched whole; then any tag (which reads those two the same way).
      const dataNameEnd = !inData && isDataOpen(view, p, lineEnd) ? this.dataNameEnd(line, p, lineEnd) : NOT_SIMPLE_DATA;
      if (inData && isDataClose(view, p, lineEnd)) {
        inData = false;
        p += DATA_CLOSE_LENGTH;
      } else if (dataNameEnd > 0) {
        textSlot = this.dataSlot(line, p + DATA_OPEN.length, dataNameEnd);
        inData = true;
        p = dataNameEnd + 2;
      } else if (line[p + 1] === SLASH) {
        let q = p + 2;
        if (inData) {
          // Only </Data> closes a Data element (its usual form was matched above).
          q = nameEnd(line, q, lineEnd);
          if (line[q] !== GT || !sameName(DATA_NAME, line, p + 2, q)) return false;
          inData = false;
          p = q + 1;
        } else {
          // The element closed must be the one open last: the names are compared as the
          // closing one is read.
          if (depth === 0) return false;
          let o = open[--depth]!;
          while (q < lineEnd && NAME_BYTE[line[q]!] === 1 && line[q] === line[o]) {
            q++;
            o++;
          }
          if (q === p + 2 || q >= lineEnd || line[q] !== GT || NAME_BYTE[line[o]!] === 1) return false;
          if (depth === 0) {
            // The root, `<Event`, is closed: nothing but blanks may follow.
            for (p = q + 1; p < lineEnd; p++) if (line[p] !== SPACE && line[p] !== TAB) return false;
            return true;
          }
          // An inner `</Event>` would end the event for the general path's framing.
          if (q - p - 2 === EVENT_NAME.length && sameName(EVENT_NAME, line, p + 2, q)) return false;
          p = q + 1;
        }
      } else {
        if (inData) return false;
        let q = nameEnd(line, p + 1, lineEnd);
        if (q === p + 1) return false;
        const tag = TAGS.find(line, p + 1, q);
        const follower = line[q];
        const followedBySpace = follower === SPACE;
        // Attributes: ( ' ' name '=' quote value quote )*
        let firstAttribute = true;
        let dataSlot = DISCARD;
        const attributeWanted =
          tag >= TAG_PROVIDER && tag <= TAG_SECURITY && followedBySpace && (attributeTagSeen & (1 << tag)) === 0;
        if (attributeWanted) attributeTagSeen |= 1 << tag;
        while (line[q] === SPACE) {
          const nameStart = q + 1;
          q = nameEnd(line, nameStart, lineEnd);
          const attributeEnd = q;
          if (attributeEnd === nameStart || line[q] !== EQUALS) return false;
          const quote = line[q + 1];
          if (quote !== SINGLE_QUOTE && quote !== DOUBLE_QUOTE) return false;
          const valueStart = q + 2;
          q = valueStart;
          for (; q < lineEnd; q++) {
            const c = line[q]!;
            if (VALUE_STOP[c] === 1) {
              if (c === quote) break;
              if (c === LT || c === GT || c === EQUALS) return false;
            }
          }
          if (q >= lineEnd) return false;
          const valueEnd = q;
          q++;
          if (attributeWanted && this.start[ATTRIBUTE_SLOT_OF_TAG[tag]!]! === ABSENT) {
            if (ATTRIBUTES.find(line, nameStart, attributeEnd) === ATTRIBUTE_OF_TAG[tag]) {
              this.set(ATTRIBUTE_SLOT_OF_TAG[tag]!, valueStart, valueEnd);
            }
          } else if (tag === TAG_DATA && firstAttribute && ATTRIBUTES.find(line, nameStart, attributeEnd) === ATTRIBUTE_NAME) {
            dataSlot = this.dataSlot(line, valueStart, valueEnd);
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
        if (!selfClosed && tag !== TAG_DATA) {
          if (depth === MAX_DEPTH) return false;
          open[depth++] = p + 1;
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
      p = nextLessThan(line, view, p, lineEnd);
      if (p >= lineEnd) return false;
      if (textSlot !== DISCARD) {
        if (textSlot === SYSTEM_NAMED_DATA) {
          if (p > textStart) return false;
        } else if (textSlot >= SYSTEM_VALUE_NAMES.length) {
          // Data: first non-empty value wins; an empty one gives no field (xml.ts).
          if (p > textStart && this.start[textSlot] === ABSENT) this.set(textSlot, textStart, p);
        } else if (textSlot >= 0) {
          this.set(textSlot, textStart, p);
        }
        textSlot = DISCARD;
      }
    }
  }
}
