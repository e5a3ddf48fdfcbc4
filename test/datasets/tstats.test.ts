/**
 * tstats over every filled dataset: counts equal the store, BY groups sum to them, multivalue
 * fields split groups, child dataset fields carry their lineage, the `tag` field and the root
 * nodename select, and datasets join one another. Expectations come from the raw events (counted
 * in the fixture files) or from another query, not from spelunk's output.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { displayValues, type Row } from '../../src/core/values.js';
import { ALL_DATASETS, storeFieldsOf } from '../../src/datamodel/models.js';
import { loadDatasets } from '../../src/ingest/index.js';
import { createSession, type Session } from '../../src/session.js';
import { fixture } from './helpers.js';

let session: Session;

beforeAll(async () => {
  const { datasets } = await loadDatasets([
    fixture('security-content-data-sources'),
    fixture('splunk-attack-data-datasets'),
    fixture('evtx-to-mitre-attack-xml'),
    fixture('otrf-proxylogon-json-datasets'),
  ]);
  session = createSession({ datasets });
});

const countOf = (rows: readonly Row[]): number => Number(displayValues(rows[0]?.get('count'))[0] ?? 0);
const run = (search: string): Row[] => session.run(search).rows;

describe('tstats over every dataset the tables fill', () => {
  const filled = ALL_DATASETS.filter(({ dataset }) => dataset.constraint !== undefined);

  it('covers the six new datasets', () => {
    expect(filled.map(({ key }) => key)).toEqual([
      'Endpoint.Filesystem',
      'Endpoint.Registry',
      'Authentication.Authentication',
      'Change.All_Changes',
      'Network_Resolution.DNS',
      'Network_Traffic.All_Traffic',
    ]);
  });

  for (const { key, dataset } of filled) {
    it(`${key}: count is the store's rows; the groups by each field sum to the rows that have it`, () => {
      const store = session.datasets.get(key)!;
      expect(store.rowCount).toBeGreaterThan(0);
      expect(countOf(run(`| tstats count from datamodel=${key}`))).toBe(store.rowCount);
      for (const field of storeFieldsOf(dataset)) {
        if (field === 'nodename' || dataset.multivalue?.includes(field)) continue;
        const name = ['host', 'source', 'sourcetype'].includes(field) ? field : `${dataset.name}.${field}`;
        const rows = run(`| tstats count from datamodel=${key} by ${name}`);
        const sum = rows.reduce((n, row) => n + countOf([row]), 0);
        // A BY field drops the rows that lack it (DOC S7).
        const column = store.column(field);
        const present = column ? [...column.ids].filter((id) => id !== 0).length : 0;
        expect(sum, `${key} by ${name}`).toBe(present);
      }
    });
  }

  it('the data model alone names its first root dataset (datamodel=Change is All_Changes)', () => {
    expect(countOf(run('| tstats count from datamodel=Change'))).toBe(session.datasets.get('Change.All_Changes')!.rowCount);
  });
});

describe('multivalue fields, tags and child datasets', () => {
  it('a DNS row with two answers is in both answer groups (OTRF localhost: ::1 and 127.0.0.1)', () => {
    const rows = run('| tstats count from datamodel=Network_Resolution.DNS where DNS.query=localhost by DNS.answer');
    expect(rows.map((row) => [row.get('DNS.answer'), countOf([row])])).toEqual([
      ['127.0.0.1', 1],
      ['::1', 1],
    ]);
    const values = run('| tstats values(DNS.answer) as answers from datamodel=Network_Resolution.DNS where DNS.query=localhost');
    expect(displayValues(values[0]!.get('answers'))).toEqual(['127.0.0.1', '::1']);
  });

  it('Authentication.tag=privileged selects the 4648 and 4672 rows (windows_logon_explicit, windows_special_privileges)', () => {
    const privileged = countOf(run('| tstats count from datamodel=Authentication where Authentication.tag=privileged'));
    const byId = countOf(run('| tstats count from datamodel=Authentication where Authentication.signature_id IN (4648, 4672)'));
    // Fixtures: 4648 in the security_content sample, EVTX-to-MITRE and OTRF (3); 4672 in EVTX-to-MITRE and OTRF (2).
    expect([privileged, byId]).toEqual([5, 5]);
  });

  it("Account_Management's fields carry the lineage prefix and only its rows have them", () => {
    const rows = run('| tstats count from datamodel=Change by All_Changes.Account_Management.src_user');
    const accountRows = countOf(run('| tstats count from datamodel=Change where All_Changes.tag=account'));
    expect(rows.reduce((n, row) => n + countOf([row]), 0)).toBe(accountRows);
    expect(rows.map((row) => row.get('All_Changes.Account_Management.src_user'))).toContain('lambda-user');
  });

  it('nodename naming the root dataset keeps every row', () => {
    expect(countOf(run('| tstats count from datamodel=Network_Resolution where nodename=DNS'))).toBe(session.datasets.get('Network_Resolution.DNS')!.rowCount);
    expect(countOf(run('| tstats count from datamodel=Change where nodename=All_Changes'))).toBe(session.datasets.get('Change.All_Changes')!.rowCount);
  });
});

describe('joins between datasets', () => {
  it('each lolbas network connection joins the process creation of its ProcessGuid (3 of 3 in the file)', () => {
    const rows = run(
      '| tstats count from datamodel=Network_Traffic.All_Traffic where All_Traffic.src=attackbox.lan.local by All_Traffic.process_guid All_Traffic.app' +
        ' | rename All_Traffic.process_guid as process_guid' +
        ' | join process_guid [| tstats count from datamodel=Endpoint.Processes by Processes.process_guid Processes.process_name | rename Processes.process_guid as process_guid]',
    );
    // In tstats' order, the process_guid bytes: {8E07... (cmd) < {8ac1... (msiexec) < {bbce... (powershell).
    expect(rows.map((row) => [row.get('All_Traffic.app'), row.get('Processes.process_name')])).toEqual([
      ['C:\\Windows\\System32\\cmd.exe', 'cmd.exe'],
      ['C:\\Windows\\SysWOW64\\msiexec.exe', 'msiexec.exe'],
      ['C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', 'powershell.exe'],
    ]);
  });

  it('a registry change joins its Change row by process_guid and path', () => {
    const rows = run(
      '| tstats count from datamodel=Endpoint.Registry where Registry.registry_value_name=DSRMAdminLogonBehavior Registry.vendor_product="Microsoft Sysmon" by Registry.process_guid Registry.registry_path' +
        ' | rename Registry.registry_path as path' +
        ' | join path [| tstats count from datamodel=Change where All_Changes.object_category=registry by All_Changes.object_path All_Changes.result | rename All_Changes.object_path as path]',
    );
    expect(rows.map((row) => [row.get('path'), row.get('All_Changes.result')])).toEqual([
      ['HKLM\\System\\CurrentControlSet\\Control\\Lsa\\DSRMAdminLogonBehavior', 'Registry value set'],
    ]);
  });
});
