/**
 * `iplocation [prefix=<string>] [allfields=<bool>] [lang=<string>] <ip-address-fieldname>` (DOC
 * iplocation, https://docs.splunk.com/Documentation/Splunk/9.3.1/SearchReference/Iplocation): adds
 * City, Country, Region, lat and lon from a GeoIP database. Splunk ships MaxMind's GeoLite2-City
 * file; spelunk bundles no GeoIP database (its licence forbids redistribution here, and spelunk
 * reads no network), so the command parses and then says plainly that it cannot run, rather than
 * leaving the location fields empty as if the addresses had no location.
 */
import { SpelunkError } from '../core/errors.js';
import type { CommandNodeBase } from '../parse/ast.js';
import { booleanOption } from '../parse/option-values.js';
import { defineCommand } from './types.js';

export interface IplocationNode extends CommandNodeBase {
  field: string;
  prefix: string;
}

export default defineCommand<IplocationNode>({
  name: 'iplocation',
  type: 'streaming',
  summary: 'Adds City, Country, Region, lat and lon for an IP field: needs a GeoIP database, which spelunk does not bundle.',
  parse(cursor) {
    let prefix = '';
    let field: string | undefined;
    while (!cursor.done) {
      const option = cursor.takeOption(['prefix', 'allfields', 'lang']);
      if (option) {
        if (option.key === 'prefix') prefix = option.value;
        else if (option.key === 'allfields') booleanOption(option);
        continue;
      }
      if (field !== undefined) cursor.expectEnd();
      field = cursor.expectFieldName('(the IP address field)').name;
    }
    const found = field ?? cursor.fail('Usage: iplocation [prefix=<string>] [allfields=<bool>] [lang=<string>] <ip-address-fieldname>');
    // Well-formed: the parser keeps it as a node that planning refuses with this message.
    throw new SpelunkError(
      'unsupported',
      `iplocation needs a GeoIP database (Splunk's is MaxMind GeoLite2-City), and spelunk bundles none: the locations of '${found}'${prefix ? ` (prefix ${prefix})` : ''} cannot be looked up offline.`,
    );
  },
  explain(node) {
    return { note: `looks ${node.field} up in a GeoIP database (none is bundled)` };
  },
  execute(node) {
    throw new SpelunkError('unsupported', `iplocation needs a GeoIP database, and spelunk bundles none ('${node.field}').`, node.span);
  },
});
