/**
 * The searches `spelunk coverage` measures: detection YAMLs (a folder in security_content's
 * `detections/` layout, searched recursively, or single files) and text files of
 * `name<TAB>search` lines.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { SpelunkError } from '../core/errors.js';

export interface CoverageSearch {
  /** The detection's `name:`, or the first column of a text line. */
  name: string;
  /** Where it came from: `file` or `file:line`. */
  source: string;
  search: string;
  /** In a `deprecated/` folder or `status: deprecated`: reported apart, not counted in N. */
  deprecated: boolean;
  /** Why the file could not be read as a detection (invalid YAML met while walking a folder): reported as an error. */
  problem?: string;
}

export function collectSearches(paths: readonly string[]): CoverageSearch[] {
  const searches: CoverageSearch[] = [];
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new SpelunkError('usage', `coverage: path not found: ${path}`);
    }
    if (stat.isDirectory()) {
      // One unreadable file in a folder of detections is reported with the others, not fatal.
      for (const file of yamlFiles(path)) {
        const found = readDetection(file, true);
        if (found) searches.push(found);
      }
    } else if (/\.ya?ml$/i.test(path)) {
      const found = readDetection(path);
      if (!found) throw new SpelunkError('usage', `coverage: ${path} has no \`search:\` field; expected a detection YAML`);
      searches.push(found);
    } else {
      searches.push(...readSearchList(path));
    }
  }
  return searches;
}

function yamlFiles(folder: string): string[] {
  const files: string[] = [];
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...yamlFiles(full));
    else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) files.push(full);
  }
  return files;
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new SpelunkError('input', `coverage: cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * A detection YAML's search, or undefined for YAML files that are not detections (no `search:`).
 * Invalid YAML is an error, or with `keepGoing` a search that reports it.
 */
function readDetection(file: string, keepGoing = false): CoverageSearch | undefined {
  let document: unknown;
  try {
    document = parseYaml(readText(file));
  } catch (error) {
    const problem = `coverage: ${file}: invalid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
    if (!keepGoing) throw new SpelunkError('input', problem);
    return { name: basename(file), source: file, search: '', deprecated: file.split(sep).includes('deprecated'), problem };
  }
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return undefined;
  const fields = document as Record<string, unknown>;
  const search = fields['search'];
  if (typeof search !== 'string' || search.trim() === '') return undefined;
  const name = typeof fields['name'] === 'string' ? fields['name'] : basename(file);
  const inDeprecatedFolder = file.split(sep).includes('deprecated');
  const deprecated = inDeprecatedFolder || String(fields['status'] ?? '').toLowerCase() === 'deprecated';
  return { name, source: file, search, deprecated };
}

/** `name<TAB>search` per line; a line without a tab is a search named after its line number. */
function readSearchList(file: string): CoverageSearch[] {
  const searches: CoverageSearch[] = [];
  readText(file)
    .split(/\r?\n/)
    .forEach((line, index) => {
      if (line.trim() === '') return;
      const tab = line.indexOf('\t');
      const name = tab >= 0 ? line.slice(0, tab).trim() : `line ${index + 1}`;
      const search = tab >= 0 ? line.slice(tab + 1) : line;
      searches.push({ name, source: `${file}:${index + 1}`, search, deprecated: false });
    });
  return searches;
}
