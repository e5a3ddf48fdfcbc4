import { describe, expect, it } from 'vitest';
import { SpelunkError } from '../../src/core/errors.js';
import { parseSearch } from '../../src/commands/index.js';
import { asJson, bundledSample, sessionFor } from '../run/helpers.js';
import { plain, runCommand, table } from './direct.js';

describe('rename (DOC S8, CONF S1)', () => {
  it('carries wildcard parts over and keeps column positions: "Processes.*" as *', async () => {
    const s = await sessionFor([bundledSample]);
    const before = s.run('| tstats count from datamodel=Endpoint.Processes by Processes.dest Processes.user');
    const after = s.run('| tstats count from datamodel=Endpoint.Processes by Processes.dest Processes.user | rename "Processes.*" as *');
    expect(after.columns).toEqual(['dest', 'user', 'count']);
    expect(after.rows.map((r) => [r.get('dest'), r.get('user'), r.get('count')])).toEqual(
      before.rows.map((r) => [r.get('Processes.dest'), r.get('Processes.user'), r.get('count')]),
    );
  });

  it('accepts AS, TO and -> alike', () => {
    const input = table(['a', 'b'], { a: '1', b: '2' });
    for (const spl of ['rename a AS x', 'rename a to x', 'rename a -> x', 'rename a->x']) {
      expect(runCommand(spl, input).table.columns).toEqual(['x', 'b']);
    }
  });

  it("renames to a quoted name with spaces (doc example: rename count AS \"Count of Events\")", () => {
    const { table: out } = runCommand('rename count AS "Count of Events"', table(['count'], { count: 3 }));
    expect(plain(out)).toEqual([{ 'Count of Events': 3 }]);
  });

  it('overwrites the target, with null where the source is missing (DOC S8: pid AS product_id)', () => {
    const input = table(['pid', 'product_id'], { pid: 'a', product_id: 'old1' }, { product_id: 'old2' });
    const { table: out } = runCommand('rename pid AS product_id', input);
    expect(out.columns).toEqual(['product_id']);
    expect(plain(out)).toEqual([{ product_id: 'a' }, {}]);
  });

  it('removes the target when the source field does not exist (DOC S8)', () => {
    const { table: out } = runCommand('rename missing AS b', table(['a', 'b'], { a: '1', b: '2' }));
    expect(out.columns).toEqual(['a']);
    expect(plain(out)).toEqual([{ a: '1' }]);
  });

  it('turns EU_UK into EMEA_UK with rename EU* AS EMEA* (DOC S8 example)', () => {
    const { table: out } = runCommand('rename EU* AS EMEA*', table(['EU_UK', 'US'], { EU_UK: 5, US: 6 }));
    expect(out.columns).toEqual(['EMEA_UK', 'US']);
  });

  it('reports a wildcard mismatch in Splunk words (CONF S1)', () => {
    expect(() => parseSearch('| tstats count from datamodel=Endpoint.Processes | rename EU* AS EMEA')).toThrow(
      "Wildcard mismatch: 'EU*' as 'EMEA'.",
    );
    expect(() => parseSearch('| tstats count from datamodel=Endpoint.Processes | rename EU* AS EMEA')).toThrow(SpelunkError);
  });

  it('warns when several fields are renamed onto one (CONF S1 message)', () => {
    const { table: out, warnings } = runCommand('rename a1 AS x, a2 AS x', table(['a1', 'a2'], { a1: '1', a2: '2' }));
    expect(plain(out)).toEqual([{ x: '2' }]);
    expect(warnings).toEqual(["Multiple renames to field 'x' detected. Only the last one will appear, and previous 'from' fields will be dropped."]);
  });

  it('gives the published drop_dm_object_name("Processes") form the same result as the bare one', async () => {
    const s = await sessionFor([bundledSample]);
    const base = '| tstats count from datamodel=Endpoint.Processes by Processes.dest';
    expect(asJson(s, `${base} | \`drop_dm_object_name("Processes")\``)).toEqual(asJson(s, `${base} | \`drop_dm_object_name(Processes)\``));
  });
});

describe('accum (DOC accum)', () => {
  it('writes the running total, over the field or into AS', () => {
    const input = table(['n'], { n: '1' }, { n: '2' }, { n: 'x' }, { n: '4' });
    expect(plain(runCommand('accum n AS total', input).table)).toEqual([
      { n: '1', total: 1 },
      { n: '2', total: 3 },
      { n: 'x' },
      { n: '4', total: 7 },
    ]);
  });

  it("rejects `accum score sum_score` (no AS): spl_validator's invalid case", () => {
    expect(() => parseSearch('| makeresults | accum score sum_score')).toThrow(/unexpected 'sum_score'/);
  });
});
