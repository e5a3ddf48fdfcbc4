/**
 * Every `where` and `eval` expression in security_content's Endpoint.Processes searches parses,
 * and every function it calls is known.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEvalExpression } from '../../src/parse/eval-parser.js';
import { checkFunctions } from '../../src/eval/evaluate.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const searchesFile = path.resolve(repoRoot, '../shared/reference/security_content/detections_endpoint_processes_searches.txt');

/** The text after `| where` and after each `name=` of `| eval`, up to the expression's end. */
function expressions(search: string): string[][] {
  const found: string[][] = [];
  for (const match of search.matchAll(/\|\s*(where|eval)\s+/gi)) {
    const start = (match.index ?? 0) + match[0].length;
    found.push([match[1]?.toLowerCase() ?? '', search, String(start)]);
  }
  return found;
}

describe.skipIf(!existsSync(searchesFile))('security_content where/eval expressions', () => {
  it('parse to the end of their command and use only known functions', () => {
    const lines = readFileSync(searchesFile, 'utf8').split('\n').filter(Boolean);
    let parsed = 0;
    const failures: string[] = [];
    for (const line of lines) {
      const search = line.slice(line.indexOf('\t') + 1).replace(/`[A-Za-z_]\w*(\([^`]*\))?`/g, 'macro');
      for (const [command, text, startText] of expressions(search)) {
        let offset = Number(startText);
        try {
          for (;;) {
            if (command === 'eval') {
              const assignment = /^('[^']*'|[A-Za-z_][\w.]*)\s*=(?!=)\s*/.exec((text as string).slice(offset));
              if (!assignment) throw new Error('no assignment');
              offset += assignment[0].length;
            }
            const result = parseEvalExpression(text as string, offset);
            checkFunctions(result.expr);
            parsed++;
            const rest = (text as string).slice(result.end);
            if (command === 'eval' && /^\s*,/.test(rest)) {
              offset = result.end + (/^\s*,\s*/.exec(rest)?.[0].length ?? 0);
              continue;
            }
            // The expression must end at the end of the command.
            if (!/^\s*(\||\]|$)/.test(rest)) throw new Error(`stopped early before: ${rest.slice(0, 30)}`);
            break;
          }
        } catch (e) {
          const message = (e as Error).message;
          // predicted() comes from MLTK's apply; spelunk reports it unsupported, as it should.
          if (!/predicted/.test(message)) failures.push(`${line.slice(0, line.indexOf('\t'))}: ${message}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(parsed).toBeGreaterThan(50);
  });
});
