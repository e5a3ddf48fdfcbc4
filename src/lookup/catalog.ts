/**
 * Where lookups come from: folders of security_content lookup definitions (`<name>.yml` with
 * `filename:` naming a CSV beside it) and plain CSV files, layered like macros: the bundled
 * `lookups/` folder first, then each `--lookups` path in order (later wins), then the
 * `--output-lookups` folder, so a search can read back what outputlookup wrote.
 *
 * A lookup is found by its definition name (`lookup attacker_tools ...`) or by its CSV file
 * name (`inputlookup linux_tool_discovery_process.csv`), as the lookup reference allows
 * (DOC lookup: "Can be either the name of a CSV file ... or the name of a stanza").
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { booleanFromText } from '../parse/option-values.js';
import { SpelunkError, type Span } from '../core/errors.js';
import { bundled } from '../core/paths.js';

export type MatchType = 'WILDCARD' | 'CIDR';

export interface LookupDefinition {
  name: string;
  /** The file the definition came from (YAML, or the CSV itself for a file lookup). */
  source: string;
  /** The CSV file, resolved in the lookup folders; absent for KV store lookups. */
  file: string | undefined;
  /** `collection:` of a KV store lookup. */
  collection: string | undefined;
  /** `filename:` as the definition wrote it, for messages. */
  filename: string | undefined;
  caseSensitive: boolean;
  /** Fields with non-exact matching (`match_type = WILDCARD(f), CIDR(g)`); the rest match exactly. */
  matchTypes: ReadonlyMap<string, MatchType>;
  minMatches: number;
  maxMatches: number;
  defaultMatch: string;
}

/** transforms.conf.spec defaults (CONF, Splunk 9.x transforms.conf.spec; DOC "Add field matching rules"). */
const LOOKUP_DEFAULTS = {
  caseSensitive: true,
  minMatches: 0,
  /** 100 for lookups without time_field (9.x spec and Knowledge Manager Manual; older specs said 1000). */
  maxMatches: 100,
  defaultMatch: '',
} as const;

/**
 * Lookups that security_content searches use but that belong to other Splunk apps, so no folder
 * of security_content lookups can have them (security_content lookups/README: "Missing").
 */
const EXTERNAL_LOOKUPS: ReadonlyMap<string, string> = new Map([
  ['asset_lookup_by_str', "Splunk Enterprise Security's asset and identity framework"],
]);

interface Layer {
  definitions: Map<string, { path: string; raw: Record<string, unknown> }>;
  files: Map<string, string>;
}

export class LookupCatalog {
  private readonly layers: Layer[];

  /** `paths`: folders or single .csv/.yml files, lowest precedence first. */
  constructor(readonly paths: readonly string[]) {
    this.layers = paths.map((path) => readLayer(path));
  }

  /** The catalog a search sees: bundled lookups, then the user's, then the output folder. */
  static forSearch(lookupPaths: readonly string[], outputLookupDir: string | undefined): LookupCatalog {
    const paths = [bundled.lookups(), ...lookupPaths.map((p) => resolve(p))];
    if (outputLookupDir !== undefined && existsSync(outputLookupDir)) paths.push(resolve(outputLookupDir));
    const key = paths.join('\0');
    const cached = catalogs.get(key);
    if (cached && cached.stamp === stampOf(paths)) return cached.catalog;
    const catalog = new LookupCatalog(paths);
    catalogs.set(key, { stamp: stampOf(paths), catalog });
    return catalog;
  }

  /** The definition for `name`, with its CSV resolved; a clear error when it cannot be used. */
  resolve(name: string, span?: Span): LookupDefinition {
    const definition = this.find(name, span);
    if (definition.collection !== undefined) {
      throw new SpelunkError(
        'unsupported',
        `spelunk does not support KV store lookups: '${name}' is the KV store collection '${definition.collection}' ` +
          `(${definition.source}), which has no CSV file. To run this search, give a lookup definition named '${name}' ` +
          `with a 'filename:' and its CSV in a --lookups folder.`,
        span,
      );
    }
    return definition;
  }

  private find(name: string, span?: Span): LookupDefinition {
    for (let index = this.layers.length - 1; index >= 0; index--) {
      const layer = this.layers[index]!;
      const defined = layer.definitions.get(name);
      if (defined) return this.toDefinition(name, defined.path, defined.raw, span);
      const file = layer.files.get(name);
      if (file) return fileDefinition(name, file);
    }
    const external = EXTERNAL_LOOKUPS.get(name);
    if (external) {
      throw new SpelunkError(
        'unsupported',
        `spelunk does not bundle the lookup '${name}': it belongs to ${external}, not to security_content. ` +
          `Give it as a lookup definition or CSV in a --lookups folder.`,
        span,
      );
    }
    // Splunk's own words for a missing lookup (messages.conf LOOKUP: "does not exist or is not available").
    throw new SpelunkError(
      'search',
      `The lookup table '${name}' does not exist or is not available. Looked in: ${this.paths.join(', ')}.`,
      span,
    );
  }

  /** The CSV file `filename` in the highest layer that has it. */
  private findFile(filename: string): string | undefined {
    for (let index = this.layers.length - 1; index >= 0; index--) {
      const file = this.layers[index]!.files.get(filename);
      if (file) return file;
    }
    return undefined;
  }

  private toDefinition(name: string, path: string, raw: Record<string, unknown>, span?: Span): LookupDefinition {
    const filename = optionalString(raw['filename']);
    const collection = optionalString(raw['collection']);
    const base: Omit<LookupDefinition, 'file' | 'collection' | 'filename'> = {
      name,
      source: path,
      caseSensitive: booleanSetting(raw['case_sensitive_match'], LOOKUP_DEFAULTS.caseSensitive, path, 'case_sensitive_match'),
      matchTypes: parseMatchTypes(optionalString(raw['match_type']), path),
      minMatches: integerSetting(raw['min_matches'], LOOKUP_DEFAULTS.minMatches, path, 'min_matches'),
      maxMatches: integerSetting(raw['max_matches'], LOOKUP_DEFAULTS.maxMatches, path, 'max_matches'),
      defaultMatch: optionalString(raw['default_match']) ?? LOOKUP_DEFAULTS.defaultMatch,
    };
    if (filename === undefined) {
      // transforms.conf.spec: a collection defaults to the stanza name for KV store lookups.
      return { ...base, file: undefined, filename: undefined, collection: collection ?? name };
    }
    // transforms.conf.spec: "Only file names are supported ... Splunk software strips the path".
    const file = this.findFile(basename(filename.replace(/\\/g, '/')));
    if (!file) {
      throw new SpelunkError(
        'search',
        `The lookup table '${name}' does not exist or is not available: its definition (${path}) names the file ` +
          `'${filename}', which is in none of the lookup folders (${this.paths.join(', ')}).`,
        span,
      );
    }
    return { ...base, file, filename, collection: undefined };
  }
}

const catalogs = new Map<string, { stamp: string; catalog: LookupCatalog }>();

/** Changes whenever a file is added to or removed from a folder, so new outputlookup files are seen. */
function stampOf(paths: readonly string[]): string {
  return paths
    .map((path) => {
      try {
        const stat = statSync(path);
        return stat.isDirectory() ? `${stat.mtimeMs}:${readdirSync(path).length}` : String(stat.mtimeMs);
      } catch {
        return 'missing';
      }
    })
    .join('|');
}

/** A CSV used directly: exact, case-sensitive matching with the spec's defaults. */
function fileDefinition(name: string, file: string): LookupDefinition {
  return {
    name,
    source: file,
    file,
    collection: undefined,
    filename: basename(file),
    caseSensitive: LOOKUP_DEFAULTS.caseSensitive,
    matchTypes: new Map(),
    minMatches: LOOKUP_DEFAULTS.minMatches,
    maxMatches: LOOKUP_DEFAULTS.maxMatches,
    defaultMatch: LOOKUP_DEFAULTS.defaultMatch,
  };
}

function readLayer(path: string): Layer {
  const layer: Layer = { definitions: new Map(), files: new Map() };
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new SpelunkError('usage', `lookup path not found: ${path}`);
  }
  const entries = stat.isDirectory() ? listFiles(path) : [path];
  for (const file of entries) {
    if (/\.csv$/i.test(file)) layer.files.set(basename(file), file);
    else if (/\.ya?ml$/i.test(file)) {
      const raw = readDefinitionYaml(file);
      const name = optionalString(raw['name']);
      if (name === undefined) throw new SpelunkError('input', `${file}: a lookup definition needs a 'name:'`);
      layer.definitions.set(name, { path: file, raw });
    } else if (!stat.isDirectory()) {
      throw new SpelunkError('usage', `--lookups expects a folder, a .csv file or a lookup definition .yml: ${path}`);
    }
  }
  return layer;
}

/** The files of a folder and its subfolders, sorted so the result does not depend on the file system. */
function listFiles(folder: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(full));
    else if (entry.isFile()) files.push(full);
  }
  return files;
}

function readDefinitionYaml(file: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SpelunkError('input', `${file}: invalid lookup definition YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new SpelunkError('input', `${file}: a lookup definition must be a YAML mapping`);
  }
  return value as Record<string, unknown>;
}

function optionalString(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return String(value);
}

function booleanSetting(value: unknown, fallback: boolean, file: string, key: string): boolean {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'boolean') return value;
  const parsed = booleanFromText(String(value));
  if (parsed === undefined) throw new SpelunkError('input', `${file}: '${key}' must be true or false, not '${String(value)}'`);
  return parsed;
}

function integerSetting(value: unknown, fallback: number, file: string, key: string): number {
  if (value === undefined || value === null) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) {
    throw new SpelunkError('input', `${file}: '${key}' must be a whole number, not '${String(value)}'`);
  }
  return number;
}

/** `WILDCARD(a),WILDCARD(b), CIDR(c)`: comma- and space-delimited (transforms.conf.spec match_type). */
export function parseMatchTypes(text: string | undefined, file: string): Map<string, MatchType> {
  const types = new Map<string, MatchType>();
  if (text === undefined) return types;
  for (const part of text.split(/[,\s]+(?![^(]*\))/).map((p) => p.trim()).filter((p) => p !== '')) {
    const match = /^(WILDCARD|CIDR|EXACT)\(\s*([^)]+?)\s*\)$/i.exec(part);
    if (!match) throw new SpelunkError('input', `${file}: cannot read match_type '${part}': expected WILDCARD(field), CIDR(field) or EXACT(field)`);
    const kind = match[1]!.toUpperCase();
    if (kind !== 'EXACT') types.set(match[2]!, kind as MatchType);
  }
  return types;
}
