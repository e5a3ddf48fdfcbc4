/** `spelunk events --fields`: each field, how many events have it, how many distinct values. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldsSidebar } from '../../src/cli/events.js';
import { matchingEvents } from '../../src/events/search.js';
import { loadData } from '../../src/index.js';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/events');

describe('the fields sidebar', () => {
  it('counts the events that have each field and its distinct values', async () => {
    const { events } = await loadData({ data: [path.join(fixtures, 'sysmon-13.log'), path.join(fixtures, 'powershell-4104.log'), path.join(fixtures, 'security-5136.log')] });
    const rows = matchingEvents(undefined, events, { now: 0, tz: 'UTC' });
    const byField = new Map(fieldsSidebar(events, rows).rows.map((row) => [row.get('field'), [row.get('count'), row.get('distinct_values')]]));
    expect(byField.get('source')).toEqual([3, 3]);
    expect(byField.get('index')).toEqual([3, 1]);
    expect(byField.get('ScriptBlockText')).toEqual([1, 1]);
    // 5136 has no UserID (<Security/>): two of the three events have it.
    expect(byField.get('UserID')).toEqual([2, 2]);
    expect(byField.has('Path')).toBe(false);
  });
});
