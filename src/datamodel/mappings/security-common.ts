/**
 * Rules the Windows Security tables share (Splunk_TA_windows 8.4.0 `[XmlWinEventLog]` and
 * `[source::XmlWinEventLog:Security]`; research issue13-mappings.md §7.3, §8.3).
 */
import type { MappingRule } from '../mapping-table.js';

export const SECURITY_DEST: MappingRule = {
  field: 'dest',
  transform: 'alias',
  from: ['Computer'],
  source: 'REPORT-dest_for_windows_security = Target_Server_Name_as_dest,Computer_as_dest (no TargetServerName in this event) [CONF WIN840]',
};

export const SECURITY_VENDOR_PRODUCT: MappingRule = {
  field: 'vendor_product',
  transform: 'constant',
  from: [],
  value: 'Microsoft Windows',
  source: 'EVAL-vendor_product = "Microsoft Windows" [CONF WIN840]',
};

/**
 * windows_action_lookup on Keywords (windows_actions.csv: 0x8020000000000000 success,
 * 0x8010000000000000 failure). Of the add-on's automatic lookups that output action, this one
 * runs first in the ASCII order of their names (docs/semantics.md, "Order of the Windows
 * add-on's lookups") after the per-EventCode audit-change tables.
 */
export function keywordsOutcome(field: 'action' | 'status'): MappingRule {
  return {
    field,
    transform: 'value_map',
    from: ['Keywords'],
    value: '0x8020000000000000=>success;0x8010000000000000=>failure',
    source: `LOOKUP-action_for_windows2_security = windows_action_lookup Type AS Keywords OUTPUTNEW action${field === 'status' ? ', action AS status' : ''} [CONF WIN840; lookup order INF]`,
  };
}

export const SECURITY_SRC: MappingRule = {
  field: 'src',
  transform: 'windows_source_workstation',
  from: ['Workstation', 'WorkstationName', 'IpAddress'],
  source:
    'REPORT Workstation_as_Source_Workstation,WorkstationName_as_Source_Workstation,IpAddress_as_Source_Workstation (first wins), then [Source_Workstation_as_src] REGEX (?:[\\\\]+)?([^-].*) [CONF WIN840]',
};

export const SECURITY_SRC_USER: MappingRule = {
  field: 'src_user',
  transform: 'not_dash',
  from: ['SubjectUserName'],
  source: 'REPORT-src_user_for_windows_security = Caller_User_Name_as_src_user, REGEX (?!^-$)(.+) on SubjectUserName [CONF WIN840]',
};

export const SECURITY_SRC_NT_DOMAIN: MappingRule = {
  field: 'src_nt_domain',
  transform: 'alias',
  from: ['SubjectDomainName'],
  source: 'REPORT-src_nt_domain_for_windows_security = Caller_Domain_as_src_nt_domain (SubjectDomainName) [CONF WIN840]',
};

export const SECURITY_DEST_NT_DOMAIN: MappingRule = {
  field: 'dest_nt_domain',
  transform: 'not_dash',
  from: ['TargetDomainName'],
  source: 'REPORT-dest_nt_domain_for_windows_security = Target_Domain_as_dest_nt_domain; EVAL-dest_nt_domain = nullif(dest_nt_domain,"-") [CONF WIN840]',
};

/** The add-on's signature for EventCode `eventId` (windows_signatures.csv), per docs/semantics.md "Signature texts". */
export function signatureText(field: string, text: string, eventId: string): MappingRule {
  return {
    field,
    transform: 'constant',
    from: [],
    value: text,
    source: `LOOKUP-signature_for_windows3 = windows_signature_lookup signature_id OUTPUTNEW signature: the EventCode ${eventId} text, Windows' own event title [INF: the CSV is Splunk's; titles as Windows renders them in Message]`,
  };
}
