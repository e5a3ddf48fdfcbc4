/**
 * One store builder per dataset an ingest fills, made when a mapping table first needs it. For a
 * dataset with a constraint (models.ts) the builder keeps only the rows in the dataset (a
 * `nodename` value), and the built store holds multivalue cells as their values.
 */
import { ALL_DATASETS, datasetByKey, NODENAME, storeFieldsOf, type DatasetDefinition, type DatasetKey } from '../datamodel/models.js';
import { splitMultivalue } from '../datamodel/multivalue.js';
import { StoreBuilder } from '../store/builder.js';
import type { ColumnarStore, DictionaryColumn, DictionaryEntry } from '../store/types.js';
import type { DatasetPart } from './part.js';

/** A dataset's builder: rows outside the dataset's constraint are not added. */
export class DatasetStoreBuilder extends StoreBuilder {
  /** Column of `nodename`, which the dataset's calculations leave null for a row outside it; -1 when unconstrained. */
  private readonly nodenameColumn: number;

  constructor(readonly definition: DatasetDefinition) {
    const fields = storeFieldsOf(definition);
    super(fields);
    this.nodenameColumn = definition.constraint ? fields.indexOf(NODENAME) : -1;
    if (definition.constraint && this.nodenameColumn < 0) throw new Error(`dataset ${definition.name} has a constraint but no ${NODENAME} field`);
  }

  /** Whether a row made by the dataset's mapper is in the dataset. */
  accepts(values: readonly (string | null | undefined)[]): boolean {
    const column = this.nodenameColumn;
    return column < 0 || (values[column] !== null && values[column] !== undefined);
  }

  override addRow(time: number, values: readonly (string | null | undefined)[]): void {
    if (this.accepts(values)) super.addRow(time, values);
  }
}

/** The store with each multivalue field's joined cells as their values (the ids are unchanged). */
function withMultivalues(store: ColumnarStore, multivalue: readonly string[]): ColumnarStore {
  if (multivalue.every((field) => !store.column(field))) return store;
  const columns = new Map<string, DictionaryColumn>();
  for (const field of store.fields) {
    const column = store.column(field)!;
    if (!multivalue.includes(field)) {
      columns.set(field, column);
      continue;
    }
    const dictionary = column.dictionary.map((entry): DictionaryEntry => {
      if (typeof entry !== 'string') return entry;
      const values = splitMultivalue(entry);
      return values.length === 1 ? entry : values;
    });
    columns.set(field, { ids: column.ids, dictionary });
  }
  return { rowCount: store.rowCount, time: store.time, fields: store.fields, column: (field) => columns.get(field) };
}

export class DatasetBuilders {
  private readonly builders = new Map<DatasetKey, DatasetStoreBuilder>();

  /** The builder of `key`, whose columns are the dataset's store fields. */
  builderFor(key: DatasetKey): DatasetStoreBuilder {
    let builder = this.builders.get(key);
    if (!builder) {
      const entry = datasetByKey(key);
      if (!entry) throw new Error(`mapping table names unknown dataset '${key}'`);
      builder = new DatasetStoreBuilder(entry.dataset);
      this.builders.set(key, builder);
    }
    return builder;
  }

  /** The builders that have rows, in data model order. */
  private filled(): [DatasetKey, DatasetStoreBuilder][] {
    const filled: [DatasetKey, DatasetStoreBuilder][] = [];
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
    return new Map(this.filled().map(([key, builder]) => [key, withMultivalues(builder.build(), builder.definition.multivalue ?? [])]));
  }

  /** The stores as parts a worker thread can post: multivalue cells still joined, as appendStore takes them. */
  parts(): DatasetPart[] {
    return this.filled().map(([dataset, builder]) => {
      const store = builder.build();
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
