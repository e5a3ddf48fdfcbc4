/** Every case file, by name (the runner makes one describe block per file). */
import { accumCases } from './accum.js';
import { appendCases } from './append.js';
import { binCases } from './bin.js';
import { bitwiseCases } from './bitwise.js';
import { conditionalCases } from './conditional.js';
import { conversionCases } from './conversion.js';
import { convertCases } from './convert.js';
import { datetimeCases } from './datetime.js';
import { dedupCases } from './dedup.js';
import { evalCommandCases } from './eval-command.js';
import { eventstatsCases } from './eventstats.js';
import { fillnullCases } from './fillnull.js';
import { headCases } from './head.js';
import { informationalCases } from './informational.js';
import { joinCases } from './join.js';
import { jsonCases } from './json.js';
import { lookupCases } from './lookup.js';
import { makemvCases } from './makemv.js';
import { makeresultsCases } from './makeresults.js';
import { mathematicalCases } from './mathematical.js';
import { multivalueCases } from './multivalue.js';
import { mvexpandCases } from './mvexpand.js';
import { regexCases } from './regex.js';
import { renameCases } from './rename.js';
import { rexCases } from './rex.js';
import { searchCases } from './search.js';
import { sortHeadTailTopCases } from './sort-head-tail-top.js';
import { statisticalEvalCases } from './statistical-eval.js';
import { statsAggregateCases } from './stats-aggregate.js';
import { statsCommandCases } from './stats-command.js';
import { statsMultivalueCases } from './stats-multivalue.js';
import { statsOrderTimeCases } from './stats-order-time.js';
import { streamstatsCases } from './streamstats.js';
import { tableFieldsCases } from './table-fields.js';
import { textCases } from './text.js';
import { trigCases } from './trig.js';
import { whereCases } from './where.js';
import type { DocCase } from './types.js';

export const CASE_FILES: Record<string, DocCase[]> = {
  accum: accumCases,
  append: appendCases,
  bin: binCases,
  bitwise: bitwiseCases,
  conditional: conditionalCases,
  conversion: conversionCases,
  convert: convertCases,
  datetime: datetimeCases,
  dedup: dedupCases,
  'eval-command': evalCommandCases,
  eventstats: eventstatsCases,
  fillnull: fillnullCases,
  head: headCases,
  informational: informationalCases,
  join: joinCases,
  json: jsonCases,
  lookup: lookupCases,
  makemv: makemvCases,
  makeresults: makeresultsCases,
  mathematical: mathematicalCases,
  multivalue: multivalueCases,
  mvexpand: mvexpandCases,
  regex: regexCases,
  rename: renameCases,
  rex: rexCases,
  search: searchCases,
  'sort-head-tail-top': sortHeadTailTopCases,
  'statistical-eval': statisticalEvalCases,
  'stats-aggregate': statsAggregateCases,
  'stats-command': statsCommandCases,
  'stats-multivalue': statsMultivalueCases,
  'stats-order-time': statsOrderTimeCases,
  streamstats: streamstatsCases,
  'table-fields': tableFieldsCases,
  text: textCases,
  trig: trigCases,
  where: whereCases,
};
