/**
 * Sysmon EventID 3 (NetworkConnect) -> Network_Traffic.All_Traffic and EventID 22 (DNSEvent) ->
 * Network_Resolution.DNS (research issue13-mappings.md §5.3, §6.3; decisions in docs/semantics.md).
 */
import type { MappingTable } from '../mapping-table.js';
import { SYSMON_USER_AND_VENDOR } from './sysmon-common.js';
import { SYSMON_CHANNEL, SYSMON_PROVIDER, WINDOWS_EVENT_TIME, XML_WIN_EVENT_LOG_METADATA } from './windows.js';

export const SYSMON_NETWORK_CONNECT: MappingTable = {
  name: 'sysmon-eid3',
  description: `Sysmon EventID 3 (NetworkConnect), provider ${SYSMON_PROVIDER}`,
  dataset: 'Network_Traffic.All_Traffic',
  match: { shape: 'windows', provider: SYSMON_PROVIDER, channel: SYSMON_CHANNEL, eventIds: ['3'] },
  time: WINDOWS_EVENT_TIME,
  required: ['DestinationIp'],
  rules: [
    ...XML_WIN_EVENT_LOG_METADATA,
    {
      field: 'tag',
      transform: 'tags',
      from: [],
      value: 'network communicate port listening',
      source: 'eventtype ms-sysmon-network (EventCode 3) -> tags network, communicate, port, listening [CONF SYS810]',
    },
    { field: 'action', transform: 'constant', from: [], value: 'allowed', source: 'action = allowed: a logged connection was allowed; CIM expected value [INF: SC sysmon_eventid_3 field list has action; SYS810 has no branch for 3]' },
    { field: 'app', transform: 'alias', from: ['Image'], source: 'FIELDALIAS-app = Image AS app (the path) [CONF SYS810]' },
    {
      field: 'dest',
      transform: 'coalesce',
      from: ['DestinationHostname', 'DestinationIp'],
      source: 'EVAL-dest = case(EventCode=="3" AND isnotnull(DestinationHostname),DestinationHostname,EventCode=="3",DestinationIp,...): a "-" hostname is a value [CONF SYS810]',
    },
    { field: 'dest_ip', transform: 'alias', from: ['DestinationIp'], source: 'FIELDALIAS-dest_ip = DestinationIp AS dest_ip [CONF SYS810]' },
    { field: 'dest_port', transform: 'alias', from: ['DestinationPort'], source: 'FIELDALIAS-dest_port = DestinationPort AS dest_port [CONF SYS810]' },
    { field: 'direction', transform: 'sysmon_direction', from: ['Initiated'], source: 'EVAL-direction = if(Initiated=="true","outbound","inbound") [CONF SYS810]' },
    { field: 'dvc', transform: 'alias', from: ['Computer'], source: 'FIELDALIAS-dvc = Computer AS dvc [CONF SYS810]' },
    { field: 'process_guid', transform: 'alias', from: ['ProcessGuid'], source: 'FIELDALIAS-process_guid = ProcessGuid AS process_guid [CONF SYS810]' },
    { field: 'process_id', transform: 'alias', from: ['ProcessId'], source: 'FIELDALIAS-process_id = ProcessId AS process_id [CONF SYS810]' },
    { field: 'protocol', transform: 'constant', from: [], value: 'ip', source: 'protocol = "ip", the layer-3 protocol in CIM 8.5\'s sense [GEN; SYS810 had the port name, if(Initiated=="true",DestinationPortName,SourcePortName)]' },
    {
      field: 'protocol_version',
      transform: 'value_map',
      from: ['DestinationIsIpv6'],
      value: 'true=>ipv6;false=>ipv4',
      source: 'ipv6/ipv4 from DestinationIsIpv6 [INF: SC sysmon_eventid_3 field list has protocol_version]',
    },
    { field: 'session_id', transform: 'alias', from: ['ProcessGuid'], source: 'FIELDALIAS-session_id = ProcessGuid AS session_id [CONF SYS810]' },
    { field: 'src', transform: 'coalesce', from: ['SourceHostname', 'SourceIp'], source: 'EVAL-src = if(isnotnull(SourceHostname),SourceHostname,SourceIp) [CONF SYS810]' },
    { field: 'src_ip', transform: 'alias', from: ['SourceIp'], source: 'FIELDALIAS-src_ip = SourceIp AS src_ip [CONF SYS810]' },
    { field: 'src_port', transform: 'alias', from: ['SourcePort'], source: 'FIELDALIAS-src_port = SourcePort AS src_port [CONF SYS810]' },
    { field: 'transport', transform: 'alias', from: ['Protocol'], source: 'FIELDALIAS-transport = Protocol AS transport (CIM lower-cases it) [CONF SYS810]' },
    ...SYSMON_USER_AND_VENDOR,
  ],
};

export const SYSMON_DNS_QUERY: MappingTable = {
  name: 'sysmon-eid22',
  description: `Sysmon EventID 22 (DNSEvent), provider ${SYSMON_PROVIDER}`,
  dataset: 'Network_Resolution.DNS',
  match: { shape: 'windows', provider: SYSMON_PROVIDER, channel: SYSMON_CHANNEL, eventIds: ['22'] },
  time: WINDOWS_EVENT_TIME,
  required: ['QueryName'],
  rules: [
    ...XML_WIN_EVENT_LOG_METADATA,
    {
      field: 'tag',
      transform: 'tags',
      from: [],
      value: 'network resolution dns',
      source: 'eventtype ms-sysmon-dns (EventCode 22) -> tags network, resolution, dns [DOC TA-microsoft-sysmon 10.2.0 README]',
    },
    { field: 'query', transform: 'alias', from: ['QueryName'], source: 'FIELDALIAS query from QueryName [DOC TA-microsoft-sysmon 10.2.0 README "FIELDALIAS for query/reply_code_id"; raw field INF]' },
    { field: 'reply_code_id', transform: 'alias', from: ['QueryStatus'], source: 'FIELDALIAS reply_code_id from QueryStatus (a Windows DNS status, not an RCODE) [DOC 10.2.0 README; raw field INF]' },
    {
      field: 'answer',
      transform: 'dns_answers',
      from: ['QueryResults'],
      source:
        'QueryResults split on ";": `type:  N  value` gives value, ::ffff:a.b.c.d gives a.b.c.d, "-" none [DOC 10.2.0 README extract_dns_ip_data, GEN; exact regexes not found: INF]',
    },
    {
      field: 'record_type',
      transform: 'dns_record_type',
      from: ['QueryResults'],
      source: 'the IANA name of the first `type:  N` id of QueryResults; none without one [GEN; names INF]',
    },
    { field: 'src', transform: 'alias', from: ['Computer'], source: 'src = Computer, the host that asked [INF: SC sysmon_eventid_22 field list has src; detections group by DNS.src]' },
    { field: 'vendor_product', transform: 'constant', from: [], value: 'Microsoft Sysmon', source: 'EVAL-vendor_product = "Microsoft Sysmon" [CONF SYS810]' },
  ],
};
