/**
 * The new datasets read the same whichever way the events come in: the one-line fast path
 * (fast-rows.ts, each table making strings of its own slots only) and the general path give the
 * same stores, and a worker's parts (multivalue cells still joined) merged into another builder
 * give the same stores as one builder (builders.ts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDatasets } from '../../src/ingest/index.js';
import { IngestHandler } from '../../src/ingest/handler.js';
import { DatasetBuilders } from '../../src/ingest/builders.js';
import { readStream } from '../../src/ingest/read-file.js';
import { Readable } from 'node:stream';
import type { ColumnarStore } from '../../src/store/types.js';
import { fixture, tempFile } from './helpers.js';

/** The attack_data and security_content fixtures, one after another: one `<Event>` per line (a few span lines). */
function oneLineEvents(): string {
  const texts: string[] = [];
  for (const folder of ['splunk-attack-data-datasets', 'security-content-data-sources']) {
    for (const name of readdirSync(fixture(folder)).sort()) {
      if (/\.(log|txt)$/.test(name)) texts.push(readFileSync(fixture(folder, name), 'utf8').replace(/\n?$/, '\n'));
    }
  }
  return texts.join('');
}

function contents(stores: Map<string, ColumnarStore>): unknown {
  return [...stores].map(([key, store]) => [
    key,
    [...store.time],
    store.fields.map((field) => [field, [...store.column(field)!.ids], store.column(field)!.dictionary]),
  ]);
}

describe('fast path and general path', () => {
  it('give the same stores for every dataset', async () => {
    const text = oneLineEvents();
    const fast = await loadDatasets([tempFile('one-line.log', text)]);
    // Broken after <System>: no longer the one-line layout, so the general path reads each event.
    const general = await loadDatasets([tempFile('split.log', text.replaceAll('<System>', '<System>\n'))]);
    expect(fast.report.skippedCount).toBe(0);
    expect([...fast.datasets.keys()]).toEqual([
      'Endpoint.Processes',
      'Endpoint.Filesystem',
      'Endpoint.Registry',
      'Authentication.Authentication',
      'Change.All_Changes',
      'Network_Resolution.DNS',
      'Network_Traffic.All_Traffic',
    ]);
    expect(contents(fast.datasets)).toEqual(contents(general.datasets));
    // The duplicate-events note names an example file pair, which differs between the two runs' files.
    const withoutExamplePaths = (summary: string): string => summary.replace(/, e\.g\. [^)]*\)/g, ')');
    expect(withoutExamplePaths(fast.report.summary())).toBe(withoutExamplePaths(general.report.summary()));
  });
});

describe("a worker's parts", () => {
  it('merge into the same stores as one builder, multivalue cells included', async () => {
    const handler = new IngestHandler(false);
    handler.counts.startFile('events.log');
    await readStream(Readable.from([Buffer.from(oneLineEvents())]), handler, () => undefined, []);
    const merged = new DatasetBuilders();
    merged.append(handler.builders.parts());
    const direct = handler.builders.build();
    expect(contents(merged.build())).toEqual(contents(direct));
    // The multivalue cells are values again after the merge.
    const tags = merged.build().get('Endpoint.Registry')!.column('tag')!;
    expect(tags.dictionary.some((entry) => Array.isArray(entry) && entry.includes('registry'))).toBe(true);
  });
});
