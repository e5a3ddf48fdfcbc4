/**
 * Syntax errors name line and column in the text the user wrote, the macro they came from,
 * and show the line with a caret (issue 3, "Errors").
 */
import { describe, expect, it } from 'vitest';
import { SpelunkError } from '../../src/core/errors.js';
import { emptyStore } from '../../src/datamodel/models.js';
import { Session } from '../../src/session.js';

function parseError(text: string, inlineMacros: string[] = []): SpelunkError {
  try {
    new Session({ store: emptyStore(), inlineMacros }).parse(text);
  } catch (error) {
    if (error instanceof SpelunkError) return error;
    throw error;
  }
  throw new Error(`expected a syntax error for: ${text}`);
}

const TSTATS_WHERE = '| tstats count from datamodel=Endpoint.Processes where `bad` by Processes.dest';

describe('syntax errors point into the original text', () => {
  it('an unterminated quote inside a macro definition names the macro and the place in its definition', () => {
    const error = parseError(TSTATS_WHERE, ['bad=a="unterminated']);
    // DOC S2: "Quotation marks must be balanced"; message text from messages.conf (CONF S1).
    expect(error.message).toBe('Unbalanced quotes.');
    const lines = error.detail!.split('\n');
    // The invocation `bad` starts at column 56 of the user's line (the backtick).
    expect(lines[0]).toBe('at line 1, column 56');
    // The quote is the 3rd character of the definition `a="unterminated`.
    expect(lines[1]).toMatch(/in macro `bad` \(line 1, column 3 of its definition\), defined in --macro/);
    expect(lines).toContain(`  ${TSTATS_WHERE}`);
    expect(lines[lines.length - 1]).toBe(' '.repeat(2 + 55) + '^');
  });

  it('a dangling OR written by a macro points at the OR inside the definition', () => {
    const error = parseError(TSTATS_WHERE, ['bad=Processes.user=x OR']);
    expect(error.message).toBe("The search expression ends too early after 'OR': an operand is missing.");
    // `OR` is at column 18 of `Processes.user=x OR`.
    expect(error.detail).toMatch(/in macro `bad` \(line 1, column 18 of its definition\)/);
  });

  it('an error on line 3 of a multi-line search names line 3 and puts the caret under the fault', () => {
    const search = ['| tstats count', '  from datamodel=Endpoint.Processes', '  where Processes.user=x OR by Processes.dest'].join('\n');
    const error = parseError(search);
    expect(error.message).toMatch(/an operand is missing/);
    const lines = error.detail!.split('\n');
    // Line 3 is `  where Processes.user=x OR by ...`: `OR` starts at column 26.
    expect(lines[0]).toBe('at line 3, column 26');
    expect(lines[1]).toBe('    where Processes.user=x OR by Processes.dest');
    expect(lines[2]).toBe(' '.repeat(2 + 25) + '^');
  });

  it("an unclosed '(' is reported at the '(' with what is missing", () => {
    const search = '| tstats count\n  from datamodel=Endpoint.Processes\n  where (Processes.user=x by Processes.dest';
    const error = parseError(search);
    expect(error.message).toBe("Missing ')': this '(' is never closed.");
    expect(error.detail!.split('\n')[0]).toBe('at line 3, column 9');
  });

  it('an error at the very end of the search has a span that stays inside the text', () => {
    const text = '| tstats `security_content_summariesonly`';
    const error = parseError(text);
    const expandedLength = new Session({ store: emptyStore() }).expand(text).text.length;
    expect(error.span!.start).toBeLessThanOrEqual(error.span!.end);
    expect(error.span!.end).toBeLessThanOrEqual(expandedLength);
  });
});
