/**
 * tstats semantics over the bundled sample (real OTRF ProxyLogon and Splunk example events).
 * Each expectation is derived from another query or from the data itself, never pasted from
 * spelunk's own output, and cites where the rule comes from.
 */
import { describe, expect, it } from 'vitest';
import { SpelunkError } from '../../src/core/errors.js';
import { displayValues, type Row } from '../../src/core/values.js';
import { datamodelTable } from '../../src/datamodel/view.js';
import { asJson, bundledSample, hasShared, sessionFor, sharedData } from '../run/helpers.js';
import { spelunkErrorOf } from '../helpers/errors.js';
import { parseSearch } from '../../src/commands/index.js';

const FROM = 'from datamodel=Endpoint.Processes';
const session = () => sessionFor([bundledSample]);
const count = (rows: Row[]): number => Number(displayValues(rows[0]?.get('count'))[0] ?? 0);
const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

async function total(): Promise<number> {
  return count((await session()).run(`| tstats count ${FROM}`).rows);
}

async function countWhere(where: string): Promise<number> {
  return count((await session()).run(`| tstats count ${FROM} where ${where}`).rows);
}

const searchError = spelunkErrorOf;

describe('tstats counting and grouping', () => {
  it('counts every row of the dataset without BY, as the store holds them', async () => {
    const s = await session();
    expect(await total()).toBe(s.store.rowCount);
    expect(s.store.rowCount).toBeGreaterThan(20);
  });

  it('names columns BY fields first, then aggregates; default names are the function text (DOC S7)', async () => {
    const result = (await session()).run(`| tstats count values(Processes.process_name) dc(Processes.user) as users ${FROM} by Processes.dest`);
    expect(result.columns).toEqual(['Processes.dest', 'count', 'values(Processes.process_name)', 'users']);
  });

  it('values() is distinct and byte-sorted, upper case before lower (DOC S12)', async () => {
    const s = await session();
    const values = displayValues(s.run(`| tstats values(Processes.process_name) as names ${FROM}`).rows[0]!.get('names'));
    const grouped = s.run(`| tstats count ${FROM} by Processes.process_name`).rows.map((r) => String(r.get('Processes.process_name')));
    expect(values).toEqual([...new Set(grouped)].sort(byteOrder));
    expect(values.length).toBeGreaterThan(3);
  });

  it('orders rows by the BY values (INF, docs/semantics.md) and sums to the total', async () => {
    const rows = (await session()).run(`| tstats count ${FROM} by Processes.user`).rows;
    const users = rows.map((r) => String(r.get('Processes.user')));
    expect(users).toEqual([...users].sort(byteOrder));
    expect(rows.reduce((n, r) => n + count([r]), 0)).toBe(await total());
  });

  it('drops rows with a null BY field unless fillnull_value is given (DOC S7)', async () => {
    const s = await session();
    const withGuid = await countWhere('Processes.process_guid=*');
    expect(withGuid).toBeGreaterThan(0);
    expect(withGuid).toBeLessThan(await total());
    const dropped = s.run(`| tstats count ${FROM} by Processes.process_guid`).rows;
    expect(dropped.reduce((n, r) => n + count([r]), 0)).toBe(withGuid);
    const kept = s.run(`| tstats fillnull_value=null count ${FROM} by Processes.process_guid`).rows;
    const nullRow = kept.find((r) => r.get('Processes.process_guid') === 'null');
    expect(count(nullRow ? [nullRow] : [])).toBe((await total()) - withGuid);
  });

  it('accepts options after the BY clause (DOC S7 example 9)', async () => {
    const rows = (await session()).run(`| tstats count ${FROM} by Processes.process_guid fillnull_value="N/A"`).rows;
    expect(rows.some((r) => r.get('Processes.process_guid') === 'N/A')).toBe(true);
  });

  it('bins _time with span= on hour boundaries (DOC S7, S17)', async () => {
    const rows = (await session()).run(`| tstats count ${FROM} by _time span=1h`).rows;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(Number(row.get('_time')) % 3600).toBe(0);
    expect(rows.reduce((n, r) => n + count([r]), 0)).toBe(await total());
  });

  it('returns min/max(_time) as epoch seconds', async () => {
    const row = (await session()).run(`| tstats min(_time) as first max(_time) as last ${FROM}`).rows[0]!;
    expect(Number(row.get('first'))).toBeLessThanOrEqual(Number(row.get('last')));
    expect(Number(row.get('first'))).toBeGreaterThan(1_500_000_000);
  });
});

describe('tstats WHERE in search-language semantics', () => {
  it('matches values case-insensitively (DOC S5)', async () => {
    const lower = await countWhere('Processes.process_name=cmd.exe');
    expect(lower).toBeGreaterThan(0);
    expect(await countWhere('Processes.process_name=CMD.EXE')).toBe(lower);
  });

  it('matches * anywhere in a value, quoted or not (DOC S2, S6)', async () => {
    const exact = await countWhere('Processes.process_name=cmd.exe');
    expect(await countWhere('Processes.process_name=*md.ex*')).toBe(exact);
    expect(await countWhere('Processes.process_name="c*d.e*e"')).toBe(exact);
  });

  it('f!=v needs the field; NOT f=v also matches rows without it (DOC S4)', async () => {
    const all = await total();
    const withGuid = await countWhere('Processes.process_guid=*');
    expect(await countWhere('Processes.process_guid!=*')).toBe(0);
    expect(await countWhere('NOT Processes.process_guid=*')).toBe(all - withGuid);
    expect(await countWhere('Processes.process_guid!=nomatch')).toBe(withGuid);
    expect(await countWhere('NOT Processes.process_guid=nomatch')).toBe(all);
  });

  it('binds OR tighter than AND (DOC S3)', async () => {
    const a = 'Processes.process_name=cmd.exe';
    const b = 'Processes.process_name=conhost.exe';
    const c = 'Processes.user=*SYSTEM*';
    expect(await countWhere(`${c} AND ${a} OR ${b}`)).toBe(await countWhere(`${c} AND (${a} OR ${b})`));
    expect(await countWhere(`${a} OR ${b} ${c}`)).toBe(await countWhere(`(${a} OR ${b}) AND ${c}`));
  });

  it('reads every event as being in index main', async () => {
    const all = await total();
    expect(await countWhere('index=*')).toBe(all);
    expect(await countWhere('index=main')).toBe(all);
    expect(await countWhere('index=other')).toBe(0);
  });

  it('IN takes wildcards (DOC S2)', async () => {
    const expected = (await countWhere('Processes.process_name=cmd.exe')) + (await countWhere('Processes.process_name=conhost*'));
    expect(await countWhere('Processes.process_name IN ("cmd.exe", conhost*)')).toBe(expected);
  });

  it('compares numbers numerically when both sides are numbers (DOC S2)', async () => {
    const rows = (await session()).run(`| tstats count ${FROM} by Processes.process_id`).rows;
    // Decimal numbers only: Splunk does not read 0x... as a number (DOC S2: otherwise compared as strings).
    const numberOf = (v: unknown): number => (/^\d+$/.test(String(v)) ? Number(v) : NaN);
    const numeric = rows.filter((r) => !Number.isNaN(numberOf(r.get('Processes.process_id'))));
    const expected = numeric.filter((r) => numberOf(r.get('Processes.process_id')) > 1000).reduce((n, r) => n + count([r]), 0);
    const nonNumericAbove = rows.filter((r) => Number.isNaN(numberOf(r.get('Processes.process_id'))) && String(r.get('Processes.process_id')) > '1000');
    expect(expected).toBeGreaterThan(0);
    const lexicographic = nonNumericAbove.reduce((n, r) => n + count([r]), 0);
    expect(await countWhere('Processes.process_id>1000')).toBe(expected + lexicographic);
  });

  it('applies earliest= (inclusive) and latest= (exclusive) inside WHERE (DOC S7, S16)', async () => {
    const s = await session();
    const first = Number(s.run(`| tstats min(_time) as t ${FROM}`).rows[0]!.get('t'));
    const atFirst = await countWhere(`earliest=${Math.floor(first)} latest=${Math.floor(first) + 1}`);
    expect(atFirst).toBeGreaterThan(0);
    expect(await countWhere(`latest=${Math.floor(first)}`)).toBe(0);
  });
});

describe('tstats time range from the command line', () => {
  it('applies --earliest inclusive and --latest exclusive to every tstats', async () => {
    const s = await session();
    const first = Math.floor(Number(s.run(`| tstats min(_time) as t ${FROM}`).rows[0]!.get('t')));
    const all = await total();
    const from = await sessionFor([bundledSample], { earliest: String(first) });
    expect(count(from.run(`| tstats count ${FROM}`).rows)).toBe(all);
    const until = await sessionFor([bundledSample], { latest: String(first) });
    expect(count(until.run(`| tstats count ${FROM}`).rows)).toBe(0);
  });
});

describe('tstats errors', () => {
  it('rejects prestats=true clearly', async () => {
    const s = await session();
    const error = searchError(() => s.run(`| tstats prestats=true count ${FROM}`));
    expect(error.kind).toBe('unsupported');
    expect(error.message).toMatch(/prestats/);
  });

  it('names the known data models for an unknown one', async () => {
    const s = await session();
    const error = searchError(() => s.run('| tstats count from datamodel=Nope.Processes'));
    expect(error.message).toMatch(/^The data model 'Nope' was not found\. Known data models: Endpoint,/);
    expect(error.exitCode).toBe(2);
  });

  it('reads `Endpoint` alone as its first root dataset (Ports, which spelunk has no source for)', async () => {
    const rows = asJson(await session(), '| tstats count from datamodel=Endpoint');
    expect(rows).toEqual([{ count: '0' }]);
  });

  it('rejects a function tstats does not have', async () => {
    const s = await session();
    expect(searchError(() => s.run(`| tstats list(Processes.user) ${FROM}`)).message).toMatch(/'list' is not a statistical function tstats supports/);
  });
});

describe('tstats grouping agrees with grouping the data model rows by hand', () => {
  // The rows come from the `datamodel` view (src/datamodel/view.ts), which reads the store
  // directly; the grouping here is plain JavaScript.
  const check = async (paths: string[]): Promise<void> => {
    const s = await sessionFor(paths);
    const fields = ['Processes.dest', 'Processes.user', 'Processes.parent_process_name', 'Processes.process_name'];
    const expected = new Map<string, { count: number; ids: Set<string> }>();
    for (const row of datamodelTable(s.store).rows) {
      const key = JSON.stringify(fields.map((f) => displayValues(row.get(f))[0] ?? 'null'));
      const group = expected.get(key) ?? { count: 0, ids: new Set<string>() };
      group.count++;
      for (const id of displayValues(row.get('Processes.process_id'))) group.ids.add(id);
      expected.set(key, group);
    }
    const result = s.run(`| tstats fillnull_value=null count values(Processes.process_id) as ids ${FROM} by ${fields.join(' ')}`);
    const actual = new Map(
      result.rows.map((row) => [
        JSON.stringify(fields.map((f) => String(row.get(f)))),
        { count: Number(row.get('count')), ids: new Set(displayValues(row.get('ids'))) },
      ]),
    );
    expect(actual.size).toBe(expected.size);
    expect(actual).toEqual(expected);
  };

  it('on the bundled sample', () => check([bundledSample]));
  it.skipIf(!hasShared)('on 511 real Sysmon events (sysmon-background-art-panache, GPL, ../shared)', () =>
    check([sharedData('sysmon-background-art-panache/log')]),
  );
});

describe('tstats first() and last()', () => {
  it('first() is the value of the latest event and last() of the earliest, as events reach stats newest first (DOC stats)', async () => {
    const s = await session();
    const row = s.run(`| tstats first(Processes.process_id) as f last(Processes.process_id) as l latest(Processes.process_id) as lt earliest(Processes.process_id) as et ${FROM}`).rows[0]!;
    expect(row.get('f')).toEqual(row.get('lt'));
    expect(row.get('l')).toEqual(row.get('et'));
  });
});

describe('tstats syntax errors point at the spot', () => {
  it('an empty WHERE', () => {
    const error = spelunkErrorOf(() => parseSearch('| tstats count from datamodel=Endpoint.Processes where by Processes.dest'));
    expect(error.message).toBe("Error in 'tstats' command: WHERE needs a search expression.");
    expect(error.span).toEqual({ start: 49, end: 54 });
  });

  it('a span that is not a time span', () => {
    const error = spelunkErrorOf(() => parseSearch('| tstats count from datamodel=Endpoint.Processes by _time span=0s'));
    expect(error.span?.start).toBe(58);
  });
});
