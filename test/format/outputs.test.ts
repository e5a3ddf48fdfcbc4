/**
 * CSV without the fields no result has, the splunk-json document, the footer line, the format
 * an --output file's name asks for, and the table width the CLI picks. Searches run over the
 * bundled OTRF ProxyLogon sample.
 */
import { describe, expect, it } from 'vitest';
import { SpelunkError } from '../../src/core/errors.js';
import {
  DEFAULT_TABLE_WIDTH,
  footerLine,
  formatForPath,
  formatResults,
  parseWidth,
  splunkResultsDocument,
  tableWidth,
  warningMessages,
} from '../../src/format/index.js';
import { asJson, bundledSample, sessionFor, w3wpSearch } from '../run/helpers.js';

// `nosuch` names no field: `table` still gives it a column, with a null in every result;
// `many` is null in the results with a count of 1 only.
const SPARSE =
  '| tstats count from datamodel=Endpoint.Processes by Processes.dest | rename Processes.dest as dest | eval many=if(count>1, "yes", null()) | table dest nosuch many count';

describe('csv', () => {
  it('has no column for a field that is null in every result, and keeps one null in only some', async () => {
    const session = await sessionFor([bundledSample]);
    const table = session.run(SPARSE);
    expect(table.columns).toEqual(['dest', 'nosuch', 'many', 'count']);
    const lines = formatResults(table, 'csv').trimEnd().split('\n');
    expect(lines[0]).toBe('dest,many,count');
    const rows = asJson(session, SPARSE);
    expect(lines.slice(1)).toEqual(rows.map((row) => [row['dest'], row['many'] ?? '', row['count']].join(',')));
    expect(rows.some((row) => row['many'] === undefined) && rows.some((row) => row['many'] === 'yes')).toBe(true);
  });

  it('is empty when there are no results: no field has a value', async () => {
    const session = await sessionFor([bundledSample]);
    expect(formatResults(session.run('| tstats count from datamodel=Endpoint.Processes where Processes.dest=nomatch by Processes.dest'), 'csv')).toBe('');
  });
});

describe('splunk-json: the document of REST output_mode=json', () => {
  it('has preview, init_offset, messages, fields, results and highlighted, in that order, on one line', async () => {
    const session = await sessionFor([bundledSample]);
    const text = formatResults(session.run(w3wpSearch()), 'splunk-json');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.trimEnd()).not.toContain('\n');
    const document = JSON.parse(text) as Record<string, unknown>;
    // The order of splunkd's responses (splunk/splunk-sdk-java test resources, OpenShift's
    // compliance-audit-router test fixture): see docs/semantics.md, Output formats.
    expect(Object.keys(document)).toEqual(['preview', 'init_offset', 'messages', 'fields', 'results', 'highlighted']);
    expect(document['preview']).toBe(false);
    expect(document['init_offset']).toBe(0);
    expect(document['highlighted']).toEqual({});
  });

  it('lists the fields as {name} objects in column order and holds the same results as --format json', async () => {
    const session = await sessionFor([bundledSample]);
    const search = '| tstats count values(Processes.process_name) as names from datamodel=Endpoint.Processes by Processes.dest';
    const document = splunkResultsDocument(session.run(search));
    expect(document.fields).toEqual([{ name: 'Processes.dest' }, { name: 'count' }, { name: 'names' }]);
    expect(document.results).toEqual(asJson(session, search));
    // A multivalue field is an array of strings, a single value a string.
    expect(document.results.some((row) => Array.isArray(row['names']))).toBe(true);
    expect(document.results.every((row) => typeof row['count'] === 'string')).toBe(true);
  });

  it("leaves out of fields what CSV leaves out: a field no result has", async () => {
    const session = await sessionFor([bundledSample]);
    expect(splunkResultsDocument(session.run(SPARSE)).fields.map((f) => f.name)).toEqual(['dest', 'many', 'count']);
  });

  it("carries spelunk's warnings as WARN messages", async () => {
    const session = await sessionFor([bundledSample]);
    const result = session.run('| tstats count from datamodel=Endpoint.Processes by Processes.dest Processes.user | rename Processes.dest as x, Processes.user as x');
    expect(result.warnings).toHaveLength(1);
    const document = JSON.parse(formatResults(result, 'splunk-json', { messages: warningMessages(result.warnings) })) as { messages: unknown[] };
    expect(document.messages).toEqual([{ type: 'WARN', text: result.warnings[0] }]);
  });

  it('is an empty results list, not an error, when nothing matches', async () => {
    const session = await sessionFor([bundledSample]);
    const document = splunkResultsDocument(session.run('| tstats count from datamodel=Endpoint.Processes where Processes.dest=nomatch by Processes.dest'));
    expect(document.results).toEqual([]);
    expect(document.fields).toEqual([]);
  });
});

describe('footerLine', () => {
  it('counts results and seconds, in the words of Splunk\'s job inspector', () => {
    expect(footerLine({ results: 2, seconds: 0.41234 })).toBe('2 results in 0.412 seconds');
    expect(footerLine({ results: 1, seconds: 12 })).toBe('1 result in 12.000 seconds');
    expect(footerLine({ results: 0, seconds: 0.0004, events: 54 })).toBe('0 results by scanning 54 events in 0.000 seconds');
    expect(footerLine({ results: 3, seconds: 1, events: 1 })).toBe('3 results by scanning 1 event in 1.000 seconds');
  });
});

describe('formatForPath', () => {
  it('reads json, csv and table from the extension, in any case', () => {
    expect(formatForPath('out/results.json')).toBe('json');
    expect(formatForPath('RESULTS.CSV')).toBe('csv');
    expect(formatForPath('report.txt')).toBe('table');
    expect(formatForPath('report.table')).toBe('table');
  });

  it('names no format for another extension or none, so the default stays', () => {
    expect(formatForPath('results.json.gz')).toBeUndefined();
    expect(formatForPath('results')).toBeUndefined();
    expect(formatForPath('dir.csv/results')).toBeUndefined();
    expect(formatForPath('.csv')).toBeUndefined();
  });
});

describe('tableWidth and parseWidth', () => {
  it('takes --width, else the terminal, else a whole-number $COLUMNS, else 80', () => {
    expect(tableWidth({ flag: 100, terminalColumns: 120, columnsVariable: '90' })).toBe(100);
    expect(tableWidth({ terminalColumns: 120, columnsVariable: '90' })).toBe(120);
    expect(tableWidth({ columnsVariable: ' 90 ' })).toBe(90);
    expect(tableWidth({ columnsVariable: 'wide' })).toBe(DEFAULT_TABLE_WIDTH);
    expect(tableWidth({ columnsVariable: '0' })).toBe(DEFAULT_TABLE_WIDTH);
    expect(tableWidth({ terminalColumns: 0 })).toBe(DEFAULT_TABLE_WIDTH);
    expect(tableWidth({})).toBe(80);
  });

  it('accepts a whole number of columns, and says what is wrong with anything else', () => {
    expect(parseWidth('132')).toBe(132);
    for (const bad of ['0', '-3', '1.5', 'wide', '']) {
      expect(() => parseWidth(bad)).toThrow(SpelunkError);
      expect(() => parseWidth(bad)).toThrow(/^expected a whole number of columns, 1 or more\.$/);
    }
  });
});
