/**
 * The CIM Network_Traffic and Network_Resolution data models (All_Traffic, DNS) with the fields
 * spelunk fills. Sources: aplura/splunk-sa-cim default/data/models/Network_Traffic.json
 * @ 337e5bba and Network_Resolution.json @ 254c447b (research issue13-mappings.md §5, §6).
 */
import { equals, tagged } from '../constraints.js';
import { nodenameCalculation, NODENAME, type ChildDataset, type DatasetDefinition } from '../dataset.js';
import { CIM85, unknownIfEmpty, VENDOR_PRODUCT } from './common.js';

const TRAFFIC_CHILDREN: readonly ChildDataset[] = [
  {
    name: 'Traffic_By_Action',
    constraint: equals('action', '*'),
    children: [
      { name: 'Allowed_Traffic', constraint: equals('action', 'allowed') },
      { name: 'Blocked_Traffic', constraint: equals('action', 'blocked') },
    ],
  },
];

/**
 * All_Traffic. No input spelunk reads counts bytes or packets, so bytes*, packets* (whose CIM
 * calculations only combine those counts) are left out: a search reading them finds no value,
 * as it would in Splunk on these events.
 */
export const ALL_TRAFFIC: DatasetDefinition = {
  name: 'All_Traffic',
  fields: [
    'action',
    'app',
    'dest',
    'dest_ip',
    'dest_port',
    'direction',
    'dvc',
    'process_guid',
    'process_id',
    'protocol',
    'protocol_version',
    'rule',
    'session_id',
    'src',
    'src_ip',
    'src_port',
    'tag',
    'transport',
    'user',
    'vendor_product',
    NODENAME,
  ],
  calculations: [
    unknownIfEmpty('action'),
    unknownIfEmpty('dest'),
    { field: 'dest_port', calculation: 'number_or_default', from: [], value: '0' },
    unknownIfEmpty('dvc'),
    unknownIfEmpty('rule'),
    unknownIfEmpty('src'),
    { field: 'src_port', calculation: 'number_or_default', from: [], value: '0' },
    { field: 'transport', calculation: 'lower_or_unknown', from: [] },
    unknownIfEmpty('user'),
    VENDOR_PRODUCT,
    nodenameCalculation('All_Traffic', tagged('network', 'communicate'), TRAFFIC_CHILDREN, ['tag']),
  ],
  constraint: tagged('network', 'communicate'),
  children: TRAFFIC_CHILDREN,
  multivalue: ['tag', NODENAME],
  cim: `${CIM85}/Network_Traffic.json (All_Traffic)`,
};

export const DNS: DatasetDefinition = {
  name: 'DNS',
  fields: [
    'answer',
    'answer_count',
    'dest',
    'message_type',
    'query',
    'query_count',
    'record_type',
    'reply_code',
    'reply_code_id',
    'src',
    'tag',
    'vendor_product',
    NODENAME,
  ],
  calculations: [
    unknownIfEmpty('answer'),
    { field: 'answer_count', calculation: 'value_count', from: ['answer'] },
    unknownIfEmpty('dest'),
    unknownIfEmpty('message_type'),
    unknownIfEmpty('query'),
    { field: 'query_count', calculation: 'value_count', from: ['query'] },
    { field: 'reply_code_id', calculation: 'first_set', from: ['reply_code'], value: 'unknown' },
    { field: 'reply_code', calculation: 'dns_reply_code', from: ['reply_code_id'] },
    VENDOR_PRODUCT,
    nodenameCalculation('DNS', tagged('network', 'resolution', 'dns'), [], ['tag']),
  ],
  constraint: tagged('network', 'resolution', 'dns'),
  multivalue: ['answer', 'query', 'tag', NODENAME],
  cim: `${CIM85}/Network_Resolution.json (DNS)`,
};
