/**
 * Issue 20 §1: malformed XML is malformed, on the fast path (one-line events) and the general
 * path alike, and an error under --strict; it never yields a value holding the rest of the XML.
 */
import { describe, expect, it } from 'vitest';
import { SpelunkError } from '../../src/core/errors.js';
import { checkMarkup } from '../../src/ingest/xml.js';
import { read, sysmonLine, write } from './ingest-helpers.js';

const pretty = (line: string): string => line.replace(/></g, '>\n<');
const doubleQuoted = (line: string): string => line.replace(/(\w+)='([^']*)'/g, '$1="$2"');

/** Each layout the reader meets: the one-line fast path, double quotes (general path), pretty-printed. */
const layouts: [string, (line: string) => string][] = [
  ['one line', (line) => line],
  ['double-quoted', doubleQuoted],
  ['pretty-printed', (line) => pretty(doubleQuoted(line))],
];

describe('malformed XML is skipped with its reason', () => {
  const commandLineOpen = sysmonLine.match(/<Data Name='CommandLine'>/)![0];
  const cases: [string, string, RegExp][] = [
    ["<Data Name='CommandLine' with no closing '>'", sysmonLine.replace(commandLineOpen, "<Data Name='CommandLine' "), /^malformed XML event: unterminated tag <Data Name=.CommandLine. /],
    ["<Data Name='CommandLine' followed by the next tag", sysmonLine.replace(/<Data Name='CommandLine'>[^<]*<\/Data>/, "<Data Name='CommandLine'"), /^malformed XML event: unterminated tag <Data Name=.CommandLine.<Data/],
    ['a missing </System>', sysmonLine.replace('</System>', ''), /^malformed XML event: <\/Event> closes <System>$/],
    ['a bit-flipped </Data>', sysmonLine.replace(/<\/Data>/, '</Dat`>'), /^malformed XML event: <\/Dat`> closes <Data>$/],
    ['a closing tag cut short', sysmonLine.replace(/<\/Data>/, '</Data'), /^malformed XML event: unterminated end tag <\/Data/],
    ['a closing tag of another element', sysmonLine.replace('</EventID>', '</EventIX>'), /^malformed XML event: <\/EventIX> closes <EventID>$/],
    ['an attribute value holding <', sysmonLine.replace("Name='Microsoft-Windows-Sysmon'", "Name='Micro<soft'"), /^malformed XML event: unterminated tag <Provider/],
  ];
  for (const [name, broken, reason] of cases) {
    for (const [layout, form] of layouts) {
      it(`${name} (${layout})`, async () => {
        const { rows, report, skipped } = await read([write('malformed.log', `${form(broken)}\n${sysmonLine}\n`)]);
        expect(rows).toHaveLength(1);
        expect(skipped).toHaveLength(1);
        expect(skipped[0]![0]).toBe(1);
        expect(skipped[0]![1]).toMatch(reason);
        expect(report.records).toBe(2);
      });
    }
    it(`${name}: an error under --strict`, async () => {
      const path = write('strict.log', `${sysmonLine}\n${broken}\n`);
      const failure = read([path], { strict: true });
      await expect(failure).rejects.toBeInstanceOf(SpelunkError);
      await expect(failure).rejects.toThrow(new RegExp(`^${path}:2: malformed XML event`));
    });
  }
});

describe('well-formed XML still reads', () => {
  it('reads comments, CDATA, processing instructions and spaces in tags like the plain event', async () => {
    const plain = await read([write('plain.log', `${sysmonLine}\n`)]);
    const dressed = sysmonLine
      .replace('<System>', '<System><!-- a comment with <tags> --><![CDATA[ <x> ]]>')
      .replace('</EventData>', '<?pi data?></EventData >')
      .replace('<Level>', '<Level  >');
    const { rows, report } = await read([write('dressed.log', `${dressed}\n`)]);
    expect(report.skippedCount).toBe(0);
    expect(rows).toEqual(plain.rows);
  });

  it('checks the markup of every form the fixtures hold', () => {
    expect(checkMarkup(sysmonLine)).toBeUndefined();
    expect(checkMarkup(pretty(doubleQuoted(sysmonLine)))).toBeUndefined();
    expect(checkMarkup("<Event><System/><EventData><Data Name='a'>x &amp; y > z</Data></EventData></Event>")).toBeUndefined();
    expect(checkMarkup('<Event><System>')).toBe('<System> is not closed');
    expect(checkMarkup('<Event></Event>tail')).toBe('text after </Event>');
  });
});
