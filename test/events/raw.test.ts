/**
 * `_raw` is rendered from the event's shape and values, not kept: for events in Splunk's own
 * one-line XmlWinEventLog layout (attack_data's files are exported from Splunk), the rendering
 * must give back the line byte for byte.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/index.js';

const shared = path.resolve(import.meta.dirname, '../../../shared/data');
const folders = ['splunk-attack-data-history', 'splunk-attack-data-xml'].map((f) => path.join(shared, f)).filter(existsSync);

describe('_raw of Splunk-layout events', () => {
  it.skipIf(folders.length === 0)('is the input line, byte for byte (skipped without ../shared/data)', async () => {
    let compared = 0;
    for (const folder of folders) {
      for (const name of readdirSync(folder).filter((n) => n.endsWith('.log'))) {
        const file = path.join(folder, name);
        const lines = readFileSync(file, 'utf8').split(/\r?\n/).filter((line) => line.startsWith("<Event xmlns='") && line.trimEnd().endsWith('</Event>'));
        const { events } = await loadData({ data: [file] });
        const rendered = new Set(Array.from({ length: events.rowCount }, (_, row) => events.raw(row)));
        for (const line of lines) expect(rendered.has(line.trimEnd()), `${name}: ${line.slice(0, 120)}`).toBe(true);
        compared += lines.length;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
