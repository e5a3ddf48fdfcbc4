/** The byte interner lives with the stores (src/store/interner.ts): the event store keeps its values in it too. */
export { ByteInterner, viewOf } from '../store/interner.js';
