/**
 * `[XmlWinEventLog]`: the Windows add-on's stanza for every XML event log channel (the
 * sourcetype of all of them), Sysmon included. Splunk_TA_windows 8.4.0 default/props.conf
 * l.93-128 (JohnnyMirza/confluent_splunk_demo @ d3a9bc0d). The XML fields themselves (every
 * `<Data Name>`, the System elements and attributes) come from the value slots (shape.ts).
 */
import { alias, constant, first, type FieldTable } from '../field-rule.js';

const WIN840 = 'WIN840 props.conf [XmlWinEventLog]';

export const GENERIC_XML: FieldTable = {
  name: '[XmlWinEventLog]',
  appliesTo: () => true,
  rules: [
    alias('RecordNumber', 'EventRecordID', `${WIN840} REPORT-RecordNumber_from_xml (EventRecordID_as_RecordNumber)`),
    alias('Sub_Status', 'SubStatus', `${WIN840} REPORT-Sub_Status_from_xml`),
    alias('dvc_nt_host', 'host', `${WIN840} FIELDALIAS-dvc_for_windows (host AS dvc_nt_host)`),
    alias('dvc', 'Computer', `${WIN840} FIELDALIAS-dvc_for_windows (Computer AS dvc)`),
    alias('event_id', 'EventRecordID', `${WIN840} FIELDALIAS-event_id_for_windows (RecordNumber AS event_id)`),
    alias('id', 'EventRecordID', `${WIN840} FIELDALIAS-id_for_windows (RecordNumber AS id)`),
    alias('user_id', 'UserID', `${WIN840} FIELDALIAS-user_id_for_windows`),
    alias('service', 'ServiceName', `${WIN840} FIELDALIAS-service_for_windows`),
    alias('service_name', 'ServiceName', `${WIN840} FIELDALIAS-service_for_windows`),
    alias('service_id', 'ServiceSid', `${WIN840} FIELDALIAS-service_id_for_windows`),
    alias('parent_process', 'ParentProcessName', `${WIN840} FIELDALIAS-parent_process_for_windows`),
    alias('category', 'TaskCategory', `${WIN840} FIELDALIAS-category_for_windows`),
    alias('user_group_id', 'Primary_Group_ID', `${WIN840} FIELDALIAS-user_group_id_for_windows`),
    alias('signature_id', 'EventCode', `${WIN840} EVAL-signature_id (SourceName is a classic field: EventCode)`),
    {
      field: 'process_name',
      from: ['EventCode', 'NewProcessName', 'ProcessName'],
      value: ([code, created, name]) => (first(code) === '4688' ? (created ?? null) : (name ?? null)),
      source: `${WIN840} EVAL-process_name = if(EventCode==4688, NewProcessName, ProcessName)`,
    },
    constant('vendor_product', 'Microsoft Windows', `${WIN840} EVAL-vendor_product`),
  ],
};
