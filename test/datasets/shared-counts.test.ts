/**
 * Over the real logs of ../shared/data, each dataset's row count equals the count of its event
 * IDs in the input (docs/semantics.md, "Which events fill which dataset"; research
 * issue13-mappings.md §13). The events are counted here by a reader of their own (regular
 * expressions over the XML, JSON.parse for JSON lines), independent of spelunk's ingest.
 *
 * The .evtx folders join through EVTX_CORPORA once spelunk reads .evtx files (a RecordSource
 * with the .evtx extension): their events are then counted through evtxexport, file by file,
 * leaving out the files evtxexport cannot read.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DatasetKey } from '../../src/datamodel/models.js';
import { loadDatasets } from '../../src/ingest/index.js';
import { RECORD_SOURCES } from '../../src/ingest/sources.js';
import { hasEvtxexport, hasSharedData, sharedData } from './helpers.js';

/** The fields of one event the dataset rule reads. */
interface CountedEvent {
  provider: string | undefined;
  channel: string | undefined;
  eventId: string;
  status?: string | undefined;
  keywords?: string | undefined;
  targetUserName?: string | undefined;
}

const SYSMON = 'Microsoft-Windows-Sysmon';
const SECURITY = 'Microsoft-Windows-Security-Auditing';
const LINUX = 'Linux-Sysmon';

/** The issue-13 rule: which datasets an event is a row of (Windows add-on eventtypes and tags, CIM 8.5 constraints). */
function datasetsOf(event: CountedEvent): DatasetKey[] {
  const provider = event.provider ?? ({ 'Microsoft-Windows-Sysmon/Operational': SYSMON, Security: SECURITY, 'Linux-Sysmon/Operational': LINUX }[event.channel ?? ''] ?? '');
  const id = Number(event.eventId);
  const keys: DatasetKey[] = [];
  if (provider === SYSMON) {
    if ([12, 13, 14].includes(id)) keys.push('Endpoint.Registry');
    if ([2, 11, 23, 26].includes(id)) keys.push('Endpoint.Filesystem');
    if (id === 3) keys.push('Network_Traffic.All_Traffic');
    if (id === 22) keys.push('Network_Resolution.DNS');
    if ([2, 11, 12, 13, 14, 19, 20, 21, 23, 26].includes(id)) keys.push('Change.All_Changes');
  } else if (provider === LINUX) {
    if (id === 1) keys.push('Endpoint.Processes');
    if ([11, 23].includes(id)) keys.push('Endpoint.Filesystem');
  } else if (provider === SECURITY) {
    const status = (event.status ?? '').toUpperCase();
    if (id === 4657) keys.push('Endpoint.Registry');
    const audited = ['0XC0000064', '0XC000006A', '0XC000006F', '0XC0000070', '0XC0000071', '0XC0000072', '0XC000018C', '0XC0000192', '0XC0000193', '0XC0000234', '0XC00002EE', '0XC0000413'];
    if ([4720, 4722, 4723, 4724, 4725, 4726, 4738, 4740, 4741, 4742, 4743, 4767, 4781, 4794].includes(id) || (id === 4625 && audited.includes(status))) {
      keys.push('Change.All_Changes');
    }
    const machineSuccess = event.keywords === '0x8020000000000000' && (event.targetUserName ?? '').endsWith('$');
    const logonError = id === 4625 && ['0XC0000133', '0XC0000225'].includes(status);
    if ([4624, 4625, 4648, 4672, 4768, 4769, 4771, 4776, 4777].includes(id) && !machineSuccess && !logonError) keys.push('Authentication.Authentication');
  }
  return keys;
}

const NEW_DATASETS: readonly DatasetKey[] = [
  'Endpoint.Registry',
  'Endpoint.Filesystem',
  'Network_Traffic.All_Traffic',
  'Network_Resolution.DNS',
  'Change.All_Changes',
  'Authentication.Authentication',
];

function first(text: string, pattern: RegExp): string | undefined {
  return pattern.exec(text)?.[1];
}

const dataOf = (event: string, name: string): string | undefined => first(event, new RegExp(`<Data Name=['"]${name}['"]>([^<]*)</Data>`));

/** The events of XML text: every `<Event ...>...</Event>`. */
function xmlEvents(text: string): CountedEvent[] {
  return [...text.matchAll(/<Event[\s>][\s\S]*?<\/Event>/g)].map(([event]) => ({
    provider: first(event, /<Provider Name=['"]([^'"]+)['"]/),
    channel: first(event, /<Channel>([^<]*)<\/Channel>/),
    eventId: first(event, /<EventID[^>]*>\s*(\d+)\s*<\/EventID>/) ?? '',
    status: dataOf(event, 'Status'),
    keywords: first(event, /<Keywords>([^<]*)<\/Keywords>/),
    targetUserName: dataOf(event, 'TargetUserName'),
  }));
}

/** The events of JSON lines (OTRF's flattened EventData). */
function jsonEvents(text: string): CountedEvent[] {
  return text
    .split('\n')
    .filter((line) => line.trim().startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((event) => event['EventID'] !== undefined)
    .map((event) => ({
      provider: event['SourceName'] as string | undefined,
      channel: event['Channel'] as string | undefined,
      eventId: String(event['EventID']),
      status: event['Status'] as string | undefined,
      keywords: event['Keywords'] as string | undefined,
      targetUserName: event['TargetUserName'] as string | undefined,
    }));
}

function filesUnder(folder: string, extensions: readonly string[]): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) return filesUnder(path, extensions);
      return extensions.some((extension) => name.toLowerCase().endsWith(extension)) ? [path] : [];
    });
}

const TEXT_EXTENSIONS = ['.log', '.xml', '.json', '.txt', '.raw', '.out'];

interface Corpus {
  folder: string;
  /** The files to read and their events, as this test counts them. */
  files(): { path: string; events: CountedEvent[] }[];
}

const textCorpus = (folder: string): Corpus => ({
  folder,
  files: () =>
    filesUnder(resolve(sharedData, folder), TEXT_EXTENSIONS).map((path) => {
      const text = readFileSync(path, 'utf8');
      return { path, events: path.endsWith('.json') ? jsonEvents(text) : xmlEvents(text) };
    }),
});

/** An .evtx corpus, counted through evtxexport; a file evtxexport cannot read is left out. */
const evtxCorpus = (folder: string): Corpus => ({
  folder,
  files: () =>
    filesUnder(resolve(sharedData, folder), ['.evtx']).flatMap((path) => {
      try {
        const xml = execFileSync('evtxexport', ['-f', 'xml', path], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
        return [{ path, events: xmlEvents(xml) }];
      } catch {
        return [];
      }
    }),
});

/** Every text corpus of ../shared/data that holds events of the new datasets' IDs, or Sysmon for Linux. */
const TEXT_CORPORA: readonly Corpus[] = [
  textCorpus('splunk-attack-data-history'),
  textCorpus('splunk-attack-data-xml'),
  textCorpus('otrf-proxylogon-json'),
  textCorpus('sysmon-background-art-panache/log'),
  textCorpus('sysmon-background-art-panache/xml'),
  textCorpus('sysmon-webshell-w3wp/log'),
  textCorpus('sysmon-webshell-w3wp/xml'),
];

const readsEvtx = RECORD_SOURCES.some((source) => source.extensions.includes('.evtx'));
const EVTX_CORPORA: readonly Corpus[] = readsEvtx && hasEvtxexport ? [evtxCorpus('evtx-attack-samples/evtx'), evtxCorpus('evtx-to-mitre-attack/evtx')] : [];

describe.skipIf(!hasSharedData)('rows per dataset = events of its IDs in ../shared/data', () => {
  for (const corpus of [...TEXT_CORPORA, ...EVTX_CORPORA]) {
    it(corpus.folder, async () => {
      const files = corpus.files();
      const expected = new Map<DatasetKey, number>();
      for (const { events } of files) for (const event of events) for (const key of datasetsOf(event)) expected.set(key, (expected.get(key) ?? 0) + 1);
      const { datasets, report } = await loadDatasets(files.map((file) => file.path));
      expect(report.skippedCount).toBe(0);
      const keys = [...new Set<DatasetKey>([...NEW_DATASETS, ...(expected.has('Endpoint.Processes') ? ['Endpoint.Processes' as const] : [])])];
      const actual = (key: DatasetKey): number => {
        const store = datasets.get(key);
        if (key !== 'Endpoint.Processes' || !store) return store?.rowCount ?? 0;
        const sourcetype = store.column('sourcetype')!;
        return [...sourcetype.ids].filter((id) => sourcetype.dictionary[id] === 'sysmon:linux').length;
      };
      expect(Object.fromEntries(keys.map((key) => [key, actual(key)]))).toEqual(Object.fromEntries(keys.map((key) => [key, expected.get(key) ?? 0])));
    });
  }

  it('the counts the research scan gives for the corpora it names (issue13-mappings.md §13)', async () => {
    const counts = async (folder: string) => {
      const { report } = await loadDatasets([resolve(sharedData, folder)]);
      return Object.fromEntries(NEW_DATASETS.map((key) => [key, report.datasetRows.get(key) ?? 0]));
    };
    // Registry 157, Filesystem 305, Network_Traffic 117, DNS 1, Authentication 29; Change: 458 CIM 8.5 Sysmon rows of
    // IDs 2, 11-14, 19-21 plus the 4 EventID 23, which spelunk tags change too (docs/semantics.md).
    expect(await counts('otrf-proxylogon-json/proxylogon_ssrf_rce_poc_2021-03-14T01401970.json')).toEqual({
      'Endpoint.Registry': 157,
      'Endpoint.Filesystem': 305,
      'Network_Traffic.All_Traffic': 117,
      'Network_Resolution.DNS': 1,
      'Change.All_Changes': 462,
      'Authentication.Authentication': 29,
    });
    // Registry 10 + 4657; DNS 6; Change 26 Security + 10 Sysmon; Authentication 2; Network 4.
    expect(await counts('splunk-attack-data-history')).toEqual({
      'Endpoint.Registry': 11,
      'Endpoint.Filesystem': 0,
      'Network_Traffic.All_Traffic': 4,
      'Network_Resolution.DNS': 6,
      'Change.All_Changes': 36,
      'Authentication.Authentication': 2,
    });
  });
});
