/**
 * `parse --explain` for every command of the registry: each command has a case here, and a
 * command added to src/commands/index.ts without one fails the first test, which names it.
 * The grouping expectations follow Splunk's documented precedence: search binds OR before AND
 * (https://docs.splunk.com/Documentation/Splunk/9.4.0/Search/Booleanexpressions), eval and
 * where AND before OR (https://help.splunk.com/splunk-enterprise/spl-search-reference/9.2/search-commands/where).
 */
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/commands/index.js';
import { emptyStore } from '../../src/datamodel/models.js';
import { explainPipeline, explanationLines, type ExplainedCommand } from '../../src/explain/explain.js';
import { Session } from '../../src/session.js';

const session = new Session({ store: emptyStore() });

function explain(search: string): ExplainedCommand[] {
  const { expansion, pipeline } = session.parse(search);
  return explainPipeline(pipeline, expansion.text);
}

/** The explanation of the last command of `search`. */
function last(search: string): ExplainedCommand {
  return explain(search).at(-1)!;
}

const detail = (command: ExplainedCommand, label: string): string | undefined => command.details.find((d) => d.label === label)?.text;

interface Case {
  search: string;
  /** A command spelunk refuses by design (iplocation without a GeoIP database): explained as unsupported. */
  unsupported?: true;
  check(command: ExplainedCommand): void;
}

const MR = '| makeresults ';

/** One case per registry command, by name. */
const CASES: Record<string, Case> = {
  accum: { search: `${MR}| accum n AS total`, check: (c) => expect(c.sentence).toMatch(/total/) },
  addtotals: { search: `${MR}| addtotals fieldname=sum a b`, check: (c) => expect(c.sentence).toMatch(/sum/) },
  appendpipe: { search: `${MR}| appendpipe [stats count]`, check: (c) => expect(c.sentence).toMatch(/appends/) },
  foreach: { search: `${MR}| foreach a* [eval <<FIELD>>=1]`, check: (c) => expect(c.sentence).toMatch(/a\*/) },
  from: { search: '| from datamodel Endpoint.Processes', check: (c) => expect(c.sentence).toMatch(/Endpoint\.Processes/) },
  iplocation: { search: `${MR}| iplocation clientip`, unsupported: true, check: (c) => expect(c.sentence).toMatch(/GeoIP database/) },
  map: { search: `${MR}| map search="| makeresults" maxsearches=3`, check: (c) => expect(c.sentence).toMatch(/at most 3/) },
  replace: { search: `${MR}| replace a WITH b IN host`, check: (c) => expect(c.sentence).toMatch(/"a" with "b" in host/) },
  spath: { search: `${MR}| spath input=x output=y path=a.b`, check: (c) => expect(c.sentence).toMatch(/a\.b from x into y/) },
  timechart: { search: `${MR}| timechart span=1h count by host`, check: (c) => expect(c.sentence).toMatch(/1h.*host/) },
  transaction: { search: `${MR}| transaction host maxspan=5m`, check: (c) => expect(c.sentence).toMatch(/by host, maxspan 300s/) },
  xmlkv: { search: `${MR}| xmlkv _raw`, check: (c) => expect(c.sentence).toMatch(/_raw/) },
  append: {
    search: `${MR}| append [| makeresults count=2]`,
    check: (c) => {
      expect(c.sentence).toMatch(/subsearch/);
      expect(c.subsearches[0]!.map((s) => [s.name, s.sentence])).toEqual([['makeresults', expect.stringMatching(/2 result/)]]);
    },
  },
  bin: { search: `${MR}| bin _time span=1h`, check: (c) => expect(c.sentence).toMatch(/_time/) },
  convert: {
    search: `${MR}| convert ctime(firstTime) AS first`,
    check: (c) => {
      expect(c.sentence).toBe('Converts firstTime with ctime() into first.');
      expect(c.creates).toEqual(['first']);
    },
  },
  dedup: { search: `${MR}| dedup 2 host user`, check: (c) => expect(c.sentence).toMatch(/host, user|host and user|host user/) },
  eval: {
    search: `${MR}| eval x=if(a=1 OR b=2 AND c=3, 1, 0), y=a+b*c, z="p" . name . 1, w=-(a-b)-c`,
    check: (c) => {
      expect(c.details).toEqual([
        { label: 'x =', text: 'if(a=1 OR (b=2 AND c=3), 1, 0)' },
        { label: 'y =', text: 'a + (b * c)' },
        { label: 'z =', text: '"p" . name . 1' },
        { label: 'w =', text: '(-(a - b)) - c' },
      ]);
      expect(c.creates).toEqual(['x', 'y', 'z', 'w']);
      expect(c.notes.join()).toContain('(a=1 OR b=2) AND c=3');
    },
  },
  eventstats: {
    search: `${MR}| eventstats avg(bytes) AS mean count BY host`,
    check: (c) => {
      expect(c.functions).toEqual([
        { function: 'avg', field: 'bytes', output: 'mean' },
        { function: 'count', output: 'count' },
      ]);
      expect(c.sentence).toMatch(/every result.*same host/);
    },
  },
  fields: { search: `${MR}| fields - a b`, check: (c) => expect(c.sentence).toMatch(/a, b|a b/) },
  fillnull: { search: `${MR}| fillnull value=NULL a`, check: (c) => expect(c.sentence).toMatch(/NULL/) },
  head: { search: `${MR}| head 3`, check: (c) => expect(c.sentence).toMatch(/3/) },
  inputlookup: {
    search: '| inputlookup foo.csv where a=1 OR b=2 c=3',
    check: (c) => {
      expect(c.sentence).toMatch(/foo\.csv/);
      expect(detail(c, 'where')).toBe('(a=1 OR b=2) AND c=3');
    },
  },
  join: {
    search: `${MR}| join type=left host [| makeresults]`,
    check: (c) => {
      expect(c.sentence).toMatch(/same host/);
      expect(c.subsearches).toHaveLength(1);
    },
  },
  lookup: {
    search: `${MR}| lookup users uid AS user OUTPUTNEW name AS full_name dept`,
    check: (c) => {
      expect(detail(c, 'input')).toBe("uid (the results' user)");
      expect(detail(c, 'outputnew')).toBe('name as full_name, dept');
      expect(c.creates).toEqual(['full_name', 'dept']);
    },
  },
  makemv: { search: `${MR}| makemv delim="," hosts`, check: (c) => expect(c.sentence).toMatch(/hosts/) },
  makeresults: { search: '| makeresults count=4', check: (c) => expect(c.sentence).toMatch(/4/) },
  mvexpand: { search: `${MR}| mvexpand hosts`, check: (c) => expect(c.sentence).toMatch(/hosts/) },
  outputlookup: { search: `${MR}| outputlookup out.csv`, check: (c) => expect(c.sentence).toMatch(/out\.csv/) },
  rare: { search: `${MR}| rare user`, check: (c) => expect(c.sentence).toMatch(/user/) },
  regex: {
    search: `${MR}| regex host!="^web\\d+$"`,
    check: (c) => {
      expect(c.sentence).toBe('Keeps the results whose host does not match the regular expression.');
      expect(detail(c, 'regex')).toBe('^web\\d+$');
    },
  },
  rename: {
    search: `${MR}| rename "Processes.*" AS * , a AS b`,
    check: (c) => {
      expect(c.details.map((d) => d.text)).toEqual([
        expect.stringContaining('Processes.process_name becomes process_name'),
        'a becomes b',
      ]);
    },
  },
  rex: {
    search: `${MR}| rex field=cmd "(?<exe>\\w+\\.exe) (?<args>.*)"`,
    check: (c) => {
      expect(detail(c, 'regex')).toBe('(?<exe>\\w+\\.exe) (?<args>.*)');
      expect(detail(c, 'field')).toBe('cmd');
      expect(c.creates).toEqual(['exe', 'args']);
    },
  },
  search: {
    search: `${MR}| search a=1 OR b=2 AND c=3`,
    check: (c) => {
      expect(detail(c, 'search')).toBe('(a=1 OR b=2) AND c=3');
      expect(c.notes.join()).toContain('a=1 OR (b=2 AND c=3)');
    },
  },
  sort: { search: `${MR}| sort - count`, check: (c) => expect(c.sentence).toMatch(/count/) },
  stats: {
    search: `${MR}| stats count(eval(status>=500)) AS errors dc(user) values(host) AS hosts BY dest`,
    check: (c) => {
      expect(c.functions).toEqual([
        { function: 'count', expression: 'status>=500', output: 'errors' },
        { function: 'dc', field: 'user', output: 'dc(user)' },
        { function: 'values', field: 'host', output: 'hosts' },
      ]);
      expect(detail(c, 'by')).toBe('dest');
      expect(c.sentence).toMatch(/one row per combination of dest/);
    },
  },
  streamstats: {
    search: `${MR}| streamstats window=3 sum(bytes) AS running BY host`,
    check: (c) => {
      expect(c.functions).toEqual([{ function: 'sum', field: 'bytes', output: 'running' }]);
      expect(c.sentence).toMatch(/last 3 results with the same host/);
    },
  },
  table: { search: `${MR}| table a b`, check: (c) => expect(c.sentence).toMatch(/a, b|a b/) },
  tail: { search: `${MR}| tail 2`, check: (c) => expect(c.sentence).toMatch(/2/) },
  top: { search: `${MR}| top limit=3 user BY host`, check: (c) => expect(c.sentence).toMatch(/user/) },
  tstats: {
    search: '| tstats count min(_time) AS firstTime from datamodel=Endpoint.Processes where Processes.user=a OR Processes.user=b Processes.dest=c by Processes.dest',
    check: (c) => {
      expect(detail(c, 'where')).toBe('(Processes.user=a OR Processes.user=b) AND Processes.dest=c');
      expect(c.functions).toEqual([
        { function: 'count', output: 'count' },
        { function: 'min', field: '_time', output: 'firstTime' },
      ]);
      expect(c.sentence).toMatch(/Endpoint\.Processes/);
    },
  },
  where: {
    search: `${MR}| where a=1 OR b=2 AND c=3`,
    check: (c) => {
      expect(detail(c, 'where')).toBe('a=1 OR (b=2 AND c=3)');
      expect(c.notes.join()).toContain('(a=1 OR b=2) AND c=3');
    },
  },
};

describe('parse --explain covers every registry command', () => {
  it('has an explanation case for each command in src/commands/index.ts', () => {
    const missing = COMMANDS.map((c) => c.name).filter((name) => !(name in CASES));
    expect(missing, `commands without an explanation case in test/explain/commands.test.ts: ${missing.join(', ')}`).toEqual([]);
  });

  for (const command of COMMANDS) {
    const entry = CASES[command.name];
    if (!entry) continue;
    it(`explains ${command.name}`, () => {
      const explained = last(entry.search);
      expect(explained.name).toBe(command.name);
      expect(explained.supported).toBe(entry.unsupported !== true);
      expect(explained.sentence).toMatch(/^[A-Z].*\.$/s);
      entry.check(explained);
    });
  }
});

describe("issue 17's grouping examples", () => {
  it('groups eval and where AND-first, search OR-first', () => {
    const lines = explanationLines(explain('| makeresults | eval x=if(a=1 OR b=2 AND c=3, 1, 0) | where a=1 OR b=2 AND c=3'));
    expect(lines).toContain('   x = if(a=1 OR (b=2 AND c=3), 1, 0)');
    expect(lines).toContain('   where a=1 OR (b=2 AND c=3)');
    expect(explanationLines(explain('| makeresults | search a=1 OR b=2 AND c=3'))).toContain('   search (a=1 OR b=2) AND c=3');
  });

  it('writes no note when both languages group the text alike', () => {
    expect(last(`${MR}| where a=1 AND b=2`).notes).toEqual([]);
    expect(last(`${MR}| where (a=1 OR b=2) AND c=3`).notes).toEqual([]);
    expect(last(`${MR}| search (a=1 OR b=2) AND c=3`).notes).toEqual([]);
  });

  it('explains a command spelunk does not support without failing', () => {
    const explained = last(`${MR}| nosuchcommand x=1`);
    expect(explained.supported).toBe(false);
    expect(explained.sentence).toMatch(/nosuchcommand/);
  });
});

describe('spelunk parse --explain --format json', () => {
  it('gives the same explanation as data, with the expanded search', async () => {
    const { parseCommandOutput } = await import('../../src/cli/parse.js');
    const search = '| makeresults | where a=1 OR b=2 AND c=3';
    const document = JSON.parse(parseCommandOutput(search, { explain: true, format: 'json' })) as { expandedSearch: string; commands: ExplainedCommand[] };
    expect(document.expandedSearch).toBe(search);
    expect(document.commands).toEqual(explain(search));
    expect(parseCommandOutput(search, { explain: true })).toBe(`${explanationLines(explain(search)).join('\n')}\n`);
  });
});
