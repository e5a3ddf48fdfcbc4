/**
 * The executables the generator launches, with the version-resource fields Sysmon reports for
 * them. Paths and OriginalFileName values are the real ones from Windows 10/Server 2019
 * installs (e.g. `Cmd.Exe`, `PowerShell.EXE`, as seen in the splunk/attack_data samples).
 */
import { Random, hashString } from './random.js';

export interface ImageInfo {
  readonly path: string;
  readonly originalFileName: string;
  readonly description: string;
  readonly product: string;
  readonly company: string;
  readonly fileVersion: string;
  /** `MD5=...,SHA256=...,IMPHASH=...`, fixed per path so the same binary always hashes alike. */
  readonly hashes: string;
}

const WINDOWS_PRODUCT = 'Microsoft® Windows® Operating System';
const MICROSOFT = 'Microsoft Corporation';
const WINDOWS_VERSION = '10.0.17763.1 (WinBuild.160101.0800)';

function image(
  path: string,
  originalFileName: string,
  description: string,
  product = WINDOWS_PRODUCT,
  company = MICROSOFT,
  fileVersion = WINDOWS_VERSION,
): ImageInfo {
  const random = new Random(hashString(path));
  const hashes =
    `MD5=${random.hex(32).toUpperCase()},SHA256=${random.hex(64).toUpperCase()},` +
    `IMPHASH=${random.hex(32).toUpperCase()}`;
  return { path, originalFileName, description, product, company, fileVersion, hashes };
}

const SYSTEM32 = 'C:\\Windows\\System32\\';
const DOTNET = 'C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\';
const DOTNET_VERSION = '4.8.3761.0 built by: NET48REL1';
const OFFICE = 'C:\\Program Files\\Microsoft Office\\root\\Office16\\';
const OFFICE_PRODUCT = 'Microsoft Office';
const OFFICE_VERSION = '16.0.17328.20162';
const SPLUNK = 'C:\\Program Files\\SplunkUniversalForwarder\\bin\\';

export const IMAGES = {
  services: image(`${SYSTEM32}services.exe`, 'services.exe', 'Services and Controller app'),
  svchost: image(`${SYSTEM32}svchost.exe`, 'svchost.exe', 'Host Process for Windows Services'),
  explorer: image('C:\\Windows\\explorer.exe', 'EXPLORER.EXE', 'Windows Explorer'),
  userinit: image(`${SYSTEM32}userinit.exe`, 'USERINIT.EXE', 'Userinit Logon Application'),
  cmd: image(`${SYSTEM32}cmd.exe`, 'Cmd.Exe', 'Windows Command Processor'),
  powershell: image(
    `${SYSTEM32}WindowsPowerShell\\v1.0\\powershell.exe`,
    'PowerShell.EXE',
    'Windows PowerShell',
  ),
  pwsh: image('C:\\Program Files\\PowerShell\\7\\pwsh.exe', 'pwsh.dll', 'pwsh', 'PowerShell', MICROSOFT, '7.4.1.500'),
  conhost: image(`${SYSTEM32}conhost.exe`, 'CONHOST.EXE', 'Console Window Host'),
  w3wp: image(
    `${SYSTEM32}inetsrv\\w3wp.exe`,
    'w3wp.exe',
    'IIS Worker Process',
    'Internet Information Services',
  ),
  csc: image(`${DOTNET}csc.exe`, 'csc.exe', 'Visual C# Command Line Compiler', 'Microsoft® .NET Framework', MICROSOFT, DOTNET_VERSION),
  cvtres: image(`${DOTNET}cvtres.exe`, 'CVTRES.EXE', 'Microsoft® Resource File To COFF Object Conversion Utility', 'Microsoft® .NET Framework', MICROSOFT, '14.10.25028.0'),
  whoami: image(`${SYSTEM32}whoami.exe`, 'whoami.exe', 'whoami - displays logged on user information'),
  ipconfig: image(`${SYSTEM32}ipconfig.exe`, 'ipconfig.exe', 'IP Configuration Utility'),
  net: image(`${SYSTEM32}net.exe`, 'net.exe', 'Net Command'),
  net1: image(`${SYSTEM32}net1.exe`, 'net1.exe', 'Net Command'),
  netstat: image(`${SYSTEM32}NETSTAT.EXE`, 'netstat.exe', 'TCP/IP Netstat Command'),
  tasklist: image(`${SYSTEM32}tasklist.exe`, 'tasklist.exe', 'Lists the current running tasks'),
  systeminfo: image(`${SYSTEM32}systeminfo.exe`, 'sysinfo.exe', 'Displays system information'),
  nslookup: image(`${SYSTEM32}nslookup.exe`, 'nslookup.exe', 'nslookup'),
  ping: image(`${SYSTEM32}PING.EXE`, 'ping.exe', 'TCP/IP Ping Command'),
  findstr: image(`${SYSTEM32}findstr.exe`, 'FINDSTR.EXE', 'Find String (QGREP) Utility'),
  reg: image(`${SYSTEM32}reg.exe`, 'reg.exe', 'Registry Console Tool'),
  sc: image(`${SYSTEM32}sc.exe`, 'sc.exe', 'Service Control Manager Configuration Tool'),
  schtasks: image(`${SYSTEM32}schtasks.exe`, 'schtasks.exe', 'Task Scheduler Configuration Tool'),
  wmiprvse: image(`${SYSTEM32}wbem\\WmiPrvSE.exe`, 'Wmiprvse.exe', 'WMI Provider Host'),
  taskhostw: image(`${SYSTEM32}taskhostw.exe`, 'taskhostw.exe', 'Host Process for Windows Tasks'),
  rundll32: image(`${SYSTEM32}rundll32.exe`, 'RUNDLL32.EXE', 'Windows host process (Rundll32)'),
  dllhost: image(`${SYSTEM32}dllhost.exe`, 'dllhost.exe', 'COM Surrogate'),
  searchProtocolHost: image(`${SYSTEM32}SearchProtocolHost.exe`, 'SearchProtocolHost.exe', 'Microsoft Windows Search Protocol Host'),
  runtimeBroker: image(`${SYSTEM32}RuntimeBroker.exe`, 'RuntimeBroker.exe', 'Runtime Broker'),
  backgroundTaskHost: image(`${SYSTEM32}backgroundTaskHost.exe`, 'backgroundTaskHost.exe', 'Background Task Host'),
  gpupdate: image(`${SYSTEM32}gpupdate.exe`, 'gpupdate.exe', 'Microsoft® Windows® Group Policy Update Utility'),
  msiexec: image(`${SYSTEM32}msiexec.exe`, 'msiexec.exe', 'Windows® installer'),
  notepad: image(`${SYSTEM32}notepad.exe`, 'NOTEPAD.EXE', 'Notepad'),
  mpCmdRun: image('C:\\Program Files\\Windows Defender\\MpCmdRun.exe', 'MpCmdRun.exe', 'Microsoft Malware Protection Command Line Utility', WINDOWS_PRODUCT, MICROSOFT, '4.18.24010.12'),
  chrome: image('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'chrome.exe', 'Google Chrome', 'Google Chrome', 'Google LLC', '122.0.6261.112'),
  msedge: image('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe', 'msedge.exe', 'Microsoft Edge', 'Microsoft Edge', MICROSOFT, '122.0.2365.80'),
  edgeUpdate: image('C:\\Program Files (x86)\\Microsoft\\EdgeUpdate\\MicrosoftEdgeUpdate.exe', 'msedgeupdate.dll', 'Microsoft Edge Update', 'Microsoft Edge Update', MICROSOFT, '1.3.185.17'),
  winword: image(`${OFFICE}WINWORD.EXE`, 'WinWord.exe', 'Microsoft Word', OFFICE_PRODUCT, MICROSOFT, OFFICE_VERSION),
  excel: image(`${OFFICE}EXCEL.EXE`, 'Excel.exe', 'Microsoft Excel', OFFICE_PRODUCT, MICROSOFT, OFFICE_VERSION),
  outlook: image(`${OFFICE}OUTLOOK.EXE`, 'Outlook.exe', 'Microsoft Outlook', OFFICE_PRODUCT, MICROSOFT, OFFICE_VERSION),
  splunkd: image(`${SPLUNK}splunkd.exe`, 'splunkd.exe', 'Splunk Server', 'splunk Application', 'Splunk Inc.', '9.3.0'),
  splunkPowershell: image(`${SPLUNK}splunk-powershell.exe`, 'splunk-powershell.exe', 'Windows PowerShell monitor', 'splunk Application', 'Splunk Inc.', '9.3.0'),
  splunkRegmon: image(`${SPLUNK}splunk-regmon.exe`, 'splunk-regmon.exe', 'Registry monitor', 'splunk Application', 'Splunk Inc.', '9.3.0'),
  splunkNetmon: image(`${SPLUNK}splunk-netmon.exe`, 'splunk-netmon.exe', 'Network monitor', 'splunk Application', 'Splunk Inc.', '9.3.0'),
  git: image('C:\\Program Files\\Git\\cmd\\git.exe', 'git.exe', 'Git for Windows', 'Git', 'The Git Development Community', '2.44.0.1'),
  python: image('C:\\Program Files\\Python312\\python.exe', 'python.exe', 'Python', 'Python', 'Python Software Foundation', '3.12.2'),
} as const;

export type ImageName = keyof typeof IMAGES;

/** The last path component, as the CIM add-ons compute process_name. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('\\') + 1);
}
