/**
 * A library of detections: every detection YAML under the given folders (security_content's
 * `detections/` layout, searched recursively) and files. Deprecated ones (in a `deprecated/`
 * folder or with `status: deprecated`) are left out, as ESCU does not ship them enabled; a file
 * in a folder that cannot be read as a detection is kept as a problem, not dropped.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { SpelunkError } from '../core/errors.js';
import { loadDetection, type Detection } from './detection.js';

/** A file met while walking a folder that is not a usable detection, and why. */
export interface LibraryProblem {
  path: string;
  message: string;
}

export interface DetectionLibrary {
  detections: Detection[];
  /** Files that are YAML but not readable detections (invalid YAML, no `search:`). */
  problems: LibraryProblem[];
  /** How many deprecated detections were left out. */
  deprecated: number;
}

/** Reads every detection under `paths`; a path that does not exist is a usage error. */
export function loadDetectionLibrary(paths: readonly string[]): DetectionLibrary {
  const library: DetectionLibrary = { detections: [], problems: [], deprecated: 0 };
  const seen = new Set<string>();
  for (const path of paths) {
    let isFolder: boolean;
    try {
      isFolder = statSync(path).isDirectory();
    } catch {
      throw new SpelunkError('usage', `--detections ${path}: no such file or folder.`);
    }
    if (!isFolder) {
      // A file named on its own must be a detection: its mistakes are the user's to fix.
      add(library, loadDetection(path), seen);
      continue;
    }
    for (const file of yamlFiles(path)) {
      if (file.split(sep).includes('deprecated')) {
        library.deprecated++;
        continue;
      }
      try {
        add(library, loadDetection(file), seen);
      } catch (error) {
        library.problems.push({ path: file, message: error instanceof Error ? error.message : String(error) });
      }
    }
  }
  return library;
}

function add(library: DetectionLibrary, detection: Detection, seen: Set<string>): void {
  if ((detection.status ?? '').toLowerCase() === 'deprecated') {
    library.deprecated++;
    return;
  }
  // The same file named twice (a folder and a file in it) runs once.
  if (seen.has(detection.path)) return;
  seen.add(detection.path);
  library.detections.push(detection);
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
