/** Pieces that only meet in a session: eval inside macros, searchmatch() with search semantics. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyStore } from '../../src/datamodel/models.js';
import { loadData, openSession } from '../../src/index.js';
import { Session } from '../../src/session.js';
import { StoreBuilder } from '../../src/store/builder.js';
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

describe('datasets: one store per dataset, each bound in the session', () => {
  const count = (s: Session, dataset: string): unknown => s.run(`| tstats count from datamodel=${dataset}`).rows[0]?.get('count');
  const oneRow = (): StoreBuilder => {
    const builder = new StoreBuilder(['host', 'sourcetype']);
    builder.addRow(1_600_000_000, ['pc-1', 'XmlWinEventLog']);
    return builder;
  };

  it('binds each given store to its dataset and every other dataset to an empty store', () => {
    const s = new Session({ datasets: new Map([['Endpoint.Filesystem', oneRow().build()]]) });
    expect(count(s, 'Endpoint.Filesystem')).toBe(1);
    expect(count(s, 'Endpoint.Processes')).toBe(0);
    expect(count(s, 'Network_Traffic.All_Traffic')).toBe(0);
    expect(s.store.rowCount).toBe(0);
    expect([...s.datasets.keys()]).toContain('Change.All_Changes');
  });

  it("takes 'store' as Endpoint.Processes, and refuses it twice or an unknown dataset", () => {
    expect(count(new Session({ store: oneRow().build() }), 'Endpoint.Processes')).toBe(1);
    const twice = (): Session => new Session({ store: emptyStore(), datasets: new Map([['Endpoint.Processes', emptyStore()]]) });
    expect(twice).toThrow(SpelunkError);
    expect(twice).toThrow("given Endpoint.Processes twice, as 'store' and in 'datasets'");
    const unknown = (): Session => new Session({ datasets: new Map([['Endpoint.Process', emptyStore()]]) });
    expect(unknown).toThrow("a store for 'Endpoint.Process', which is not a dataset spelunk knows");
  });

  it('loadData gives the stores openSession runs its searches over', async () => {
    const data = [resolve(import.meta.dirname, '../../examples/data')];
    const { datasets, report } = await loadData({ data });
    expect([...datasets.keys()]).toEqual(['Endpoint.Processes']);
    expect(report.datasetRows.get('Endpoint.Processes')).toBe(report.processRows);
    const search = '| tstats count from datamodel=Endpoint.Processes by Processes.dest';
    const opened = await openSession({ data });
    const rows = (s: Session): unknown[] => s.run(search).rows.map((row) => Object.fromEntries(row));
    expect(rows(new Session({ datasets }))).toEqual(rows(opened.session));
    expect(rows(new Session({ store: datasets.get('Endpoint.Processes')! }))).toEqual(rows(opened.session));
    expect(rows(opened.session).length).toBeGreaterThan(0);
  });
});
