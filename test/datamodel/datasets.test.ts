/**
 * The new datasets' definitions and the building blocks their tables use: constraints (as the
 * search language reads `field=value`), the nodename calculation, the named transformations on
 * values from real events, and the tables' agreement with their datasets' constraints.
 */
import { describe, expect, it } from 'vitest';
import { compileCalculations, describeCalculation } from '../../src/datamodel/calculations.js';
import { allOf, anyOf, compileConstraint, constraintFields, describeConstraint, equals, not, tagged } from '../../src/datamodel/constraints.js';
import { datasetNodes, nodenameCalculation } from '../../src/datamodel/dataset.js';
import { compileMapper } from '../../src/datamodel/mapper.js';
import { MAPPING_TABLES } from '../../src/datamodel/mappings/index.js';
import { ALL_DATASETS, datasetByKey, datasetOfSpec, NODENAME, storeFieldsOf } from '../../src/datamodel/models.js';
import { joinMultivalue, splitMultivalue } from '../../src/datamodel/multivalue.js';
import { TRANSFORMS } from '../../src/datamodel/transforms.js';

const mv = (...values: string[]): string => joinMultivalue(values)!;

describe('constraints', () => {
  const fields = ['action', 'user', 'tag'];
  const test = (constraint: ReturnType<typeof equals>, row: (string | null)[]) => compileConstraint(constraint, fields, ['tag'])(row);

  it('are shown as the CIM JSON writes them', () => {
    expect(describeConstraint(allOf(tagged('authentication'), not(allOf(equals('action', 'success'), equals('user', '*$')))))).toBe(
      'tag=authentication NOT (action=success user=*$)',
    );
    expect(describeConstraint(anyOf(equals('action', 'failure'), equals('result', 'failure')))).toBe('action=failure OR result=failure');
    expect(describeConstraint(tagged('network', 'resolution', 'dns'))).toBe('tag=network tag=resolution tag=dns');
  });

  it('compare case-insensitively, with * wildcards, and a multivalue field by any of its values (search semantics)', () => {
    expect(test(equals('action', 'SUCCESS'), ['success', null, null])).toBe(true);
    expect(test(equals('user', '*$'), [null, 'AR-WIN-7$', null])).toBe(true);
    expect(test(equals('user', '*$'), [null, 'AR-WIN-2$@ATTACKRANGE.LOCAL', null])).toBe(false);
    expect(test(tagged('privileged'), [null, null, mv('authentication', 'privileged')])).toBe(true);
    expect(test(equals('action', '*'), [null, null, null])).toBe(false);
  });

  it('NOT holds when the field is absent, as `NOT change_type=restart` does on a row without change_type', () => {
    expect(compileConstraint(not(equals('change_type', 'restart')), ['change_type'], [])([null])).toBe(true);
    expect(constraintFields(allOf(tagged('a'), not(equals('user', 'x'))))).toEqual(['tag', 'user']);
  });
});

describe('the nodename calculation', () => {
  const children = [{ name: 'Failed', constraint: equals('action', 'failure'), children: [{ name: 'Locked', constraint: equals('result', 'lockout') }] }];
  const fields = ['action', 'result', 'tag', NODENAME];
  const calculate = compileCalculations([nodenameCalculation('Root', tagged('x'), children, ['tag'])], fields);

  it('lists the root and each child whose constraint and whose parents hold, by path', () => {
    expect(datasetNodes('Root', undefined, children).map((node) => [node.path, node.parent])).toEqual([
      ['Root', -1],
      ['Root.Failed', 0],
      ['Root.Failed.Locked', 1],
    ]);
    const row: (string | null)[] = ['failure', 'lockout', 'x', null];
    calculate(row);
    expect(splitMultivalue(row[3]!)).toEqual(['Root', 'Root.Failed', 'Root.Failed.Locked']);
    const notFailed: (string | null)[] = ['success', 'lockout', 'x', null];
    calculate(notFailed);
    expect(notFailed[3]).toBe('Root'); // Locked's parent Failed does not hold
  });

  it('is null outside the root constraint: no store keeps such a row', () => {
    const row: (string | null)[] = ['failure', null, 'y', null];
    calculate(row);
    expect(row[3]).toBeNull();
  });
});

describe('every dataset with a constraint', () => {
  const constrained = ALL_DATASETS.filter(({ dataset }) => dataset.constraint);

  for (const { key, dataset } of constrained) {
    it(`${key}: its nodename calculation has its constraint and children, and reads fields it has`, () => {
      const nodes = dataset.calculations.find((c) => c.calculation === 'dataset_nodes')!;
      expect(nodes.nodes).toEqual(datasetNodes(dataset.name, dataset.constraint, dataset.children ?? []));
      const fields = storeFieldsOf(dataset);
      for (const node of nodes.nodes!) for (const field of node.constraint ? constraintFields(node.constraint) : []) expect(fields, `${node.path} reads ${field}`).toContain(field);
      expect(describeCalculation(nodes)).toContain(describeConstraint(dataset.constraint!));
    });
  }

  it('each table of such a dataset tags its events so that they meet the root constraint (checked on an event with every field)', () => {
    for (const table of MAPPING_TABLES) {
      const entry = datasetByKey(table.dataset)!;
      if (!entry.dataset.constraint) continue;
      const fields = storeFieldsOf(entry.dataset);
      const mapper = compileMapper(table, fields, entry.dataset.calculations);
      // Every raw field the table reads, set to a neutral text; Status as a 4625 audited status.
      const raw = new Map<string, string>();
      for (const rule of table.rules) for (const name of rule.from) raw.set(name, name === 'Status' ? '0xC0000064' : name === 'Keywords' ? '0x8010000000000000' : 'x');
      const row = new Array<string | null>(fields.length).fill(null);
      mapper(raw, row);
      expect(row[fields.indexOf(NODENAME)], `${table.name} rows are in ${table.dataset}`).not.toBeNull();
    }
  });
});

describe('datasetOfSpec', () => {
  it('reads datamodel=Model.Dataset and datamodel=Model (its first root dataset)', () => {
    expect(datasetOfSpec('Change')?.key).toBe('Change.All_Changes');
    expect(datasetOfSpec('Endpoint.Registry')?.key).toBe('Endpoint.Registry');
    expect(datasetOfSpec('Endpoint.Nothing')).toBeUndefined();
    expect(datasetOfSpec('Nothing')).toBeUndefined();
  });
});

describe('transforms of the new tables, on real values', () => {
  const t = (name: keyof typeof TRANSFORMS, inputs: (string | undefined)[], value?: string) => TRANSFORMS[name](inputs, value);

  it('value_map: exact keys, `*` for any other; value_map_nocase ignores case', () => {
    expect(t('value_map', ['DeleteValue'], 'CreateKey=>created;DeleteKey=>deleted;DeleteValue=>deleted')).toBe('deleted');
    expect(t('value_map', ['deletevalue'], 'DeleteValue=>deleted')).toBeNull();
    expect(t('value_map_nocase', ['0xc0000064'], '0xC0000064=>User name does not exist;*=>An account failed to log on')).toBe('User name does not exist');
    expect(t('value_map_nocase', ['0xc000006a'], '0xC0000064=>User name does not exist;*=>An account failed to log on')).toBe('An account failed to log on');
  });

  it('registry Details: `type (data)` lifted, anything else whole; a line break stops the lift', () => {
    expect(t('sysmon_registry_value_data', ['DWORD (0x00000002)'])).toBe('0x00000002');
    expect(t('sysmon_registry_value_type', ['QWORD (0x01d776fd-0xd724b8c5)'])).toBe('QWORD');
    expect(t('sysmon_registry_value_data', ['Binary Data'])).toBe('Binary Data');
    expect(t('sysmon_registry_value_data', ['DWORD (0x1)\nx'])).toBe('DWORD (0x1)\nx');
    expect(t('sysmon_registry_value_type', ['(Empty)'])).toBeNull();
  });

  it('registry key and hive: the containing key; HKLM\\System, HKLM\\SOFTWARE and HKU only', () => {
    expect(t('before_last_backslash', ['HKLM\\System\\CurrentControlSet\\Control\\Lsa\\RunAsPPL'])).toBe('HKLM\\System\\CurrentControlSet\\Control\\Lsa');
    expect(t('before_last_backslash', ['nokey'])).toBeNull();
    expect(t('sysmon_registry_hive', ['HKLM\\SOFTWARE\\Microsoft'])).toBe('HKEY_LOCAL_MACHINE\\Software');
    expect(t('sysmon_registry_hive', ['hklm\\system\\x'])).toBe('HKEY_LOCAL_MACHINE\\System');
    expect(t('sysmon_registry_hive', ['HKCR\\exefile'])).toBeNull();
  });

  it('DNS answers and record type from Sysmon QueryResults', () => {
    // A CNAME chain as Sysmon writes it (the `type:  5` form).
    const results = 'type:  5 edge.example.net;::ffff:93.184.216.34;2606:2800:220:1::248;';
    expect(splitMultivalue(t('dns_answers', [results])!)).toEqual(['edge.example.net', '93.184.216.34', '2606:2800:220:1::248']);
    expect(t('dns_record_type', [results])).toBe('CNAME');
    expect(t('dns_answers', ['-'])).toBeNull();
    expect(t('dns_record_type', ['::ffff:185.176.40.57;'])).toBeNull();
  });

  it('Windows source workstation: the first present of Workstation, WorkstationName, IpAddress; `-` gives none', () => {
    expect(t('windows_source_workstation', [undefined, 'FS01', '-'])).toBe('FS01');
    expect(t('windows_source_workstation', ['\\\\WIN-HOST', undefined, undefined])).toBe('WIN-HOST');
    expect(t('windows_source_workstation', [undefined, '-', '10.0.1.16'])).toBeNull();
    expect(t('windows_source_workstation', [undefined, undefined, '::ffff:10.0.1.15'])).toBe('::ffff:10.0.1.15');
    expect(t('windows_server_or_computer', ['-', 'dc.local'])).toBe('dc.local');
  });

  it('Windows logon app, tags and the small helpers', () => {
    expect(t('windows_logon_app', ['4648', '2'])).toBe('win:remote');
    expect(t('windows_logon_app', ['4624', '10'])).toBe('win:remote');
    expect(t('windows_logon_app', ['4624', '2'])).toBe('win:local');
    expect(t('windows_logon_app', ['4768', undefined])).toBe('win:unknown');
    expect(splitMultivalue(t('tags', [], 'network communicate')!)).toEqual(['network', 'communicate']);
    expect(t('tags_if_in', ['0xc0000234'], '0xC0000234,0XC0000413=>audit change')).toBe(mv('audit', 'change'));
    expect(t('tags_if_in', ['0xc000006d'], '0xC0000234=>audit change')).toBeNull();
    expect(t('tags_unless_in', ['0XC0000133'], '0xC0000133,0xC0000225=>authentication')).toBeNull();
    expect(t('not_dash', ['-'])).toBeNull();
    expect(t('alias_or_value', [undefined], 'account')).toBe('account');
    expect(t('after_last_slash', ['/usr/bin/find'])).toBe('find');
    expect(t('sysmon_file_action', ['2023-02-08 13:01:11.053', '2023-02-08 13:01:11.053'])).toBe('created');
    expect(t('sysmon_direction', [undefined])).toBe('inbound');
  });
});
