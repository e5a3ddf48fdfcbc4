/**
 * spelunk's own test files, `<detection>.test.yml` next to the detection: named cases, each with
 * its data (files, or events written inline), the macros to layer over the bundled ones (the
 * filter under test), and what the detection must do on that data. The README documents the format.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isMap, LineCounter, parseDocument } from 'yaml';
import { SpelunkError } from '../core/errors.js';

/** A row as `--format json` writes it: every value a string, a multivalue an array of strings. */
export type ExpectedRow = Record<string, string | string[]>;

export type Expectation =
  | { kind: 'fires' }
  | { kind: 'does not fire' }
  | { kind: 'count'; count: number }
  /** `exact`: the same rows with the same fields; `subset`: only the fields the expected rows name are compared. */
  | { kind: 'rows'; rows: ExpectedRow[]; columns: 'exact' | 'subset' };

export interface TestCase {
  name: string;
  /** Files or folders, resolved against the test file's folder. */
  data: string[];
  /** Events written in the test file, in any input format spelunk reads. */
  events?: string;
  macros: string[];
  inlineMacros: string[];
  expect: Expectation;
}

export interface TestFile {
  path: string;
  detectionPath: string;
  cases: TestCase[];
}

export const TEST_FILE_SUFFIX = '.test.yml';

/** The test file next to a detection, if there is one. */
export function testFileFor(detectionPath: string): string | undefined {
  const candidate = detectionPath.replace(/\.ya?ml$/i, '') + TEST_FILE_SUFFIX;
  return existsSync(candidate) ? candidate : undefined;
}

/** The detection a test file tests: its `detection:` field, or the same name without `.test`. */
function defaultDetectionPath(path: string): string {
  return join(dirname(path), basename(path).replace(/\.test\.ya?ml$/i, '.yml'));
}

export function loadTestFile(path: string): TestFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new SpelunkError('input', `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseTestFile(text, path);
}

export function parseTestFile(text: string, path: string): TestFile {
  const lineCounter = new LineCounter();
  const parsed = parseDocument(text, { lineCounter, prettyErrors: false });
  const firstError = parsed.errors[0];
  if (firstError) {
    const { line, col } = lineCounter.linePos(firstError.pos[0]);
    throw new SpelunkError('usage', `${path}:${line}:${col}: invalid YAML: ${firstError.message.split('\n')[0]}`);
  }
  if (!isMap(parsed.contents)) throw bad(path, '', 'expected a mapping with a `tests:` list');
  const document = parsed.toJS() as Record<string, unknown>;
  const base = dirname(path);
  const detectionField = document['detection'];
  if (detectionField !== undefined && typeof detectionField !== 'string') throw bad(path, 'detection', 'expected the path of the detection YAML');
  const detectionPath = detectionField !== undefined ? resolve(base, detectionField) : defaultDetectionPath(path);
  const sharedMacros = paths(document['macros'], path, 'macros', base);
  const sharedInline = strings(document['macro'], path, 'macro');
  const tests = document['tests'];
  if (!Array.isArray(tests) || tests.length === 0) throw bad(path, 'tests', 'expected a list of test cases');
  const cases = tests.map((entry, index) => {
    const where = `tests[${index}]`;
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) throw bad(path, where, 'expected a mapping with name, data and expect');
    const item = entry as Record<string, unknown>;
    const name = item['name'];
    if (typeof name !== 'string' || name.trim() === '') throw bad(path, `${where}.name`, 'expected the name of the case');
    const events = item['events'];
    if (events !== undefined && typeof events !== 'string') throw bad(path, `${where}.events`, 'expected the events as text (a YAML block: `events: |`)');
    const data = paths(item['data'], path, `${where}.data`, base);
    if (data.length === 0 && events === undefined) throw bad(path, where, 'give the case its data (`data:` files or folders, or `events:` text)');
    for (const file of data) if (!existsSync(file)) throw bad(path, `${where}.data`, `no such file or folder: ${file}`);
    const testCase: TestCase = {
      name,
      data,
      ...(events !== undefined ? { events } : {}),
      macros: [...sharedMacros, ...paths(item['macros'], path, `${where}.macros`, base)],
      inlineMacros: [...sharedInline, ...strings(item['macro'], path, `${where}.macro`)],
      expect: expectation(item['expect'], path, `${where}.expect`),
    };
    return testCase;
  });
  const names = new Set<string>();
  for (const testCase of cases) {
    if (names.has(testCase.name)) throw bad(path, 'tests', `two cases are named '${testCase.name}': give each its own name`);
    names.add(testCase.name);
  }
  return { path, detectionPath, cases };
}

function expectation(value: unknown, path: string, where: string): Expectation {
  const usage = 'expected `fires`, `does not fire`, `{ count: N }` or `{ rows: [...], columns: exact|subset }`';
  if (value === 'fires') return { kind: 'fires' };
  if (value === 'does not fire') return { kind: 'does not fire' };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw bad(path, where, usage);
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object);
  if ('count' in object) {
    const count = object['count'];
    if (keys.length !== 1 || typeof count !== 'number' || !Number.isInteger(count) || count < 0) throw bad(path, `${where}.count`, 'expected a whole number of results, 0 or more');
    return { kind: 'count', count };
  }
  if ('rows' in object) {
    const extra = keys.filter((key) => key !== 'rows' && key !== 'columns');
    if (extra.length > 0) throw bad(path, where, `unknown key ${extra[0]}; ${usage}`);
    const columns = object['columns'] ?? 'exact';
    if (columns !== 'exact' && columns !== 'subset') throw bad(path, `${where}.columns`, 'expected exact or subset');
    const rows = object['rows'];
    if (!Array.isArray(rows)) throw bad(path, `${where}.rows`, 'expected a list of rows, each a mapping of field to value');
    return { kind: 'rows', columns, rows: rows.map((row, index) => expectedRow(row, path, `${where}.rows[${index}]`)) };
  }
  throw bad(path, where, usage);
}

function expectedRow(value: unknown, path: string, where: string): ExpectedRow {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw bad(path, where, 'expected a mapping of field to value');
  const row: ExpectedRow = {};
  for (const [field, cell] of Object.entries(value as Record<string, unknown>)) {
    if (Array.isArray(cell)) row[field] = cell.map((item) => scalarText(item, path, `${where}.${field}`));
    else row[field] = scalarText(cell, path, `${where}.${field}`);
  }
  return row;
}

/** YAML reads `count: 2` as a number; results are compared as the strings spelunk prints. */
function scalarText(value: unknown, path: string, where: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw bad(path, where, 'expected a value (text or number) or a list of them');
}

function strings(value: unknown, path: string, where: string): string[] {
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.map((item, index) => {
    if (typeof item !== 'string') throw bad(path, `${where}[${index}]`, 'expected text');
    return item;
  });
}

function paths(value: unknown, path: string, where: string, base: string): string[] {
  return strings(value, path, where).map((item) => resolve(base, item));
}

function bad(path: string, where: string, message: string): SpelunkError {
  return new SpelunkError('usage', `${path}${where ? `: ${where}` : ''}: ${message}`);
}
