/**
 * The Risk.All_Risk dataset filled from a hunt's risk events, as ES's risk index feeds the CIM
 * Risk data model: one row per risk event with the model's fields (src/datamodel/datasets/risk.ts).
 * `calculated_risk_score` is the risk score (no risk factors apply offline); `normalized_risk_object`
 * is the risk object as written (no asset and identity lookups merge names offline).
 */
import { RISK_FIELDS, RISK_MULTIVALUE } from '../datamodel/datasets/risk.js';
import { IMPLICIT_FIELDS } from '../datamodel/models.js';
import { joinMultivalue, splitMultivalue } from '../datamodel/multivalue.js';
import { StoreBuilder } from '../store/builder.js';
import type { ColumnarStore, DictionaryColumn, DictionaryEntry } from '../store/types.js';
import type { RiskEvent } from './risk.js';

/** A risk event's Risk data model fields (multivalue fields as lists), without the prefix. */
export function riskFields(event: RiskEvent): Record<string, string | string[] | null> {
  const { annotations } = event;
  const all = [...annotations.analytic_story, ...annotations.mitre_attack, ...annotations.cve, ...annotations.mitre_tactic];
  return {
    host: null,
    source: event.source,
    sourcetype: 'stash',
    risk_object: event.risk_object,
    risk_object_type: event.risk_object_type,
    normalized_risk_object: event.risk_object,
    risk_score: String(event.risk_score),
    calculated_risk_score: String(event.risk_score),
    risk_message: event.risk_message,
    search_name: event.search_name,
    threat_object: event.threat_object,
    threat_object_type: event.threat_object_type,
    analyticstories: event.analyticstories,
    'annotations.analytic_story': annotations.analytic_story,
    'annotations.mitre_attack': annotations.mitre_attack,
    'annotations.mitre_attack.mitre_technique_id': annotations.mitre_technique_id,
    'annotations.mitre_attack.mitre_technique': annotations.mitre_technique,
    'annotations.mitre_attack.mitre_tactic': annotations.mitre_tactic,
    'annotations.mitre_attack.mitre_tactic_id': annotations.mitre_tactic_id,
    'annotations.cve': annotations.cve,
    'annotations._all': all,
  };
}

export function riskStore(events: readonly RiskEvent[]): ColumnarStore {
  const fields = [...IMPLICIT_FIELDS, ...RISK_FIELDS];
  const builder = new StoreBuilder(fields);
  for (const event of events) {
    const values = riskFields(event);
    builder.addRow(
      event._time,
      fields.map((field) => {
        const value = values[field];
        if (value === undefined || value === null) return null;
        return typeof value === 'string' ? value : joinMultivalue(value);
      }),
    );
  }
  return withLists(builder.build());
}

/** The store with the joined multivalue cells as their values. */
function withLists(store: ColumnarStore): ColumnarStore {
  const columns = new Map<string, DictionaryColumn>();
  for (const field of store.fields) {
    const column = store.column(field)!;
    if (!RISK_MULTIVALUE.includes(field)) {
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
