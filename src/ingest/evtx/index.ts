/** EVTX (Windows XML Event Log) reading: see reader.ts. */
export { FILE_HEADER_SIZE, isEvtx, readEvtx, readEvtxBatches, type EvtxOptions, type EvtxSummary } from './reader.js';
export type { EvtxFault, EvtxItem, EvtxRecord } from './chunk.js';
