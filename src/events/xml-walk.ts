/**
 * One Windows XML event, walked tag by tag over its bytes into its *shape* (the element and
 * attribute names, in order, and which values are empty) and its *values* (every attribute value
 * and leaf text, as written: entities kept). The event store keeps the shape once per distinct
 * shape and only the values per event, and renders `_raw` back from the two.
 *
 * The walk normalises what Splunk's own Windows input would have written: one line, attributes
 * in single quotes, no white space between elements (the layout of the `XmlWinEventLog` events
 * in Splunk; an evtxexport or wevtutil export is indented and double-quoted). Text inside a leaf
 * element is kept exactly, white space included. Comments, the XML declaration and white space
 * between elements are dropped. Markup has been checked before (src/ingest/xml.ts, fast-xml.ts).
 */

/** Shape operations; each is followed by its operands in `ShapeWalk.ops`. */
export const OP_OPEN = 1; // name: `<name`
export const OP_ATTR = 2; // name: ` name='<value>'`, a value slot
export const OP_ATTR_CONST = 3; // name, value: ` name='value'`, part of the shape (xmlns, Data Name)
export const OP_START_END = 4; // `>`
export const OP_SELF_CLOSE = 5; // `/>`
export const OP_TEXT = 6; // a text slot
export const OP_CLOSE = 7; // name: `</name>`

/** Receives names and values as byte ranges of the walked buffer; returns their ids. */
export interface WalkSink {
  /** Id of a tag or attribute name, or of a structural attribute value. */
  name(bytes: Buffer, start: number, end: number): number;
}

/** What one walk found: reused from event to event. */
export class ShapeWalk {
  ops: Int32Array = new Int32Array(256);
  opCount = 0;
  /** Per value slot, in order: where its bytes are. */
  slotStart: Int32Array = new Int32Array(64);
  slotEnd: Int32Array = new Int32Array(64);
  slotCount = 0;
  /** The TimeCreated/@SystemTime value, or -1. */
  timeStart = -1;
  timeEnd = -1;

  reset(): void {
    this.opCount = 0;
    this.slotCount = 0;
    this.timeStart = -1;
    this.timeEnd = -1;
  }

  op(code: number, a?: number, b?: number): void {
    if (this.opCount + 3 > this.ops.length) {
      const grown = new Int32Array(this.ops.length * 2);
      grown.set(this.ops);
      this.ops = grown;
    }
    this.ops[this.opCount++] = code;
    if (a !== undefined) this.ops[this.opCount++] = a;
    if (b !== undefined) this.ops[this.opCount++] = b;
  }

  slot(start: number, end: number): void {
    if (this.slotCount === this.slotStart.length) {
      const s = new Int32Array(this.slotStart.length * 2);
      s.set(this.slotStart);
      this.slotStart = s;
      const e = new Int32Array(this.slotEnd.length * 2);
      e.set(this.slotEnd);
      this.slotEnd = e;
    }
    this.slotStart[this.slotCount] = start;
    this.slotEnd[this.slotCount] = end;
    this.slotCount++;
  }
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EQUALS = 0x3d;
const QUESTION = 0x3f;
const BANG = 0x21;

function isSpace(c: number | undefined): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function isNameEnd(c: number | undefined): boolean {
  return c === undefined || isSpace(c) || c === SLASH || c === GT || c === EQUALS || c === LT;
}

function indexOfBytes(bytes: Buffer, needle: string, from: number, end: number): number {
  const at = bytes.indexOf(needle, from, 'latin1');
  return at === -1 || at + needle.length > end ? -1 : at;
}

function sameAscii(bytes: Buffer, start: number, end: number, text: string): boolean {
  if (end - start !== text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[start + i] !== text.charCodeAt(i)) return false;
  return true;
}

/**
 * Walks `bytes[start, end)` (one `<Event>` element, possibly after white space, a byte-order
 * mark or an XML declaration) into `walk`; returns an error text when it cannot.
 */
export function walkXmlEvent(bytes: Buffer, start: number, end: number, sink: WalkSink, walk: ShapeWalk): string | undefined {
  walk.reset();
  let p = start;
  if (bytes[p] === 0xef && bytes[p + 1] === 0xbb && bytes[p + 2] === 0xbf) p += 3;
  while (p < end && isSpace(bytes[p])) p++;
  // Names of the open elements (as byte ranges), and whether each has a child element yet.
  const openStart: number[] = [];
  const openEnd: number[] = [];
  const hasChild: boolean[] = [];
  let inEventData = 0; // depth inside <EventData>, 0 = outside
  let textStart = -1;
  let inTimeCreated = false;
  while (p < end) {
    const c = bytes[p]!;
    if (c !== LT) {
      if (textStart === -1) textStart = p;
      const next = bytes.indexOf(LT, p);
      p = next === -1 || next > end ? end : next;
      continue;
    }
    const next = bytes[p + 1];
    if (next === BANG || next === QUESTION) {
      if (bytes[p + 2] === 0x5b /* [ */) {
        // CDATA: kept as text, markers included (no Windows event writes one).
        const close = indexOfBytes(bytes, ']]>', p, end);
        if (close === -1) return 'unterminated CDATA section';
        if (textStart === -1) textStart = p;
        p = close + 3;
        continue;
      }
      const close = next === QUESTION ? indexOfBytes(bytes, '?>', p, end) : indexOfBytes(bytes, '-->', p, end);
      if (close === -1) return 'unterminated comment or declaration';
      p = close + (next === QUESTION ? 2 : 3);
      continue;
    }
    const depth = openStart.length;
    if (next === SLASH) {
      let q = p + 2;
      while (!isNameEnd(bytes[q])) q++;
      const nameStart = p + 2;
      const nameEnd = q;
      while (isSpace(bytes[q])) q++;
      if (bytes[q] !== GT || depth === 0) return 'unbalanced end tag';
      const leaf = !hasChild[depth - 1];
      if (textStart !== -1 && leaf) {
        walk.op(OP_TEXT);
        walk.slot(textStart, p);
      } else if (textStart !== -1 && !blank(bytes, textStart, p)) {
        walk.op(OP_TEXT);
        walk.slot(textStart, p);
      }
      textStart = -1;
      walk.op(OP_CLOSE, sink.name(bytes, nameStart, nameEnd));
      if (inEventData > 0) inEventData--;
      openStart.pop();
      openEnd.pop();
      hasChild.pop();
      p = q + 1;
      if (openStart.length === 0) return trailing(bytes, p, end);
      continue;
    }
    if (textStart !== -1 && !blank(bytes, textStart, p)) {
      walk.op(OP_TEXT);
      walk.slot(textStart, p);
    }
    textStart = -1;
    if (depth > 0) hasChild[depth - 1] = true;
    let q = p + 1;
    while (!isNameEnd(bytes[q])) q++;
    const nameStart = p + 1;
    const nameEnd = q;
    if (nameEnd === nameStart) return "'<' that opens no tag";
    walk.op(OP_OPEN, sink.name(bytes, nameStart, nameEnd));
    const isData = inEventData > 0;
    inTimeCreated = sameAscii(bytes, nameStart, nameEnd, 'TimeCreated');
    for (;;) {
      while (isSpace(bytes[q])) q++;
      const b = bytes[q];
      if (b === GT || (b === SLASH && bytes[q + 1] === GT) || q >= end) break;
      const attrStart = q;
      while (!isNameEnd(bytes[q])) q++;
      const attrEnd = q;
      while (isSpace(bytes[q])) q++;
      if (bytes[q] !== EQUALS || attrEnd === attrStart) return 'attribute without a value';
      q++;
      while (isSpace(bytes[q])) q++;
      const quote = bytes[q];
      if (quote !== 0x27 && quote !== 0x22) return 'attribute value without quotes';
      const valueStart = q + 1;
      const valueEnd = bytes.indexOf(quote, valueStart);
      if (valueEnd === -1 || valueEnd >= end) return 'unterminated attribute value';
      q = valueEnd + 1;
      const attr = sink.name(bytes, attrStart, attrEnd);
      const structural = sameAscii(bytes, attrStart, attrEnd, 'xmlns') || (isData && sameAscii(bytes, attrStart, attrEnd, 'Name'));
      if (structural) {
        walk.op(OP_ATTR_CONST, attr, sink.name(bytes, valueStart, valueEnd));
      } else {
        walk.op(OP_ATTR, attr);
        walk.slot(valueStart, valueEnd);
        if (inTimeCreated && sameAscii(bytes, attrStart, attrEnd, 'SystemTime')) {
          walk.timeStart = valueStart;
          walk.timeEnd = valueEnd;
        }
      }
    }
    if (bytes[q] === SLASH) {
      walk.op(OP_SELF_CLOSE);
      p = q + 2;
      if (openStart.length === 0) return trailing(bytes, p, end);
      continue;
    }
    if (bytes[q] !== GT) return 'unterminated tag';
    walk.op(OP_START_END);
    if (inEventData > 0) inEventData++;
    else if (sameAscii(bytes, nameStart, nameEnd, 'EventData') && depth === 1) inEventData = 1;
    openStart.push(nameStart);
    openEnd.push(nameEnd);
    hasChild.push(false);
    p = q + 1;
  }
  return openStart.length === 0 ? 'no element' : 'element not closed';
}

function blank(bytes: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpace(bytes[i])) return false;
  return true;
}

function trailing(bytes: Buffer, p: number, end: number): string | undefined {
  return blank(bytes, p, end) ? undefined : 'text after the event';
}
