/**
 * White space around unquoted CSV cells, and the lookups bundled for the raw-event detections.
 * security_content's `dynamic_dns_providers_default.csv` writes `*.3d-game.com*, True` and its
 * production detection `Detect hosts connecting to dynamic domain providers` keeps the rows with
 * `search isDynDNS=True`: in Splunk the cell reads `True` (INF from the production status; see
 * docs/semantics.md, "Lookup cells with a leading space").
 */
import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/session.js';
import { parseLookupCsv } from '../../src/lookup/csv.js';
import { LookupCatalog } from '../../src/lookup/index.js';

describe('CSV cells', () => {
  it('drops white space around unquoted cells and keeps it inside quotes', () => {
    const table = parseLookupCsv('a, b,c\n x , " y ",\tz\t\n', 'test.csv');
    expect(table.fields).toEqual(['a', 'b', 'c']);
    expect(table.rows).toEqual([['x', ' y ', 'z']]);
  });

  it('makes the dynamic DNS macro match: `isDynDNS=True` over ` True` cells', () => {
    const session = createSession({ datasets: new Map() });
    const result = session.run(
      '| makeresults | eval query="www.3d-game.com" | `dynamic_dns_providers` | table query isDynDNS',
    );
    expect(result.rows.map((row) => Object.fromEntries(row))).toEqual([{ query: 'www.3d-game.com', isDynDNS: 'True' }]);
  });
});

describe('bundled lookups', () => {
  // Every CSV lookup a published (not deprecated) detection or macro names, from
  // security_content_full/lookups at b13b314 (lookups/README.md lists them).
  const names = [
    'baseline_blocked_outbound_connections', 'brandMonitoring_lookup', 'domains', 'is_suspicious_file_extension_lookup',
    'local_file_inclusion_paths', 'lookup_rare_process_allow_list_default', 'lookup_rare_process_allow_list_local',
    'mandatory_job_for_workflow', 'mandatory_step_for_job', 'privileged_azure_ad_roles', 'suspicious_writes_lookup',
    'builtin_groups_lookup', 'msad_guid_lookup', 'ace_access_rights_lookup', 'ace_type_lookup', 'ace_flag_lookup',
    'asr_rules', 'applockereventcodes', 'loldrivers', 'advanced_audit_policy_guids', 'char_conversion_matrix',
    'browser_app_list', 'domain_admins',
  ];
  it.each(names)('%s resolves to a CSV file', (name) => {
    const definition = LookupCatalog.forSearch([], undefined).resolve(name);
    expect(definition.file).toMatch(/\.csv$/);
  });

  it('reads privileged_azure_ad_roles.yml, whose lines end in CRLF', () => {
    const definition = LookupCatalog.forSearch([], undefined).resolve('privileged_azure_ad_roles');
    expect(definition.file).toMatch(/privileged_azure_ad_roles20240807\.csv$/);
    expect([...definition.matchTypes.keys()]).toEqual(['azureadrole', 'azuretemplateid']);
  });
});
