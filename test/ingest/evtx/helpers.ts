/**
 * Shared by the EVTX tests: where the real files are, whether evtxexport (Debian libevtx-utils)
 * is installed, reading a file to records and faults, and the comparison of our XML with
 * evtxexport's after the normalisations docs/semantics.md ("EVTX") lists with their evidence.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readEvtx, type EvtxFault, type EvtxRecord, type EvtxSummary } from '../../../src/ingest/evtx/index.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const evtxFixtures = resolve(repoRoot, 'test/fixtures/evtx');
export const sharedData = resolve(repoRoot, '../shared/data');
export const hasSharedData = existsSync(sharedData);

/** Whether `evtxexport` runs here (it prints its usage and exits 0 or 1 for `-h`). */
export const hasEvtxexport = ((): boolean => {
  const probe = spawnSync('evtxexport', ['-h'], { stdio: 'ignore' });
  return probe.error === undefined && probe.status !== null;
})();

/** Why a test that needs the shared data and evtxexport is skipped, or undefined when it runs. */
export function skipReason(needsEvtxexport: boolean): string | undefined {
  if (!hasSharedData) return `${sharedData} is absent (the GPL and CC0 .evtx recordings stay outside the repository)`;
  if (needsEvtxexport && !hasEvtxexport) return 'evtxexport is not installed (Debian: apt-get install libevtx-utils)';
  return undefined;
}

/** Every .evtx file under `folder`, recursively, in name order. */
export function evtxFilesUnder(folder: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.toLowerCase().endsWith('.evtx')) files.push(path);
    }
  };
  if (existsSync(folder)) walk(folder);
  return files;
}

export interface ReadResult {
  records: EvtxRecord[];
  faults: EvtxFault[];
  summary: EvtxSummary;
}

export async function readAll(source: string | AsyncIterable<Uint8Array>): Promise<ReadResult> {
  const records: EvtxRecord[] = [];
  const faults: EvtxFault[] = [];
  const reader = readEvtx(source);
  for (;;) {
    const next = await reader.next();
    if (next.done) return { records, faults, summary: next.value };
    if (next.value.kind === 'record') records.push(next.value);
    else faults.push(next.value);
  }
}

/** evtxexport's XML of a file, or undefined when it cannot export it. */
export function evtxexportXml(file: string): string | undefined {
  const run = spawnSync('evtxexport', ['-f', 'xml', file], { maxBuffer: 1 << 30, encoding: 'utf8' });
  if (run.status !== 0) return undefined;
  return run.stdout;
}

/** An XML element as compared: name, attributes in order, children (text or elements). */
export interface XmlTree {
  name: string;
  attributes: [string, string][];
  children: (string | XmlTree)[];
}

const TAG = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:'[^']*'|"[^"]*"))*)\s*(\/?)>|<\?[^>]*\?>|<!\[CDATA\[[\s\S]*?\]\]>/g;
const ATTRIBUTE = /([\w.:-]+)\s*=\s*(?:'([^']*)'|"([^"]*)")/g;

/**
 * The `<Event>` elements of an XML text (ours: one per line; evtxexport's: pretty-printed, with
 * its `evtxexport <version>` banner), as trees. Processing instructions and CDATA sections are
 * kept as text. Not a general XML parser: enough for what both renderers write.
 */
export function parseEvents(text: string): XmlTree[] {
  const events: XmlTree[] = [];
  const stack: XmlTree[] = [];
  let last = 0;
  const addText = (value: string): void => {
    const top = stack[stack.length - 1];
    if (top) top.children.push(value);
  };
  for (const match of text.matchAll(TAG)) {
    if (match.index > last) addText(text.slice(last, match.index));
    last = match.index + match[0].length;
    const [whole, close, name, attributeText, empty] = match;
    if (name === undefined) {
      addText(whole);
      continue;
    }
    if (close) {
      const element = stack.pop();
      if (element?.name !== name) throw new Error(`</${name}> closes <${element?.name ?? 'nothing'}>`);
      if (stack.length === 0) events.push(element);
      continue;
    }
    const element: XmlTree = { name, attributes: [], children: [] };
    for (const attribute of (attributeText ?? '').matchAll(ATTRIBUTE)) element.attributes.push([attribute[1]!, attribute[2] ?? attribute[3]!]);
    stack[stack.length - 1]?.children.push(element);
    if (empty) {
      if (stack.length === 0) events.push(element);
    } else {
      stack.push(element);
    }
  }
  if (stack.length > 0) throw new Error(`<${stack[stack.length - 1]!.name}> is not closed`);
  return events;
}

/**
 * The value normalisations of docs/semantics.md ("EVTX"), each applied to a whole text or
 * attribute value: GUIDs to lower case (evtxexport writes them upper-case), `0x` hex numbers
 * without leading zeros (evtxexport pads HexInt32/HexInt64 to 8/16 digits), ISO times to nine
 * fractional digits (the XML generator writes seven, as older Windows did).
 */
export function normaliseValue(value: string): string {
  return value
    .replace(/\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}/g, (guid) => guid.toLowerCase())
    .replace(/^0x0*([0-9A-Fa-f]+)$/, "0x$1")
    .replace(/^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\.(\d{7})Z$/, '$1.$200Z');
}

/**
 * A tree in comparable form: values normalised, and the text between elements that is only
 * white space with a line break (evtxexport's indentation) dropped.
 */
export function canonical(tree: XmlTree): XmlTree {
  const children: (string | XmlTree)[] = [];
  for (const child of tree.children) {
    if (typeof child !== 'string') children.push(canonical(child));
    else if (!(child.trim() === '' && child.includes('\n'))) children.push(normaliseValue(child));
  }
  return { name: tree.name, attributes: tree.attributes.map(([name, value]) => [name, normaliseValue(value)]), children };
}

export function canonicalEvents(text: string): XmlTree[] {
  return parseEvents(text).map(canonical);
}
