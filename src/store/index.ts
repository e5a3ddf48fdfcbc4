export type { ColumnarStore, DictionaryColumn, DictionaryEntry, IdArray } from './types.js';
export { NULL_ID } from './types.js';
export { StoreBuilder, storeSize } from './builder.js';
