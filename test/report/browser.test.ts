/**
 * report.html in a real browser: headless Chromium (Debian package `chromium`) driven by
 * playwright-core opens the file offline, its summary figures equal summary.json, a result table
 * filters, and a screenshot is saved to test-artifacts/ (gitignored) for a person to look at.
 * Skips, saying why, where no Chromium is installed.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadDetectionLibrary } from '../../src/detections/library.js';
import { bundledDetections } from '../../src/detections/paths.js';
import { runHunt } from '../../src/hunt/run.js';
import { summarizeHunt } from '../../src/hunt/summary.js';
import { loadData } from '../../src/index.js';
import { writeHuntOutput } from '../../src/report/output.js';

const repoRoot = resolve(import.meta.dirname, '../..');
const CHROMIUM_PATHS = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
const executablePath = CHROMIUM_PATHS.find((path) => existsSync(path));
if (!executablePath) console.log(`skipping the report browser test: no Chromium found (looked at ${CHROMIUM_PATHS.join(', ')}; Debian package chromium)`);

describe.skipIf(!executablePath)('report.html in headless Chromium', () => {
  it('shows the figures of summary.json, filters a result table, and loads nothing from the network', async () => {
    const names = ['w3wp_spawning_shell.yml', 'detect_webshell_exploit_behavior.yml', 'windows_java_spawning_shells.yml', 'system_user_discovery_with_whoami.yml'];
    const detections = loadDetectionLibrary(names.map((name) => resolve(bundledDetections(), 'endpoint', name))).detections;
    const { datasets, report } = await loadData({ data: [resolve(repoRoot, 'examples/data')] });
    const hunt = runHunt(detections, datasets, { session: { tz: 'UTC' } });
    const summary = summarizeHunt(hunt, report.summary(), 0.5);
    const out = mkdtempSync(join(tmpdir(), 'spelunk-report-'));
    writeHuntOutput(out, hunt, summary, { format: 'json', tz: 'UTC' });
    const saved = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Record<string, number>;
    expect(saved['fired']).toBeGreaterThan(0);

    const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.goto(pathToFileURL(join(out, 'report.html')).href);
      for (const [id, key] of [
        ['sum-detections', 'detections'],
        ['sum-ran', 'ran'],
        ['sum-fired', 'fired'],
        ['sum-skipped', 'skipped'],
        ['sum-unsupported', 'unsupported'],
        ['sum-errors', 'errors'],
        ['sum-risk-events', 'riskEvents'],
        ['sum-notables', 'notables'],
      ] as const) {
        expect(await page.textContent(`#${id}`), id).toBe(String(saved[key]));
      }
      expect(requests.every((url) => url.startsWith('file:'))).toBe(true);

      // The W3WP result table: two rows on the bundled sample; a filter on one row's value keeps it alone.
      const w3wp = page.locator('section#w3wp-spawning-shell');
      const rows = w3wp.locator('tbody tr');
      const total = await rows.count();
      expect(total).toBeGreaterThan(1);
      const firstCells = await rows.nth(0).locator('td').allTextContents();
      const secondRow = ((await rows.nth(1).textContent()) ?? '').toLowerCase();
      const needle = firstCells.find((text) => text.trim() !== '' && !secondRow.includes(text.toLowerCase()));
      expect(needle, 'a cell of the first row that the second lacks').toBeDefined();
      await w3wp.locator('input.filter').fill(needle!);
      expect(await w3wp.locator('tbody tr:visible').count()).toBe(1);
      expect(await w3wp.locator('.shown').textContent()).toBe('1 rows');
      // Sorting by a header click orders the rows.
      await page.locator('#fired th', { hasText: 'risk score' }).click();
      const scores = await page.locator('#fired tbody tr td:nth-child(3)').allTextContents();
      expect(scores.map(Number)).toEqual([...scores.map(Number)].sort((a, b) => a - b));

      const artefacts = resolve(repoRoot, 'test-artifacts');
      mkdirSync(artefacts, { recursive: true });
      await page.screenshot({ path: join(artefacts, 'hunt-report.png'), fullPage: true });
      expect(existsSync(join(artefacts, 'hunt-report.png'))).toBe(true);
    } finally {
      await browser.close();
    }
  });
});
