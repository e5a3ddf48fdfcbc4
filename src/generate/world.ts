/**
 * The simulated estate: hosts, accounts and the processes running on them, and the choice of
 * what gets launched next. Every event is a process creation whose parent is a process that
 * already exists on the same host (a boot-time service, a user's explorer.exe, an IIS worker,
 * or a process an earlier event created), so ProcessGuid/ParentProcessGuid form real trees.
 */
import { IMAGES, type ImageInfo } from './catalog.js';
import { Random } from './random.js';
import * as lines from './command-lines.js';

export interface Account {
  /** `NT AUTHORITY`, `IIS APPPOOL` or the AD domain. */
  readonly domain: string;
  readonly name: string;
  readonly sid: string;
  /** Logon session id, lowercase hex with `0x` (as Sysmon writes it). */
  readonly logonId: string;
  readonly logonGuid: string;
  readonly integrity: 'System' | 'High' | 'Medium';
  readonly terminalSession: number;
}

export interface Process {
  readonly guid: string;
  readonly pid: number;
  readonly image: ImageInfo;
  readonly commandLine: string;
  readonly account: Account;
  readonly currentDirectory: string;
  /** CrowdStrike's own process id (TargetProcessId), unrelated to the OS pid. */
  readonly falconId: number;
  readonly startMs: number;
}

export interface Host {
  /** As Windows renders `<Computer>`: the FQDN. */
  readonly computer: string;
  readonly shortName: string;
  readonly domain: string;
  readonly isWebServer: boolean;
  readonly guidPrefix: string;
  readonly sysmonPid: number;
  readonly sysmonThreads: readonly number[];
  readonly aid: string;
  readonly publicIp: string;
  readonly system: Account;
  readonly users: readonly Account[];
  sysmonRecordId: number;
  securityRecordId: number;
  guidSequence: number;
  readonly services: Process;
  readonly schedule: Process;
  readonly dcomLaunch: Process;
  readonly iisService: Process;
  readonly splunkd: Process;
  readonly explorers: Process[];
  readonly workers: Process[];
  /** Recently started processes that go on to start children of their own. */
  readonly shells: Process[];
  readonly browsers: Process[];
}

/** What a process GUID is made from: the machine's prefix and its running sequence. */
interface GuidSource {
  readonly guidPrefix: string;
  guidSequence: number;
}

export interface ProcessEvent {
  /** Creation time, whole milliseconds since the epoch. */
  readonly timeMs: number;
  /** Four more digits below the millisecond (100 ns ticks), as Windows' SystemTime has 7. */
  readonly subMillisecond: string;
  readonly host: Host;
  readonly process: Process;
  readonly parent: Process;
}

const FIRST_NAMES = [
  'james', 'mary', 'robert', 'patricia', 'john', 'jennifer', 'michael', 'linda', 'david', 'elizabeth',
  'william', 'barbara', 'richard', 'susan', 'joseph', 'jessica', 'thomas', 'sarah', 'carlos', 'karen',
  'daniel', 'nancy', 'matthew', 'lisa', 'anthony', 'betty', 'mark', 'sandra', 'wei', 'ashley', 'omar',
  'priya', 'kenji', 'fatima', 'lars', 'ingrid', 'pedro', 'yuki', 'amir', 'chloe',
];
const LAST_NAMES = [
  'smith', 'johnson', 'williams', 'brown', 'jones', 'garcia', 'miller', 'davis', 'rodriguez', 'martinez',
  'hernandez', 'lopez', 'gonzalez', 'wilson', 'anderson', 'thomas', 'taylor', 'moore', 'jackson', 'martin',
  'lee', 'perez', 'thompson', 'white', 'harris', 'sanchez', 'clark', 'ramirez', 'lewis', 'robinson',
  'nakamura', 'chen', 'patel', 'kowalski', 'novak', 'larsen', 'silva', 'okafor', 'haddad', 'dubois',
];
const DOMAINS = ['ACME', 'CONTOSO', 'FABRIKAM', 'NORTHWIND'];
const APP_POOLS = ['DefaultAppPool', 'intranet', 'api-gateway', 'MSExchangeOWAAppPool', 'sharepoint-80', 'reports'];

/** 2024-03-04T08:00:00Z: a fixed start so output depends on the seed only. */
export const START_MS = Date.UTC(2024, 2, 4, 8, 0, 0);
/** Mean gap between two events; 1M events span about three days. */
const MEAN_GAP_MS = 250;
const RECENT_LIMIT = 8;

export interface WorldOptions {
  hosts: number;
  webshellRate: number;
}

export class World {
  private readonly random: Random;
  private readonly hosts: Host[] = [];
  private readonly webServers: Host[] = [];
  private readonly domain: string;
  private readonly domainSid: string;
  private readonly webshellRate: number;
  private clock = START_MS;
  private nextFalconId: number;

  constructor(random: Random, options: WorldOptions) {
    this.random = random;
    this.webshellRate = options.webshellRate;
    this.domain = random.pick(DOMAINS);
    this.domainSid = `S-1-5-21-${random.between(1e9, 4e9)}-${random.between(1e9, 4e9)}-${random.between(1e9, 4e9)}`;
    this.nextFalconId = random.between(1e9, 9e9);
    for (let index = 0; index < options.hosts; index++) {
      // Host 0 and about one host in eight run IIS, so webshell events always have a server.
      const isWebServer = index === 0 || random.chance(0.125);
      const host = this.createHost(index, isWebServer);
      this.hosts.push(host);
      if (isWebServer) this.webServers.push(host);
    }
  }

  /** The next process creation, moving the clock forward. */
  nextEvent(): ProcessEvent {
    this.clock += Math.max(1, Math.round(-Math.log(1 - this.random.next()) * MEAN_GAP_MS));
    if (this.random.chance(this.webshellRate)) return this.webshellEvent();
    return this.backgroundEvent();
  }

  private webshellEvent(): ProcessEvent {
    const host = this.random.pick(this.webServers);
    const worker = this.random.pick(host.workers);
    const roll = this.random.next();
    let child: Process;
    if (roll < 0.7) {
      child = this.spawn(host, IMAGES.cmd, lines.webshellCmd(this.random), worker.account, 'C:\\Windows\\system32\\');
    } else if (roll < 0.95) {
      child = this.spawn(host, IMAGES.powershell, lines.webshellPowershell(this.random), worker.account, 'C:\\Windows\\system32\\');
    } else {
      // A renamed shell: only OriginalFileName still says Cmd.Exe.
      const renamed = { ...IMAGES.cmd, path: `C:\\Windows\\Temp\\${this.random.token(6)}.exe` };
      child = this.spawn(host, renamed, `${renamed.path} /c ${lines.reconCommand(this.random)}`, worker.account, 'C:\\Windows\\Temp\\');
    }
    this.remember(host.shells, child);
    return this.event(host, child, worker);
  }

  private backgroundEvent(): ProcessEvent {
    const host = this.random.pick(this.hosts);
    const web = host.isWebServer ? 1 : 0;
    const kind = this.random.weighted(BACKGROUND_KINDS, [
      30 * (1 - web * 0.7), // user application
      host.browsers.length > 0 ? 22 : 0, // browser child
      3, // service
      8, // scheduled task
      10, // COM / WMI
      5, // splunk forwarder
      3, // interactive shell from explorer
      host.shells.length > 0 ? 12 : 0, // tool from a shell
      web * 6, // IIS worker compiles or spawns a helper
      web * 0.2, // IIS starts a new worker
    ]);
    switch (kind) {
      case 'app': return this.userApplication(host);
      case 'browserChild': return this.browserChild(host);
      case 'service': return this.serviceStart(host);
      case 'task': return this.scheduledTask(host);
      case 'com': return this.comActivation(host);
      case 'splunk': return this.forwarderChild(host);
      case 'shell': return this.interactiveShell(host);
      case 'tool': return this.toolFromShell(host);
      case 'workerChild': return this.workerChild(host);
      case 'worker': return this.newWorker(host);
    }
  }

  private userApplication(host: Host): ProcessEvent {
    const explorer = this.random.pick(host.explorers);
    const user = explorer.account;
    const choice = this.random.weighted(['chrome', 'msedge', 'winword', 'excel', 'outlook', 'notepad'] as const, [30, 15, 12, 12, 8, 10]);
    const image = IMAGES[choice];
    const child = this.spawn(host, image, lines.userApplication(this.random, choice, user.name), user, `C:\\Users\\${user.name}\\`);
    if (choice === 'chrome' || choice === 'msedge') this.remember(host.browsers, child);
    return this.event(host, child, explorer);
  }

  private browserChild(host: Host): ProcessEvent {
    const browser = this.random.pick(host.browsers);
    const child = this.spawn(host, browser.image, lines.browserChild(this.random, browser.image.path), browser.account, browser.currentDirectory);
    return this.event(host, child, browser);
  }

  private serviceStart(host: Host): ProcessEvent {
    const [image, commandLine] = this.random.chance(0.8)
      ? [IMAGES.svchost, lines.serviceHost(this.random)]
      : [IMAGES.msiexec, 'C:\\Windows\\system32\\msiexec.exe /V'];
    const child = this.spawn(host, image, commandLine, host.system, 'C:\\Windows\\system32\\');
    return this.event(host, child, host.services);
  }

  private scheduledTask(host: Host): ProcessEvent {
    const [name, commandLine] = lines.scheduledTask(this.random);
    const child = this.spawn(host, IMAGES[name], commandLine, host.system, 'C:\\Windows\\system32\\');
    return this.event(host, child, host.schedule);
  }

  private comActivation(host: Host): ProcessEvent {
    const [name, commandLine] = lines.comServer(this.random);
    const user = name === 'wmiprvse' ? host.system : this.random.pick(host.users);
    const child = this.spawn(host, IMAGES[name], commandLine, user, 'C:\\Windows\\system32\\');
    return this.event(host, child, host.dcomLaunch);
  }

  private forwarderChild(host: Host): ProcessEvent {
    const name = this.random.pick(['splunkPowershell', 'splunkRegmon', 'splunkNetmon'] as const);
    const path = IMAGES[name].path;
    const commandLine = name === 'splunkPowershell' ? `"${path}" --ps2` : `"${path}"`;
    const child = this.spawn(host, IMAGES[name], commandLine, host.system, 'C:\\Windows\\system32\\');
    return this.event(host, child, host.splunkd);
  }

  /** explorer.exe -> cmd.exe / powershell.exe: ordinary admin work that W3WP must not flag. */
  private interactiveShell(host: Host): ProcessEvent {
    const explorer = this.random.pick(host.explorers);
    const name = this.random.weighted(['cmd', 'powershell', 'pwsh'] as const, [5, 4, 1]);
    const path = IMAGES[name].path;
    const commandLine = this.random.chance(0.5)
      ? `"${path}" `
      : lines.interactiveShell(this.random, name, explorer.account.name);
    const child = this.spawn(host, IMAGES[name], commandLine, explorer.account, `C:\\Users\\${explorer.account.name}\\`);
    this.remember(host.shells, child);
    return this.event(host, child, explorer);
  }

  private toolFromShell(host: Host): ProcessEvent {
    const shell = this.random.pick(host.shells);
    if (shell.image.path.endsWith('cmd.exe') && this.random.chance(0.15)) {
      const conhost = this.spawn(host, IMAGES.conhost, '\\??\\C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1', shell.account, shell.currentDirectory);
      return this.event(host, conhost, shell);
    }
    const [name, commandLine] = lines.tool(this.random, shell.account.name);
    const child = this.spawn(host, IMAGES[name], commandLine, shell.account, shell.currentDirectory);
    if (name === 'python' || name === 'git') this.remember(host.shells, child);
    return this.event(host, child, shell);
  }

  /** w3wp.exe -> csc/cvtres/conhost: ASP.NET compilation, benign and not a shell. */
  private workerChild(host: Host): ProcessEvent {
    const worker = this.random.pick(host.workers);
    const [name, commandLine] = lines.aspNetCompilation(this.random);
    const child = this.spawn(host, IMAGES[name], commandLine, worker.account, 'C:\\Windows\\system32\\inetsrv\\');
    return this.event(host, child, worker);
  }

  private newWorker(host: Host): ProcessEvent {
    const pool = this.random.pick(APP_POOLS);
    const worker = this.spawn(host, IMAGES.w3wp, lines.workerCommandLine(this.random, pool), this.poolAccount(host, pool), 'C:\\Windows\\system32\\inetsrv\\');
    host.workers.push(worker);
    if (host.workers.length > RECENT_LIMIT) host.workers.shift();
    return this.event(host, worker, host.iisService);
  }

  private event(host: Host, process: Process, parent: Process): ProcessEvent {
    return { timeMs: this.clock, subMillisecond: String(this.random.int(10000)).padStart(4, '0'), host, process, parent };
  }

  private remember(list: Process[], process: Process): void {
    list.push(process);
    if (list.length > RECENT_LIMIT) list.shift();
  }

  private spawn(host: GuidSource, image: ImageInfo, commandLine: string, account: Account, currentDirectory: string, startMs = this.clock): Process {
    host.guidSequence = (host.guidSequence + this.random.between(1, 40)) >>> 0;
    const seconds = Math.floor(startMs / 1000);
    const low = (seconds & 0xffff).toString(16).padStart(4, '0');
    const high = ((seconds >>> 16) & 0xffff).toString(16).padStart(4, '0');
    const sequence = host.guidSequence.toString(16).padStart(8, '0');
    // Sysmon's GUID layout: machine prefix, process start seconds, a per-boot sequence.
    const guid = `{${host.guidPrefix}-${low}-${high}-${sequence.slice(4)}-${sequence.slice(0, 4)}0000${host.guidPrefix.slice(4)}}`;
    this.nextFalconId += this.random.between(1, 5000);
    return {
      guid,
      pid: this.random.between(25, 9000) * 4,
      image,
      commandLine,
      account,
      currentDirectory,
      falconId: this.nextFalconId,
      startMs,
    };
  }

  private poolAccount(host: GuidSource & { readonly system: Account }, pool: string): Account {
    if (pool.startsWith('MSExchange')) return host.system;
    return {
      domain: 'IIS APPPOOL',
      name: pool,
      sid: `S-1-5-82-${this.random.between(1e9, 4e9)}-${this.random.between(1e9, 4e9)}`,
      logonId: `0x${this.random.hex(5).replace(/^0+/, '')}`,
      logonGuid: `{${host.guidPrefix}-${this.random.hex(4)}-${this.random.hex(4)}-${this.random.hex(4)}-000000000000}`,
      integrity: 'High',
      terminalSession: 0,
    };
  }

  private createHost(index: number, isWebServer: boolean): Host {
    const random = this.random;
    const role = isWebServer ? 'web' : random.weighted(['wks', 'lt', 'srv', 'dev'], [50, 30, 10, 10]);
    const shortName = `${role}-${String(index + 1).padStart(4, '0')}`;
    const upperShortName = random.chance(0.5) ? shortName.toUpperCase() : shortName;
    const computer = `${upperShortName}.${this.domain.toLowerCase()}.local`;
    const guidPrefix = random.hex(8);
    const system: Account = {
      domain: 'NT AUTHORITY', name: 'SYSTEM', sid: 'S-1-5-18', logonId: '0x3e7',
      logonGuid: `{${guidPrefix}-${random.hex(4)}-${random.hex(4)}-e703-000000000000}`,
      integrity: 'System', terminalSession: 0,
    };
    const users: Account[] = [];
    const userCount = role === 'srv' || role === 'web' ? 1 : random.between(1, 3);
    for (let userIndex = 0; userIndex < userCount; userIndex++) {
      const logon = random.between(0x20000, 0xfffffff);
      const name = role === 'srv' || role === 'web'
        ? `adm-${random.pick(LAST_NAMES)}`
        : `${random.pick(FIRST_NAMES)}.${random.pick(LAST_NAMES)}`;
      users.push({
        domain: this.domain, name, sid: `${this.domainSid}-${random.between(1100, 9999)}`,
        logonId: `0x${logon.toString(16)}`,
        logonGuid: `{${guidPrefix}-${random.hex(4)}-${random.hex(4)}-${(logon & 0xffff).toString(16).padStart(4, '0')}-000000000000}`,
        integrity: random.chance(0.3) ? 'High' : 'Medium',
        terminalSession: userIndex + 1,
      });
    }
    const bootMs = START_MS - random.between(3600, 30 * 86400) * 1000;
    const partial = {
      computer, shortName, domain: this.domain, isWebServer, guidPrefix,
      sysmonPid: random.between(500, 4000) * 4,
      sysmonThreads: [random.between(500, 4000) * 4, random.between(500, 4000) * 4, random.between(500, 4000) * 4],
      aid: random.hex(32),
      publicIp: `${random.between(3, 223)}.${random.between(0, 255)}.${random.between(0, 255)}.${random.between(1, 254)}`,
      system, users, sysmonRecordId: random.between(1000, 5_000_000), securityRecordId: random.between(1000, 5_000_000),
      guidSequence: random.int(0x10000),
    };
    const boot = (image: ImageInfo, commandLine: string, account = system): Process =>
      this.spawn(partial, image, commandLine, account, 'C:\\Windows\\system32\\', bootMs + random.between(1, 90_000));
    const services = boot(IMAGES.services, 'C:\\Windows\\system32\\services.exe');
    const host: Host = {
      ...partial,
      guidSequence: partial.guidSequence,
      services,
      schedule: boot(IMAGES.svchost, 'C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule'),
      dcomLaunch: boot(IMAGES.svchost, 'C:\\Windows\\system32\\svchost.exe -k DcomLaunch -p'),
      iisService: boot(IMAGES.svchost, 'C:\\Windows\\system32\\svchost.exe -k iissvcs'),
      splunkd: boot(IMAGES.splunkd, `"${IMAGES.splunkd.path}" service`),
      explorers: users.map((user) => boot(IMAGES.explorer, 'C:\\Windows\\Explorer.EXE', user)),
      workers: [],
      shells: [],
      browsers: [],
    };
    if (isWebServer) {
      const poolCount = random.between(1, 3);
      for (let pool = 0; pool < poolCount; pool++) {
        const name = APP_POOLS[pool] as string;
        host.workers.push(boot(IMAGES.w3wp, lines.workerCommandLine(random, name), this.poolAccount(partial, name)));
      }
    }
    return host;
  }
}

const BACKGROUND_KINDS = [
  'app', 'browserChild', 'service', 'task', 'com', 'splunk', 'shell', 'tool', 'workerChild', 'worker',
] as const;
