/** Windows Security 4657 (A registry value was modified) -> Endpoint.Registry, as Splunk_TA_windows 8.4.0 maps it. */
import type { MappingTable } from '../mapping-table.js';
import { keywordsOutcome, SECURITY_DEST, SECURITY_VENDOR_PRODUCT } from './security-common.js';
import { SECURITY_CHANNEL, SECURITY_PROVIDER, WINDOWS_EVENT_TIME, XML_WIN_EVENT_LOG_METADATA } from './windows.js';

export const SECURITY_REGISTRY_VALUE_MODIFIED: MappingTable = {
  name: 'security-4657',
  description: `Windows Security 4657 (A registry value was modified), provider ${SECURITY_PROVIDER}`,
  dataset: 'Endpoint.Registry',
  match: { shape: 'windows', provider: SECURITY_PROVIDER, channel: SECURITY_CHANNEL, eventIds: ['4657'] },
  time: WINDOWS_EVENT_TIME,
  required: ['ObjectName'],
  rules: [
    ...XML_WIN_EVENT_LOG_METADATA,
    {
      field: 'tag',
      transform: 'tags',
      from: [],
      value: 'endpoint registry',
      source: 'eventtype windows_security_endpoint_registry -> tags endpoint, registry [CONF WIN840 eventtypes.conf l.731-732, tags.conf]',
    },
    SECURITY_DEST,
    keywordsOutcome('action'),
    keywordsOutcome('status'),
    {
      field: 'registry_path',
      transform: 'alias',
      from: ['ObjectName'],
      source: 'EVAL-registry_path = if(EventCode==4657,ObjectName,registry_path): the key in kernel form (\\REGISTRY\\MACHINE\\...) [CONF WIN840 l.330]',
    },
    { field: 'registry_value_name', transform: 'alias', from: ['ObjectValueName'], source: 'EVAL-registry_value_name = ObjectValueName for 4657 [CONF WIN840 l.331]' },
    { field: 'registry_value_type', transform: 'alias', from: ['NewValueType'], source: 'EVAL-registry_value_type = NewValueType for 4657 (the insertion string, e.g. %%1876, as rendered) [CONF WIN840 l.332]' },
    { field: 'process_name', transform: 'after_last_backslash', from: ['ProcessName'], source: 'process_name = basename of ProcessName [CONF WIN840 l.340-345]' },
    { field: 'process_path', transform: 'alias', from: ['ProcessName'], source: 'process_path = ProcessName [CONF WIN840 l.340-345]' },
    { field: 'process_id', transform: 'alias', from: ['ProcessId'], source: 'process_id = ProcessId, hex as logged [CONF WIN840 l.319]' },
    SECURITY_VENDOR_PRODUCT,
  ],
};
