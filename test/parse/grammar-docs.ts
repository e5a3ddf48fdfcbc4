/**
 * The grammar as a person reads it: chevrotain's railroad diagrams, generated from the very
 * parser instances that run, so grammar/ cannot drift from the code (test/parse/grammar.test.ts
 * compares the files with this output).
 */
import { createSyntaxDiagramsCode, type BaseParser } from 'chevrotain';
import { evalGrammar } from '../../src/parse/eval-grammar.js';
import { pipelineParser } from '../../src/parse/pipeline-parser.js';
import { searchExpressionParser } from '../../src/parse/search-parser.js';

function diagrams(parser: BaseParser): string {
  // The diagram scripts come from the chevrotain package installed beside the clone, so the
  // pages work offline once `npm ci` has run.
  return createSyntaxDiagramsCode(parser.getSerializedGastProductions(), {
    resourceBase: '../node_modules/chevrotain/diagrams/',
    css: '../node_modules/chevrotain/diagrams/diagrams.css',
  });
}

/** File name in grammar/ → its HTML content. */
export function grammarDocuments(): Record<string, string> {
  return {
    'pipeline.html': diagrams(pipelineParser()),
    'search.html': diagrams(searchExpressionParser()),
    'eval.html': diagrams(evalGrammar),
  };
}
