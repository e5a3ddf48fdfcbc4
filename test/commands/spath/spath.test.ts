/**
 * spath, DOC https://docs.splunk.com/Documentation/Splunk/9.3.1/SearchReference/Spath (same text at
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.0/search-commands/spath); the nested
 * board-game example is the SPL2 page's (https://help.splunk.com/en/splunk-cloud-platform/search/spl2-search-reference/spath-command/spath-command-examples).
 */
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../src/session.js';

const session = createSession({ datasets: new Map() });
const rows = (search: string): Record<string, unknown>[] => session.run(search).rows.map((row) => Object.fromEntries(row));
const quote = (text: string): string => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

describe('spath', () => {
  const games = JSON.stringify({ category: [{ boardgames: [{ cooperative: [{ name: 'Pandemic' }, { name: 'Forbidden Island' }, { name: 'Castle Panic' }] }] }] });

  it('"path=category.boardgames.cooperative{1}" extracts Forbidden Island (JSON positions count from 0)', () => {
    const [row] = rows(`| makeresults | eval games=${quote(games)} | spath input=games output=favorite_game path=category{}.boardgames{}.cooperative{1} | table favorite_game`);
    expect(row).toEqual({ favorite_game: '{"name":"Forbidden Island"}' });
  });

  it('names the field after the path without output=, and {} takes every element', () => {
    const commits = JSON.stringify({ commits: [{ author: { name: 'ann' } }, { author: { name: 'bo' } }] });
    const [row] = rows(`| makeresults | eval _raw=${quote(commits)} | spath path=commits{}.author.name | table commits{}.author.name`);
    expect(row).toEqual({ 'commits{}.author.name': ['ann', 'bo'] });
  });

  it('reads an XML attribute: path=vendorProductSet.product.desc.locDesc{@locale}', () => {
    const xml = "<vendorProductSet><product><desc><locDesc locale='en-US'>x</locDesc></desc></product></vendorProductSet>";
    const [row] = rows(`| makeresults | eval _raw=${quote(xml)} | spath output=locDesc.locale path=vendorProductSet.product.desc.locDesc{@locale} | table locDesc.locale`);
    expect(row).toEqual({ 'locDesc.locale': 'en-US' });
  });

  it('auto-extracts AppLocker UserData as the four published detections read it (spath input=UserData_Xml | rename RuleAndFileData.* as *)', () => {
    // The shape of an AppLocker 8004 event's UserData (Microsoft-Windows-AppLocker RuleAndFileData).
    const userData = "<RuleAndFileData xmlns='http://schemas.microsoft.com/schemas/event/Microsoft.Windows/1.0.0.0'><PolicyNameLength>3</PolicyNameLength><PolicyName>EXE</PolicyName><RuleId>{fd686d83-a829-4351-8ff4-27c7de5755d2}</RuleId><FilePath>%OSDRIVE%\\USERS\\A\\EVIL.EXE</FilePath><Fqbn>-</Fqbn></RuleAndFileData>";
    const [row] = rows(`| makeresults | eval UserData_Xml=${quote(userData)} | spath input=UserData_Xml | rename RuleAndFileData.* as * | table PolicyName RuleId FilePath Fqbn RuleAndFileData{@xmlns}`);
    expect(row).toEqual({
      PolicyName: 'EXE',
      RuleId: '{fd686d83-a829-4351-8ff4-27c7de5755d2}',
      FilePath: '%OSDRIVE%\\USERS\\A\\EVIL.EXE',
      Fqbn: '-',
      // Not renamed: `RuleAndFileData.*` needs the dot.
      'RuleAndFileData{@xmlns}': 'http://schemas.microsoft.com/schemas/event/Microsoft.Windows/1.0.0.0',
    });
  });

  it('auto-extracts JSON as a.b and arrays as a{}, gathering repeated names into a multivalue', () => {
    const doc = JSON.stringify({ user: { name: 'ann', roles: ['a', 'b'] }, n: 5, ok: true });
    const [row] = rows(`| makeresults | eval _raw=${quote(doc)} | spath | fields - _raw _time`);
    expect(row).toEqual({ 'user.name': 'ann', 'user.roles{}': ['a', 'b'], n: '5', ok: 'true' });
  });

  it('reads only the first 5000 characters in auto-extract mode (limits.conf [spath] extraction_cutoff)', () => {
    const filler = 'x'.repeat(5000);
    const xml = `<r><a>${filler}</a><b>late</b></r>`;
    const [row] = rows(`| makeresults | eval _raw=${quote(xml)} | spath | fields - _raw _time`);
    expect(Object.keys(row!)).toEqual([]);
  });
});
