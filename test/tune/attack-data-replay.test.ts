/**
 * Done-when for issue 16: `spelunk test` over the detections named in
 * ../shared/data/splunk-attack-data-history/PROVENANCE.md, with --attack-data pointing at a folder
 * laid out as attack_data's datasets/ paths (built here from the shared files). The tstats
 * detections whose data is there pass; every other test is skipped or failed with its reason.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDetection } from '../../src/detections/detection.js';
import { runTests } from '../../src/tune/run-tests.js';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');
const shared = resolve(repoRoot, '../shared');
const history = join(shared, 'data/splunk-attack-data-history');
const detectionsRoot = join(shared, 'reference/security_content_full/detections');
const present = existsSync(join(history, 'PROVENANCE.md')) && existsSync(detectionsRoot);
if (!present) process.stdout.write(`note: ${history} or ${detectionsRoot} is absent: the attack_data replay test is skipped.\n`);

interface ProvenanceRow {
  file: string;
  datasetPath: string;
  detections: string[];
}

/** The PROVENANCE table: file here, path in attack_data, and the detections whose tests name it. */
function provenanceRows(): ProvenanceRow[] {
  const rows: ProvenanceRow[] = [];
  for (const line of readFileSync(join(history, 'PROVENANCE.md'), 'utf8').split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    if (cells.length < 7 || !cells[2]!.startsWith('datasets/')) continue;
    const names = cells[5]!.split(',').map((name) => name.replace(/\(.*?\)/g, '').trim());
    rows.push({ file: cells[1]!, datasetPath: cells[2]!, detections: names.filter((name) => /^[a-z0-9_]+$/.test(name)) });
  }
  return rows;
}

function findDetection(name: string): string | undefined {
  const visit = (dir: string): string | undefined => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        const found = visit(full);
        if (found) return found;
      } else if (entry.name === `${name}.yml`) return full;
    }
    return undefined;
  };
  return visit(detectionsRoot);
}

describe.skipIf(!present)('spelunk test over the attack_data history', () => {
  it('passes the tstats detections, and names the reason for every other test', async () => {
    const rows = provenanceRows();
    expect(rows.length).toBeGreaterThanOrEqual(20);
    const attackData = mkdtempSync(join(tmpdir(), 'spelunk-attack-data-'));
    for (const row of rows) {
      const target = join(attackData, row.datasetPath);
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(join(history, row.file), target);
    }
    const names = [...new Set(rows.flatMap((row) => row.detections))];
    // The table names 14 detections (2 of them through the same folder note).
    expect(names.length).toBeGreaterThanOrEqual(13);
    const paths = names.map((name) => {
      const path = findDetection(name);
      expect(path, name).toBeDefined();
      return path!;
    });
    const outcomes = await runTests(paths, { attackData });
    const byDetection = new Map(paths.map((path) => [loadDetection(path).name, loadDetection(path)]));
    expect(outcomes.length).toBeGreaterThanOrEqual(names.length);

    for (const outcome of outcomes) {
      const detection = byDetection.get(outcome.detection)!;
      expect(outcome.kind).toBe('attack_data');
      if (outcome.status !== 'pass') expect(outcome.reason, `${outcome.detection}: a test that does not pass says why`).toMatch(/\S/);
      const datamodel = detection.search.trimStart().startsWith('| tstats');
      const dataPresent = detection.tests.every((test) => test.attackData.every((entry) => rows.some((row) => entry.data.endsWith(`/${row.datasetPath}`))));
      if (datamodel && dataPresent) {
        expect([outcome.detection, outcome.status, outcome.reason]).toEqual([outcome.detection, 'pass', undefined]);
      }
      if (!dataPresent) {
        expect(outcome.status).toBe('skipped');
        expect(outcome.reason).toMatch(/^attack data not found: looked for .*datasets\//);
      }
    }
    // The datamodel detections here are forfiles, pcalua, LOLBAS network traffic, two registry and one Change detection.
    const passed = outcomes.filter((o) => o.status === 'pass').map((o) => o.detection);
    expect(passed.length).toBeGreaterThanOrEqual(6);
    // The raw-event searches (`wineventlog_security`, `powershell`) pass once spelunk searches raw events; until then
    // they are skipped as unsupported (or as security_content's manual tests), never passed silently.
    for (const outcome of outcomes) {
      const detection = byDetection.get(outcome.detection)!;
      if (!detection.search.trimStart().startsWith('|') && outcome.status === 'skipped' && !outcome.reason!.startsWith('attack data not found')) {
        expect(outcome.reason).toMatch(/^(unsupported|manual test): /);
      }
    }
  });
});
