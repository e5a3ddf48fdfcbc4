/** One store builder per dataset an ingest fills, made when a mapping table first needs it. */
import { ALL_DATASETS, datasetByKey, storeFieldsOf, type DatasetKey } from '../datamodel/models.js';
import { StoreBuilder } from '../store/builder.js';
import type { ColumnarStore, DictionaryColumn } from '../store/types.js';
import type { DatasetPart } from './part.js';

export class DatasetBuilders {
  private readonly builders = new Map<DatasetKey, StoreBuilder>();

  /** The builder of `key`, whose columns are the dataset's store fields. */
  builderFor(key: DatasetKey): StoreBuilder {
    let builder = this.builders.get(key);
    if (!builder) {
      const entry = datasetByKey(key);
      if (!entry) throw new Error(`mapping table names unknown dataset '${key}'`);
      builder = new StoreBuilder(storeFieldsOf(entry.dataset));
      this.builders.set(key, builder);
    }
    return builder;
  }

  /** The builders that have rows, in data model order. */
  private filled(): [DatasetKey, StoreBuilder][] {
    const filled: [DatasetKey, StoreBuilder][] = [];
    for (const { key } of ALL_DATASETS) {
      const builder = this.builders.get(key);
      if (builder && builder.rowCount > 0) filled.push([key, builder]);
    }
    return filled;
  }

  rowCounts(): Map<DatasetKey, number> {
    return new Map(this.filled().map(([key, builder]) => [key, builder.rowCount]));
  }

  /** One store per dataset that got rows. */
  build(): Map<DatasetKey, ColumnarStore> {
    return new Map(this.filled().map(([key, builder]) => [key, builder.build()]));
  }

  /** The stores as parts a worker thread can post. */
  parts(): DatasetPart[] {
    return [...this.build()].map(([dataset, store]) => {
      const columns = new Map<string, DictionaryColumn>();
      for (const field of store.fields) columns.set(field, store.column(field)!);
      return { dataset, time: store.time, columns };
    });
  }

  /** Appends parts read elsewhere, as if their rows had been added here. */
  append(parts: readonly DatasetPart[]): void {
    for (const part of parts) this.builderFor(part.dataset).appendStore(part.time, part.columns);
  }
}
