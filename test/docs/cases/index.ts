/** Every case file, by name (the runner makes one describe block per file). */
import { bitwiseCases } from './bitwise.js';
import { conditionalCases } from './conditional.js';
import { conversionCases } from './conversion.js';
import { datetimeCases } from './datetime.js';
import { eventstatsCases } from './eventstats.js';
import { informationalCases } from './informational.js';
import { jsonCases } from './json.js';
import { mathematicalCases } from './mathematical.js';
import { multivalueCases } from './multivalue.js';
import { statisticalEvalCases } from './statistical-eval.js';
import { statsAggregateCases } from './stats-aggregate.js';
import { statsCommandCases } from './stats-command.js';
import { statsMultivalueCases } from './stats-multivalue.js';
import { statsOrderTimeCases } from './stats-order-time.js';
import { streamstatsCases } from './streamstats.js';
import { textCases } from './text.js';
import { trigCases } from './trig.js';
import type { DocCase } from './types.js';

export const CASE_FILES: Record<string, DocCase[]> = {
  bitwise: bitwiseCases,
  conditional: conditionalCases,
  conversion: conversionCases,
  datetime: datetimeCases,
  eventstats: eventstatsCases,
  informational: informationalCases,
  json: jsonCases,
  mathematical: mathematicalCases,
  multivalue: multivalueCases,
  'statistical-eval': statisticalEvalCases,
  'stats-aggregate': statsAggregateCases,
  'stats-command': statsCommandCases,
  'stats-multivalue': statsMultivalueCases,
  'stats-order-time': statsOrderTimeCases,
  streamstats: streamstatsCases,
  text: textCases,
  trig: trigCases,
};
