/** examples/tune: the worked filter example's test file passes, and each case tests what its name says. */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runTests } from '../../src/tune/run-tests.js';
import { loadTestFile } from '../../src/tune/test-file.js';

const example = resolve(fileURLToPath(import.meta.url), '../../../examples/tune');

describe('examples/tune', () => {
  it('every case of the worked example passes', async () => {
    const outcomes = await runTests([example]);
    expect(outcomes.map((o) => [o.name, o.status, o.reason])).toEqual(
      loadTestFile(resolve(example, 'detect_rare_executables.test.yml')).cases.map((c) => [c.name, 'pass', undefined]),
    );
    expect(outcomes.flatMap((o) => o.warnings)).toEqual([]);
  });

  it('the filter is what makes the benign case pass: without it the same case fails', async () => {
    const file = loadTestFile(resolve(example, 'detect_rare_executables.test.yml'));
    const benign = file.cases.find((c) => c.expect.kind === 'does not fire')!;
    expect(benign.macros.map((m) => m.endsWith('rare_executables_filter.conf'))).toEqual([true]);
    const first = file.cases[0]!;
    expect(first.macros).toEqual([]);
    expect(first.data).toEqual(benign.data);
    expect(first.expect.kind).toBe('rows');
  });
});
