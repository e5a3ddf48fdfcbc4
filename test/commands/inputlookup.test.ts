import { beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../src/index.js';
import { plain, sessionWith } from '../lookup/helpers.js';

let session: Session;
beforeAll(async () => {
  session = await sessionWith();
});

describe('inputlookup (DOC inputlookup)', () => {
  it('returns the CSV rows in file order, one field per column (security_services.csv: 4 rows)', () => {
    const result = session.run('| inputlookup security_services_lookup');
    expect(result.columns).toEqual(['service', 'description', 'category']);
    expect(plain(result)[0]).toEqual({ service: '*mpssvc*', description: 'Windows Firewall Service', category: 'security' });
    expect(result.rows).toHaveLength(4);
  });

  it('reads a lookup by CSV file name, with WHERE in search-language semantics', () => {
    const result = session.run('| inputlookup linux_tool_discovery_process.csv where process="cat *"');
    expect(plain(result).slice(0, 2)).toEqual([{ process: 'cat /proc/version' }, { process: 'cat /etc/*-release' }]);
  });

  it('honours start= and max=', () => {
    const result = session.run('| inputlookup start=1 max=2 security_services.csv');
    expect(plain(result).map((r) => r['service'])).toEqual(['*wscsvc*', '*windefend*']);
  });

  it('leaves empty cells null (first row of remote_access_software20240726.csv has an empty remote_utility_fileinfo)', () => {
    const result = session.run('| inputlookup max=1 remote_access_software');
    // First data row of remote_access_software20240726.csv: "...,Remote Workforce Client.exe,,,TRUE,..."
    expect(result.rows[0]!.has('remote_utility_fileinfo')).toBe(false);
    expect(result.rows[0]!.get('remote_utility')).toBe('Remote Workforce Client.exe');
  });

  it('is a generating command: later in a pipeline it is refused by the planner (append=t there is not supported yet)', () => {
    expect(() => session.run('| inputlookup security_services.csv | inputlookup security_services.csv')).toThrow(/first command/);
  });
});
