/**
 * replace (the command), DOC https://docs.splunk.com/Documentation/Splunk/9.3.1/SearchReference/Replace
 * (same text at https://help.splunk.com/splunk-cloud-platform/spl-search-reference/9.3.2408/search-commands/replace).
 */
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../src/session.js';

const session = createSession({ datasets: new Map() });
const rows = (search: string): Record<string, unknown>[] => session.run(search).rows.map((row) => Object.fromEntries(row));

describe('replace', () => {
  it('"Change any host value that ends with localhost to simply localhost in all fields"', () => {
    const [row] = rows('| makeresults | eval host="www.localhost", other="my localhost", keep="localhost.x" | replace *localhost WITH localhost | fields - _time');
    expect(row).toEqual({ host: 'localhost', other: 'localhost', keep: 'localhost.x' });
  });

  it('moves what the wildcard matched: "* localhost" WITH "localhost *" IN host', () => {
    const [row] = rows('| makeresults | eval host="server1 localhost", h2="server1 localhost" | replace "* localhost" WITH "localhost *" IN host | fields - _time');
    expect(row).toEqual({ host: 'localhost server1', h2: 'server1 localhost' });
  });

  it('lets later non-wildcard pairs win, and fuller wildcard matches beat lesser ones', () => {
    const [row] = rows('| makeresults | eval a="0", b="abc.example.com" | replace "0" WITH "Critical", "0" WITH "Zero", *.com WITH com, *.example.com WITH example IN a, b | fields - _time');
    expect(row).toEqual({ a: 'Zero', b: 'example' });
  });

  it("runs the published audit-policy form: replace \"%%8448\" with \"Success removed\", ... in AuditPolicyChanges", () => {
    // windows_ad_domain_controller_audit_policy_disabled.yml (security_content b13b314).
    const [row] = rows('| makeresults | eval AuditPolicyChanges=split("%%8448,%%8450,other", ",") | replace "%%8448" with "Success removed", "%%8450" with "Failure removed" in AuditPolicyChanges | fields - _time');
    expect(row).toEqual({ AuditPolicyChanges: ['Success removed', 'Failure removed', 'other'] });
  });

  it('touches _ fields only when IN names them', () => {
    const [row] = rows('| makeresults | eval _x="a", y="a" | replace a WITH b | table _x y');
    expect(row).toEqual({ _x: 'a', y: 'b' });
    const [named] = rows('| makeresults | eval _x="a" | replace a WITH b IN _x | table _x');
    expect(named).toEqual({ _x: 'b' });
  });

  it('refuses a replacement with a different number of wildcards', () => {
    expect(() => session.run('| makeresults | replace "*a*" WITH "*" IN x')).toThrow(/as many wildcards/);
  });
});
