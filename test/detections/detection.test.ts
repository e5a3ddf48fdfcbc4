import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadDetection, parseDetection } from '../../src/detections/detection.js';
import { SpelunkError } from '../../src/core/errors.js';

// The bundled copy of ESCU's W3WP Spawning Shell (examples/w3wp_spawning_shell.yml): the expectations
// below are the values written in that file.
const W3WP = join(import.meta.dirname, '..', '..', 'examples', 'w3wp_spawning_shell.yml');

describe('loadDetection', () => {
  it('reads the search, the risk annotations and the tests of the W3WP detection', () => {
    const detection = loadDetection(W3WP);
    expect(detection.name).toBe('W3WP Spawning Shell');
    expect(detection.type).toBe('TTP');
    expect(detection.search.startsWith('| tstats `security_content_summariesonly` count')).toBe(true);
    expect(detection.riskScore).toBe(56);
    expect(detection.confidence).toBe(80);
    expect(detection.impact).toBe(70);
    expect(detection.message).toBe('Possible Web Shell execution on $dest$');
    expect(detection.observables).toEqual([{ name: 'dest', type: 'Endpoint', role: ['Victim'] }]);
    expect(detection.mitreAttackId).toEqual(['T1505', 'T1505.003']);
    expect(detection.dataSource).toContain('Sysmon EventID 1');
    expect(detection.tests[0]?.attackData[0]?.sourcetype).toBe('xmlwineventlog');
  });

  it('names the file, line and column of invalid YAML', () => {
    expect(() => parseDetection('name: x\nsearch: [unclosed\n', 'bad.yml')).toThrow(/^bad\.yml:\d+:\d+: invalid YAML/);
  });

  it('refuses a YAML without a search', () => {
    let caught: unknown;
    try {
      parseDetection('name: only a name\n', 'nosearch.yml');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SpelunkError);
    expect((caught as SpelunkError).message).toMatch(/nosearch\.yml has no `search:` text/);
  });
});
