/**
 * `spelunk playground`: the page is built into the folder given, and the server hands out only
 * that folder's files, on 127.0.0.1, to GET and HEAD.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servePlayground } from '../../src/cli/playground.js';
import { buildSite } from '../../src/playground/build.js';

function fetchStatus(port: number, path: string, method = 'GET'): Promise<{ status: number; type: string | undefined }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      res.resume();
      res.on('end', () => done({ status: res.statusCode ?? 0, type: res.headers['content-type'] }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('spelunk playground', () => {
  const folder = mkdtempSync(join(tmpdir(), 'spelunk-playground-'));
  let server: Server;
  let port = 0;

  beforeAll(async () => {
    await buildSite(folder);
    server = await servePlayground(folder, 0);
    const address = server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });

  afterAll(async () => {
    await new Promise((done) => server.close(done));
    rmSync(folder, { recursive: true, force: true });
  });

  it('builds a static folder: the page, its style, the bundled engine and the embedded files', () => {
    expect(readdirSync(folder).sort()).toEqual(['app.js', 'files.js', 'index.html', 'site.css']);
  });

  it('listens on 127.0.0.1 only', () => {
    const address = server.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
  });

  it('serves the page and its files with their types', async () => {
    expect(await fetchStatus(port, '/')).toEqual({ status: 200, type: 'text/html; charset=utf-8' });
    expect(await fetchStatus(port, '/app.js')).toEqual({ status: 200, type: 'text/javascript; charset=utf-8' });
  });

  it('refuses anything outside the folder, and any method but GET and HEAD', async () => {
    expect((await fetchStatus(port, '/../package.json')).status).toBe(404);
    expect((await fetchStatus(port, '/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
    expect((await fetchStatus(port, '/missing.js')).status).toBe(404);
    expect((await fetchStatus(port, '/index.html', 'POST')).status).toBe(405);
    expect(existsSync(join(folder, 'index.html'))).toBe(true);
  });
});
