/**
 * `spelunk test --junit FILE`: the outcomes as JUnit XML, the report format GitHub Actions,
 * GitLab and Jenkins read. The elements and attributes are the ones Jenkins' schema allows
 * (jenkinsci/xunit-plugin, src/main/resources/org/jenkinsci/plugins/xunit/types/model/xsd/junit-10.xsd):
 * one `testsuite` per detection, one `testcase` per test, `failure` and `skipped` with a message.
 */
import type { TestOutcome } from './run-tests.js';
import { summarize } from './run-tests.js';

export function junitXml(outcomes: readonly TestOutcome[], timestamp: Date = new Date()): string {
  const suites = new Map<string, TestOutcome[]>();
  for (const outcome of outcomes) {
    const key = `${outcome.detection}\u0000${outcome.file}`;
    const list = suites.get(key) ?? [];
    list.push(outcome);
    suites.set(key, list);
  }
  const total = summarize(outcomes);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="spelunk test" tests="${total.total}" failures="${total.failed}" errors="0" time="${seconds(outcomes)}">`,
  ];
  // ISO 8601 without the zone letter, as Ant and Surefire write it.
  const stamp = timestamp.toISOString().replace(/\.\d+Z$/, '');
  for (const tests of suites.values()) {
    const counts = summarize(tests);
    const first = tests[0]!;
    lines.push(
      `  <testsuite name="${attr(first.detection)}" tests="${counts.total}" failures="${counts.failed}" errors="0" skipped="${counts.skipped}" time="${seconds(tests)}" timestamp="${stamp}" file="${attr(first.file)}">`,
    );
    for (const test of tests) {
      const open = `    <testcase name="${attr(test.name)}" classname="${attr(first.detection)}" time="${seconds([test])}"`;
      const body = caseBody(test);
      lines.push(body.length === 0 ? `${open}/>` : `${open}>`, ...body, ...(body.length === 0 ? [] : ['    </testcase>']));
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}

function caseBody(test: TestOutcome): string[] {
  const body: string[] = [];
  if (test.status === 'fail') body.push(`      <failure type="${test.kind}" message="${attr(test.reason ?? 'failed')}">${text(details(test))}</failure>`);
  if (test.status === 'skipped') body.push(`      <skipped message="${attr(test.reason ?? 'skipped')}"/>`);
  const out = [...(test.ingest ? [`ingest: ${test.ingest}`] : []), ...test.warnings.map((w) => `warning: ${w}`)];
  if (out.length > 0) body.push(`      <system-out>${text(out.join('\n'))}</system-out>`);
  return body;
}

function details(test: TestOutcome): string {
  return [test.reason ?? '', ...(test.results !== undefined ? [`results: ${test.results}`] : [])].join('\n');
}

/** Seconds with millisecond precision, in the schema's SUREFIRE_TIME form (no exponent, no sign). */
function seconds(tests: readonly TestOutcome[]): string {
  return tests.reduce((sum, test) => sum + test.seconds, 0).toFixed(3);
}

/** XML 1.0 allows neither most control characters nor lone surrogates, even escaped. */
function clean(value: string): string {
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function text(value: string): string {
  return clean(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
