/**
 * The "Supported SPL" section of the README, generated from the registries so it cannot drift:
 * test/readme.test.ts checks the README holds exactly this text.
 */
import { COMMANDS } from '../commands/index.js';
import { CONVERT_FUNCTIONS } from '../commands/convert.js';
import { TSTATS_FUNCTIONS } from '../commands/tstats.js';
import { EVAL_FUNCTIONS } from '../eval/functions.js';
import { AGGREGATE_FUNCTIONS } from '../stats/aggregate.js';

const code = (names: readonly string[]): string => names.map((n) => `\`${n}\``).join(', ');

export function supportedReference(): string {
  const commands = [...COMMANDS].sort((a, b) => a.name.localeCompare(b.name));
  const lines = [
    '| command | kind | what it does |',
    '|---|---|---|',
    ...commands.map((c) => {
      const names = [c.name, ...(c.aliases ?? [])].map((n) => `\`${n}\``).join(' / ');
      return `| ${names} | ${c.type} | ${c.summary.replace(/\|/g, '\\|')} |`;
    }),
    '',
    `**tstats functions** (${TSTATS_FUNCTIONS.length} names, plus \`perc<N>\`, \`p<N>\`, \`exactperc<N>\`, \`upperperc<N>\`): ${code(TSTATS_FUNCTIONS)}.`,
    '',
    `**stats, eventstats and streamstats functions**: ${code(AGGREGATE_FUNCTIONS)}; \`count(eval(...))\` and the other functions over \`eval(...)\` need \`AS\`.`,
    '',
    `**eval and where functions** (${EVAL_FUNCTIONS.length}): ${code(EVAL_FUNCTIONS)}.`,
    '',
    `**convert functions**: ${code(CONVERT_FUNCTIONS)}.`,
  ];
  return `${lines.join('\n')}\n`;
}
