/**
 * Risk events and notables from a detection's results: the rules of ES's risk framework as
 * ESCU configures it (docs/semantics.md, "spelunk hunt: risk events and notables").
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Row } from '../../src/core/values.js';
import { parseDetection } from '../../src/detections/detection.js';
import { loadDetectionLibrary } from '../../src/detections/library.js';
import { bundledDetections } from '../../src/detections/paths.js';
import { makesNotables, makesRiskEvents, riskObjectsOf } from '../../src/hunt/actions.js';
import { notablesOf, urgencyOf } from '../../src/hunt/notable.js';
import { resultTime, riskEventsOf, riskMessage } from '../../src/hunt/risk.js';
import { runHunt } from '../../src/hunt/run.js';
import { loadData, openSession } from '../../src/index.js';

const row = (entries: Record<string, string | string[] | number>): Row => new Map(Object.entries(entries));

const detection = (tags: string, type = 'TTP'): ReturnType<typeof parseDetection> =>
  parseDetection(`name: Example Detection\ntype: ${type}\ndescription: Something happened.\nsearch: '| makeresults'\ntags:\n${tags}`, 'example.yml');

describe('risk messages', () => {
  it('replace each $field$ with the row value; a multivalue field by its values joined with ", "; a missing field by nothing', () => {
    expect(riskMessage('Possible Web Shell execution on $dest$', row({ dest: 'IEWIN7' }))).toBe('Possible Web Shell execution on IEWIN7');
    expect(riskMessage('$user$ ran $process_name$ on $dest$', row({ user: 'bob', process_name: ['cmd.exe', 'whoami.exe'] }))).toBe(
      'bob ran cmd.exe, whoami.exe on ',
    );
    expect(riskMessage('score $count$', row({ count: 3 }))).toBe('score 3');
  });
});

describe('risk and threat objects from tags.observable (contentctl Detection_Abstract.risk)', () => {
  const d = detection(`  risk_score: 40
  message: $process_name$ on $dest$ by $user$
  observable:
  - name: dest
    type: Endpoint
    role: [Victim]
  - name: user
    type: User
    role: [Victim]
  - name: process_name
    type: Process Name
    role: [Attacker]
  - name: parent_process_name
    type: Process
    role: [Parent Process]
`);
  it('victims of system and user types are risk objects; an attacker process is a threat object; other roles are risk objects of type other', () => {
    const { risks, threats } = riskObjectsOf(d);
    expect(risks.map((r) => [r.field, r.type, r.score])).toEqual([
      ['dest', 'system', 40],
      ['user', 'user', 40],
      ['parent_process_name', 'other', 40],
    ]);
    expect(threats).toEqual([{ field: 'process_name', type: 'process' }]);
  });
  it('gives one event per risk object value, none for a missing one, each with the row threat objects', () => {
    const events = riskEventsOf(d, [row({ dest: ['a', 'b'], process_name: 'cmd.exe', _time: 100 })], { fallbackTime: 5, tz: 'UTC' });
    expect(events.map((e) => [e.risk_object, e.risk_object_type])).toEqual([
      ['a', 'system'],
      ['b', 'system'],
    ]);
    expect(events[0]!.threat_object).toEqual(['cmd.exe']);
    expect(events[0]!.threat_object_type).toEqual(['process']);
    expect(events[0]!.risk_message).toBe('cmd.exe on a, b by ');
    expect(events[0]!._time).toBe(100);
    expect(events[0]!.search_name).toBe('ESCU - Example Detection - Rule');
  });
  it('takes a result time from _time, else lastTime as security_content_ctime writes it, else the run time', () => {
    expect(resultTime(row({ lastTime: '2019-05-24T01:33:53' }), 7, 'UTC')).toBe(Date.UTC(2019, 4, 24, 1, 33, 53) / 1000);
    expect(resultTime(row({ lastTime: '2019-05-24T03:33:53' }), 7, 'Europe/Paris')).toBe(Date.UTC(2019, 4, 24, 1, 33, 53) / 1000);
    expect(resultTime(row({ dest: 'x' }), 7, 'UTC')).toBe(7);
  });
});

describe('which types make risk events and notables (ESCU deployments)', () => {
  it('TTP both, Anomaly risk only, Hunting neither, Correlation notables only', () => {
    expect(['TTP', 'Anomaly', 'Hunting', 'Correlation'].map((t) => [makesRiskEvents(detection('', t)), makesNotables(detection('', t))])).toEqual([
      [true, true],
      [true, false],
      [false, false],
      [false, true],
    ]);
  });
  it('notables carry %name% and %description%, nes_fields user,dest, severity high and the urgency ES gives it at unknown priority', () => {
    const [notable] = notablesOf(detection('  risk_score: 56\n  security_domain: endpoint\n'), [row({ dest: 'h', user: 'u' })], { fallbackTime: 1, tz: 'UTC' });
    expect(notable).toMatchObject({
      rule_title: 'Example Detection',
      rule_description: 'Something happened.',
      nes_fields: 'user,dest',
      severity: 'high',
      urgency: 'medium',
      security_domain: 'endpoint',
      risk_score: 56,
    });
    expect(urgencyOf('medium')).toBe('low');
    expect(urgencyOf('informational')).toBe('informational');
  });
});

const w3wpLog = resolve(import.meta.dirname, '../../../shared/data/sysmon-webshell-w3wp/log');
const hasShared = existsSync(w3wpLog);
if (!hasShared) console.log(`skipping the W3WP risk event test: ${w3wpLog} is absent (GPL data kept outside the repository)`);

describe.skipIf(!hasShared)('W3WP Spawning Shell over sysmon-webshell-w3wp/log', () => {
  it('gives one risk event per result row, risk_score 56, message "Possible Web Shell execution on <dest>" with that row dest', async () => {
    const [w3wp] = loadDetectionLibrary([resolve(bundledDetections(), 'endpoint/w3wp_spawning_shell.yml')]).detections;
    // The expectation comes from the detection's own results, as `spelunk run` gives them.
    const { session } = await openSession({ data: [w3wpLog] });
    const rows = session.run(w3wp!.search).rows;
    expect(rows.length).toBeGreaterThan(0);
    const dests = rows.map((r) => String(r.get('dest')));
    const { datasets } = await loadData({ data: [w3wpLog] });
    const hunt = runHunt([w3wp!], datasets, { session: { tz: 'UTC' } });
    const events = hunt.riskEvents;
    expect(events.map((e) => e.risk_object)).toEqual(dests);
    expect(new Set(events.map((e) => e.risk_score))).toEqual(new Set([56]));
    expect(events.map((e) => e.risk_message)).toEqual(dests.map((dest) => `Possible Web Shell execution on ${dest}`));
    expect(new Set(dests)).toEqual(new Set(['IEWIN7', 'win10.windomain.local']));
    expect(events[0]!.annotations.mitre_tactic).toEqual(['persistence']);
    expect(hunt.notables).toHaveLength(rows.length);
  });
});
