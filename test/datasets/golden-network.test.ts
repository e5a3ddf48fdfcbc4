/**
 * Golden Network_Traffic.All_Traffic (Sysmon 3) and Network_Resolution.DNS (Sysmon 22) rows: the
 * full CIM row, field by field, with the source of each expectation (docs/semantics.md).
 */
import { describe, expect, it } from 'vitest';
import { expectRow, fixture, loadRows, onlyRow } from './helpers.js';

const TRAFFIC = 'Network_Traffic.All_Traffic';
const DNS = 'Network_Resolution.DNS';
const SYSMON_SOURCE = { source: 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational', sourcetype: 'XmlWinEventLog' };
const SYSMON_NETWORK = {
  action: 'allowed', // a logged connection [INF, Q13]
  protocol: 'ip', // [GEN, Q15]
  rule: 'unknown', // CIM 8.5 fill
  tag: ['network', 'communicate', 'port', 'listening'], // ms-sysmon-network [SYS810]
  vendor_product: 'Microsoft Sysmon',
  // Traffic_By_Action: action=*; Allowed_Traffic: action=allowed [CIM85]
  nodename: ['All_Traffic', 'All_Traffic.Traffic_By_Action', 'All_Traffic.Traffic_By_Action.Allowed_Traffic'],
};

describe('Sysmon EventID 3 (NetworkConnect)', () => {
  it('lolbas_with_network_traffic: the powershell.exe connection', async () => {
    const { rows } = await loadRows([fixture('splunk-attack-data-datasets/T1218_lolbas_with_network_traffic.log')], TRAFFIC);
    expect(rows).toHaveLength(3);
    expectRow(rows[0]!, TRAFFIC, {
      _time: '2023-01-29T11:33:00.2234425Z',
      host: 'attackbox.lan.local',
      ...SYSMON_SOURCE,
      app: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', // FIELDALIAS Image AS app [SYS810]
      dest: 'google.com', // DestinationHostname present [SYS810 EVAL-dest]
      dest_ip: '173.194.214.101',
      dest_port: '443', // numeric: kept by if(isnum(dest_port),dest_port,0) [CIM85]
      direction: 'outbound', // Initiated true [SYS810]
      dvc: 'attackbox.lan.local', // Computer [SYS810]
      process_guid: '{bbce0e7a-5962-63d6-2234-7f2800000000}',
      process_id: '2536',
      protocol_version: 'ipv4', // DestinationIsIpv6 false [INF]
      session_id: '{bbce0e7a-5962-63d6-2234-7f2800000000}', // ProcessGuid [SYS810]
      src: 'attackbox.lan.local', // SourceHostname [SYS810]
      src_ip: '192.168.1.20',
      src_port: '62764',
      transport: 'tcp', // Protocol, lower() [SYS810, CIM85]
      user: 'AttackMe',
      ...SYSMON_NETWORK,
    });
  });

  it('an empty DestinationHostname is no field: dest falls to DestinationIp', async () => {
    const { rows } = await loadRows([fixture('splunk-attack-data-datasets/T1218_lolbas_with_network_traffic.log')], TRAFFIC);
    const cmd = rows.find((row) => row.app === 'C:\\Windows\\System32\\cmd.exe')!;
    expect([cmd.dest, cmd.dest_ip]).toEqual(['137.117.109.130', '137.117.109.130']);
  });

  it('OTRF ProxyLogon JSON: a "-" hostname is a value (dest=-, src=-)', async () => {
    const { rows } = await loadRows([fixture('otrf-proxylogon-json-datasets/proxylogon_one_event_per_id.json')], TRAFFIC);
    expectRow(rows[0]!, TRAFFIC, {
      _time: '2021-03-14T01:39:32.609Z',
      host: 'MXS01.azsentinel.local',
      ...SYSMON_SOURCE,
      app: 'C:\\Program Files\\Microsoft\\Exchange Server\\V15\\Bin\\MSExchangeHMWorker.exe',
      dest: '-', // isnotnull("-") [SYS810, Q14]
      dest_ip: '127.0.0.1',
      dest_port: '443',
      direction: 'outbound',
      dvc: 'MXS01.azsentinel.local',
      process_guid: '{6004D249-0957-604D-6019-000000000900}',
      process_id: '12252',
      protocol_version: 'ipv4',
      session_id: '{6004D249-0957-604D-6019-000000000900}',
      src: '-',
      src_ip: '127.0.0.1',
      src_port: '30000',
      transport: 'tcp',
      user: 'NT AUTHORITY\\SYSTEM',
      ...SYSMON_NETWORK,
    });
  });

  it('security_content sample', async () => {
    const row = await onlyRow(fixture('security-content-data-sources/sysmon_eventid_3.example.log'), TRAFFIC);
    expectRow(row, TRAFFIC, {
      _time: '2022-09-15T12:56:22.9582493Z',
      host: 'win-dc-ctus-attack-range-403.attackrange.local',
      ...SYSMON_SOURCE,
      app: 'C:\\Temp\\agent_tesla-deob.exe',
      dest: 'youssef5.genious.net',
      dest_ip: '41.77.117.236',
      dest_port: '21',
      direction: 'outbound',
      dvc: 'win-dc-ctus-attack-range-403.attackrange.local',
      process_guid: '{6820D070-1F1B-6323-E113-000000007402}',
      process_id: '5728',
      protocol_version: 'ipv4',
      session_id: '{6820D070-1F1B-6323-E113-000000007402}',
      src: 'win-dc-ctus-attack-range-403.attackrange.local',
      src_ip: '10.0.1.14',
      src_port: '61722',
      transport: 'tcp',
      user: 'ATTACKRANGE\\Administrator',
      ...SYSMON_NETWORK,
    });
  });
});

const SYSMON_DNS = { tag: ['network', 'resolution', 'dns'], vendor_product: 'Microsoft Sysmon', nodename: 'DNS' };

describe('Sysmon EventID 22 (DNSEvent)', () => {
  it('remcos license query: the IPv4-mapped answer as its address, RCODE 0', async () => {
    const { rows } = await loadRows([fixture('splunk-attack-data-datasets/remcos_control_panel_license_dns_query.log')], DNS);
    expect(rows).toHaveLength(5);
    expectRow(rows[0]!, DNS, {
      _time: '2021-09-22T13:18:31.5896968Z',
      host: 'dc.attackrange.local',
      ...SYSMON_SOURCE,
      answer: '185.176.40.57', // QueryResults `::ffff:185.176.40.57;` [INF, Q7]
      answer_count: '1', // mvcount(answer) [CIM85]
      dest: 'unknown', // not set: CIM fill
      message_type: 'unknown',
      query: 'p4-preview.runhosting.com', // QueryName [DOC 10.2.0 README]
      query_count: '1',
      record_type: null, // no `type:` entry in QueryResults [INF]
      reply_code: 'No Error', // cim_dns_reply_code_lookup row 0 [CONF CIM]
      reply_code_id: '0', // QueryStatus
      src: 'dc.attackrange.local', // Computer [INF, Q16]
      ...SYSMON_DNS,
    });
  });

  it('security_content sample: status 9003 has no RCODE row, no answers', async () => {
    const row = await onlyRow(fixture('security-content-data-sources/sysmon_eventid_22.example.log'), DNS);
    expectRow(row, DNS, {
      _time: '2021-03-24T12:25:15.0989789Z',
      host: 'win-dc-299.attackrange.local',
      ...SYSMON_SOURCE,
      answer: 'unknown', // QueryResults `-`: none, then CIM fill
      answer_count: '1', // answer is "unknown" now: mvcount 1 [CIM85]
      dest: 'unknown',
      message_type: 'unknown',
      query: '50.220.65.3.spam.dnsbl.sorbs.net',
      query_count: '1',
      record_type: null,
      reply_code: 'unknown', // default_match [CONF CIM]
      reply_code_id: '9003',
      src: 'win-dc-299.attackrange.local',
      ...SYSMON_DNS,
    });
  });

  it('OTRF ProxyLogon JSON: two answers, a multivalue field', async () => {
    const { rows } = await loadRows([fixture('otrf-proxylogon-json-datasets/proxylogon_one_event_per_id.json')], DNS);
    expectRow(rows[0]!, DNS, {
      _time: '2021-03-14T01:40:12.768Z',
      host: 'MXS01.azsentinel.local',
      ...SYSMON_SOURCE,
      answer: ['::1', '127.0.0.1'], // `::1;::ffff:127.0.0.1;`
      answer_count: '2',
      dest: 'unknown',
      message_type: 'unknown',
      query: 'localhost',
      query_count: '1',
      record_type: null,
      reply_code: 'No Error',
      reply_code_id: '0',
      src: 'MXS01.azsentinel.local',
      ...SYSMON_DNS,
    });
  });
});
