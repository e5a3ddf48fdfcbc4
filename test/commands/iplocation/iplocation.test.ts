/**
 * iplocation, DOC https://docs.splunk.com/Documentation/Splunk/9.3.1/SearchReference/Iplocation:
 * the command needs a GeoIP database; spelunk bundles none, so it says so before anything runs.
 */
import { describe, expect, it } from 'vitest';
import { SpelunkError } from '../../../src/core/errors.js';
import { createSession } from '../../../src/session.js';

const session = createSession({ datasets: new Map() });

describe('iplocation', () => {
  it('parses the published forms and refuses to run: "needs a GeoIP database"', () => {
    for (const search of ['| makeresults | eval src="8.8.8.8" | iplocation src', '| makeresults | iplocation prefix=src_ allfields=true src']) {
      let error: unknown;
      try {
        session.check(search);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(SpelunkError);
      expect((error as SpelunkError).kind).toBe('unsupported');
      expect((error as SpelunkError).message).toMatch(/needs a GeoIP database/);
    }
  });

  it('asks for the field', () => {
    expect(() => session.check('| makeresults | iplocation')).toThrow(/Usage: iplocation/);
  });
});
