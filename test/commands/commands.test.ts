/**
 * The streaming and transforming commands, each against documented Splunk behaviour (the
 * Search Reference page named in each test) and over the bundled sample data.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SpelunkError } from '../../src/core/errors.js';
import { displayValues } from '../../src/core/values.js';
import { loadEndpointProcesses } from '../../src/ingest/index.js';
import { Session, type SearchResult } from '../../src/session.js';
import { spelunkErrorOf } from '../helpers/errors.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
let session: Session;
const NOW = 1_700_000_000;

beforeAll(async () => {
  const { store } = await loadEndpointProcesses([path.join(repoRoot, 'examples/data')]);
  session = new Session({ store, now: NOW });
});

function run(search: string): SearchResult {
  return session.run(search);
}

/** The rows as arrays of display strings (multivalues joined by '|'), in column order. */
function cells(result: SearchResult): string[][] {
  return result.rows.map((row) => result.columns.map((c) => displayValues(row.get(c)).join('|')));
}

const errorOf = (search: string): SpelunkError => spelunkErrorOf(() => run(search));

const numbers = (count: number): string => `| makeresults count=${count} | streamstats count as n`;

describe('makeresults', () => {
  it('makes count results with _time = now (DOC makeresults)', () => {
    const result = run('| makeresults count=2');
    expect(result.columns).toEqual(['_time']);
    expect(result.rows.map((r) => r.get('_time'))).toEqual([NOW, NOW]);
  });
});

describe('eval and where', () => {
  it('evaluates assignments left to right and concatenates with . (DOC eval)', () => {
    expect(cells(run(`${numbers(2)} | eval x=n*10, y=x."a" | table n x y`))).toEqual([
      ['1', '10', '10a'],
      ['2', '20', '20a'],
    ]);
  });
  it('rejects a boolean assignment (DOC eval: use if())', () => {
    expect(errorOf('| makeresults | eval x=1<2').message).toMatch(/boolean/);
  });
  it('names an unknown function as unsupported before running', () => {
    expect(errorOf('| makeresults | where nosuchfn(1)=1').kind).toBe('unsupported');
  });
  it('where compares strings case-sensitively, search does not (DOC where vs search)', () => {
    const base = '| makeresults | eval user="Admin"';
    expect(run(`${base} | where user="admin"`).rows).toHaveLength(0);
    expect(run(`${base} | search user="admin"`).rows).toHaveLength(1);
  });
  it('eval precedence: AND binds tighter than OR; search: OR tighter than AND', () => {
    // n in 1..3: "n=1 OR n=2 AND n=3" is n=1 OR (n=2 AND n=3) in eval, (n=1 OR n=2) AND n=3 in search.
    expect(cells(run(`${numbers(3)} | where n=1 OR n=2 AND n=3 | table n`))).toEqual([['1']]);
    expect(run(`${numbers(3)} | search n=1 OR n=2 AND n=3`).rows).toHaveLength(0);
  });
  it('where like() uses % wildcards (DOC where: like)', () => {
    expect(cells(run('| makeresults | eval p="cmd.exe" | where like(p, "cmd%") | table p'))).toEqual([['cmd.exe']]);
  });
});

describe('stats, eventstats, streamstats', () => {
  it('stats: BY fields first, rows sorted by the BY values, count(eval()) (DOC stats)', () => {
    const result = run(`${numbers(5)} | eval g=if(n%2=0,"even","odd") | stats count sum(n) as total count(eval(n>2)) as big by g`);
    expect(result.columns).toEqual(['g', 'count', 'total', 'big']);
    expect(cells(result)).toEqual([
      ['even', '2', '6', '1'],
      ['odd', '3', '9', '2'],
    ]);
  });
  it('stats drops rows whose BY field is null and expands multivalue BY fields', () => {
    const result = run('| makeresults count=2 | streamstats count as n | eval g=if(n=1, split("a,b", ","), null()) | stats count by g');
    expect(cells(result)).toEqual([
      ['a', '1'],
      ['b', '1'],
    ]);
  });
  it('stats without BY over nothing gives one row with count 0 (DOC stats)', () => {
    expect(cells(run(`${numbers(1)} | where n>5 | stats count`))).toEqual([['0']]);
  });
  it('count(eval()) needs AS (Splunk: "You must specify a rename")', () => {
    expect(errorOf('| makeresults | stats count(eval(1=1))').message).toMatch(/rename/);
  });
  it('stats latest(*) as * applies to every field (as in security_content windows_known_abused_dll_created)', () => {
    const result = run(`${numbers(3)} | eval k="x", v=n*2 | stats latest(*) as * by k`);
    expect(result.columns).toEqual(['k', 'n', 'v']);
    expect(cells(result)).toEqual([['x', '3', '6']]);
  });
  it('eventstats adds group statistics to every row (DOC eventstats)', () => {
    expect(cells(run(`${numbers(3)} | eval g=n%2 | eventstats sum(n) as total by g | table n total`))).toEqual([
      ['1', '4'],
      ['2', '2'],
      ['3', '4'],
    ]);
  });
  it('streamstats: running count, current=f, window (DOC streamstats)', () => {
    expect(cells(run(`${numbers(4)} | streamstats sum(n) as s | table n s`)).map((r) => r[1])).toEqual(['1', '3', '6', '10']);
    expect(cells(run(`${numbers(3)} | streamstats current=f max(n) as prev | table n prev`))).toEqual([
      ['1', ''],
      ['2', '1'],
      ['3', '2'],
    ]);
    expect(cells(run(`${numbers(4)} | streamstats window=2 sum(n) as s | table s`)).flat()).toEqual(['1', '3', '5', '7']);
  });
  it('streamstats reset_on_change restarts the counts when the BY value changes (DOC streamstats)', () => {
    const search = `${numbers(4)} | eval g=if(n==3, "b", "a") | streamstats reset_on_change=true count by g | table count`;
    expect(cells(run(search)).flat()).toEqual(['1', '2', '1', '1']);
  });
});

describe('table, fields', () => {
  it('table keeps listed fields in order, wildcards in column order (DOC table)', () => {
    const result = run('| makeresults | eval a1=1, b=2, a2=3 | table b a*');
    expect(result.columns).toEqual(['b', 'a1', 'a2']);
  });
  it('fields - removes, fields - _* removes internal fields (DOC fields)', () => {
    expect(run('| makeresults | eval a=1, b=2 | fields - a').columns).toEqual(['_time', 'b']);
    expect(run('| makeresults | eval a=1 | fields - _*').columns).toEqual(['a']);
    expect(run('| makeresults | eval a=1, b=2 | fields b').columns).toEqual(['b', '_time']);
  });
});

describe('dedup, sort, head, tail', () => {
  it('dedup keeps the first result per value; keepempty keeps missing ones (DOC dedup)', () => {
    const base = `${numbers(5)} | eval g=case(n<3, "a", n<5, "b")`;
    expect(cells(run(`${base} | dedup g | table n`)).flat()).toEqual(['1', '3']);
    expect(cells(run(`${base} | dedup g keepempty=true | table n`)).flat()).toEqual(['1', '3', '5']);
    expect(cells(run(`${base} | dedup 2 g | table n`)).flat()).toEqual(['1', '2', '3', '4']);
    // DOC dedup 10.0: "The <sort-by-clause> determines which of the duplicate events to keep".
    expect(cells(run(`${base} | dedup g sortby -n | table n`)).flat()).toEqual(['4', '2']);
  });
  it('dedup consecutive=true removes only adjacent duplicates', () => {
    expect(cells(run(`${numbers(4)} | eval g=if(n=3,"b","a") | dedup consecutive=true g | table n`)).flat()).toEqual(['1', '3', '4']);
  });
  it('sort: numbers numerically, strings by bytes (upper case first), missing last (DOC sort usage)', () => {
    expect(cells(run('| makeresults count=4 | streamstats count as n | eval v=case(n=1,"10",n=2,"9",n=3,"100") | sort v | table v')).flat()).toEqual(['9', '10', '100', '']);
    expect(cells(run('| makeresults count=3 | streamstats count as n | eval v=case(n=1,"b",n=2,"B",n=3,"a") | sort v | table v')).flat()).toEqual(['B', 'a', 'b']);
    expect(cells(run('| makeresults count=3 | streamstats count as n | eval v=case(n=1,"10",n=2,"9",n=3,"100") | sort str(v) | table v')).flat()).toEqual(['10', '100', '9']);
    expect(cells(run(`${numbers(3)} | sort - n | table n`)).flat()).toEqual(['3', '2', '1']);
    expect(cells(run(`${numbers(3)} | sort n desc | table n`)).flat()).toEqual(['3', '2', '1']);
    expect(cells(run(`${numbers(5)} | sort 2 -n | table n`)).flat()).toEqual(['5', '4']);
  });
  it('head and tail take N, default 10; tail reverses (DOC head, tail)', () => {
    expect(run(`${numbers(12)} | head`).rows).toHaveLength(10);
    expect(cells(run(`${numbers(5)} | head 2 | table n`)).flat()).toEqual(['1', '2']);
    expect(cells(run(`${numbers(5)} | tail 2 | table n`)).flat()).toEqual(['5', '4']);
  });
});

describe('fillnull, makemv, mvexpand, bin', () => {
  it('fillnull fills with 0 by default, or value= (DOC fillnull)', () => {
    expect(cells(run(`${numbers(2)} | eval x=if(n=1, 5, null()) | fillnull | table x`)).flat()).toEqual(['5', '0']);
    expect(cells(run('| makeresults | fillnull value=NULL y | table y')).flat()).toEqual(['NULL']);
  });
  it('makemv splits by delim, drops empty values unless allowempty (DOC makemv)', () => {
    expect(cells(run('| makeresults | eval s="a,b,,c" | makemv delim="," s | table s')).flat()).toEqual(['a|b|c']);
    expect(cells(run('| makeresults | eval s="a,b,,c" | makemv delim="," allowempty=true s | table s')).flat()).toEqual(['a|b||c']);
    expect(cells(run('| makeresults | eval s="x=1;y=2" | makemv tokenizer="(\\w)=" s | table s')).flat()).toEqual(['x|y']);
  });
  it('mvexpand makes one row per value; limit caps it (DOC mvexpand)', () => {
    expect(cells(run('| makeresults | eval s=split("a b c", " ") | mvexpand s | table s')).flat()).toEqual(['a', 'b', 'c']);
    expect(cells(run('| makeresults | eval s=split("a b c", " ") | mvexpand limit=2 s | table s')).flat()).toEqual(['a', 'b']);
  });
  it('bin span on _time snaps to the span, on numbers gives ranges (DOC bin)', () => {
    expect(run('| makeresults | bin _time span=1h').rows[0]!.get('_time')).toBe(NOW - (NOW % 3600));
    expect(cells(run(`${numbers(3)} | eval v=n*7 | bin v span=10 | table v`)).flat()).toEqual(['0-10', '10-20', '20-30']);
    expect(run('| makeresults | bucket _time span=1d as day').columns).toContain('day');
  });
});

describe('top, rare', () => {
  it('top counts values, most common first, with percent (DOC top)', () => {
    const result = run(`${numbers(5)} | eval g=if(n<4,"x","y") | top g`);
    expect(result.columns).toEqual(['g', 'count', 'percent']);
    expect(cells(result)).toEqual([
      ['x', '3', '60.000000'],
      ['y', '2', '40.000000'],
    ]);
  });
  it('rare lists the least common first; countfield/showperc (DOC rare, top)', () => {
    expect(cells(run(`${numbers(5)} | eval g=if(n<4,"x","y") | rare g showperc=f countfield=c`))).toEqual([
      ['y', '2'],
      ['x', '3'],
    ]);
    expect(run(`${numbers(5)} | eval g=n | top limit=2 g`).rows).toHaveLength(2);
  });
});

describe('append, rex, regex', () => {
  it('append adds the subsearch results and unions the columns (DOC append)', () => {
    const result = run('| makeresults | eval a=1 | append [| makeresults | eval b=2] | table a b');
    expect(cells(result)).toEqual([
      ['1', ''],
      ['', '2'],
    ]);
  });
  it('rex extracts named groups; max_match=0 makes multivalues (DOC rex)', () => {
    const base = '| makeresults | eval p="C:\\\\Windows\\\\cmd.exe /c whoami"';
    expect(cells(run(`${base} | rex field=p "(?<exe>[^\\\\\\\\]+\\.exe)" | table exe`)).flat()).toEqual(['cmd.exe']);
    expect(cells(run(`${base} | rex field=p max_match=0 "(?<w>\\w+)" | table w`)).flat()).toEqual(['C|Windows|cmd|exe|c|whoami']);
  });
  it('rex mode=sed substitutes (s///g with back references) and transliterates (y///) (DOC rex)', () => {
    expect(cells(run('| makeresults | eval s="aaa" | rex field=s mode=sed "s/a/b/2" | table s')).flat()).toEqual(['aba']);
    expect(cells(run('| makeresults | eval s="ab" | rex field=s mode=sed "s/(.)/<\\1>/g" | table s')).flat()).toEqual(['<a><b>']);
    expect(cells(run('| makeresults | eval s="abc" | rex field=s mode=sed "y/abc/xyz/" | table s')).flat()).toEqual(['xyz']);
  });
  it('rex without a named group is an error', () => {
    expect(errorOf('| makeresults | rex field=x "a+"').message).toMatch(/named group/);
  });
  it('regex keeps matching (=) or non-matching (!=) results (DOC regex)', () => {
    const base = `${numbers(3)} | eval p=case(n=1,"regasm.exe",n=2,"REGASM.EXE",n=3,"other.exe")`;
    expect(cells(run(`${base} | regex p="(?i)(regasm\\.exe.{0,4}$)" | table n`)).flat()).toEqual(['1', '2']);
    expect(cells(run(`${base} | regex p!="regasm" | table n`)).flat()).toEqual(['2', '3']);
  });
});

describe('over the sample data', () => {
  it('stats over tstats output keeps each dest once, sorted', () => {
    const result = run(
      '| tstats count from datamodel=Endpoint.Processes by Processes.dest Processes.process_name | `drop_dm_object_name(Processes)` | stats sum(count) as events dc(process_name) as names by dest',
    );
    const dests = result.rows.map((r) => String(r.get('dest')));
    expect(dests).toEqual([...dests].sort());
    expect(new Set(dests).size).toBe(dests.length);
    const total = run('| tstats count from datamodel=Endpoint.Processes').rows[0]!.get('count');
    expect(result.rows.reduce((sum, r) => sum + Number(r.get('events')), 0)).toBe(total);
  });
});
