import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { plain, sessionWith } from '../lookup/helpers.js';

describe('outputlookup', () => {
  it('is refused without --output-lookups', async () => {
    const session = await sessionWith();
    expect(() => session.run('| inputlookup security_services.csv | outputlookup copy.csv')).toThrow(/--output-lookups/);
  });

  it('writes the results as CSV in the output folder, passes them on, and inputlookup reads them back', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'spelunk-out-'));
    const session = await sessionWith({ outputLookupDir: folder });
    const result = session.run('| inputlookup security_services.csv | outputlookup copy.csv');
    expect(result.rows).toHaveLength(4);
    const text = readFileSync(path.join(folder, 'copy.csv'), 'utf8');
    expect(text.split('\n')[0]).toBe('service,description,category');
    expect(text.split('\n')[1]).toBe('*mpssvc*,Windows Firewall Service,security');
    expect(plain(session.run('| inputlookup copy.csv'))).toEqual(plain(result));
  });

  it('append=true adds rows after the existing ones (DOC outputlookup append)', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'spelunk-out-'));
    const session = await sessionWith({ outputLookupDir: folder });
    session.run('| inputlookup max=1 security_services.csv | outputlookup copy.csv');
    session.run('| inputlookup start=3 security_services.csv | outputlookup append=t copy.csv');
    expect(plain(session.run('| inputlookup copy.csv')).map((r) => r['service'])).toEqual(['*mpssvc*', '*sysmon*']);
  });

  it("writes a definition's file when given its name (previously_seen_cmd_line_arguments.csv)", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'spelunk-out-'));
    const session = await sessionWith({ outputLookupDir: folder });
    session.run('| inputlookup security_services.csv | outputlookup previously_seen_cmd_line_arguments');
    expect(existsSync(path.join(folder, 'previously_seen_cmd_line_arguments.csv'))).toBe(true);
  });

  it('never writes outside the folder', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'spelunk-out-'));
    const session = await sessionWith({ outputLookupDir: folder });
    expect(() => session.run('| inputlookup security_services.csv | outputlookup "../escape.csv"')).toThrow(/paths are not allowed/);
    expect(existsSync(path.join(folder, '..', 'escape.csv'))).toBe(false);
  });
});
