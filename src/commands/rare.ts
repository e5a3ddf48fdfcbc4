/** `rare`: top's syntax, least common values first (DOC rare). See top.ts. */
import { topLikeCommand } from './top.js';

export default topLikeCommand('rare');
