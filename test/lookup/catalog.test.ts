import { describe, expect, it } from 'vitest';
import { LookupCatalog, parseMatchTypes } from '../../src/lookup/index.js';
import { SpelunkError } from '../../src/core/errors.js';
import { tempFolder } from './helpers.js';
import { spelunkErrorOf } from '../helpers/errors.js';

const bundledOnly = (): LookupCatalog => LookupCatalog.forSearch([], undefined);

const errorOf = spelunkErrorOf;

describe('lookup definitions (security_content lookups/*.yml, transforms.conf.spec settings)', () => {
  it('reads attacker_tools.yml: WILDCARD(attacker_tool_names), case_sensitive_match false, min 1, default "false"', () => {
    const definition = bundledOnly().resolve('attacker_tools');
    expect(definition.file).toMatch(/attacker_tools\.csv$/);
    expect(definition.caseSensitive).toBe(false);
    expect([...definition.matchTypes]).toEqual([['attacker_tool_names', 'WILDCARD']]);
    expect(definition.minMatches).toBe(1);
    expect(definition.defaultMatch).toBe('false');
    // transforms.conf.spec (9.x): max_matches defaults to 100 without time_field.
    expect(definition.maxMatches).toBe(100);
  });

  it('uses the spec defaults when a definition sets nothing (previously_seen_cmd_line_arguments.yml)', () => {
    const definition = bundledOnly().resolve('previously_seen_cmd_line_arguments');
    expect(definition.caseSensitive).toBe(true); // spec: case_sensitive_match default true
    expect(definition.minMatches).toBe(0);
    expect(definition.defaultMatch).toBe('');
  });

  it('reads max_matches: 1 from lolbas_file_path.yml and two WILDCARD fields', () => {
    const definition = bundledOnly().resolve('lolbas_file_path');
    expect(definition.maxMatches).toBe(1);
    expect([...definition.matchTypes.keys()]).toEqual(['lolbas_file_name', 'lolbas_file_path']);
  });

  it('finds a lookup by its CSV file name (linux_tool_discovery_process.csv in a detection subsearch)', () => {
    const definition = bundledOnly().resolve('linux_tool_discovery_process.csv');
    expect(definition.matchTypes.size).toBe(0);
    expect(definition.caseSensitive).toBe(true);
  });

  it('reports a KV store lookup (collection, no CSV) as unsupported, naming it', () => {
    const error = errorOf(() => bundledOnly().resolve('zoom_first_time_child_process'));
    expect(error.kind).toBe('unsupported');
    expect(error.message).toContain("'zoom_first_time_child_process'");
    expect(error.message).toContain('KV store');
  });

  it('reports the ES lookup asset_lookup_by_str as unsupported and an unknown lookup as a search error', () => {
    expect(errorOf(() => bundledOnly().resolve('asset_lookup_by_str')).kind).toBe('unsupported');
    const missing = errorOf(() => bundledOnly().resolve('no_such_lookup'));
    expect(missing.kind).toBe('search');
    expect(missing.message).toContain("The lookup table 'no_such_lookup' does not exist or is not available.");
  });

  it('layers user folders over the bundled ones: a later definition of the same name wins', () => {
    const folder = tempFolder({
      'tools.csv': 'attacker_tool_names,description\nmine.exe,mine\n',
      'attacker_tools.yml': 'name: attacker_tools\nfilename: tools.csv\n',
    });
    const definition = LookupCatalog.forSearch([folder], undefined).resolve('attacker_tools');
    expect(definition.file).toBe(`${folder}/tools.csv`);
    expect(definition.caseSensitive).toBe(true);
  });

  it('parses match_type lists with commas and spaces (hijacklibs_loaded.yml style)', () => {
    expect([...parseMatchTypes('WILDCARD(library),WILDCARD(excludes), CIDR(ip)', 'x')]).toEqual([
      ['library', 'WILDCARD'],
      ['excludes', 'WILDCARD'],
      ['ip', 'CIDR'],
    ]);
    expect(errorOf(() => parseMatchTypes('FUZZY(x)', 'x.yml')).kind).toBe('input');
  });
});
