/**
 * The playground in a real browser: headless Chromium (Debian package `chromium`) driven by
 * playwright-core. The page must show, for the W3WP search over the bundled sample, exactly what
 * the command line prints (expand, parse --explain, run --format json, run --stages), step
 * through the stages, and read a dropped .evtx file in the browser. Screenshots go to
 * test/playground/artefacts/ (gitignored). Without Chromium the tests skip, saying why.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expandCommandOutput } from '../../src/cli/expand.js';
import { parseCommandOutput } from '../../src/cli/parse.js';
import { servePlayground } from '../../src/cli/playground.js';
import { runWithStages } from '../../src/explain/stages.js';
import { formatResults } from '../../src/format/index.js';
import { openSession } from '../../src/index.js';
import { buildSite } from '../../src/playground/build.js';

const repoRoot = resolve(import.meta.dirname, '../..');
const artefacts = resolve(import.meta.dirname, 'artefacts');
const chromiumPath = process.env['CHROMIUM'] ?? '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
if (!hasChromium) process.stdout.write(`note: ${chromiumPath} is absent, so the playground browser tests are skipped (install the Debian package chromium).\n`);

const sample = resolve(repoRoot, 'examples/data');
const evtx = resolve(repoRoot, 'test/fixtures/evtx/TA0002-Execution_T1047-Windows_Management_Instrumentation_ID1-WMIexec_process_execution.evtx');
const w3wp = readFileSync(resolve(repoRoot, 'examples/w3wp_spawning_shell.spl'), 'utf8').trim();

/** What `spelunk run --format json` prints for the search over these data paths. */
async function cliJson(search: string, data: string[]): Promise<unknown> {
  const { session } = await openSession({ data });
  return JSON.parse(formatResults(session.run(search), 'json'));
}

describe.skipIf(!hasChromium)('the playground in headless Chromium', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  async function typeSearch(search: string): Promise<void> {
    await page.click('#editor .cm-content');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(search);
    await page.click('#run');
    await page.evaluate(() => window.spelunkIdle!());
  }

  beforeAll(async () => {
    mkdirSync(artefacts, { recursive: true });
    const site = await buildSite(resolve(artefacts, 'site'));
    server = await servePlayground(site, 0);
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    // Offline: any request that is not the page's own server fails the test.
    const outside: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`http://127.0.0.1:${port}/`)) return route.continue();
      outside.push(url);
      return route.abort();
    });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => window.spelunkIdle !== undefined);
    await page.evaluate(() => window.spelunkIdle!());
    expect(outside).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => (server ? server.close(done) : done(undefined)));
  });

  it('shows for the typed W3WP search what the command line prints', async () => {
    await typeSearch(w3wp);
    expect(await page.textContent('#error')).toBe('');
    expect(await page.textContent('#expanded')).toBe(expandCommandOutput(w3wp, {}).trimEnd());
    expect(await page.textContent('#explanation')).toBe(parseCommandOutput(w3wp, { explain: true }));
    expect(JSON.parse((await page.textContent('#results-json'))!)).toEqual(await cliJson(w3wp, [sample]));
    const trace = await page.locator('#trace li').allTextContents();
    expect(trace.some((line) => line.includes('`drop_dm_object_name(1)`') && line.includes('rename "Processes.*" as *'))).toBe(true);
    const rows = await page.locator('#results-table tbody tr').count();
    expect(rows).toBe(((await cliJson(w3wp, [sample])) as unknown[]).length);
    await page.screenshot({ path: resolve(artefacts, 'w3wp.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('steps through the five stages, each with its count and first rows', async () => {
    const { session } = await openSession({ data: [sample] });
    const { stages } = runWithStages(session, w3wp, { rows: 5 });
    expect(await page.locator('#stage-list li').count()).toBe(5);
    await page.click('#stage-prev');
    for (const [index, stage] of stages.entries()) {
      if (index > 0) await page.click('#stage-next');
      expect(await page.textContent('#stage-current')).toBe(`stage ${index + 1} of 5: | ${stage.source}`);
      expect(await page.textContent('#stage-count')).toMatch(new RegExp(`^${stage.count} results;`));
      expect(await page.locator('#stage-table tbody tr').count()).toBe(Math.min(5, stage.count));
      const firstRow = await page.locator('#stage-table tbody tr').first().locator('td').allTextContents();
      expect(firstRow.filter((cell) => cell !== '')).toEqual(Object.values(stage.rows[0]!).map((v) => (Array.isArray(v) ? v.join('\n') : v)));
    }
    await page.screenshot({ path: resolve(artefacts, 'stages.png'), fullPage: true });
  });

  it('reads an .evtx file chosen on the page, in the browser, as run --data reads it', async () => {
    const search = '| tstats count from datamodel=Endpoint.Processes by Processes.process_name Processes.dest';
    await page.setInputFiles('#file-input', evtx);
    await page.evaluate(() => window.spelunkIdle!());
    await typeSearch(search);
    expect(await page.textContent('#error')).toBe('');
    expect(await page.textContent('#data-summary')).toMatch(/^read 5 files/);
    const shown = JSON.parse((await page.textContent('#results-json'))!) as unknown;
    expect(shown).toEqual(await cliJson(search, [sample, evtx]));
    expect(shown).not.toEqual(await cliJson(search, [sample]));
    await page.screenshot({ path: resolve(artefacts, 'dropped-evtx.png'), fullPage: true });
  });

  it('reads a file dropped onto the page', async () => {
    const xml = resolve(repoRoot, 'test/fixtures/data/splunk-attack-data-xml/T1003.002_atomic_red_team_sysmon.log');
    const search = '| tstats count from datamodel=Endpoint.Processes by Processes.process_name Processes.dest';
    const bytes = [...readFileSync(xml)];
    await page.evaluate(({ bytes, name }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], name));
      document.getElementById('drop-zone')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, { bytes, name: 'T1003.002_atomic_red_team_sysmon.log' });
    await page.waitForFunction(() => document.getElementById('dropped')!.textContent!.includes('T1003.002'));
    await page.evaluate(() => window.spelunkIdle!());
    await typeSearch(search);
    expect(await page.textContent('#data-summary')).toMatch(/^read 6 files/);
    expect(JSON.parse((await page.textContent('#results-json'))!)).toEqual(await cliJson(search, [sample, evtx, xml]));
  });

  it('runs a lesson with its macros: search groups OR first, where AND first', async () => {
    await page.click('button[data-lesson="0"]');
    await page.evaluate(() => window.spelunkIdle!());
    expect(await page.textContent('#explanation')).toContain('search (process_name=cmd.exe OR process_name=whoami.exe) AND dest=win-dc*');
    await page.click('button[data-lesson="1"]');
    await page.evaluate(() => window.spelunkIdle!());
    expect(await page.textContent('#explanation')).toContain('where process_name="cmd.exe" OR (process_name="whoami.exe" AND like(dest, "win-dc%"))');
    await page.click('button[data-lesson="4"]');
    await page.evaluate(() => window.spelunkIdle!());
    expect(await page.inputValue('#macros')).toContain('[w3wp_spawning_shell_filter]');
    expect(await page.textContent('#expanded')).toContain('search user!="NT AUTHORITY\\\\SYSTEM"');
    expect(await page.textContent('#error')).toBe('');
  });
});
