import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ColumnarStore } from '../../src/store/types.js';
import { datasetByKey, storeFieldsOf } from '../../src/datamodel/models.js';
import { valueAt } from '../store/helpers.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const fixtures = resolve(repoRoot, 'test/fixtures/data');
export const sharedData = resolve(repoRoot, '../shared/data');
export const hasSharedData = existsSync(sharedData);

const PROCESSES_STORE_FIELDS = storeFieldsOf(datasetByKey('Endpoint.Processes')!.dataset);

/** Every row of the store as a plain object (absent fields null), `_time` included, in read order. */
export function storeRows(store: ColumnarStore): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (let r = 0; r < store.rowCount; r++) {
    const row: Record<string, unknown> = { _time: store.time[r] };
    for (const field of PROCESSES_STORE_FIELDS) row[field] = valueAt(store, field, r);
    rows.push(row);
  }
  return rows;
}
