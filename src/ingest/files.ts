/**
 * File listing: the files under the paths the user gave, in the order they are read.
 *
 * A path named on the command line is read whatever it is (a FIFO or `/dev/stdin` too: the
 * user asked for it); a path that does not exist is an error. Walking a folder, only regular
 * files are read: a FIFO named `*.log` would block the run forever, a device never ends.
 * Symbolic links are followed, as Splunk's monitor input does (inputs.conf `followSymlink`,
 * default true); a broken link, a link loop, a link back to a folder being walked and an
 * unreadable folder are each reported as a skipped entry, and the walk goes on.
 */
import type { Dirent, Stats } from 'node:fs';
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

/** A folder entry that was not read, and why. */
export interface SkippedEntry {
  path: string;
  reason: string;
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

function whyNot(error: unknown): string {
  switch (errorCode(error)) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'symbolic link loop';
    default:
      return String((error as Error).message);
  }
}

function noSuchPath(path: string, error: unknown): SpelunkError {
  return new SpelunkError('input', `cannot read data path '${path}': ${whyNot(error)}`);
}

/** What kind of file system object `info` is, for a reason. */
function kindOf(info: Stats | Dirent): string {
  if (info.isFIFO()) return 'a FIFO';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  return 'not a file or folder';
}

/** Identity of a folder, to notice a link that leads back into a folder being walked. */
function folderKey(info: Stats): string {
  return `${info.dev}:${info.ino}`;
}

/**
 * Files under the given paths, folders walked recursively in name order; the other files found
 * go to `ignored` (not a log file extension), the entries that cannot be read to `skipped`.
 */
export async function listFiles(paths: readonly string[], ignored: string[], skipped: SkippedEntry[] = []): Promise<DataFile[]> {
  const files: DataFile[] = [];
  const walk = async (folder: string, walking: ReadonlySet<string>): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      skipped.push({ path: folder, reason: `cannot read folder: ${whyNot(error)}` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(folder, entry.name);
      const isLog = LOG_EXTENSIONS.has(extname(entry.name).toLowerCase());
      if (!entry.isFile() && !entry.isDirectory() && !entry.isSymbolicLink()) {
        if (isLog) skipped.push({ path, reason: `not a regular file (${kindOf(entry)})` });
        else ignored.push(path);
        continue;
      }
      let info: Stats;
      try {
        info = await stat(path);
      } catch (error) {
        const code = errorCode(error);
        const reason = entry.isSymbolicLink() && code === 'ENOENT' ? 'broken symbolic link (its target does not exist)' : whyNot(error);
        skipped.push({ path, reason });
        continue;
      }
      if (info.isDirectory()) {
        const key = folderKey(info);
        if (walking.has(key)) skipped.push({ path, reason: 'symbolic link loop (it leads back to a folder being read)' });
        else await walk(path, new Set([...walking, key]));
      } else if (!isLog) {
        ignored.push(path);
      } else if (info.isFile()) {
        files.push({ path, size: info.size });
      } else {
        skipped.push({ path, reason: `not a regular file (${kindOf(info)})` });
      }
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
    if (info.isDirectory()) await walk(path, new Set([folderKey(info)]));
    else files.push({ path, size: info.isFile() ? info.size : 0 });
  }
  return files;
}
