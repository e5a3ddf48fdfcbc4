/**
 * Where the bundled security_content detections are: `detections/` at the package root (next to
 * `macros/` and `lookups/`), found from `src/` (tests) and `dist/src/` alike.
 */
import { resolve } from 'node:path';
import { packageRoot } from '../core/paths.js';

/** The folder of bundled detection YAMLs (security_content's `detections/` layout, deprecated left out). */
export function bundledDetections(): string {
  return resolve(packageRoot(), 'detections');
}
