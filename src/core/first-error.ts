/**
 * A command that works over a column table out of output order (whole columns, storage order)
 * may meet errors in another order than the row path, which stops at the first error of the
 * first result in output order. Errors are noted as they come and the one the row path would
 * have met is thrown at the end.
 */
interface Noted {
  index: number;
  /** Which step of the command (eval assignment) failed: earlier steps of a result come first. */
  step: number;
  error: unknown;
}

export class FirstError {
  private readonly noted: Noted[] = [];

  note(index: number, step: number, error: unknown): void {
    this.noted.push({ index, step, error });
  }

  /** Throws the error of the earliest result in output order (and its earliest step), if any. */
  throwFirst(table: { ordered(): Uint32Array }): void {
    if (this.noted.length === 0) return;
    const wanted = new Set(this.noted.map((entry) => entry.index));
    const position = new Map<number, number>();
    const ordered = table.ordered();
    for (let i = 0; i < ordered.length && position.size < wanted.size; i++) {
      if (wanted.has(ordered[i]!)) position.set(ordered[i]!, i);
    }
    let first = this.noted[0]!;
    for (const entry of this.noted) {
      const here = position.get(entry.index) ?? Infinity;
      const best = position.get(first.index) ?? Infinity;
      if (here < best || (here === best && entry.step < first.step)) first = entry;
    }
    throw first.error;
  }
}
