/**
 * from datamodel, DOC https://docs.splunk.com/Documentation/Splunk/9.3.1/SearchReference/From, over
 * the bundled sample's Endpoint.Processes store (real OTRF ProxyLogon and Splunk example events).
 * Expectations come from tstats over the same store, not from from's own output.
 */
import { describe, expect, it } from 'vitest';
import { displayValues } from '../../../src/core/values.js';
import { bundledSample, sessionFor } from '../../run/helpers.js';

describe('from datamodel', () => {
  it('gives one result per row of the dataset, newest first, with the fields tstats reads under Processes.*', async () => {
    const session = await sessionFor([bundledSample]);
    const total = Number(displayValues(session.run('| tstats count from datamodel=Endpoint.Processes').rows[0]!.get('count'))[0]);
    const result = session.run('| from datamodel Endpoint.Processes');
    expect(result.rows).toHaveLength(total);
    expect(result.columns[0]).toBe('_time');
    expect(result.columns).toContain('process_name');
    expect(result.columns).not.toContain('nodename');
    const times = result.rows.map((row) => Number(row.get('_time')));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    // The same grouping two ways: tstats with the prefix, from without it.
    const viaTstats = session.run('| tstats count from datamodel=Endpoint.Processes by Processes.process_name | rename Processes.process_name as process_name');
    const viaFrom = session.run('| from datamodel:"Endpoint.Processes" | stats count by process_name');
    expect(viaFrom.rows.map((row) => Object.fromEntries(row))).toEqual(viaTstats.rows.map((row) => Object.fromEntries(row)));
  });

  it('refuses other sources and unknown datasets', async () => {
    const session = await sessionFor([bundledSample]);
    expect(() => session.run('| from savedsearch:x')).toThrow(/data models only/);
    expect(() => session.run('| from datamodel Nope.Nothing')).toThrow(/Nope/);
  });
});
