/**
 * Where a detection's `attack_data` file is on this machine: its URL's path below attack_data's
 * `datasets/` folder, under the `--attack-data` folder (which may be attack_data's checkout, holding
 * `datasets/`, or the `datasets/` folder itself).
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

const DATASETS = 'datasets/';

/** The path inside `datasets/`, e.g. `attack_techniques/T1505.003/windows-sysmon.log`, or undefined. */
export function datasetPathOf(url: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    path = url;
  }
  const at = path.indexOf(`/${DATASETS}`);
  if (at >= 0) return path.slice(at + DATASETS.length + 1);
  return path.startsWith(DATASETS) ? path.slice(DATASETS.length) : undefined;
}

export type AttackDataLookup = { found: string } | { missing: string[] } | { unknownUrl: string };

/** The local file for `url`, or the paths looked for. */
export function findAttackData(url: string, dir: string): AttackDataLookup {
  const inside = datasetPathOf(url);
  // A path that climbs out of the folder is not attack_data's.
  if (inside === undefined || inside.split(/[\\/]/).includes('..')) return { unknownUrl: url };
  const candidates = [join(dir, 'datasets', inside), join(dir, inside)];
  const found = candidates.find((path) => existsSync(path) && statSync(path).isFile());
  return found ? { found } : { missing: candidates };
}
