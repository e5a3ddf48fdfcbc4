import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDetectionLibrary } from '../../src/detections/library.js';
import { bundledDetections } from '../../src/detections/paths.js';
import { globPattern, selectDetections, techniqueMatches } from '../../src/detections/select.js';
import { parseDetection } from '../../src/detections/detection.js';

const bundled = loadDetectionLibrary([bundledDetections()]);

describe('the bundled detection library', () => {
  it('holds the 1,613 non-deprecated detections of security_content b13b314 (its README counts them), all readable', () => {
    expect(bundled.problems).toEqual([]);
    expect(bundled.detections).toHaveLength(1613);
    expect(bundled.detections.filter((d) => d.type === 'Correlation')).toHaveLength(13);
  });
});

describe('selection', () => {
  const all = bundled.detections;
  it('matches a parent technique to its sub-techniques, not the reverse', () => {
    expect(techniqueMatches('T1505.003', 'T1505')).toBe(true);
    expect(techniqueMatches('T1505', 'T1505.003')).toBe(false);
    expect(techniqueMatches('T15050', 'T1505')).toBe(false);
    const picked = selectDetections(all, { techniques: ['T1505.003'] });
    expect(picked.map((d) => d.name)).toContain('W3WP Spawning Shell');
    expect(picked.every((d) => d.mitreAttackId.includes('T1505.003'))).toBe(true);
  });
  it('combines filters: all must hold, and values within one are alternatives', () => {
    const picked = selectDetections(all, { types: ['ttp'], stories: ['HAFNIUM Group'], minScore: 56, names: ['w3wp*', 'nothing'] });
    expect(picked.map((d) => d.name)).toEqual(['W3WP Spawning Shell']);
    expect(selectDetections(all, { names: ['W3WP Spawning Shell'], excludes: ['*shell'] })).toEqual([]);
    expect(selectDetections(all, { names: ['W3WP Spawning Shell'], minScore: 57 })).toEqual([]);
  });
  it('reads globs literally apart from * and ?', () => {
    expect(globPattern('a.b*').test('a.bcd')).toBe(true);
    expect(globPattern('a.b*').test('axbcd')).toBe(false);
    expect(globPattern('a?c').test('ABC')).toBe(true);
  });
});

describe('folders of user detections', () => {
  it('leaves deprecated ones out and reports a broken file instead of dropping it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spelunk-lib-'));
    mkdirSync(join(dir, 'deprecated'));
    writeFileSync(join(dir, 'a.yml'), 'name: A\ntype: TTP\nsearch: "| makeresults"\n');
    writeFileSync(join(dir, 'b.yml'), 'name: B\nstatus: deprecated\nsearch: "| makeresults"\n');
    writeFileSync(join(dir, 'deprecated', 'c.yml'), 'name: C\nsearch: "| makeresults"\n');
    writeFileSync(join(dir, 'broken.yml'), 'name: [unclosed\n');
    const library = loadDetectionLibrary([dir]);
    expect(library.detections.map((d) => d.name)).toEqual(['A']);
    expect(library.deprecated).toBe(2);
    expect(library.problems).toHaveLength(1);
    expect(library.problems[0]!.path).toContain('broken.yml');
  });
  it('reads a deployment scheduling override', () => {
    const d = parseDetection('name: X\nsearch: "| makeresults"\ndeployment:\n  scheduling:\n    cron_schedule: "*/30 * * * *"\n    earliest_time: -40m@m\n', 'x.yml');
    expect(d.scheduling).toEqual({ cronSchedule: '*/30 * * * *', earliestTime: '-40m@m' });
  });
});
