/**
 * Reading and writing one lookup file inside the folder the user gave (--output-lookups), and
 * nowhere else: no symbolic link is followed (the file is opened with O_NOFOLLOW and checked with
 * lstat, so a link inside the folder, dangling or not, is refused), the file must be a regular
 * file with one link (a hard link would write to a file elsewhere too), and its real path must be
 * in the real folder. FIFOs and devices are refused without blocking (O_NONBLOCK).
 */
import { closeSync, constants, fstatSync, ftruncateSync, lstatSync, openSync, readFileSync, realpathSync, rmSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { SpelunkError } from '../core/errors.js';

const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
const NON_BLOCK = constants.O_NONBLOCK ?? 0;

function refuse(file: string, why: string): never {
  throw new SpelunkError('search', `outputlookup: refusing to use ${file}: ${why}.`);
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ELOOP' || code === 'EMLINK') return 'it is a symbolic link';
  return error instanceof Error ? error.message : String(error);
}

/** lstat without following links; undefined when nothing is there. */
function entry(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new SpelunkError('input', `outputlookup: cannot inspect ${file}: ${describe(error)}`);
  }
}

function checkEntry(file: string, stats: Stats | undefined): void {
  if (!stats) return;
  if (stats.isSymbolicLink()) refuse(file, 'it is a symbolic link (spelunk never writes through links)');
  if (!stats.isFile()) refuse(file, 'it is not a regular file');
  if (stats.nlink > 1) refuse(file, 'it has other hard links (writing it would change a file elsewhere)');
}

function checkRealPath(file: string): void {
  const folder = realpathSync(dirname(file));
  if (realpathSync(file) !== join(folder, basename(file))) refuse(file, `its real path is outside ${folder}`);
}

/** The text of the file, or undefined when it does not exist. */
export function readInside(file: string): string | undefined {
  const stats = entry(file);
  if (!stats) return undefined;
  checkEntry(file, stats);
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | NO_FOLLOW | NON_BLOCK);
  } catch (error) {
    throw new SpelunkError('input', `outputlookup: cannot read ${file}: ${describe(error)}`);
  }
  try {
    checkEntry(file, fstatSync(fd));
    checkRealPath(file);
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

/** Replaces the file's content with `text`, creating it if needed. */
export function writeInside(file: string, text: string): void {
  checkEntry(file, entry(file));
  let fd: number;
  try {
    fd = openSync(file, constants.O_WRONLY | constants.O_CREAT | NO_FOLLOW | NON_BLOCK, 0o644);
  } catch (error) {
    throw new SpelunkError('input', `outputlookup: cannot write ${file}: ${describe(error)}`);
  }
  try {
    checkEntry(file, fstatSync(fd));
    checkRealPath(file);
    ftruncateSync(fd, 0);
    writeSync(fd, text);
  } catch (error) {
    if (error instanceof SpelunkError) throw error;
    throw new SpelunkError('input', `outputlookup: cannot write ${file}: ${describe(error)}`);
  } finally {
    closeSync(fd);
  }
}

/** Removes the file if it is there (a link is refused, not removed). */
export function removeInside(file: string): void {
  const stats = entry(file);
  if (!stats) return;
  checkEntry(file, stats);
  rmSync(file);
}
