import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SpelunkError } from '../../src/core/errors.js';
import { registerGenerateCommand, generateOptionsFromFlags } from '../../src/cli/generate.js';
import { EVENT_FORMATS, generateEvents, writeEvents, type GenerateOptions } from '../../src/generate/index.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const attackData = path.resolve(repoRoot, '../shared/data/splunk-attack-data-xml/T1003.002_atomic_red_team_sysmon.log');
const crowdStrikeExample = path.resolve(repoRoot, '../shared/data/splunk-security-content-examples/crowdstrike_processrollup2.example.log');
const otrfProxyLogon = path.resolve(repoRoot, '../shared/data/otrf-proxylogon-json/proxylogon_process_creation_only.json');

function generate(options: GenerateOptions): string[] {
  return [...generateEvents(options)];
}

/** The tag and attribute layout of an XML line, with every value and text blanked out. */
function skeleton(line: string): string {
  return line.replace(/'[^']*'/g, "''").replace(/>[^<]*</g, '><');
}

/** Data Name values in order: the field layout. */
function dataNames(line: string): string[] {
  return [...line.matchAll(/<Data Name='([^']*)'>/g)].map((match) => match[1] as string);
}

function dataValue(line: string, name: string): string | undefined {
  return new RegExp(`<Data Name='${name}'>([^<]*)</Data>`).exec(line)?.[1];
}

describe('determinism', () => {
  it.each(EVENT_FORMATS)('gives the same bytes for the same seed (%s)', (format) => {
    const first = generate({ events: 300, seed: 42, format });
    const second = generate({ events: 300, seed: 42, format });
    expect(second).toEqual(first);
    expect(first).toHaveLength(300);
  });

  it.each(EVENT_FORMATS)('gives different events for a different seed (%s)', (format) => {
    const first = generate({ events: 50, seed: 1, format });
    const second = generate({ events: 50, seed: 2, format });
    const shared = first.filter((line) => second.includes(line));
    expect(shared).toHaveLength(0);
  });

  it('writes the same lines it yields, each ending in a newline, and counts UTF-8 bytes', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    const result = await writeEvents({ events: 200, seed: 9 }, out);
    const written = Buffer.concat(chunks);
    const expected = generate({ events: 200, seed: 9 }).map((line) => `${line}\n`).join('');
    expect(written.toString('utf8')).toBe(expected);
    // Product values carry '®', so bytes exceed characters: bytes must be UTF-8 bytes.
    expect(result).toEqual({ events: 200, bytes: Buffer.byteLength(expected, 'utf8') });
    expect(result.bytes).toBeGreaterThan(expected.length);
  });
});

describe.skipIf(!existsSync(attackData))('layout matches real Splunk XmlWinEventLog lines', () => {
  // Read only when the data is there: a skipped describe still runs its body to collect tests.
  const realLines = existsSync(attackData) ? readFileSync(attackData, 'utf8').split('\n') : [];
  const realSysmon = realLines.find((line) => line.includes('<EventID>1</EventID>')) as string;
  const realSecurity = realLines.find((line) => line.includes('<EventID>4688</EventID>')) as string;

  it('Sysmon EventID 1: same tags, attributes and Data fields in the same order', () => {
    for (const line of generate({ events: 200, seed: 3, format: 'sysmon-xml' })) {
      expect(skeleton(line)).toBe(skeleton(realSysmon));
      expect(dataNames(line)).toEqual(dataNames(realSysmon));
    }
  });

  it('Security 4688: same tags, attributes and Data fields in the same order', () => {
    for (const line of generate({ events: 200, seed: 3, format: '4688-xml' })) {
      expect(skeleton(line)).toBe(skeleton(realSecurity));
    }
  });

  it('escapes markup characters in values as the Windows renderer does', () => {
    const lines = generate({ events: 3000, seed: 5, webshellRate: 0.2 });
    const withMarkup = lines.filter((line) => line.includes('&gt;') || line.includes('&amp;'));
    expect(withMarkup.length).toBeGreaterThan(0);
    for (const line of lines) expect(skeleton(line)).toBe(skeleton(realSysmon));
  });
});

describe.skipIf(!existsSync(crowdStrikeExample))('CrowdStrike ProcessRollup2 layout', () => {
  it('uses the real event key order (LinkName only for explorer.exe launches)', () => {
    const realKeys = Object.keys(JSON.parse(readFileSync(crowdStrikeExample, 'utf8')) as object);
    for (const line of generate({ events: 300, seed: 4, format: 'crowdstrike' })) {
      const event = JSON.parse(line) as Record<string, string>;
      const keys = Object.keys(event);
      const expected = event['ParentBaseFileName'] === 'explorer.exe' ? realKeys : realKeys.filter((key) => key !== 'LinkName');
      expect(keys).toEqual(expected);
      expect(typeof event['timestamp']).toBe('string');
    }
  });
});

describe.skipIf(!existsSync(otrfProxyLogon))('OTRF flattened Sysmon layout (jsonl)', () => {
  it('uses the key order of the OTRF Sysmon EventID 1 records', () => {
    const realSysmon = readFileSync(otrfProxyLogon, 'utf8')
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((event) => event['EventID'] === 1) as Record<string, unknown>;
    for (const line of generate({ events: 100, seed: 4, format: 'jsonl' })) {
      const event = JSON.parse(line) as Record<string, unknown>;
      expect(Object.keys(event)).toEqual(Object.keys(realSysmon));
      expect(event['EventID']).toBe(1);
      expect(String(event['Message'])).toMatch(/^Process Create:\r\nRuleName: -\r\n/);
    }
  });
});

/** Sysmon lines where w3wp.exe starts a shell, as W3WP Spawning Shell looks for it. */
function isWebshell(line: string): boolean {
  const parent = dataValue(line, 'ParentImage') ?? '';
  const original = dataValue(line, 'OriginalFileName');
  return parent.toLowerCase().endsWith('\\w3wp.exe') && (original === 'Cmd.Exe' || original === 'PowerShell.EXE');
}

describe('webshell share', () => {
  it('respects --webshell-rate within binomial tolerance', () => {
    const events = 20_000;
    const rate = 0.01;
    const count = generate({ events, seed: 11, webshellRate: rate }).filter(isWebshell).length;
    const expected = events * rate;
    // Four standard deviations of Binomial(20000, 0.01): about 56 either side of 200.
    const tolerance = 4 * Math.sqrt(events * rate * (1 - rate));
    expect(Math.abs(count - expected)).toBeLessThanOrEqual(tolerance);
  });

  it('rate 0 gives no w3wp shells, but keeps benign w3wp children and explorer -> powershell noise', () => {
    const lines = generate({ events: 20_000, seed: 12, webshellRate: 0 });
    expect(lines.filter(isWebshell)).toHaveLength(0);
    const w3wpChildren = lines.filter((line) => (dataValue(line, 'ParentImage') ?? '').endsWith('\\w3wp.exe'));
    expect(w3wpChildren.length).toBeGreaterThan(0);
    const explorerPowershell = lines.filter(
      (line) => dataValue(line, 'ParentImage') === 'C:\\Windows\\explorer.exe' && dataValue(line, 'OriginalFileName') === 'PowerShell.EXE',
    );
    expect(explorerPowershell.length).toBeGreaterThan(0);
  });

  it('rate 1 makes every event a w3wp shell', () => {
    const lines = generate({ events: 500, seed: 13, webshellRate: 1 });
    expect(lines.filter(isWebshell)).toHaveLength(500);
  });
});

describe('realism', () => {
  const lines = generate({ events: 20_000, seed: 21 });

  it('has many hosts, users, and mostly distinct command lines', () => {
    const hosts = new Set(lines.map((line) => /<Computer>([^<]*)</.exec(line)?.[1]));
    const users = new Set(lines.map((line) => dataValue(line, 'User')));
    const commandLines = new Set(lines.map((line) => dataValue(line, 'CommandLine')));
    expect(hosts.size).toBeGreaterThan(150);
    expect(users.size).toBeGreaterThan(100);
    expect(commandLines.size).toBeGreaterThan(lines.length / 2);
  });

  it('forms process trees: parents are earlier processes, never later ones', () => {
    const seen = new Set<string>();
    let parentsFromEarlierEvents = 0;
    const laterGuids = new Set(lines.map((line) => dataValue(line, 'ProcessGuid')));
    for (const line of lines) {
      const parentGuid = dataValue(line, 'ParentProcessGuid') as string;
      if (seen.has(parentGuid)) parentsFromEarlierEvents++;
      else expect(laterGuids.has(parentGuid)).toBe(false);
      seen.add(dataValue(line, 'ProcessGuid') as string);
    }
    expect(seen.size).toBe(lines.length);
    expect(parentsFromEarlierEvents).toBeGreaterThan(lines.length / 10);
  });

  it('keeps time moving forward', () => {
    const times = lines.map((line) => /SystemTime='([^']*)'/.exec(line)?.[1] as string);
    for (let index = 1; index < times.length; index++) expect(times[index]! > times[index - 1]!).toBe(true);
  });
});

describe('options validation', () => {
  it.each<[string, GenerateOptions]>([
    ['negative events', { events: -1 }],
    ['fractional events', { events: 1.5 }],
    ['zero hosts', { events: 1, hosts: 0 }],
    ['rate above 1', { events: 1, webshellRate: 1.5 }],
    ['NaN rate', { events: 1, webshellRate: Number.NaN }],
    ['seed too large', { events: 1, seed: 2 ** 32 }],
    ['unknown format', { events: 1, format: 'evtx' as GenerateOptions['format'] }],
  ])('rejects %s with a usage error', (_name, options) => {
    expect(() => generate(options)).toThrow(SpelunkError);
    try {
      generate(options);
    } catch (error) {
      expect((error as SpelunkError).kind).toBe('usage');
    }
  });

  it('parses command-line flags strictly', () => {
    expect(generateOptionsFromFlags({ events: '10', seed: '3', hosts: '5', webshellRate: '0.5', format: 'jsonl' })).toEqual({
      events: 10, seed: 3, hosts: 5, webshellRate: 0.5, format: 'jsonl',
    });
    expect(() => generateOptionsFromFlags({ events: '10k' })).toThrow(/--events must be a whole number, got '10k'/);
    expect(() => generateOptionsFromFlags({})).toThrow(/--events is required/);
    expect(() => generateOptionsFromFlags({ events: '1', webshellRate: 'often' })).toThrow(/--webshell-rate/);
  });
});

describe('spelunk generate command', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reports a bad value on stderr as "spelunk: <message>" and exits 2', async () => {
    const stderr: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((text: string | Uint8Array) => {
      stderr.push(String(text));
      return true;
    });
    vi.spyOn(process, 'exit').mockImplementation((code?: string | number | null) => {
      throw new Error(`exit ${String(code)}`);
    });
    const program = new Command();
    registerGenerateCommand(program);
    await expect(program.parseAsync(['node', 'spelunk', 'generate', '--events', '5', '--hosts', '0'])).rejects.toThrow('exit 2');
    expect(stderr.join('')).toBe('spelunk: --hosts must be a whole number from 1 to 1000000, got 0\nsee `spelunk generate --help`\n');
  });
});
