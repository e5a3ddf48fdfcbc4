/** File listing: the files under the paths the user gave, in the order they are read. */
import type { Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { SpelunkError } from '../core/errors.js';
import { RECORD_SOURCES } from './sources.js';

/** Extensions read when walking a folder; a file named on the command line is always read. */
const LOG_EXTENSIONS = new Set([
  '.log',
  '.xml',
  '.json',
  '.jsonl',
  '.ndjson',
  '.txt',
  '.raw',
  '.out',
  '.gz',
  ...RECORD_SOURCES.flatMap((source) => source.extensions),
]);

/** A file to read; path '-' is standard input. */
export interface DataFile {
  path: string;
  size: number;
}

function noSuchPath(path: string, error: unknown): SpelunkError {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'no such file or directory' : code === 'EACCES' ? 'permission denied' : String((error as Error).message);
  return new SpelunkError('input', `cannot read data path '${path}': ${why}`);
}

/** Files under the given paths, folders walked recursively in name order; the others found go to `ignored`. */
export async function listFiles(paths: readonly string[], ignored: string[]): Promise<DataFile[]> {
  const files: DataFile[] = [];
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (LOG_EXTENSIONS.has(extname(entry.name).toLowerCase())) files.push({ path, size: (await stat(path)).size });
      else ignored.push(path);
    }
  };
  for (const path of paths) {
    if (path === '-') {
      files.push({ path: '-', size: 0 });
      continue;
    }
    let info: Stats;
    try {
      info = await stat(path);
    } catch (error) {
      throw noSuchPath(path, error);
    }
    if (info.isDirectory()) await walk(path);
    else files.push({ path, size: info.size });
  }
  return files;
}
