/**
 * `run --stages`: each stage's rows and count are those of the pipeline cut after that stage
 * (the definition of a stage), on the column path and the row path alike; subsearches nest.
 */
import { describe, expect, it } from 'vitest';
import { formatStagedResult, rowObjects, runWithStages, type Stage } from '../../src/explain/stages.js';
import { emptyStore } from '../../src/datamodel/models.js';
import { Session } from '../../src/session.js';
import { bundledSample, sessionFor, w3wpSearch } from '../run/helpers.js';

/** The expanded search cut after each of its top-level commands. */
function prefixes(session: Session, search: string): string[] {
  const { expansion, pipeline } = session.parse(search);
  return pipeline.commands.map((command) => expansion.text.slice(0, command.span.end));
}

function checkAgainstPrefixes(session: Session, search: string, stages: Stage[], rows: number): void {
  const cuts = prefixes(session, search);
  expect(stages).toHaveLength(cuts.length);
  stages.forEach((stage, i) => {
    const truncated = session.run(cuts[i]!);
    expect(stage.count, cuts[i]).toBe(truncated.rows.length);
    expect(stage.columns).toEqual(truncated.columns);
    expect(stage.rows).toEqual(rowObjects(truncated, rows));
  });
}

describe('run --stages on the W3WP detection over the bundled sample', () => {
  for (const columnar of [true, false]) {
    it(`lists its 5 stages, each equal to the pipeline cut after it (${columnar ? 'column' : 'row'} path)`, async () => {
      const session = await sessionFor([bundledSample], { columnar });
      const staged = runWithStages(session, w3wpSearch(), { rows: 5 });
      expect(staged.stages.map((s) => s.command)).toEqual(['tstats', 'rename', 'convert', 'convert', 'search']);
      // The sample holds W3WP-spawned shells: tstats finds some, and nothing after it drops any.
      expect(staged.stages[0]!.count).toBeGreaterThan(0);
      expect(new Set(staged.stages.map((s) => s.count)).size).toBe(1);
      checkAgainstPrefixes(session, w3wpSearch(), staged.stages, 5);
      expect(staged.result.rows).toEqual(session.run(w3wpSearch()).rows);
      const rename = staged.stages[1]!;
      expect(rename.added).toEqual(['dest', 'parent_process', 'original_file_name', 'user']);
      expect(rename.removed).toEqual(['Processes.dest', 'Processes.parent_process', 'Processes.original_file_name', 'Processes.user']);
      expect(staged.stages[2]!.added).toEqual([]);
      for (const stage of staged.stages) expect(stage.milliseconds).toBeGreaterThanOrEqual(0);
    });
  }

  it('keeps --stage-rows rows per stage', async () => {
    const session = await sessionFor([bundledSample]);
    const staged = runWithStages(session, w3wpSearch(), { rows: 1 });
    for (const stage of staged.stages) expect(stage.rows).toHaveLength(Math.min(1, stage.count));
  });
});

describe('stages of subsearches', () => {
  const session = new Session({ store: emptyStore(), now: 0 });
  const search = '| makeresults count=3 | eval n=1 | append [| makeresults | eval m=2 | append [| makeresults count=2]] | stats count';

  it('nests them under the command that ran them', () => {
    const { stages } = runWithStages(session, search);
    expect(stages.map((s) => [s.command, s.count])).toEqual([
      ['makeresults', 3],
      ['eval', 3],
      ['append', 4 + 2],
      ['stats', 1],
    ]);
    const inner = stages[2]!.subsearches;
    expect(inner).toHaveLength(1);
    expect(inner[0]!.map((s) => [s.command, s.count])).toEqual([
      ['makeresults', 1],
      ['eval', 1],
      ['append', 3],
    ]);
    expect(inner[0]![2]!.subsearches.map((sub) => sub.map((s) => [s.command, s.count]))).toEqual([[['makeresults', 2]]]);
    expect(stages[0]!.subsearches).toEqual([]);
    expect(stages[1]!.added).toEqual(['n']);
    expect(stages[3]!.removed).toContain('n');
  });

  it('puts the stages in the json document beside the results', () => {
    const staged = runWithStages(session, search);
    const document = JSON.parse(formatStagedResult(staged, 'json')) as { results: unknown[]; stages: Stage[] };
    expect(document.results).toEqual([{ count: '6' }]);
    expect(document.stages.map((s) => s.command)).toEqual(['makeresults', 'eval', 'append', 'stats']);
    expect(formatStagedResult(staged, 'csv')).toMatch(/^stage 1: \| makeresults count=3\n  3 results, /);
  });
});
