/**
 * Golden records: the rendered XML of records of several providers in the CC0 fixtures
 * (test/fixtures/evtx, PROVENANCE.md). Each expected text is what Windows' renderer writes for
 * these values: it was checked equal to `evtxexport -f xml` of the same record after the
 * normalisations of docs/semantics.md (GUID case, hex padding, indentation), and that check runs
 * again below whenever evtxexport is installed. The 1149 record, which evtxexport cannot read, is
 * checked against the UTF-16 text stored in the file instead. What the strings pin beyond
 * evtxexport is spelunk's rendering choices, each with its evidence in docs/semantics.md:
 * single quotes, lower-case GUIDs, unpadded hex, `&`/`<`/`>` escaped and quotes left as they are.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalEvents, evtxexportXml, evtxFixtures, hasEvtxexport, parseEvents, readAll, type XmlTree } from './helpers.js';

interface Golden {
  what: string;
  file: string;
  /** Position of the record among the file's records. */
  index: number;
  xml: string;
}

const GOLDENS: Golden[] = [
  {
    what: 'Sysmon EventID 1: nested EventData template, GUIDs, HexInt64 LogonId, & and > escaped',
    file: 'TA0002-Execution_T1047-Windows_Management_Instrumentation_ID1-WMIexec_process_execution.evtx',
    index: 0,
    xml: "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Sysmon' Guid='{5770385f-c22a-43e0-bf4c-06f5698ffbd9}'/><EventID>1</EventID><Version>5</Version><Level>4</Level><Task>1</Task><Opcode>0</Opcode><Keywords>0x8000000000000000</Keywords><TimeCreated SystemTime='2021-04-26T15:03:05.992230700Z'/><EventRecordID>191969</EventRecordID><Correlation/><Execution ProcessID='1404' ThreadID='1996'/><Channel>Microsoft-Windows-Sysmon/Operational</Channel><Computer>fs02.offsec.lan</Computer><Security UserID='S-1-5-18'/></System><EventData><Data Name='RuleName'>technique_id=T1015,technique_name=Accessibility Features</Data><Data Name='UtcTime'>2021-04-26 15:03:05.976</Data><Data Name='ProcessGuid'>{7cf65fc7-d629-6086-b80a-000000002000}</Data><Data Name='ProcessId'>3068</Data><Data Name='Image'>C:\\Windows\\System32\\cmd.exe</Data><Data Name='FileVersion'>6.3.9600.17415 (winblue_r4.141028-1500)</Data><Data Name='Description'>Windows Command Processor</Data><Data Name='Product'>Microsoft® Windows® Operating System</Data><Data Name='Company'>Microsoft Corporation</Data><Data Name='OriginalFileName'>Cmd.Exe</Data><Data Name='CommandLine'>C:\\Windows\\system32\\cmd.exe  /Q /c C:\\Windows\\TEMP\\execute.bat </Data><Data Name='CurrentDirectory'>C:\\Windows\\system32\\</Data><Data Name='User'>NT AUTHORITY\\SYSTEM</Data><Data Name='LogonGuid'>{7cf65fc7-2e59-6080-e703-000000000000}</Data><Data Name='LogonId'>0x3e7</Data><Data Name='TerminalSessionId'>0</Data><Data Name='IntegrityLevel'>System</Data><Data Name='Hashes'>SHA1=7C3D7281E1151FE4127923F4B4C3CD36438E1A12,MD5=F5AE03DE0AD60F5B17B82F2CD68402FE,SHA256=6F88FB88FFB0F1D5465C2826E5B4F523598B1B8378377C8378FFEBC171BAD18B,IMPHASH=77AED1ADAF24B344F08C8AD1432908C3</Data><Data Name='ParentProcessGuid'>{7cf65fc7-d629-6086-b70a-000000002000}</Data><Data Name='ParentProcessId'>3492</Data><Data Name='ParentImage'>C:\\Windows\\System32\\cmd.exe</Data><Data Name='ParentCommandLine'>C:\\Windows\\system32\\cmd.exe /Q /c echo cd  ^&gt; \\\\127.0.0.1\\C$\\__output 2^&gt;^&amp;1 &gt; C:\\Windows\\TEMP\\execute.bat &amp; C:\\Windows\\system32\\cmd.exe /Q /c C:\\Windows\\TEMP\\execute.bat &amp; del C:\\Windows\\TEMP\\execute.bat</Data></EventData></Event>",
  },
  {
    what: 'MSSQL 15457 (classic Application event): a string array (three <Data>), a binary value, a user SID, Qualifiers',
    file: 'TA0003-Persistence_T1505.001-SQL_Stored_Procedures_ID15457-SQL_server_CLR_lateral_movement.evtx',
    index: 0,
    xml: "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='MSSQL$RADAR'/><EventID Qualifiers='16384'>15457</EventID><Level>4</Level><Task>2</Task><Keywords>0x80000000000000</Keywords><TimeCreated SystemTime='2021-04-13T21:56:36.188880300Z'/><EventRecordID>150985</EventRecordID><Channel>Application</Channel><Computer>mssql01.offsec.lan</Computer><Security UserID='S-1-5-21-4230534742-2542757381-3142984815-1111'/></System><EventData><Data>show advanced options</Data><Data>1</Data><Data>1</Data><Binary>613C00000A0000000E0000004D005300530051004C00300031005C00520041004400410052000000070000006D00610073007400650072000000</Binary></EventData></Event>",
  },
  {
    what: 'Windows PowerShell 800: a string array with multi-line items, non-ASCII text',
    file: 'TA0007-Discovery_T1482-Domain_Trust_Discovery_ID800_4103_4104-Active_Directory_Forest_PowerShell_class.evtx',
    index: 0,
    xml: "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='PowerShell'/><EventID Qualifiers='0'>800</EventID><Level>4</Level><Task>8</Task><Keywords>0x80000000000000</Keywords><TimeCreated SystemTime='2021-12-12T06:56:59.000000000Z'/><EventRecordID>58512</EventRecordID><Channel>Windows PowerShell</Channel><Computer>fs03vuln.offsec.lan</Computer><Security/></System><EventData><Data>foreach ($s in [System.DirectoryServices.ActiveDirectory.Forest]::GetCurrentForest().Sites ){write-host \"[&gt;] (site) $s\";foreach ($r in $s.Subnets){write-host \"    └─&gt; (subnet) $r\";foreach ($m in $s.Servers){write-host \"       └─&gt; (server) $m\"}}}</Data><Data>\tDetailSequence=1\r\n\tDetailTotal=1\r\n\r\n\tSequenceNumber=8165\r\n\r\n\tUserId=OFFSEC\\hack1\r\n\tHostName=ConsoleHost\r\n\tHostVersion=4.0\r\n\tHostId=a991c134-2e90-418c-940d-258271dd1e9c\r\n\tHostApplication=C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe\r\n\tEngineVersion=4.0\r\n\tRunspaceId=4315d698-493e-410a-8e70-1c07123fdca4\r\n\tPipelineId=530\r\n\tScriptName=\r\n\tCommandLine=foreach ($s in [System.DirectoryServices.ActiveDirectory.Forest]::GetCurrentForest().Sites ){write-host \"[&gt;] (site) $s\";foreach ($r in $s.Subnets){write-host \"    └─&gt; (subnet) $r\";foreach ($m in $s.Servers){write-host \"       └─&gt; (server) $m\"}}}</Data><Data>CommandInvocation(Write-Host): \"Write-Host\"\r\nParameterBinding(Write-Host): name=\"Object\"; value=\"[&gt;] (site) OFFSEC-PREMISE\"\r\n</Data></EventData></Event>",
  },
  {
    what: 'WinINet-Config 5600: a Boolean, an ActivityID, empty strings',
    file: 'TA0011-Command_and_Control_T1090-Proxy_ID5600-proxy_configuration_changed.evtx',
    index: 0,
    xml: "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-WinINet-Config' Guid='{5402e5ea-1bdd-4390-82be-e108f1e634f5}'/><EventID>5600</EventID><Version>0</Version><Level>4</Level><Task>0</Task><Opcode>0</Opcode><Keywords>0x8000000000000000</Keywords><TimeCreated SystemTime='2023-04-14T08:22:34.833516600Z'/><EventRecordID>5</EventRecordID><Correlation ActivityID='{ef4eb19a-0124-0000-c528-17004c040000}'/><Execution ProcessID='1100' ThreadID='2220'/><Channel>Microsoft-Windows-WinINet-Config/ProxyConfigChanged</Channel><Computer>WIN</Computer><Security UserID='S-1-5-21-113448046-927799223-410490820-1001'/></System><EventData><Data Name='fAutoDetect'>false</Data><Data Name='pwszAutoConfigUrl'></Data><Data Name='pwszProxy'>http://hacker-proxy.lan:123</Data><Data Name='pwszProxyBypass'></Data></EventData></Event>",
  },
  {
    what: 'Security 4688: SIDs, HexInt64 ids without padding, NULL optional attributes left out',
    file: 'TA0040-Impact_T1490-Inhibit_System_Recovery_ID4688-Delete_Window_backup__webadmin_.evtx',
    index: 1,
    xml: "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Security-Auditing' Guid='{54849625-5478-4994-a5ba-3e3b0328c30d}'/><EventID>4688</EventID><Version>2</Version><Level>0</Level><Task>13312</Task><Opcode>0</Opcode><Keywords>0x8020000000000000</Keywords><TimeCreated SystemTime='2021-12-19T14:33:13.678978200Z'/><EventRecordID>1210009</EventRecordID><Correlation/><Execution ProcessID='4' ThreadID='3504'/><Channel>Security</Channel><Computer>FS03.offsec.lan</Computer><Security/></System><EventData><Data Name='SubjectUserSid'>S-1-5-21-4230534742-2542757381-3142984815-1111</Data><Data Name='SubjectUserName'>admmig</Data><Data Name='SubjectDomainName'>OFFSEC</Data><Data Name='SubjectLogonId'>0x542c77d</Data><Data Name='NewProcessId'>0xe08</Data><Data Name='NewProcessName'>C:\\Windows\\System32\\wbadmin.exe</Data><Data Name='TokenElevationType'>%%1937</Data><Data Name='ProcessId'>0x944</Data><Data Name='CommandLine'>wbadmin  delete backup -backupTarget:m:\\ -deleteOldest</Data><Data Name='TargetUserSid'>S-1-0-0</Data><Data Name='TargetUserName'>-</Data><Data Name='TargetDomainName'>-</Data><Data Name='TargetLogonId'>0x0</Data></EventData></Event>",
  },
  {
    what: 'Eventlog 1102: UserData with its own namespace',
    file: 'TA0040-Impact_T1490-Inhibit_System_Recovery_ID4688-Delete_Window_backup__webadmin_.evtx',
    index: 0,
    xml: "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Eventlog' Guid='{fc65ddd8-d6ef-4962-83d5-6e5cfe9ce148}'/><EventID>1102</EventID><Version>0</Version><Level>4</Level><Task>104</Task><Opcode>0</Opcode><Keywords>0x4020000000000000</Keywords><TimeCreated SystemTime='2021-12-19T14:33:08.147545500Z'/><EventRecordID>1210008</EventRecordID><Correlation/><Execution ProcessID='728' ThreadID='284'/><Channel>Security</Channel><Computer>FS03.offsec.lan</Computer><Security/></System><UserData><LogFileCleared xmlns='http://manifests.microsoft.com/win/2004/08/windows/eventlog'><SubjectUserSid>S-1-5-21-4230534742-2542757381-3142984815-1111</SubjectUserSid><SubjectUserName>admmig</SubjectUserName><SubjectDomainName>OFFSEC</SubjectDomainName><SubjectLogonId>0x542c77d</SubjectLogonId></LogFileCleared></UserData></Event>",
  },
  {
    what: 'TerminalServices 1149 stored as plain Binary XML without dependency identifiers (evtxexport cannot read it)',
    file: 'TA0001-Initial_access_T1078-Valid_accounts_ID1149-RDP_success_logins_to_multiple_hosts.evtx',
    index: 0,
    xml: "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-TerminalServices-RemoteConnectionManager' Guid='{C76BAA63-AE81-421C-B425-340B4B24157F}'/><EventID>1149</EventID><Version>0</Version><Level>4</Level><Task>0</Task><Opcode>0</Opcode><Keywords>0x1000000000000000</Keywords><TimeCreated SystemTime='2021-12-16T10:25:32.351835800Z'/><EventRecordID>6433</EventRecordID><Correlation ActivityID='{F4208CEC-4DF9-4D54-882A-4C115ABC0000}'/><Execution ProcessID='952' ThreadID='5672'/><Channel>Microsoft-Windows-TerminalServices-RemoteConnectionManager/Operational</Channel><Computer>rootdc1.offsec.lan</Computer><Security UserID='S-1-5-20'/></System><UserData><EventXML xmlns='Event_NS'><Param1>admmig</Param1><Param2></Param2><Param3>10.23.123.11</Param3></EventXML></UserData></Event>",
  },
];

/** Every text and attribute value of a tree. */
function texts(tree: XmlTree): string[] {
  const found = tree.attributes.map(([, value]) => value);
  for (const child of tree.children) found.push(...(typeof child === 'string' ? [child] : texts(child)));
  return found;
}

describe('golden records of the CC0 fixtures', () => {
  it.each(GOLDENS)('$what', async ({ file, index, xml }) => {
    const { records, faults } = await readAll(join(evtxFixtures, file));
    expect(faults).toEqual([]);
    expect(records[index]?.xml).toBe(xml);
    // One line per event, as Splunk's XmlWinEventLog holds it (line breaks only inside values).
    expect(xml.startsWith("<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>")).toBe(true);
    expect(parseEvents(xml)).toHaveLength(1);
  });

  it.skipIf(!hasEvtxexport)('each golden record equals evtxexport\'s after the documented normalisations', () => {
    for (const { file, index, xml } of GOLDENS) {
      const reference = evtxexportXml(join(evtxFixtures, file));
      if (reference === undefined) continue; // the 1149 file, checked against its stored text below
      expect(canonicalEvents(xml)).toEqual([canonicalEvents(reference)[index]]);
    }
  });

  it('the record evtxexport cannot read renders text that is stored in the file as UTF-16', () => {
    const golden = GOLDENS.find((g) => g.file.startsWith('TA0001-'))!;
    const bytes = readFileSync(join(evtxFixtures, golden.file));
    expect(evtxexportXml(join(evtxFixtures, golden.file))).toBeUndefined();
    const values = texts(parseEvents(golden.xml)[0]!).filter((value) => value !== '');
    expect(values.length).toBeGreaterThan(15);
    for (const value of values) expect(bytes.includes(Buffer.from(value, 'utf16le')), value).toBe(true);
  });

  it('fixture record counts agree with the chunk headers', async () => {
    const counts: Record<string, number> = {};
    for (const { file } of GOLDENS) {
      const bytes = readFileSync(join(evtxFixtures, file));
      // Each fixture is one chunk; its header holds the first and last record numbers (libyal, "Chunk header").
      const listed = Number(bytes.readBigUInt64LE(4096 + 16) - bytes.readBigUInt64LE(4096 + 8)) + 1;
      counts[file] = listed;
      expect((await readAll(join(evtxFixtures, file))).records).toHaveLength(listed);
    }
    expect(Object.keys(counts)).toHaveLength(6);
  });
});
