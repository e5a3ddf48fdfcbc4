/**
 * Lines -> records. A record is one XML `<Event>` (on one line, spread over many lines, or
 * several on one line inside `<Events>`), one JSON line, or one classic WinEventLog block. Every
 * line belongs to a record, is blank or wrapper markup, or is reported as skipped.
 *
 * Framing resynchronises: a record that is cut off (truncated, or broken by an invalid line)
 * ends where the next record starts, is reported as skipped at its first line, and the record
 * after it is read. The next record starts at a line that begins an XML event, an XML document
 * or `<Events>`, a classic timestamp line or a JSON object; inside an open XML event also at a
 * line holding the Windows event namespace (the root of another event whose start tag is
 * damaged) or a second `<System>` element; inside a classic block at a second `LogName=` header
 * (the next block, whose timestamp line is damaged). A damaged record is framed like a whole
 * one, so it is skipped once, whatever follows it.
 */
import { CLASSIC_TIMESTAMP } from './classic.js';
import { MAX_LINE_BYTES, type LineSink } from './lines.js';

export interface RecordHandler {
  xml(text: string, line: number): void;
  json(text: string, line: number): void;
  classic(lines: readonly string[], line: number): void;
  skip(line: number, reason: string): void;
  /**
   * Optional fast path for a whole line that may be one XML event (`bytes[start, end)`, valid
   * UTF-8); returns false, having changed nothing, when the general path must read it.
   */
  xmlLine?(bytes: Buffer, start: number, end: number, line: number): boolean;
}

const EVENT_END = '</Event>';
const EVENT_END_LENGTH = EVENT_END.length;
/** The namespace Windows writes on every `<Event>` root, and on nothing inside one. */
const EVENT_NAMESPACE = 'schemas.microsoft.com/win/2004/08/events/event';
/** The UTF-8 byte-order mark as a byte string (lines.ts), as it appears where files were concatenated. */
const BOM_BYTES = '\xef\xbb\xbf';
const EXPORTER_HEADER = /^evtxexport \d{8}\s*$/;
const UNRECOGNISED = 'unrecognised line: not an XML <Event>, a JSON object or a classic WinEventLog event';
const CUT_BY_EVENT = 'truncated XML event: a new <Event> starts before </Event>';

/** Offset of the first character that is not blank (spaces, tabs, line breaks, a byte-order mark), or -1. */
function startOf(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 32 || code === 9 || code === 13 || code === 10 || code === 0xfeff) continue;
    if (code === 0xef && text.startsWith(BOM_BYTES, i)) {
      i += 2;
      continue;
    }
    return i;
  }
  return -1;
}

function isEventStart(text: string, at: number): boolean {
  if (!text.startsWith('<Event', at)) return false;
  const next = text.charCodeAt(at + 6);
  return next === 32 || next === 62 /* > */ || next === 9 || next === 13 || next === 10 || Number.isNaN(next);
}

const EVENT_OPEN_BYTES = Buffer.from('<Event', 'latin1');

function isEventStartBytes(bytes: Buffer, start: number, end: number): boolean {
  if (end - start < 7) return false;
  for (let i = 0; i < EVENT_OPEN_BYTES.length; i++) if (bytes[start + i] !== EVENT_OPEN_BYTES[i]) return false;
  const next = bytes[start + 6];
  return next === 32 || next === 62 || next === 9;
}

function isClassicTimestamp(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code >= 48 && code <= 57 && CLASSIC_TIMESTAMP.test(text.slice(at).trimEnd());
}

/** A line that starts like JSON: an object with a key (or empty), or an array. */
function startsJson(text: string, at: number): boolean {
  const first = text.charCodeAt(at);
  if (first !== 123 /* { */ && first !== 91 /* [ */) return false;
  const next = startOf(text.slice(at + 1, at + 64));
  if (next === -1) return false;
  const code = text.charCodeAt(at + 1 + next);
  return first === 123 ? code === 34 /* " */ || code === 125 /* } */ : code === 123 || code === 91 || code === 93 || code === 34;
}

/** A JSON object on one line: `{"` ... `}`. */
function isJsonLine(text: string, at: number): boolean {
  if (text.charCodeAt(at) !== 123 /* { */) return false;
  const key = startOf(text.slice(at + 1, at + 64));
  if (key === -1 || text.charCodeAt(at + 1 + key) !== 34 /* " */) return false;
  return text.trimEnd().endsWith('}');
}

function isClassicHeader(text: string, at: number): boolean {
  return text.startsWith('LogName=', at);
}

/** Whether a line at `at` starts a record of any framing (or a document around XML records). */
function startsRecord(text: string, at: number): boolean {
  return (
    isEventStart(text, at) ||
    text.startsWith('<?xml', at) ||
    text.startsWith('<Events', at) ||
    isClassicTimestamp(text, at) ||
    isJsonLine(text, at) ||
    EXPORTER_HEADER.test(text.slice(at))
  );
}

function hasSystemStart(text: string): boolean {
  for (let at = text.indexOf('<System'); at !== -1; at = text.indexOf('<System', at + 7)) {
    const next = text.charCodeAt(at + 7);
    if (next === 62 || next === 32 || next === 9 || next === 47 /* / */ || next === 13 || next === 10 || Number.isNaN(next)) return true;
  }
  return false;
}

/** `09/15/2020 11:48:27 PM` by character class: digit, or the character itself. */
const TIMESTAMP_SHAPE = 'dd/dd/dddd dd:dd:dd XM';

/** How many characters of `text` from `at` fit TIMESTAMP_SHAPE. */
function shapeMatches(text: string, at: number): number {
  let matches = 0;
  for (let i = 0; i < TIMESTAMP_SHAPE.length; i++) {
    const char = text[at + i];
    const shape = TIMESTAMP_SHAPE[i]!;
    if (shape === 'd' ? char !== undefined && char >= '0' && char <= '9' : shape === 'X' ? char === 'A' || char === 'P' : char === shape) matches++;
  }
  return matches;
}

/**
 * A line that still has the shape of `09/15/2020 11:48:27 PM` after a few characters were
 * changed, or a few bytes put in it: the damaged first line of a classic block. Message lines
 * are words; a timestamp's characters are digits and `/: APM`.
 */
function looksLikeTimestamp(line: string): boolean {
  const text = line.trim();
  if (text.length < 16) return false;
  const most = TIMESTAMP_SHAPE.length - 3;
  if (shapeMatches(text, 0) >= most || shapeMatches(text, text.length - TIMESTAMP_SHAPE.length) >= most) return true;
  if (text.length > TIMESTAMP_SHAPE.length + 10) return false;
  let shaped = 0;
  for (const char of text) if ('0123456789/: APM'.includes(char)) shaped++;
  return shaped >= most;
}

/** The first characters of a line, for a reason. */
function quoted(text: string): string {
  const shown = text.trim().slice(0, 24).replace(/[\x00-\x1f\x7f-\xff]/g, '?');
  return `'${shown}'`;
}

interface OpenXml {
  /** The record's lines so far; emptied once it is known to be skipped. */
  parts: string[];
  start: number;
  length: number;
  problem: string | undefined;
  /** Its lines hold a `<System>` element: a second one belongs to another event. */
  hasSystem: boolean;
  /** Why it is skipped even when complete: it does not start with `<Event`. */
  damaged: string | undefined;
}

interface OpenClassic {
  lines: string[];
  start: number;
  /** Line number of the last line appended. */
  lastLine: number;
  length: number;
  problem: string | undefined;
  /** Index in `lines` of the line the problem came from. */
  problemAt: number;
  /** A `LogName=` header was seen: a second one starts the next block. */
  hasHeader: boolean;
  /** Why it is skipped even when complete: its timestamp line is damaged or missing. */
  damaged: string | undefined;
}

/** A line that is no record, kept for one line: it may be the damaged first line of the record that follows. */
interface HeldLine {
  text: string;
  line: number;
  reason: string;
}

export class RecordAssembler implements LineSink {
  private xml: OpenXml | undefined;
  private classic: OpenClassic | undefined;
  private held: HeldLine | undefined;

  constructor(private readonly handler: RecordHandler) {}

  line(text: string, lineNumber: number): void {
    if (this.held) {
      if (this.mergeHeld(text, lineNumber)) return;
      this.flushHeld();
    }
    if (this.xml) {
      if (this.endsOpenXml(text)) {
        this.cutXml(startOf(text) !== -1 && isEventStart(text, startOf(text)) ? CUT_BY_EVENT : `truncated XML event: another record starts on line ${lineNumber} before </Event>`);
      } else if (this.endsDamagedXml(text)) {
        this.cutXml();
      } else {
        this.continueXml(text, lineNumber);
        return;
      }
    }
    this.consume(text, lineNumber);
  }

  bytes(bytes: Buffer, start: number, end: number, lineNumber: number): boolean {
    // Only between records: an open multi-line record must see its lines in order. A new
    // event cuts an open one here too, so that the event itself can take the fast path.
    if (this.held || this.classic || !this.handler.xmlLine || bytes[start] !== 0x3c /* < */) return false;
    if (this.xml) {
      if (!isEventStartBytes(bytes, start, end)) return false;
      this.cutXml(CUT_BY_EVENT);
    }
    return this.handler.xmlLine(bytes, start, end, lineNumber);
  }

  invalid(lineNumber: number, reason: string, text: string, whole: boolean): void {
    const problem = `${reason} (line ${lineNumber})`;
    if (this.held) this.flushHeld();
    if (this.xml) {
      if (this.endsOpenXml(text)) {
        this.cutXml(`truncated XML event: another record starts on line ${lineNumber} before </Event>`);
      } else if (this.endsDamagedXml(text)) {
        this.cutXml();
      } else {
        const xml = this.xml;
        xml.problem ??= problem;
        xml.parts = [];
        const end = whole ? text.indexOf(EVENT_END) : -1;
        if (end !== -1) {
          this.finishXml();
          if (startOf(text.slice(end + EVENT_END_LENGTH)) !== -1) this.handler.skip(lineNumber, reason);
        }
        return;
      }
    }
    const at = startOf(text);
    if (this.classic) {
      if (at !== -1 && startsRecord(text, at)) {
        this.closeClassic();
      } else {
        const classic = this.classic;
        if (classic.problem === undefined) {
          classic.problem = problem;
          classic.problemAt = classic.lines.length;
        }
        this.appendClassic(text, lineNumber);
        return;
      }
    }
    if (at !== -1 && !(whole && text.includes(EVENT_END, at))) {
      const markup = text.charCodeAt(at) === 60 /* < */ && !looksLikeTimestamp(text);
      if (whole && markup) {
        this.openXml(text.slice(at), lineNumber, isEventStart(text, at) ? undefined : problem);
        this.xml!.problem = problem;
        return;
      }
      // A broken line that may be the first of the record after it (a damaged timestamp line).
      if (!startsRecord(text, at) && !markup) {
        this.held = { text, line: lineNumber, reason };
        return;
      }
    }
    this.handler.skip(lineNumber, reason);
  }

  broken(lineNumber: number, reason: string, cutShort: boolean): void {
    this.flushHeld();
    if (this.xml) this.cutXml(`truncated XML event: ${reason}`);
    if (cutShort && this.classic) {
      const classic = this.classic;
      this.classic = undefined;
      this.handler.skip(classic.start, classic.problem ?? classic.damaged ?? `classic WinEventLog event cut short: ${reason}`);
    }
    this.end();
    this.handler.skip(lineNumber, reason);
  }

  /** Flushes the records still open at the end of a file. */
  end(): void {
    this.flushHeld();
    if (this.xml) this.cutXml('truncated XML event: no </Event> before the end of the file');
    this.closeClassic();
  }

  /** Whether `text` starts a record that the open XML event cannot continue into. */
  private endsOpenXml(text: string): boolean {
    const at = startOf(text);
    if (at === -1) return false;
    if (startsRecord(text, at)) return true;
    return text.includes(EVENT_NAMESPACE) || (this.xml!.hasSystem && hasSystemStart(text));
  }

  /**
   * Whether `text` ends an open event whose start tag is damaged: such a record goes on over
   * markup lines only (a pretty-printed event), so a stray '<' never swallows lines of text.
   */
  private endsDamagedXml(text: string): boolean {
    if (this.xml!.damaged === undefined) return false;
    const at = startOf(text);
    return at !== -1 && text.charCodeAt(at) !== 60 /* < */;
  }

  private openXml(text: string, lineNumber: number, damaged: string | undefined): void {
    this.xml = { parts: [text], start: lineNumber, length: text.length, problem: undefined, hasSystem: hasSystemStart(text), damaged };
    if (damaged !== undefined) this.xml.parts = [];
  }

  private continueXml(text: string, lineNumber: number): void {
    const xml = this.xml!;
    const end = text.indexOf(EVENT_END);
    if (!xml.hasSystem && hasSystemStart(end === -1 ? text : text.slice(0, end))) xml.hasSystem = true;
    if (xml.problem === undefined && xml.damaged === undefined) {
      xml.length += text.length + 1;
      if (xml.length > MAX_LINE_BYTES) {
        xml.problem = `XML event longer than ${MAX_LINE_BYTES} bytes`;
        xml.parts = [];
      } else {
        xml.parts.push(end === -1 ? text : text.slice(0, end + EVENT_END_LENGTH));
      }
    }
    if (end === -1) return;
    this.finishXml();
    this.consume(text.slice(end + EVENT_END_LENGTH), lineNumber);
  }

  /** The open XML event has reached its `</Event>`. */
  private finishXml(): void {
    const xml = this.xml!;
    this.xml = undefined;
    const problem = xml.problem ?? xml.damaged;
    if (problem !== undefined) this.handler.skip(xml.start, problem);
    else this.handler.xml(xml.parts.join('\n'), xml.start);
  }

  /** The open XML event is cut off before its `</Event>`; `reason` unless it has a reason of its own. */
  private cutXml(reason = 'truncated XML event'): void {
    const xml = this.xml!;
    this.xml = undefined;
    this.handler.skip(xml.start, xml.problem ?? xml.damaged ?? reason);
  }

  /** Reads the records that start on this line (outside any open XML event). */
  private consume(text: string, lineNumber: number): void {
    let rest = text;
    for (;;) {
      const at = startOf(rest);
      if (at === -1) {
        if (this.classic && rest.length > 0) this.appendClassic(rest, lineNumber);
        return;
      }
      if (isEventStart(rest, at)) {
        this.closeClassic();
        const end = rest.indexOf(EVENT_END, at);
        if (end === -1) {
          this.openXml(rest.slice(at), lineNumber, undefined);
          return;
        }
        this.handler.xml(rest.slice(at, end + EVENT_END_LENGTH), lineNumber);
        rest = rest.slice(end + EVENT_END_LENGTH);
        continue;
      }
      if (this.classic) {
        if (isClassicTimestamp(rest, at)) this.startClassic(rest.slice(at), lineNumber);
        else if (isJsonLine(rest, at)) {
          this.closeClassic();
          this.handler.json(rest.slice(at), lineNumber);
        } else if (this.classic.hasHeader && isClassicHeader(rest, at)) this.resyncClassic(rest, lineNumber);
        else this.appendClassic(rest, lineNumber);
        return;
      }
      const wrapperEnd = this.wrapperEnd(rest, at);
      if (wrapperEnd !== undefined) {
        rest = rest.slice(wrapperEnd);
        continue;
      }
      if (EXPORTER_HEADER.test(rest.slice(at))) return;
      const first = rest.charCodeAt(at);
      if (startsJson(rest, at)) {
        this.handler.json(rest.slice(at), lineNumber);
        return;
      }
      if (isClassicTimestamp(rest, at)) {
        this.startClassic(rest.slice(at), lineNumber);
        return;
      }
      if (isClassicHeader(rest, at)) {
        this.startClassic(rest.slice(at), lineNumber, 'classic WinEventLog event without a timestamp line');
        return;
      }
      if (first === 60 /* < */ && !looksLikeTimestamp(rest)) {
        // Markup that is no event start: an event whose start tag is damaged, framed like one.
        const damaged = `malformed XML event: it starts with ${quoted(rest.slice(at))}, not <Event>`;
        const end = rest.indexOf(EVENT_END, at);
        if (end === -1) {
          this.openXml(rest.slice(at), lineNumber, damaged);
          return;
        }
        this.handler.skip(lineNumber, damaged);
        rest = rest.slice(end + EVENT_END_LENGTH);
        continue;
      }
      if (rest.includes(EVENT_END, at)) this.handler.skip(lineNumber, UNRECOGNISED);
      else this.held = { text: rest, line: lineNumber, reason: UNRECOGNISED };
      return;
    }
  }

  /**
   * The held line is the damaged first line of the record `text` continues (markup that is no
   * event start, or the `LogName=` header of a classic block): one skipped record from it.
   */
  private mergeHeld(text: string, lineNumber: number): boolean {
    const held = this.held!;
    const at = startOf(text);
    if (at === -1) return false;
    if (text.charCodeAt(at) === 60 && !startsRecord(text, at) && !text.includes(EVENT_NAMESPACE)) {
      this.held = undefined;
      const reason = held.reason === UNRECOGNISED ? `malformed XML event: it starts with ${quoted(held.text)}, not <Event>` : `${held.reason} (line ${held.line})`;
      this.openXml(held.text, held.line, reason);
      this.continueXml(text, lineNumber);
      return true;
    }
    if (isClassicHeader(text, at)) {
      this.held = undefined;
      const damaged = `classic WinEventLog event with a damaged timestamp line ${quoted(held.text)}`;
      this.startClassic(held.text, held.line, held.reason === UNRECOGNISED ? damaged : `${held.reason} (line ${held.line})`);
      this.appendClassic(text, lineNumber);
      return true;
    }
    return false;
  }

  private flushHeld(): void {
    const held = this.held;
    if (!held) return;
    this.held = undefined;
    this.handler.skip(held.line, held.reason);
  }

  /** End offset of an XML prolog or `<Events>` wrapper tag at `at`, or undefined. */
  private wrapperEnd(text: string, at: number): number | undefined {
    if (text.startsWith('<?xml', at)) {
      const end = text.indexOf('?>', at);
      return end === -1 ? text.length : end + 2;
    }
    if (text.startsWith('<Events', at) || text.startsWith('</Events>', at)) {
      const end = text.indexOf('>', at);
      return end === -1 ? text.length : end + 1;
    }
    return undefined;
  }

  private startClassic(text: string, lineNumber: number, damaged?: string): void {
    this.closeClassic();
    this.classic = {
      lines: [text],
      start: lineNumber,
      lastLine: lineNumber,
      length: text.length,
      problem: undefined,
      problemAt: -1,
      hasHeader: isClassicHeader(text, 0),
      damaged,
    };
  }

  /** Adds a line to the open classic block, which is bounded like any record. */
  private appendClassic(text: string, lineNumber: number): void {
    const classic = this.classic!;
    classic.lastLine = lineNumber;
    if (!classic.hasHeader && isClassicHeader(text, 0)) classic.hasHeader = true;
    classic.length += text.length + 1;
    if (classic.length > MAX_LINE_BYTES) {
      classic.problem ??= `classic WinEventLog event longer than ${MAX_LINE_BYTES} bytes`;
      classic.lines = [];
      return;
    }
    classic.lines.push(text);
  }

  /**
   * A second `LogName=` header: the next block has begun, and its timestamp line did not read
   * as one. That line (when it still looks like a timestamp) goes with the new block, which is
   * skipped; the block before it is read on its own.
   */
  private resyncClassic(text: string, lineNumber: number): void {
    const previous = this.classic!;
    const last = previous.lines[previous.lines.length - 1];
    // The line before the header is the new block's timestamp line when it still looks like one.
    const carried = last !== undefined && previous.lines.length > 1 && looksLikeTimestamp(last) ? last : undefined;
    let problem: string | undefined;
    let start = lineNumber;
    if (carried !== undefined) {
      previous.lines.pop();
      start = previous.lastLine;
      if (previous.problemAt === previous.lines.length) {
        problem = previous.problem;
        previous.problem = undefined;
      }
    }
    this.closeClassic();
    const damaged = carried !== undefined ? `classic WinEventLog event with a damaged timestamp line ${quoted(carried)}` : 'classic WinEventLog event without a timestamp line';
    this.startClassic(carried ?? text, start, damaged);
    if (carried !== undefined) this.appendClassic(text, lineNumber);
    this.classic!.problem = problem;
  }

  private closeClassic(): void {
    const classic = this.classic;
    if (!classic) return;
    this.classic = undefined;
    const problem = classic.problem ?? classic.damaged;
    if (problem !== undefined) this.handler.skip(classic.start, problem);
    else this.handler.classic(classic.lines, classic.start);
  }
}
