/**
 * Results after tstats are held as columns (src/core/column-table.ts); every command has a row
 * path, and the registry says which also have a column path (`executeColumns`). Each published
 * detection must give the same columns, rows, warnings and errors both ways, on the bundled
 * sample logs and on generated logs where broad detections make thousands of results. Every
 * column path of the registry is watched: a new one is covered without being listed here, and
 * the test fails if no search reaches it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { COMMANDS } from '../../src/commands/index.js';
import type { CommandDefinition } from '../../src/commands/types.js';
import type { ResultTable } from '../../src/core/values.js';
import { generateEvents } from '../../src/generate/index.js';
import { loadEndpointProcesses } from '../../src/ingest/index.js';
import { Session } from '../../src/session.js';
import type { ColumnarStore } from '../../src/store/index.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const detections = readFileSync(path.join(repoRoot, 'bench/fixtures/endpoint_processes_detections.tsv'), 'utf8')
  .split('\n')
  .filter((line) => line.length > 0)
  .map((line) => {
    const [name, , search] = line.split('\t') as [string, string, string];
    return { name, search };
  });

/** A result as comparable text; a row's fields are sorted because only `columns` fixes their order. */
function outcome(session: Session, search: string): string {
  try {
    const result = session.run(search);
    const rows = (result as ResultTable).rows.map((row) => [...row].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return JSON.stringify({ columns: result.columns, rows, warnings: result.warnings });
  } catch (error) {
    return `error: ${error instanceof Error ? error.message : String(error)}`;
  }
}

const T = '| tstats count from datamodel=Endpoint.Processes by Processes.process_name | rename Processes.process_name as p';
const T2 = '| tstats count from datamodel=Endpoint.Processes by Processes.process_name Processes.dest | rename Processes.* as *';

/** Searches beyond the detections: errors, multivalue fields, order-sensitive commands after tstats. */
const EXTRA_SEARCHES = [
  '| tstats count from datamodel=Endpoint.Processes by Processes.process_name | eval bad = 1 > 2',
  '| tstats count from datamodel=Endpoint.Processes by Processes.process_name | eval n = len(process_name) | where n > 8 | sort - n | head 5',
  '| tstats values(Processes.process_name) as names from datamodel=Endpoint.Processes by Processes.dest | stats count by names | sort - count',
  '| tstats count from datamodel=Endpoint.Processes by Processes.user Processes.process_name | rename Processes.* as * | dedup user | fields user process_name',
  '| tstats count min(_time) as t from datamodel=Endpoint.Processes by Processes.dest | eventstats first(t) as firstT last(t) as lastT | head 3',
  '| tstats count from datamodel=Endpoint.Processes by Processes.process_name | rename Processes.process_name as p, count as p',
  '| tstats count from datamodel=Endpoint.Processes by _time span=1h Processes.dest | stats sum(count) as total avg(count) as mean list(Processes.dest) as hosts by _time | head 4',
  '| tstats count from datamodel=Endpoint.Processes by Processes.process_name | convert ctime(count) as c | lookup is_windows_system_file filename as process_name OUTPUTNEW systemFile | search systemFile=true | table process_name systemFile c',
  '| tstats count from datamodel=Endpoint.Processes by Processes.process_name | join type=outer process_name [| tstats count as n from datamodel=Endpoint.Registry by Registry.process_name | rename Registry.* as *]',
  // Found in review: each differed between columns and rows before it was fixed.
  `${T} | eval p=if(count>70,null(),"7") | convert num(count) as p, num(p) | table p count`,
  `${T} | rename p as filename | lookup is_windows_system_file filename OUTPUTNEW systemFile as y, filename as y | table filename y`,
  `${T} | eval a=if(p="cmd.exe", 1>2, 1), b=if(p="EXCEL.EXE", mvfilter(1=1), 1)`,
  `${T2} | eval a=case(dest="DEV-0011.fabrikam.local", mvfilter(1=1), process_name="cmd.exe", 1>2, true(), 1)`,
  `${T2} | eval a=case(process_name="cmd.exe", 1>2, dest="DEV-0011.fabrikam.local", mvfilter(1=1), true(), 1)`,
  `${T2} | eval m=if(dest="DEV-0011.fabrikam.local","1",1) | stats count by m`,
  `${T2} | eval v=case(dest="DEV-0011.fabrikam.local","10", dest="DEV-0060.fabrikam.local","9", dest="WKS-0032.fabrikam.local","5a") | stats count by v`,
  // Column paths no detection reaches.
  `${T2} | eval dest=if(count>3, dest, null()) | fillnull value=none dest missing | makemv delim="." dest | table dest missing process_name count`,
  `${T2} | eval pair=process_name.";".dest | makemv tokenizer="([^;.]+)" pair | fillnull | stats count by pair`,
];

const searches = [...detections, ...EXTRA_SEARCHES.map((search, i) => ({ name: `extra ${i}`, search }))];
const columnPaths = COMMANDS.filter((command) => command.executeColumns !== undefined);

type ColumnPath = NonNullable<CommandDefinition['executeColumns']>;

/** Runs `body` with every column path watched; `reached()` names those that ran since the last call. */
function watchingColumnPaths<T>(body: (reached: () => string[]) => T): T {
  let reached = new Set<string>();
  const spies = columnPaths.map((command) => {
    const original = command.executeColumns!;
    return vi.spyOn(command as { executeColumns: ColumnPath }, 'executeColumns').mockImplementation((node, input, ctx) => {
      reached.add(command.name);
      return original(node, input, ctx);
    });
  });
  try {
    return body(() => {
      const names = [...reached].sort();
      reached = new Set();
      return names;
    });
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

/**
 * Every search on columns and on rows; a search that differs is named with the column paths it
 * reached, one of which gives other results than its row path.
 */
function compareBothWays(store: ColumnarStore): { differing: string[]; withRows: number; unreached: string[] } {
  const options = { store, now: 1_800_000_000, tz: 'UTC', outputLookupDir: mkdtempSync(path.join(os.tmpdir(), 'spelunk-col-')) };
  const columnar = new Session({ ...options, columnar: true });
  const rowwise = new Session({ ...options, columnar: false });
  const differing: string[] = [];
  const reachedAny = new Set<string>();
  let withRows = 0;
  watchingColumnPaths((reached) => {
    for (const { name, search } of searches) {
      const byColumns = outcome(columnar, search);
      const paths = reached();
      for (const path of paths) reachedAny.add(path);
      if (byColumns !== outcome(rowwise, search)) differing.push(`${name} (column paths: ${paths.join(', ')})`);
      if (byColumns.startsWith('{') && !byColumns.includes('"rows":[]')) withRows++;
    }
  });
  const unreached = columnPaths.map((command) => command.name).filter((name) => !reachedAny.has(name));
  return { differing, withRows, unreached };
}

describe('column tables give the same results as rows', () => {
  it('on the bundled sample logs, for every detection', async () => {
    const { store } = await loadEndpointProcesses([path.join(repoRoot, 'examples/data')]);
    const { differing, withRows, unreached } = compareBothWays(store);
    expect(differing).toEqual([]);
    expect(withRows).toBeGreaterThan(5);
    expect(unreached, 'column paths no search reaches: add a search to EXTRA_SEARCHES').toEqual([]);
  }, 120_000);

  it('covers every command with a column path', () => {
    // The registry, not a list in this file, says which these are.
    expect(columnPaths.map((command) => command.name)).toEqual(expect.arrayContaining(['where', 'search', 'rename', 'head', 'eval', 'stats']));
  });

  it('on 3,000 generated Sysmon events, for every detection', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'spelunk-col-')), 'sysmon.log');
    writeFileSync(file, [...generateEvents({ events: 3000, seed: 3 })].join('\n') + '\n');
    const { store } = await loadEndpointProcesses([file]);
    const { differing, withRows, unreached } = compareBothWays(store);
    expect(differing).toEqual([]);
    expect(unreached, 'column paths no search reaches: add a search to EXTRA_SEARCHES').toEqual([]);
    // Broad detections (one result per event) must be among those compared.
    expect(withRows).toBeGreaterThan(20);
  }, 120_000);
});
