/**
 * Risk-based correlation: the risk events of the TTP and Anomaly detections fill Risk.All_Risk,
 * and searches over it (the bundled Correlation detections, and one of our own) see them.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDetection } from '../../src/detections/detection.js';
import { loadDetectionLibrary } from '../../src/detections/library.js';
import { bundledDetections } from '../../src/detections/paths.js';
import { selectDetections } from '../../src/detections/select.js';
import { riskObjectsOf } from '../../src/hunt/actions.js';
import { runHunt } from '../../src/hunt/run.js';
import { loadData, openSession } from '../../src/index.js';

const evtx = resolve(import.meta.dirname, '../../../shared/data/evtx-attack-samples/evtx');
const hasShared = existsSync(evtx);
if (!hasShared) console.log(`skipping the correlation test: ${evtx} is absent (GPL data kept outside the repository)`);

const riskPerHost = parseDetection(
  [
    'name: Risk Per Host',
    'type: Correlation',
    "search: '| tstats sum(All_Risk.calculated_risk_score) as risk_score count as risk_events dc(source) as detections from datamodel=Risk.All_Risk where All_Risk.risk_object_type=system by All_Risk.normalized_risk_object | `drop_dm_object_name(All_Risk)`'",
  ].join('\n'),
  'risk_per_host.yml',
);

describe.skipIf(!hasShared)('Correlation over the risk events of a hunt of evtx-attack-samples', () => {
  it('sums a host risk score as the TTP and Anomaly results give it, and runs the bundled Correlation detections over them', async () => {
    const library = loadDetectionLibrary([bundledDetections()]).detections;
    // Bounded work: the Endpoint.Processes TTP and Anomaly detections fed by Sysmon 1, and the Correlations.
    const scoring = selectDetections(library, { types: ['TTP', 'Anomaly'], dataSources: ['Sysmon EventID 1'] }).filter((d) =>
      d.search.includes('datamodel=Endpoint.Processes'),
    );
    const correlations = selectDetections(library, { types: ['Correlation'] });
    const { datasets } = await loadData({ data: [evtx] });
    const hunt = runHunt([...scoring, ...correlations, riskPerHost], datasets, { session: { tz: 'UTC' } });

    // The expectation, by hand from each detection's own results (as `spelunk run` gives them):
    // risk_score for every result row naming the host in a system risk object field.
    const { session } = await openSession({ data: [evtx] });
    const expected = new Map<string, number>();
    for (const detection of scoring) {
      let rows;
      try {
        rows = session.run(detection.search).rows;
      } catch {
        continue;
      }
      for (const spec of riskObjectsOf(detection).risks.filter((r) => r.type === 'system')) {
        for (const row of rows) {
          const value = row.get(spec.field);
          for (const host of Array.isArray(value) ? value : value == null ? [] : [value]) {
            expected.set(String(host), (expected.get(String(host)) ?? 0) + (detection.riskScore ?? 0));
          }
        }
      }
    }
    expect(expected.size).toBeGreaterThan(0);
    const [topHost, topScore] = [...expected].sort((a, b) => b[1] - a[1])[0]!;

    const perHost = hunt.outcomes.find((o) => o.detection.name === 'Risk Per Host')!;
    expect(perHost.status).toBe('fired');
    const found = new Map(perHost.rows.map((row) => [String(row.get('normalized_risk_object')), Number(row.get('risk_score'))]));
    expect(found.get(topHost)).toBe(topScore);
    expect(found).toEqual(expected);

    // The bundled Correlation detections ran over the filled dataset: none was skipped for lack of data.
    const bundledCorrelations = hunt.outcomes.filter((o) => correlations.includes(o.detection));
    expect(bundledCorrelations).toHaveLength(13);
    for (const outcome of bundledCorrelations) expect(outcome.status, `${outcome.detection.name}: ${outcome.message}`).not.toBe('skipped');
  });
});
