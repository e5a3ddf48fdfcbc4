/**
 * The reference detection, run verbatim. Expectations come from an oracle written here that
 * reads the raw Sysmon XML lines itself (regular expressions, no spelunk code) and applies the
 * documented semantics: the Sysmon add-on's field mapping (ta_mappings.md §2), CIM's `unknown`
 * for a missing original_file_name (spl_semantics.md §7), search precedence (DOC S3), grouping
 * and values() sorted byte-wise (DOC S12), ctime with %Y-%m-%dT%H:%M:%S in UTC.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asJson, bundledSample, hasShared, sessionFor, sharedData, w3wpSearch } from './helpers.js';

interface RawProcess {
  computer: string;
  image: string;
  commandLine: string;
  parentImage: string;
  parentCommandLine: string;
  user: string;
  originalFileName: string | undefined;
  epochSeconds: number;
}

function dataValue(line: string, name: string): string | undefined {
  const match = new RegExp(`<Data Name=["']${name}["']>([^<]*)</Data>`).exec(line);
  return match ? match[1] : undefined;
}

function readSysmonProcessCreations(folder: string): RawProcess[] {
  const events: RawProcess[] = [];
  for (const file of readdirSync(folder)) {
    for (const line of readFileSync(join(folder, file), 'utf8').split('\n')) {
      if (!/<EventID>1<\/EventID>/.test(line) || !/Microsoft-Windows-Sysmon/.test(line)) continue;
      const time = /SystemTime=["']([^"']+)["']/.exec(line)![1]!;
      events.push({
        computer: /<Computer>([^<]*)<\/Computer>/.exec(line)![1]!,
        image: dataValue(line, 'Image')!,
        commandLine: dataValue(line, 'CommandLine')!,
        parentImage: dataValue(line, 'ParentImage')!,
        parentCommandLine: dataValue(line, 'ParentCommandLine')!,
        user: dataValue(line, 'User')!,
        originalFileName: dataValue(line, 'OriginalFileName'),
        epochSeconds: Date.parse(time) / 1000,
      });
    }
  }
  return events;
}

const basename = (path: string): string => path.split('\\').pop()!;
const equalsIgnoringCase = (a: string | undefined, b: string): boolean => a !== undefined && a.toLowerCase() === b.toLowerCase();
const isoSeconds = (epoch: number): string => new Date(Math.floor(epoch) * 1000).toISOString().slice(0, 19);
const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** `Processes.parent_process_name=w3wp.exe AND (process_cmd OR process_powershell)`, by hand. */
function matchesW3wp(event: RawProcess): boolean {
  const name = basename(event.image);
  const original = event.originalFileName;
  const cmd = equalsIgnoringCase(name, 'cmd.exe') || equalsIgnoringCase(original, 'Cmd.Exe');
  const powershell =
    ['pwsh.exe', 'sqlps.exe', 'sqltoolsps.exe', 'powershell.exe', 'powershell_ise.exe'].some((n) => equalsIgnoringCase(name, n)) ||
    ['pwsh.dll', 'PowerShell.EXE', 'powershell_ise.EXE'].some((n) => equalsIgnoringCase(original, n));
  return equalsIgnoringCase(basename(event.parentImage), 'w3wp.exe') && (cmd || powershell);
}

function oracle(events: RawProcess[]): Record<string, string | string[]>[] {
  const groups = new Map<string, RawProcess[]>();
  for (const event of events.filter(matchesW3wp)) {
    const key = JSON.stringify([event.computer, event.parentCommandLine, event.originalFileName ?? 'unknown', event.user]);
    groups.set(key, [...(groups.get(key) ?? []), event]);
  }
  const keys = [...groups.keys()].sort((a, b) => {
    const x = JSON.parse(a) as string[];
    const y = JSON.parse(b) as string[];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return byteOrder(x[i]!, y[i]!);
    return 0;
  });
  const multi = (values: string[]): string | string[] => {
    const distinct = [...new Set(values)].sort(byteOrder);
    return distinct.length === 1 ? distinct[0]! : distinct;
  };
  return keys.map((key) => {
    const [dest, parentProcess, originalFileName, user] = JSON.parse(key) as string[];
    const members = groups.get(key)!;
    const times = members.map((e) => e.epochSeconds);
    return {
      dest: dest!,
      parent_process: parentProcess!,
      original_file_name: originalFileName!,
      user: user!,
      count: String(members.length),
      process_name: multi(members.map((e) => basename(e.image))),
      process: multi(members.map((e) => e.commandLine)),
      firstTime: isoSeconds(Math.min(...times)),
      lastTime: isoSeconds(Math.max(...times)),
    };
  });
}

describe.skipIf(!hasShared)('W3WP Spawning Shell over sysmon-webshell-w3wp (GPL data in ../shared)', () => {
  const folder = sharedData('sysmon-webshell-w3wp/log');

  it('prints, per group, dest, parent_process, original_file_name, user, count, process_name, process, firstTime, lastTime', async () => {
    const session = await sessionFor([folder]);
    const result = session.run(w3wpSearch());
    expect(result.columns).toEqual(['dest', 'parent_process', 'original_file_name', 'user', 'count', 'process_name', 'process', 'firstTime', 'lastTime']);
  });

  it('agrees with the oracle row for row', async () => {
    const session = await sessionFor([folder]);
    const expected = oracle(readSysmonProcessCreations(folder));
    // PROVENANCE.md: 5 of the 6 w3wp.exe children are shells (4 cmd.exe, 1 powershell.exe).
    expect(expected.reduce((n, row) => n + Number(row.count), 0)).toBe(5);
    expect(asJson(session, w3wpSearch())).toEqual(expected);
  });

  it('gives the same rows from the pretty-printed xml/ copy of the same events', async () => {
    const fromLines = asJson(await sessionFor([folder]), w3wpSearch());
    const fromXml = asJson(await sessionFor([sharedData('sysmon-webshell-w3wp/xml')]), w3wpSearch());
    expect(fromXml).toEqual(fromLines);
  });

  it('removes exactly the rows a custom filter macro rejects (--macro)', async () => {
    const all = asJson(await sessionFor([folder]), w3wpSearch());
    const filtered = asJson(
      await sessionFor([folder], { inlineMacros: ['w3wp_spawning_shell_filter=search NOT dest=IEWIN7'] }),
      w3wpSearch(),
    );
    // Search values are case-insensitive (DOC S5): dest=IEWIN7 also covers iewin7.
    expect(filtered).toEqual(all.filter((row) => String(row.dest).toLowerCase() !== 'iewin7'));
    expect(filtered.length).toBeLessThan(all.length);
    expect(filtered.length).toBeGreaterThan(0);
  });
});

describe('W3WP Spawning Shell over the bundled OTRF ProxyLogon sample (Sysmon and 4688)', () => {
  it('finds the w3wp.exe -> cmd /c whoami web shell in both sources', async () => {
    const session = await sessionFor([bundledSample]);
    const rows = asJson(session, w3wpSearch());
    // examples/data/otrf-proxylogon/PROVENANCE.md: w3wp.exe -> cmd.exe "/c whoami" twice in each source.
    expect(rows.map((r) => [r.process_name, r.count])).toEqual([
      ['cmd.exe', '2'],
      ['cmd.exe', '2'],
    ]);
    // Sysmon carries the parent's command line; 4688 only the parent's image path (ta_mappings.md §3).
    expect(rows.map((r) => String(r.parent_process).toLowerCase().startsWith('c:\\windows\\system32\\inetsrv\\w3wp.exe'))).toEqual([true, true]);
    expect(rows.some((r) => r.parent_process === 'C:\\Windows\\System32\\inetsrv\\w3wp.exe')).toBe(true);
  });

  it('applies the worked example filter, which drops machine-account rows', async () => {
    const all = asJson(await sessionFor([bundledSample]), w3wpSearch());
    const filtered = asJson(await sessionFor([bundledSample], { macros: ['examples/macros/w3wp_filter.conf'] }), w3wpSearch());
    expect(filtered).toEqual(all.filter((row) => !String(row.user).endsWith('$')));
    expect(filtered.length).toBe(all.length - 1);
  });
});

describe('search precedence on real data (DOC S3)', () => {
  it('does not match explorer.exe -> powershell.exe: the WHERE is P AND (cmd OR powershell)', async () => {
    const session = await sessionFor([bundledSample]);
    // The CrowdStrike example event (Apache-2.0) is explorer.exe spawning powershell.exe.
    const explorerChildren = asJson(
      session,
      '| tstats count from datamodel=Endpoint.Processes where Processes.parent_process_name=explorer.exe by Processes.process_name',
    );
    expect(explorerChildren).toContainEqual({ 'Processes.process_name': 'powershell.exe', count: '1' });
    const published = asJson(session, w3wpSearch());
    expect(published.some((row) => row.process_name === 'powershell.exe')).toBe(false);
    // With AND binding tighter, (P AND cmd) OR powershell, the explorer row would appear:
    const andFirst = w3wpSearch().replace(
      'where Processes.parent_process_name=w3wp.exe AND `process_cmd` OR `process_powershell`',
      'where (Processes.parent_process_name=w3wp.exe AND `process_cmd`) OR `process_powershell`',
    );
    const wrongRows = asJson(session, andFirst);
    expect(wrongRows.length).toBe(published.length + 1);
    expect(wrongRows.filter((row) => row.process_name === 'powershell.exe')).toHaveLength(1);
  });
});
