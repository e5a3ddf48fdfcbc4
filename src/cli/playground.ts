/**
 * `spelunk playground [--port N]`: serves the playground page (src/playground) on 127.0.0.1 only;
 * the page runs spelunk's engine in the browser, so the server only hands out its static files.
 * `--build DIR` writes the same page into DIR, to open from disk or publish.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { SpelunkError } from '../core/errors.js';
import { buildSite, defaultSiteFolder } from '../playground/build.js';
import { exitWithError } from './common.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
};

/** The built page: the one `npm run build` made, or built now from the sources. */
async function siteFolder(): Promise<string> {
  const folder = defaultSiteFolder();
  if (existsSync(join(folder, 'index.html'))) return folder;
  try {
    return await buildSite(folder);
  } catch (error) {
    throw new SpelunkError('usage', `The playground page is not built and cannot be built here: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Serves the files of `folder` (GET and HEAD only, nothing outside it) on 127.0.0.1:`port`. */
export function servePlayground(folder: string, port: number): Promise<Server> {
  const root = resolve(folder);
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const file = resolve(root, `.${path === '/' ? '/index.html' : path}`);
    if ((request.method !== 'GET' && request.method !== 'HEAD') || !file.startsWith(`${root}/`) || !existsSync(file)) {
      response.writeHead(request.method === 'GET' || request.method === 'HEAD' ? 404 : 405).end();
      return;
    }
    response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    response.end(request.method === 'HEAD' ? undefined : readFileSync(file));
  });
  return new Promise((done, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      fail(new SpelunkError('usage', error.code === 'EADDRINUSE' ? `port ${port} is in use: choose another with --port.` : `cannot serve the playground: ${error.message}`)),
    );
    server.listen(port, '127.0.0.1', () => done(server));
  });
}

/** Writes the page into `target`: a copy of the built page, or a fresh build. */
export async function writePlayground(target: string): Promise<string> {
  const folder = defaultSiteFolder();
  if (!existsSync(join(folder, 'index.html'))) return buildSite(resolve(target));
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(folder)) copyFileSync(join(folder, name), join(target, name));
  return resolve(target);
}

function portNumber(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError('expected a port number, 0 to 65535 (0: any free port).');
  return Number(value);
}

export function registerPlaygroundCommand(program: Command): void {
  program
    .command('playground')
    .description('serve the SPL playground (editor, explanation, stages, results; runs in the browser, offline) on 127.0.0.1')
    .option('--port <n>', 'the port to listen on, on 127.0.0.1 only (0: any free port)', portNumber, 8017)
    .option('--build <dir>', 'write the page as a static folder instead of serving it')
    .addHelpText('after', ['', 'Examples:', '  spelunk playground                 # then open http://127.0.0.1:8017/', '  spelunk playground --build site/'].join('\n'))
    .action(async (flags: { port: number; build?: string }) => {
      try {
        if (flags.build !== undefined) {
          process.stdout.write(`spelunk: playground written to ${await writePlayground(flags.build)} (open index.html)\n`);
          return;
        }
        const server = await servePlayground(await siteFolder(), flags.port);
        const address = server.address();
        const port = typeof address === 'object' && address ? address.port : flags.port;
        process.stdout.write(`spelunk: playground at http://127.0.0.1:${port}/ (Ctrl-C stops it)\n`);
      } catch (error) {
        exitWithError(error);
      }
    });
}
