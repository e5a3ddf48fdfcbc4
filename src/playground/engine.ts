/**
 * The playground's engine: spelunk's own pipeline (expansion, explanation, stages, results) over
 * files held in memory, so the same code answers in the browser as on the command line. In the
 * browser bundle `node:fs` is the virtual file system in shims/fs.ts, which this module fills
 * with the dropped files and the macros typed on the page.
 */
import { SpelunkError } from '../core/errors.js';
import type { DatasetKey } from '../datamodel/models.js';
import { explainPipeline, explanationLines, type ExplainedCommand } from '../explain/explain.js';
import { runWithStages, type Stage } from '../explain/stages.js';
import { formatCsv } from '../format/csv.js';
import { formatJson, type ResultObject } from '../format/json.js';
import { loadDatasets } from '../ingest/load.js';
import type { ExpansionStep } from '../macros/expand.js';
import { Session } from '../session.js';
import type { ColumnarStore } from '../store/types.js';
import { putFile, removeFile } from './shims/fs.js';

/** Where the bundled files sit in the virtual file system (the package root). */
export const PACKAGE_ROOT = '/spelunk';
export const SAMPLE_FOLDER = `${PACKAGE_ROOT}/examples/data`;
const DROPPED_FOLDER = '/dropped';
const MACROS_FILE = '/page/macros.conf';

export interface LoadedFiles {
  datasets: Map<DatasetKey, ColumnarStore>;
  /** The ingest summary, as `spelunk run` prints it on stderr. */
  summary: string;
}

/** Reads the given paths (the sample's files and dropped files) as `spelunk run --data` would. */
export async function loadFiles(paths: readonly string[]): Promise<LoadedFiles> {
  const { datasets, report } = await loadDatasets(paths);
  return { datasets, summary: report.summary() };
}

/** Puts a dropped file into the virtual file system; returns its path. */
export function addDroppedFile(name: string, bytes: Uint8Array): string {
  const path = `${DROPPED_FOLDER}/${name.replace(/[/\\]/g, '_')}`;
  putFile(path, bytes);
  return path;
}

export function removeDroppedFile(path: string): void {
  removeFile(path);
}

export interface PlaygroundRequest {
  search: string;
  /** macros.conf text typed on the page, layered over the bundled macros. */
  macros: string;
  data: LoadedFiles;
  /** Rows kept per stage. */
  stageRows?: number;
  tz?: string;
}

export interface PlaygroundAnswer {
  expandedSearch: string;
  trace: ExpansionStep[];
  explanation: ExplainedCommand[];
  /** The explanation as `spelunk parse --explain` prints it. */
  explanationText: string;
  stages: Stage[];
  columns: string[];
  /** The results as `spelunk run --format json` prints them. */
  results: ResultObject[];
  json: string;
  csv: string;
  warnings: string[];
}

export interface PlaygroundError {
  error: string;
  /** Where: line and column in the search, or the macro. */
  detail?: string;
}

/** Runs one search of the page; any error comes back as text, never thrown. */
export function answer(request: PlaygroundRequest): PlaygroundAnswer | PlaygroundError {
  try {
    const macros = request.macros.trim();
    if (macros) putFile(MACROS_FILE, new TextEncoder().encode(`${request.macros}\n`));
    const tz = request.tz ?? 'UTC';
    const session = new Session({ datasets: request.data.datasets, macros: macros ? [MACROS_FILE] : [], tz });
    const { expansion, pipeline } = session.parse(request.search);
    const explanation = explainPipeline(pipeline, expansion.text);
    const { result, stages } = runWithStages(session, request.search, { rows: request.stageRows ?? 5, tz });
    const json = formatJson(result, { tz });
    return {
      expandedSearch: expansion.text,
      trace: expansion.steps,
      explanation,
      explanationText: `${explanationLines(explanation).join('\n')}\n`,
      stages,
      columns: result.columns,
      results: JSON.parse(json) as ResultObject[],
      json,
      csv: formatCsv(result, { tz }),
      warnings: result.warnings,
    };
  } catch (error) {
    if (error instanceof SpelunkError) return { error: error.message, ...(error.detail ? { detail: error.detail } : {}) };
    return { error: `internal error: ${error instanceof Error ? error.message : String(error)}` };
  }
}
