/**
 * xmlkv, DOC https://docs.splunk.com/Documentation/Splunk/9.3.1/SearchReference/Xmlkv (same text at
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.3/search-commands/xmlkv).
 */
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../src/session.js';

const session = createSession({ datasets: new Map() });
const rows = (search: string): Record<string, unknown>[] => session.run(search).rows.map((row) => Object.fromEntries(row));

describe('xmlkv', () => {
  it("reads the page's example: 'name is the key and Settlers of Catan is the value in the first element'", () => {
    const xml = '<game><name>Settlers of Catan</name><category>competitive</category></game><game><name>Ticket to Ride</name><category>competitive</category></game>';
    const [row] = rows(`| makeresults | eval _raw="${xml}" | xmlkv | fields - _raw _time`);
    expect(row).toEqual({ name: 'Settlers of Catan', category: 'competitive' });
  });

  it('reads a named field, decodes entities, and skips elements that hold other elements', () => {
    // The shape of a Security 4698 event's task XML, as `xmlkv Message` reads it in five
    // published scheduled-task detections (Command, Arguments, Hidden).
    const task = "<Task version='1.2'><Settings><Hidden>true</Hidden></Settings><Actions Context='Author'><Exec><Command>C:\\\\Windows\\\\System32\\\\rundll32.exe</Command><Arguments>a.dll,Start &amp; more</Arguments></Exec></Actions></Task>";
    const [row] = rows(`| makeresults | eval Message="${task}" | xmlkv Message | table Hidden Command Arguments Exec`);
    expect(row).toEqual({ Hidden: 'true', Command: 'C:\\Windows\\System32\\rundll32.exe', Arguments: 'a.dll,Start & more' });
  });

  it('leaves a result without XML as it is, and accepts maxinputs', () => {
    const result = session.run('| makeresults | eval x="plain text" | xmlkv x maxinputs=10 | fields - _time');
    expect(result.columns).toEqual(['x']);
  });

  it('refuses two fields', () => {
    expect(() => session.run('| makeresults | xmlkv a b')).toThrow(/unexpected 'b'/);
  });
});
