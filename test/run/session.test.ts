/** Pieces that only meet in a session: eval inside macros, searchmatch() with search semantics. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyStore } from '../../src/datamodel/models.js';
import { Session } from '../../src/session.js';
import { SpelunkError } from '../../src/core/errors.js';

function macrosFile(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'spelunk-macros-'));
  const file = join(dir, 'macros.conf');
  writeFileSync(file, text);
  return file;
}

const session = (macros: string[] = []): Session => new Session({ store: emptyStore(), macros, now: 1_600_000_000 });
const firstRow = (s: Session, spl: string): Record<string, unknown> => Object.fromEntries(s.run(spl).rows[0]!);

describe('macros evaluated by the eval engine (CONF S1 macros.conf.spec)', () => {
  const file = macrosFile(
    [
      '# iseval: the definition is an eval expression whose string is the expansion',
      '[double_it(1)]',
      'args = n',
      'definition = "eval doubled=" . tostring($n$ * 2)',
      'iseval = 1',
      '',
      '[positive(1)]',
      'args = n',
      'definition = eval checked=$n$',
      'validation = $n$ > 0',
      'errormsg = the argument must be positive',
      '',
    ].join('\n'),
  );

  it('expands an iseval macro to the string its definition evaluates to', () => {
    expect(firstRow(session([file]), '| makeresults | `double_it(21)`')).toMatchObject({ doubled: 42 });
  });

  it('runs a macro whose validation holds', () => {
    expect(firstRow(session([file]), '| makeresults | `positive(3)`')).toMatchObject({ checked: 3 });
  });

  it("reports a failed validation with the macro's errormsg", () => {
    const run = (): unknown => session([file]).run('| makeresults | `positive(-1)`');
    expect(run).toThrow(SpelunkError);
    expect(run).toThrow(/the argument must be positive/);
  });
});

describe('searchmatch() reads its argument in the search language', () => {
  it('matches values case-insensitively with wildcards, unlike == in eval', () => {
    const row = firstRow(
      session(),
      '| makeresults | eval p="C:\\\\Windows\\\\System32\\\\CMD.EXE" | eval s=if(searchmatch("p=*cmd.exe"),"yes","no"), e=if(p=="*cmd.exe","yes","no")',
    );
    expect(row).toMatchObject({ s: 'yes', e: 'no' });
  });
});
