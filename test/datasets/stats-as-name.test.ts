/**
 * Five published Windows AD ACL detections (windows_ad_dcshadow_privileges_acl_addition,
 * windows_ad_domain_root_acl_deletion, ...) write `stats values(aceFlags) as aceFlags(inheritance)`:
 * an AS name with parentheses, which Splunk takes as the field name `aceFlags(inheritance)`.
 */
import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/session.js';

describe('stats AS names with parentheses', () => {
  // After AS, a field name may continue with a balanced `(...)` group written against it.
  it('names the column aceFlags(inheritance)', () => {
    const session = createSession({ datasets: new Map() });
    const result = session.run('| makeresults | eval aceFlags="CI" | stats values(aceFlags) as aceFlags(inheritance) count');
    expect(result.columns).toEqual(['aceFlags(inheritance)', 'count']);
    expect(result.rows[0]!.get('aceFlags(inheritance)')).toBe('CI');
  });
});
