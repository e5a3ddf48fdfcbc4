/**
 * The `<search>` argument of spelunk's commands: SPL text, or the path of a `.spl` file, or of a
 * security_content detection `.yml` whose `search:` field is the SPL.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { SpelunkError } from '../core/errors.js';

export interface SearchInput {
  text: string;
  /** "command line", or the path of the .spl or .yml file the search came from. */
  sourceName: string;
  /** The detection's `name:`, when the search came from a detection YAML. */
  detectionName?: string;
}

const SEARCH_FILE = /\.(spl|ya?ml)$/i;

export function readSearchArgument(arg: string): SearchInput {
  if (!looksLikeSearchFile(arg)) {
    checkNotAPath(arg);
    return { text: arg, sourceName: 'command line' };
  }
  if (!existsSync(arg) || !statSync(arg).isFile()) {
    throw new SpelunkError('usage', `search file not found: ${arg}`);
  }
  const content = readText(arg);
  if (/\.spl$/i.test(arg)) return { text: content.replace(/\s+$/, ''), sourceName: arg };
  return readDetectionYaml(content, arg);
}

/** A one-line argument ending in .spl/.yml/.yaml names a file; SPL never ends that way. */
function looksLikeSearchFile(arg: string): boolean {
  return !arg.includes('\n') && SEARCH_FILE.test(arg.trim());
}

/**
 * A search argument that names a folder or a file spelunk cannot read a search from is a
 * mistake in the command line, not SPL: say so rather than report the path's syntax errors.
 */
function checkNotAPath(arg: string): void {
  if (arg.includes('\n') || arg.trim() === '' || !existsSync(arg)) return;
  const folder = statSync(arg).isDirectory();
  if (folder) {
    throw new SpelunkError('usage', `${arg} is a folder: did you mean \`spelunk coverage ${arg}\` (every detection in it), or --data ${arg} (logs to search)?`);
  }
  throw new SpelunkError(
    'usage',
    `${arg} is a file spelunk reads no search from (a search is SPL text, a .spl file or a detection .yml): did you mean --data ${arg}?`,
  );
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SpelunkError('input', `cannot read ${path}: ${reason}`);
  }
}

function readDetectionYaml(content: string, path: string): SearchInput {
  const lineCounter = new LineCounter();
  const document = parseDocument(content, { lineCounter, prettyErrors: false });
  const firstError = document.errors[0];
  if (firstError) {
    const { line } = lineCounter.linePos(firstError.pos[0]);
    // A usage error (exit 2), like a missing search file or a YAML without `search:`.
    throw new SpelunkError('usage', `${path}:${line}: invalid YAML: ${firstError.message.split('\n')[0]}`);
  }
  const root = document.contents;
  const field = (key: string): unknown => {
    if (!isMap(root)) return undefined;
    const pair = root.items.find((item) => isScalar(item.key) && item.key.value === key);
    return isScalar(pair?.value) ? pair.value.value : undefined;
  };
  const search = field('search');
  if (typeof search !== 'string' || search.trim() === '') {
    throw new SpelunkError('usage', `${path} has no \`search:\` field; expected a security_content detection YAML`);
  }
  const name = field('name');
  return { text: search, sourceName: path, ...(typeof name === 'string' ? { detectionName: name } : {}) };
}
