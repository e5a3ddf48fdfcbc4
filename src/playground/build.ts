/**
 * Builds the playground page: the engine and the page bundled for the browser with esbuild, the
 * Node modules on that path replaced by the shims in shims/ (a virtual file system holding the
 * bundled macros, lookups and sample), and the files it reads embedded in files.js. The result is
 * a static folder (index.html, site.css, app.js, files.js) that needs no server and no network.
 *
 * Run after tsc (`npm run build`): `node dist/src/playground/build.js [DIR]`, default
 * dist/src/playground/site, which `spelunk playground` serves.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_NAME, packageRoot } from '../core/paths.js';

/** The folders of the package the engine reads at run time, embedded under /spelunk. */
const EMBEDDED = ['macros', 'lookups', 'examples'];
const VIRTUAL_ROOT = '/spelunk';

export function defaultSiteFolder(): string {
  return resolve(packageRoot(), 'dist/src/playground/site');
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? filesUnder(path) : entry.isFile() ? [path] : [];
  });
}

/** files.js: every embedded file by its virtual path, as text or base64. */
function embeddedFiles(root: string): string {
  const files: Record<string, [string, string]> = { [`${VIRTUAL_ROOT}/package.json`]: ['utf8', JSON.stringify({ name: PACKAGE_NAME })] };
  for (const folder of EMBEDDED) {
    for (const path of filesUnder(join(root, folder)).sort()) {
      const bytes = readFileSync(path);
      const virtual = `${VIRTUAL_ROOT}/${relative(root, path).split('\\').join('/')}`;
      files[virtual] = isUtf8(bytes) ? ['utf8', bytes.toString('utf8')] : ['base64', bytes.toString('base64')];
    }
  }
  return `window.__SPELUNK_FILES__ = ${JSON.stringify(files)};\n`;
}

/** Writes the page into `outDir`; returns the folder. */
export async function buildSite(outDir: string = defaultSiteFolder()): Promise<string> {
  const root = packageRoot();
  const source = join(root, 'src/playground');
  const shim = (name: string): string => join(source, 'shims', name);
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch {
    throw new Error('building the playground needs esbuild (a devDependency): run `npm install` in the spelunk repository');
  }
  mkdirSync(outDir, { recursive: true });
  await esbuild.build({
    entryPoints: [join(source, 'web/app.ts')],
    outfile: join(outDir, 'app.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    alias: {
      'node:fs': shim('fs.ts'),
      'node:fs/promises': shim('fs.ts'),
      'node:path': shim('path.ts'),
      'node:url': shim('url.ts'),
      'node:buffer': shim('buffer.ts'),
      'node:os': shim('os.ts'),
      'node:zlib': shim('unavailable.ts'),
      'node:worker_threads': shim('unavailable.ts'),
      'node:crypto': shim('unavailable.ts'),
      'node:v8': shim('unavailable.ts'),
      'node:events': shim('unavailable.ts'),
    },
    inject: [shim('buffer.ts'), shim('process.ts')],
    define: { 'import.meta.url': JSON.stringify(`file://${VIRTUAL_ROOT}/dist/src/core/paths.js`) },
  });
  writeFileSync(join(outDir, 'files.js'), embeddedFiles(root));
  for (const file of ['index.html', 'site.css']) copyFileSync(join(source, file), join(outDir, file));
  return outDir;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const target = process.argv[2] ? resolve(process.argv[2]) : defaultSiteFolder();
  buildSite(target).then(
    (folder) => process.stdout.write(`spelunk: playground written to ${folder} (${statSync(join(folder, 'app.js')).size} bytes of script)\n`),
    (error: unknown) => {
      process.stderr.write(`spelunk: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
