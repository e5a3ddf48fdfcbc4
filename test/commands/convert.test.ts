import { describe, expect, it } from 'vitest';
import { plain, runCommand, table } from './direct.js';

// 2021-03-14T01:40:15.5Z, from the ProxyLogon sample's web shell (examples/data).
const EPOCH = 1615686015.5;

describe('convert (DOC S9, CONF S1)', () => {
  it('formats ctime with the default %m/%d/%Y %H:%M:%S, dropping the fraction', () => {
    expect(plain(runCommand('convert ctime(t)', table(['t'], { t: EPOCH })).table)).toEqual([{ t: '03/14/2021 01:40:15' }]);
  });

  it("formats with security_content's timeformat", () => {
    const { table: out } = runCommand('convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(firstTime)', table(['firstTime'], { firstTime: String(EPOCH) }));
    expect(plain(out)).toEqual([{ firstTime: '2021-03-14T01:40:15' }]);
  });

  it('renders in the search time zone (--tz)', () => {
    const { table: out } = runCommand('convert timeformat="%Y-%m-%d %H:%M:%S %z" ctime(t)', table(['t'], { t: EPOCH }), { tz: 'America/New_York' });
    expect(plain(out)).toEqual([{ t: '2021-03-13 20:40:15 -0500' }]);
  });

  it('keeps the original with AS (doc example: ctime(_time) AS c_time)', () => {
    const { table: out } = runCommand('convert timeformat="%H:%M:%S" ctime(_time) AS c_time', table(['_time'], { _time: EPOCH }));
    expect(out.columns).toEqual(['_time', 'c_time']);
    expect(plain(out)).toEqual([{ _time: EPOCH, c_time: '01:40:15' }]);
  });

  it('keeps subseconds when the format asks (%3N)', () => {
    expect(plain(runCommand('convert timeformat="%S.%3N" ctime(t)', table(['t'], { t: EPOCH })).table)).toEqual([{ t: '15.500' }]);
  });

  it('converts every matching field with a wildcard', () => {
    const { table: out } = runCommand('convert timeformat="%Y" ctime(*Time)', table(['firstTime', 'lastTime', 'count'], { firstTime: EPOCH, lastTime: EPOCH, count: 2 }));
    expect(plain(out)).toEqual([{ firstTime: '2021', lastTime: '2021', count: 2 }]);
  });

  it('leaves a missing field and non-numeric text alone', () => {
    expect(plain(runCommand('convert ctime(t)', table(['t', 'u'], { u: 'x' }, { t: 'not a time' })).table)).toEqual([{ u: 'x' }, { t: 'not a time' }]);
  });

  it('parses text back to epoch with mktime', () => {
    const { table: out } = runCommand('convert timeformat="%Y-%m-%dT%H:%M:%S" mktime(t)', table(['t'], { t: '2021-03-14T01:40:15' }));
    expect(plain(out)).toEqual([{ t: 1615686015 }]);
  });

  it('converts durations, memory and units as documented', () => {
    const input = table(['d', 'm', 'k', 'c', 'u'], { d: '1+02:03:04', m: '01:02.5', k: '10m', c: '1,234', u: '10 KB' });
    const { table: out } = runCommand('convert dur2sec(d) mstime(m) memk(k) rmcomma(c) rmunit(u)', input);
    // rmcomma keeps the number as written, without its commas (DOC convert 10.0: 1,000,000.00 → 1000000.00).
    expect(plain(out)).toEqual([{ d: 93784, m: 62.5, k: 10240, c: '1234', u: 10 }]);
  });

  it('none() exempts its fields from the wildcard conversions (DOC convert 10.0: "Convert every field value to a number value except for values in the field src_ip")', () => {
    const input = table(['a', 'b'], { a: '42', b: '3' });
    expect(plain(runCommand('convert auto(*) none(b)', input).table)).toEqual([{ a: 42, b: '3' }]);
  });

  it('num() removes values it cannot convert; auto() leaves them', () => {
    const input = table(['a', 'b'], { a: 'abc', b: 'abc' });
    expect(plain(runCommand('convert num(a) auto(b)', input).table)).toEqual([{ b: 'abc' }]);
  });
});
