/**
 * --schedule: ES's runs of a detection over the data's time span (ESCU cron `0 * * * *`,
 * earliest -70m@m, latest -10m@m): each result carries its run, an event on a window's edge is
 * caught by the next run, and for a detection without time logic the runs' results together are
 * the all-time results.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROCESSES } from '../../src/datamodel/datasets/endpoint.js';
import { storeFieldsOf } from '../../src/datamodel/models.js';
import { parseDetection } from '../../src/detections/detection.js';
import { cronMatches, parseCron } from '../../src/hunt/cron.js';
import { runHunt } from '../../src/hunt/run.js';
import { ESCU_SCHEDULE, runsCovering, scheduleOf } from '../../src/hunt/schedule.js';
import { loadData } from '../../src/index.js';
import { StoreBuilder } from '../../src/store/builder.js';

const at = (text: string): number => Date.parse(text) / 1000;

describe('cron schedules', () => {
  it('reads the five fields with lists, ranges and steps', () => {
    const cron = parseCron('*/15 9-17 * * 1-5');
    expect(cronMatches(cron, at('2024-01-01T09:45:00Z'))).toBe(true); // a Monday
    expect(cronMatches(cron, at('2024-01-01T09:50:00Z'))).toBe(false);
    expect(cronMatches(cron, at('2024-01-06T09:45:00Z'))).toBe(false); // a Saturday
    expect(() => parseCron('0 * * *')).toThrow(/expected 5 fields/);
    expect(() => parseCron('61 * * * *')).toThrow(/minute field/);
  });
});

describe('the runs that see an event', () => {
  it('an event at a window end (-10m@m of the 01:00 run) falls into the next run, 02:00', () => {
    const [run] = runsCovering(ESCU_SCHEDULE, [at('2024-01-01T00:50:00Z')], 'UTC');
    expect(runsCovering(ESCU_SCHEDULE, [at('2024-01-01T00:50:00Z')], 'UTC')).toHaveLength(1);
    expect(run).toEqual({ runTime: at('2024-01-01T02:00:00Z'), earliest: at('2024-01-01T00:50:00Z'), latest: at('2024-01-01T01:50:00Z') });
    const [before] = runsCovering(ESCU_SCHEDULE, [at('2024-01-01T00:49:59Z')], 'UTC');
    expect(before!.runTime).toBe(at('2024-01-01T01:00:00Z'));
  });
  it("takes a detection's own deployment scheduling over ESCU's", () => {
    const d = parseDetection('name: X\nsearch: "| makeresults"\ndeployment:\n  scheduling:\n    cron_schedule: "*/30 * * * *"\n    earliest_time: -40m@m\n    latest_time: -10m@m\n', 'x.yml');
    const [run] = runsCovering(scheduleOf(d), [at('2024-01-01T00:50:00Z')], 'UTC');
    expect(run).toEqual({ runTime: at('2024-01-01T01:30:00Z'), earliest: at('2024-01-01T00:50:00Z'), latest: at('2024-01-01T01:20:00Z') });
  });
});

/** An Endpoint.Processes store with one process event per given time. */
function processStore(times: readonly number[]): ReturnType<StoreBuilder['build']> {
  const fields = storeFieldsOf(PROCESSES);
  const builder = new StoreBuilder(fields);
  times.forEach((time, i) => builder.addRow(time, fields.map((f) => (f === 'dest' ? 'host1' : f === 'process_name' ? `p${i}.exe` : null))));
  return builder.build();
}

const perEvent = parseDetection(
  [
    'name: Every Process',
    'type: TTP',
    "search: '| tstats count from datamodel=Endpoint.Processes by _time span=1s Processes.dest Processes.process_name | `drop_dm_object_name(Processes)`'",
    'tags:',
    '  risk_score: 10',
    '  message: process on $dest$',
    '  observable:',
    '  - name: dest',
    '    type: Endpoint',
    '    role: [Victim]',
  ].join('\n'),
  'every.yml',
);

describe('scheduled hunts', () => {
  it('put each result in the run whose window holds it, the edge event in the later run', () => {
    const times = [at('2024-01-01T00:49:59Z'), at('2024-01-01T00:50:00Z'), at('2024-01-01T03:05:00Z')];
    const hunt = runHunt([perEvent], new Map([['Endpoint.Processes', processStore(times)]]), { session: { tz: 'UTC' }, schedule: true });
    const [outcome] = hunt.outcomes;
    const byProcess = new Map(outcome!.rows.map((row, i) => [String(row.get('process_name')), outcome!.rowRuns![i]!.runTime]));
    expect(byProcess).toEqual(
      new Map([
        ['p0.exe', at('2024-01-01T01:00:00Z')],
        ['p1.exe', at('2024-01-01T02:00:00Z')],
        ['p2.exe', at('2024-01-01T04:00:00Z')],
      ]),
    );
    expect(outcome!.runCount).toBe(3);
    expect(outcome!.runs!.map((r) => r.rows)).toEqual([1, 1, 1]);
    // Risk events without a _time of their own in the row would take the run time; these have _time.
    expect(hunt.riskEvents.map((e) => e._time)).toEqual(times);
  });
});

const w3wpLog = resolve(import.meta.dirname, '../../../shared/data/sysmon-webshell-w3wp/log');
const hasShared = existsSync(w3wpLog);
if (!hasShared) console.log(`skipping the scheduled-union test: ${w3wpLog} is absent (GPL data kept outside the repository)`);

describe.skipIf(!hasShared)('scheduled runs over real logs spanning several hours', () => {
  it('together give the all-time results of a detection without time logic', async () => {
    const { datasets } = await loadData({ data: [w3wpLog] });
    const times = [...datasets.get('Endpoint.Processes')!.time];
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(3 * 3600);
    const key = (row: Map<string, unknown>): string => JSON.stringify([row.get('_time'), row.get('dest'), row.get('process_name'), row.get('count')]);
    const allTime = runHunt([perEvent], datasets, { session: { tz: 'UTC' } }).outcomes[0]!;
    const scheduled = runHunt([perEvent], datasets, { session: { tz: 'UTC' }, schedule: true }).outcomes[0]!;
    expect(allTime.rows.length).toBeGreaterThan(10);
    expect(scheduled.runCount).toBeGreaterThan(1);
    expect(scheduled.rows.map(key).sort()).toEqual(allTime.rows.map(key).sort());
  });
});
