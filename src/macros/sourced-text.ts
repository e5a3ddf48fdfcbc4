/**
 * Text that remembers, piece by piece, where it was written: in the user's search, or at some
 * offset of a macro definition reached through a chain of invocations. Expansion copies and
 * splices such texts, and the final one answers `originOf` for any offset.
 */
import { positionAt, type MacroFrame, type Origin, type OriginMap } from '../core/origin.js';

export type TextSource =
  | { kind: 'user' }
  | { kind: 'macro'; frames: readonly MacroFrame[]; definition: string };

interface Segment {
  /** Offset in this text where the segment starts; it runs to the next segment's start. */
  start: number;
  source: TextSource;
  /** Offset in the source text (the user's search or the definition) of the segment's start. */
  sourceOffset: number;
}

const USER_TEXT: TextSource = { kind: 'user' };

export class SourcedText implements OriginMap {
  constructor(
    readonly text: string,
    private readonly segments: readonly Segment[],
    private readonly original: string,
  ) {}

  static ofUserText(text: string): SourcedText {
    return new SourcedText(text, [{ start: 0, source: USER_TEXT, sourceOffset: 0 }], text);
  }

  static ofDefinition(text: string, frames: readonly MacroFrame[], original: string): SourcedText {
    const source: TextSource = { kind: 'macro', frames, definition: text };
    return new SourcedText(text, [{ start: 0, source, sourceOffset: 0 }], original);
  }

  originOf(offset: number): Origin {
    const index = this.segmentIndexAt(offset);
    if (index < 0) return { position: positionAt(this.original, this.original.length), macroChain: [] };
    const segment = this.segments[index]!;
    const sourceOffset = segment.sourceOffset + (offset - segment.start);
    return originIn(segment.source, sourceOffset, this.original);
  }

  /** Index of the segment holding `offset` (the last one for the end of the text), or -1. */
  segmentIndexAt(offset: number): number {
    let low = 0;
    let high = this.segments.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (this.segments[middle]!.start <= offset) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  }

  segmentAt(index: number): Segment | undefined {
    return this.segments[index];
  }

  get segmentCount(): number {
    return this.segments.length;
  }
}

function originIn(source: TextSource, sourceOffset: number, original: string): Origin {
  if (source.kind === 'user') return { position: positionAt(original, sourceOffset), macroChain: [] };
  return {
    position: source.frames[0]!.invokedAt,
    macroChain: [...source.frames],
    positionInMacro: positionAt(source.definition, sourceOffset),
  };
}

/** Builds a SourcedText from slices of others and pieces of definitions. */
export class SourcedTextBuilder {
  private readonly parts: string[] = [];
  private readonly segments: Segment[] = [];
  private length = 0;

  constructor(private readonly original: string) {}

  get size(): number {
    return this.length;
  }

  appendOwn(text: string, source: TextSource, sourceOffset: number): void {
    if (text === '') return;
    this.pushSegment(source, sourceOffset);
    this.parts.push(text);
    this.length += text.length;
  }

  /** Copies `from.text[start, end)` with its origins. */
  appendSlice(from: SourcedText, start: number, end: number): void {
    if (end <= start) return;
    let index = from.segmentIndexAt(start);
    while (index < from.segmentCount) {
      const segment = from.segmentAt(index)!;
      const next = from.segmentAt(index + 1);
      const segmentEnd = next ? next.start : from.text.length;
      const pieceStart = Math.max(start, segment.start);
      const pieceEnd = Math.min(end, segmentEnd);
      if (pieceEnd > pieceStart) {
        this.pushSegment(segment.source, segment.sourceOffset + (pieceStart - segment.start));
        this.length += pieceEnd - pieceStart;
      }
      if (segmentEnd >= end) break;
      index++;
    }
    this.parts.push(from.text.slice(start, end));
  }

  appendAll(from: SourcedText): void {
    this.appendSlice(from, 0, from.text.length);
  }

  build(): SourcedText {
    return new SourcedText(this.parts.join(''), this.segments, this.original);
  }

  /** Starts a segment at the current end, unless it merely continues the previous one. */
  private pushSegment(source: TextSource, sourceOffset: number): void {
    const last = this.segments[this.segments.length - 1];
    if (last && last.source === source && last.sourceOffset + (this.length - last.start) === sourceOffset) return;
    if (last && last.start === this.length) this.segments.pop();
    this.segments.push({ start: this.length, source, sourceOffset });
  }
}
