/**
 * Lines -> records. A record is one XML `<Event>` (on one line, spread over many lines, or
 * several on one line inside `<Events>`), one JSON line, or one classic WinEventLog block. Every
 * line belongs to a record, is blank or wrapper markup, or is reported as skipped.
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

function isEventStart(text: string, at: number): boolean {
  if (!text.startsWith('<Event', at)) return false;
  const next = text.charCodeAt(at + 6);
  return next === 32 || next === 62 /* > */ || next === 9 || Number.isNaN(next);
}

function firstNonSpace(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 9 && code !== 0xfeff) return i;
  }
  return -1;
}

export class RecordAssembler implements LineSink {
  private xmlParts: string[] | undefined;
  private xmlStart = 0;
  private xmlLength = 0;
  private xmlProblem: string | undefined;
  private classicLines: string[] | undefined;
  private classicStart = 0;
  private classicProblem: string | undefined;
  private classicLength = 0;

  constructor(private readonly handler: RecordHandler) {}

  line(text: string, lineNumber: number): void {
    if (this.xmlParts) {
      const start = firstNonSpace(text);
      if (start !== -1 && isEventStart(text, start) && !this.xmlProblem) {
        this.handler.skip(this.xmlStart, 'truncated XML event: a new <Event> starts before </Event>');
        this.resetXml();
      } else {
        this.continueXml(text, lineNumber);
        return;
      }
    }
    this.consume(text, lineNumber);
  }

  bytes(bytes: Buffer, start: number, end: number, lineNumber: number): boolean {
    // Only between records: an open multi-line record must see its lines in order.
    if (this.xmlParts || this.classicLines || !this.handler.xmlLine || bytes[start] !== 0x3c /* < */) return false;
    return this.handler.xmlLine(bytes, start, end, lineNumber);
  }

  invalid(lineNumber: number, reason: string): void {
    if (this.xmlParts) this.xmlProblem ??= `${reason} (line ${lineNumber})`;
    else if (this.classicLines) this.classicProblem ??= `${reason} (line ${lineNumber})`;
    else this.handler.skip(lineNumber, reason);
  }

  /** Flushes the record still open at the end of a file. */
  end(): void {
    if (this.xmlParts) {
      this.handler.skip(this.xmlStart, this.xmlProblem ?? 'truncated XML event: no </Event> before the end of the file');
      this.resetXml();
    }
    this.closeClassic();
  }

  private continueXml(text: string, lineNumber: number): void {
    const end = text.indexOf(EVENT_END);
    if (!this.xmlProblem) {
      this.xmlLength += text.length + 1;
      if (this.xmlLength > MAX_LINE_BYTES) {
        this.xmlProblem = `XML event longer than ${MAX_LINE_BYTES} bytes`;
        this.xmlParts = [];
      } else {
        this.xmlParts!.push(end === -1 ? text : text.slice(0, end + EVENT_END.length));
      }
    }
    if (end === -1) return;
    if (this.xmlProblem) this.handler.skip(this.xmlStart, this.xmlProblem);
    else this.handler.xml(this.xmlParts!.join('\n'), this.xmlStart);
    this.resetXml();
    this.consume(text.slice(end + EVENT_END.length), lineNumber);
  }

  private resetXml(): void {
    this.xmlParts = undefined;
    this.xmlLength = 0;
    this.xmlProblem = undefined;
  }

  /** Reads the records that start on this line (outside any open XML event). */
  private consume(text: string, lineNumber: number): void {
    let rest = text;
    for (;;) {
      const at = firstNonSpace(rest);
      if (at === -1) {
        if (this.classicLines && rest.length > 0) this.appendClassic(rest);
        return;
      }
      if (isEventStart(rest, at)) {
        this.closeClassic();
        const end = rest.indexOf(EVENT_END, at);
        if (end === -1) {
          this.xmlParts = [rest.slice(at)];
          this.xmlStart = lineNumber;
          this.xmlLength = rest.length - at;
          return;
        }
        this.handler.xml(rest.slice(at, end + EVENT_END.length), lineNumber);
        rest = rest.slice(end + EVENT_END.length);
        continue;
      }
      if (this.classicLines) {
        if (CLASSIC_TIMESTAMP.test(rest)) this.startClassic(rest, lineNumber);
        else this.appendClassic(rest);
        return;
      }
      const wrapperEnd = this.wrapperEnd(rest, at);
      if (wrapperEnd !== undefined) {
        rest = rest.slice(wrapperEnd);
        continue;
      }
      const first = rest.charCodeAt(at);
      if (first === 123 /* { */ || first === 91 /* [ */) {
        this.handler.json(rest, lineNumber);
        return;
      }
      if (CLASSIC_TIMESTAMP.test(rest)) {
        this.startClassic(rest, lineNumber);
        return;
      }
      this.handler.skip(lineNumber, 'unrecognised line: not an XML <Event>, a JSON object or a classic WinEventLog event');
      return;
    }
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

  private startClassic(text: string, lineNumber: number): void {
    this.closeClassic();
    this.classicLines = [text];
    this.classicStart = lineNumber;
    this.classicLength = text.length;
  }

  /** Adds a line to the open classic block, which is bounded like any record. */
  private appendClassic(text: string): void {
    this.classicLength += text.length + 1;
    if (this.classicLength > MAX_LINE_BYTES) {
      this.classicProblem ??= `classic WinEventLog event longer than ${MAX_LINE_BYTES} bytes`;
      this.classicLines = [];
      return;
    }
    if (!this.classicProblem) this.classicLines!.push(text);
  }

  private closeClassic(): void {
    if (!this.classicLines) return;
    if (this.classicProblem) this.handler.skip(this.classicStart, this.classicProblem);
    else this.handler.classic(this.classicLines, this.classicStart);
    this.classicLines = undefined;
    this.classicProblem = undefined;
  }
}
