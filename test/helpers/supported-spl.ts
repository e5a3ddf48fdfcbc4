/**
 * The "Supported SPL" section of the README, generated from the registries so it cannot drift:
 * test/readme.test.ts checks the README holds exactly this text. The command table reads each
 * command's summary, the eval function table each function's spec.
 */
import { COMMANDS } from '../../src/commands/index.js';
import { CONVERT_FUNCTIONS } from '../../src/commands/convert.js';
import { TSTATS_FUNCTIONS } from '../../src/commands/tstats.js';
import { EVAL_FUNCTIONS, functionSpec } from '../../src/eval/functions.js';
import { AGGREGATE_FUNCTIONS } from '../../src/stats/aggregate.js';

const code = (names: readonly string[]): string => names.map((n) => `\`${n}\``).join(', ');
const cell = (text: string): string => text.replace(/\|/g, '\\|');
const evalFunctions = EVAL_FUNCTIONS.map((name) => ({ name, ...functionSpec(name)! }));

export function supportedReference(): string {
  const commands = [...COMMANDS].sort((a, b) => a.name.localeCompare(b.name));
  const lines = [
    '| command | kind | what it does |',
    '|---|---|---|',
    ...commands.map((c) => {
      const names = [c.name, ...(c.aliases ?? [])].map((n) => `\`${n}\``).join(' / ');
      return `| ${names} | ${c.type} | ${cell(c.summary)} |`;
    }),
    '',
    `**tstats functions** (${TSTATS_FUNCTIONS.length} names, plus \`perc<N>\`, \`p<N>\`, \`exactperc<N>\`, \`upperperc<N>\`): ${code(TSTATS_FUNCTIONS)}.`,
    '',
    `**stats, eventstats and streamstats functions**: ${code(AGGREGATE_FUNCTIONS)}; \`count(eval(...))\` and the other functions over \`eval(...)\` need \`AS\`.`,
    '',
    `**eval and where functions** (${evalFunctions.length}):`,
    '',
    '| function | what it gives |',
    '|---|---|',
    ...evalFunctions.map((f) => `| \`${f.name}\` | ${cell(f.summary)} |`),
    '',
    `Not pure (worked out for each result on its own, even over a column table): ${code(evalFunctions.filter((f) => !f.pure).map((f) => f.name))}.`,
    '',
    `**convert functions**: ${code(CONVERT_FUNCTIONS)}.`,
  ];
  return `${lines.join('\n')}\n`;
}
