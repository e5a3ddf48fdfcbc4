/** Whatever the input, expansion ends in a result or a SpelunkError, never another exception. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SpelunkError } from '../../src/core/errors.js';
import { expandMacros } from '../../src/macros/expand.js';
import { MacroLibrary } from '../../src/macros/library.js';

const library = MacroLibrary.bundled();
for (const spec of ['loop=`loop`', 'pair(a,b)=$a$ `pair($b$,$a$)`', 'q(v)="$v$" `q(1)`', 'empty=']) {
  library.defineInline(spec);
}

const pieces = [
  '`', '```', '"', '\\', '(', ')', ',', '=', '$', '|', ' ', '\n', 'a', 'x_filter', 'loop', 'pair', 'q', 'empty',
  'process_cmd', 'drop_dm_object_name', 'security_content_ctime', '$a$', 'name=', 'é', '\u0000',
];

function expandsOrFailsCleanly(search: string): void {
  try {
    const result = expandMacros(search, library, { maxExpandedLength: 50_000 });
    // Every offset of the result must have an origin inside the user's text.
    for (const offset of [0, Math.floor(result.text.length / 2), result.text.length]) {
      const origin = result.origins.originOf(offset);
      expect(origin.position.line).toBeGreaterThanOrEqual(1);
      expect(origin.position.column).toBeGreaterThanOrEqual(1);
    }
  } catch (error) {
    if (!(error instanceof SpelunkError)) throw error;
    expect(['macro', 'unsupported']).toContain(error.kind);
    expect(error.detail).toMatch(/^at line \d+, column \d+/);
  }
}

describe('expansion robustness', () => {
  it('random sequences of macro-relevant pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        expandsOrFailsCleanly(parts.join(''));
      }),
      { numRuns: 3000, seed: 20240601 },
    );
  });

  it('the W3WP search with random characters inserted or deleted', () => {
    const w3wp =
      '| tstats `security_content_summariesonly` count from datamodel=Endpoint.Processes where ' +
      'Processes.parent_process_name=w3wp.exe AND `process_cmd` OR `process_powershell` by Processes.dest ' +
      '| `drop_dm_object_name(Processes)` | `security_content_ctime(firstTime)`| `w3wp_spawning_shell_filter`';
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(w3wp.length), fc.nat(2), fc.constantFrom(...pieces)), { maxLength: 6 }),
        (edits) => {
          let text = w3wp;
          for (const [at, deleteCount, insert] of edits) {
            const position = Math.min(at, text.length);
            text = text.slice(0, position) + insert + text.slice(position + deleteCount);
          }
          expandsOrFailsCleanly(text);
        },
      ),
      { numRuns: 2000, seed: 7 },
    );
  });
});
