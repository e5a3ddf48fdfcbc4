/**
 * join semantics from the SPL Search Reference (join): type inner by default, outer = left,
 * max default 1 (first match), max=0 unlimited, overwrite default true, usenull default false,
 * no field list = the fields common to both result sets.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { findCommand, parseSearch } from '../../src/commands/index.js';
import { ColumnTable } from '../../src/core/column-table.js';
import type { ResultTable } from '../../src/core/values.js';
import { executeCommand } from '../../src/exec/execute.js';
import type { Session } from '../../src/index.js';
import { directContext } from './direct.js';
import { plain, sessionWith, tempFolder } from '../lookup/helpers.js';

let session: Session;
beforeAll(async () => {
  const folder = tempFolder({
    'left.csv': 'id,host,v\n1,a,left1\n2,b,left2\n3,c,left3\n,d,left4\n',
    'right.csv': 'id,host,v,extra\n1,a,right1a,x1\n1,a,right1b,x2\n2,z,right2,x3\n,d,rightnull,x4\n',
  });
  session = await sessionWith({ lookups: [folder] });
});

const ids = (q: string): unknown[] => plain(session.run(q)).map((r) => `${r['id'] ?? ''}:${r['v']}:${r['extra'] ?? ''}`);

describe('join', () => {
  it('inner by default, first match only, subsearch values overwrite', () => {
    expect(ids('| inputlookup left.csv | join id [| inputlookup right.csv]')).toEqual(['1:right1a:x1', '2:right2:x3']);
  });

  it('type=outer and type=left keep unmatched results unchanged', () => {
    const expected = ['1:right1a:x1', '2:right2:x3', '3:left3:', ':left4:'];
    expect(ids('| inputlookup left.csv | join type=outer id [| inputlookup right.csv]')).toEqual(expected);
    expect(ids('| inputlookup left.csv | join type=left id [| inputlookup right.csv]')).toEqual(expected);
  });

  it('max=0 joins every match, in subsearch order', () => {
    expect(ids('| inputlookup left.csv | join max=0 id [| inputlookup right.csv]')).toEqual(['1:right1a:x1', '1:right1b:x2', '2:right2:x3']);
  });

  it('overwrite=false keeps the main values', () => {
    expect(ids('| inputlookup left.csv | join overwrite=false id [| inputlookup right.csv]')).toEqual(['1:left1:x1', '2:left2:x3']);
  });

  it('several keys, separated by spaces or commas', () => {
    expect(ids('| inputlookup left.csv | join id host [| inputlookup right.csv]')).toEqual(['1:right1a:x1']);
    expect(ids('| inputlookup left.csv | join id, host [| inputlookup right.csv]')).toEqual(['1:right1a:x1']);
  });

  it('usenull=true lets a missing key join a missing key', () => {
    expect(ids('| inputlookup left.csv | join usenull=true id [| inputlookup right.csv]')).toEqual(['1:right1a:x1', '2:right2:x3', ':rightnull:x4']);
  });

  it('without a field list, joins on all common fields (id, host, v here: nothing matches)', () => {
    expect(ids('| inputlookup left.csv | join [| inputlookup right.csv]')).toEqual([]);
  });

  it('options may follow the field list (security_content: "join malicious_id type=inner[")', () => {
    expect(ids('| inputlookup left.csv | join id type=outer[| inputlookup right.csv]')).toHaveLength(4);
  });

  it('puts subsearch-only columns after the main columns', () => {
    expect(session.run('| inputlookup left.csv | join id [| inputlookup right.csv]').columns).toEqual(['id', 'host', 'v', 'extra']);
  });
});

describe('join over results formed on demand', () => {
  const run = (spl: string, input: ResultTable): ResultTable => {
    const text = `| makeresults | ${spl}`;
    const node = parseSearch(text).commands[1]!;
    return executeCommand(findCommand('join')!, node, input, { ...directContext(text, []), columnar: true });
  };
  const neverFormed = (): ColumnTable =>
    ColumnTable.later(['id', 'v'], () => {
      throw new Error('the main results were formed');
    });

  it('an inner join with an empty subsearch keeps nothing without forming the main results', () => {
    const result = run('join id [| makeresults | where 1=2]', neverFormed());
    expect(result.rows).toEqual([]);
    expect(result.columns).toEqual(['id', 'v', '_time']);
  });

  it('forms them when the subsearch has results, or for an outer join', () => {
    expect(() => run('join id [| makeresults | eval id=1]', neverFormed())).toThrow('the main results were formed');
    expect(() => run('join type=outer id [| makeresults | where 1=2]', neverFormed())).toThrow('the main results were formed');
  });
});
