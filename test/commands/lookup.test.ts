/**
 * lookup over the bundled security_content lookups. Inputs are built with inputlookup from small
 * CSV files, so each expectation follows from the lookup CSV text and its YAML definition.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../src/index.js';
import { plain, sessionWith, tempFolder } from '../lookup/helpers.js';

let session: Session;
let events: string;

beforeAll(async () => {
  events = tempFolder({
    'procs.csv': 'process_name,process\nACU.EXE,sc stop windefend\nnotmine.exe,sc stop WinDefend\naclui.dll,x\n',
    'nets.csv': 'ip\n10.1.2.3\n192.168.0.9\n',
    'netmap.csv': 'net,zone\n10.0.0.0/8,internal\n192.168.0.0/16,lab\n',
    'netmap.yml': 'name: netmap\nfilename: netmap.csv\nmatch_type: CIDR(net)\n',
    'plain.csv': 'key,value\nx,1\n',
  });
  session = await sessionWith({ lookups: [events] });
});

describe('lookup', () => {
  it('matches exactly and ignores case when case_sensitive_match is false (is_windows_system_file: "acu.exe,true")', () => {
    const result = session.run('| inputlookup procs.csv | lookup is_windows_system_file filename as process_name OUTPUT systemFile');
    expect(plain(result).map((r) => r['systemFile'])).toEqual(['true', 'false', 'false']);
    // min_matches 1, default_match 'false' in is_windows_system_file.yml give 'false' when nothing matches.
    expect(result.columns).toEqual(['process_name', 'process', 'systemFile']);
  });

  it('WILDCARD matching is case-sensitive when the definition does not say otherwise (security_services_lookup.yml)', () => {
    const result = session.run('| inputlookup procs.csv | lookup security_services_lookup service as process OUTPUTNEW category, description');
    // security_services.csv has "*windefend*"; the definition has no case_sensitive_match (default true).
    expect(plain(result).map((r) => r['description'])).toEqual(['Windows Defender Service', 'false', 'false']);
  });

  it('OUTPUTNEW leaves fields that already have a value; OUTPUT overwrites them', () => {
    const kept = session.run('| inputlookup procs.csv | rename process as description | lookup security_services_lookup service as description OUTPUTNEW description');
    expect(plain(kept).map((r) => r['description'])).toEqual(['sc stop windefend', 'sc stop WinDefend', 'x']);
    const replaced = session.run('| inputlookup procs.csv | rename process as description | lookup security_services_lookup service as description OUTPUT description');
    expect(plain(replaced).map((r) => r['description'])).toEqual(['Windows Defender Service', 'false', 'false']);
  });

  it('OUTPUT with no match and no default_match removes the field (plain CSV lookup)', () => {
    const result = session.run('| inputlookup procs.csv | rename process_name as key | lookup plain.csv key OUTPUT value AS process');
    expect(plain(result).map((r) => r['process'] ?? null)).toEqual([null, null, null]);
  });

  it('several matches make a multivalue field in file order (hijacklibs_loaded.csv has two aclui.dll rows)', () => {
    const result = session.run('| inputlookup procs.csv | lookup hijacklibs_loaded library AS process_name OUTPUT excludes');
    expect(plain(result)[2]!['excludes']).toEqual(['*\\Windows\\System32\\*', '*\\Windows\\SysWOW64\\*']);
  });

  it('max_matches: 1 keeps only the first match (lolbas_file_path.yml; the CSV has two cmd.exe rows)', () => {
    const input = tempFolder({ 'cmd.csv': 'process_name\ncmd.exe\n' });
    return sessionWith({ lookups: [input] }).then((own) => {
      const result = own.run('| inputlookup cmd.csv | lookup lolbas_file_path lolbas_file_name as process_name OUTPUT lolbas_file_path');
      expect(plain(result)[0]!['lolbas_file_path']).toBe('c:\\windows\\system32\\*');
    });
  });

  it('without OUTPUT, adds every lookup field that is not a match field', () => {
    const result = session.run('| inputlookup procs.csv | lookup attacker_tools attacker_tool_names AS process_name');
    expect(result.columns).toEqual(['process_name', 'process', 'description']);
  });

  it('CIDR(field) matches addresses inside the network', () => {
    const result = session.run('| inputlookup nets.csv | lookup netmap net AS ip OUTPUT zone');
    expect(plain(result).map((r) => r['zone'])).toEqual(['internal', 'lab']);
  });

  it('reports a lookup field missing from the table as a search error', () => {
    expect(() => session.run('| inputlookup procs.csv | lookup attacker_tools nope AS process_name')).toThrow(
      /Could not find all of the specified lookup fields/,
    );
  });

  it('reports KV store lookups as unsupported (zoom_first_time_child_process.yml has a collection and no CSV)', () => {
    expect(() => session.run('| inputlookup procs.csv | lookup zoom_first_time_child_process process_name OUTPUT firstTimeSeen')).toThrow(
      /does not support KV store lookups/,
    );
  });
});
