/**
 * Macro expansion rules. Each expectation cites its source: macros.conf.spec / messages.conf /
 * limits.conf of Splunk 8.2.12 [CONF S1], Splunk's docs [DOC S15], or an [INF] point of
 * docs/semantics.md.
 */
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SpelunkError } from '../../src/core/errors.js';
import { expandMacros, type ExpandOptions } from '../../src/macros/expand.js';
import { MacroLibrary } from '../../src/macros/library.js';

function libraryOf(...specs: string[]): MacroLibrary {
  const library = MacroLibrary.empty();
  for (const spec of specs) library.defineInline(spec);
  return library;
}

function expand(search: string, library: MacroLibrary, options?: ExpandOptions): string {
  return expandMacros(search, library, options).text;
}

function macroError(search: string, library: MacroLibrary, options?: ExpandOptions): SpelunkError {
  try {
    expandMacros(search, library, options);
  } catch (error) {
    if (error instanceof SpelunkError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(search)} to fail`);
}

const FIXTURES = relative(process.cwd(), resolve(fileURLToPath(import.meta.url), '../fixtures'));
const PREFIX = "Error in 'SearchParser': ";

describe('invocation and arguments', () => {
  const library = libraryOf('pair(a,b)=x=$a$ y=$b$', 'one(a)=one:$a$', 'one=zero', 'q(v)="$v$.*"');

  it('selects the stanza by argument count: name, name(1), name(2) are different macros [CONF]', () => {
    expect(expand('`one`', library)).toBe('zero');
    expect(expand('`one(7)`', library)).toBe('one:7');
  });

  it('substitutes positional arguments in definition order [CONF macros.conf.example]', () => {
    expect(expand('`pair(1,2)`', library)).toBe('x=1 y=2');
  });

  it('substitutes named arguments in any order [CONF `foobar(foo=1,bar=2)` or `foobar(bar=2,foo=1)`]', () => {
    expect(expand('`pair(b=2,a=1)`', library)).toBe('x=1 y=2');
    expect(expand('`pair(a=1, b=2)`', library)).toBe('x=1 y=2');
  });

  it('keeps quoted strings and parentheses whole when splitting arguments [INF, CONF paren errors]', () => {
    expect(expand('`pair("a,b",f(c,d))`', library)).toBe('x="a,b" y=f(c,d)');
  });

  it('substitutes arguments verbatim, quotes included, and inside quotes of the definition [CONF, S21]', () => {
    // Both forms occur in security_content: drop_dm_object_name(Processes) and ("Processes").
    expect(expand('`q(Processes)`', library)).toBe('"Processes.*"');
    expect(expand('`q("Processes")`', library)).toBe('""Processes".*"');
  });

  it('trims whitespace around arguments [INF]', () => {
    expect(expand('`pair( 1 ,  2 )`', library)).toBe('x=1 y=2');
  });

  it('leaves $names$ that are not arguments alone', () => {
    expect(expand('`one(1)` $a$', libraryOf('one(a)=$a$ $other$'))).toBe('1 $other$ $a$');
  });

  it('does not expand macros inside quoted strings [CONF: "foo`bar`baz" is not expanded; DOC S15]', () => {
    expect(expand('search x="audit`one`local" `one`', library)).toBe('search x="audit`one`local" zero');
    expect(expand('search x="say \\"`one`\\"" `one`', library)).toBe('search x="say \\"`one`\\"" zero');
  });

  it('expands nested macros recursively [CONF: nesting can be indefinite]', () => {
    const nested = libraryOf('outer=[`inner(5)`]', 'inner(n)=<`leaf`$n$>', 'leaf=L');
    expect(expand('a `outer` b', nested)).toBe('a [<L5>] b');
  });

  it('does not expand backticks inside quotes of a definition either', () => {
    const withTick = libraryOf('strip=replace(p, "`", "")');
    expect(expand('eval p=`strip`', withTick)).toBe('eval p=replace(p, "`", "")');
  });
});

describe('comments', () => {
  it('removes ``` comments ``` before expanding [DOC, CONF COMMENT_NOT_TERMINATED]', () => {
    expect(expand('search a ```a `missing` macro```| head 1', MacroLibrary.empty())).toBe('search a | head 1');
  });

  it('reports an unterminated comment with Splunk\'s text [CONF]', () => {
    const error = macroError('search a ```no end', MacroLibrary.empty());
    expect(error.kind).toBe('macro');
    expect(error.message).toBe(`${PREFIX}Missing comment closing tickmarks.`);
    expect(error.detail).toContain('at line 1, column 10');
  });
});

describe('Splunk error texts [CONF messages.conf 8.2.12]', () => {
  const library = libraryOf('pair(a,b)=$a$$b$', 'one(a)=$a$');

  it('macro not found names the stanza looked up', () => {
    const error = macroError('search x\n| `nope(1)`', library);
    expect(error.kind).toBe('macro');
    expect(error.message).toBe(
      `${PREFIX}The search specifies a macro 'nope(1)' that cannot be found. Reasons include: the macro name is misspelled, ` +
        'you do not have "read" permission for the macro, or the macro has not been shared with this application. ' +
        'Click Settings, Advanced search, Search Macros to view macro information.',
    );
    expect(error.detail).toContain('at line 2, column 3');
    expect(error.detail).toContain('  | `nope(1)`\n    ^');
  });

  it('a wrong argument count is a not-found for that arity, with a hint', () => {
    const error = macroError('`one(1,2)`', library);
    expect(error.message).toContain("macro 'one(2)' that cannot be found");
    expect(error.detail).toContain('defined as one(1)');
  });

  it('missing closing tick', () => {
    expect(macroError('search `one(1)', library).message).toBe(
      `${PREFIX}Missing a closing tick mark for macro expansion.`,
    );
  });

  it('empty macro expression', () => {
    expect(macroError('search `` x', library).message).toBe(`${PREFIX}You must provide a macro expression.`);
  });

  it('missing closing parenthesis', () => {
    expect(macroError('`one(1`', library).message).toBe(
      `${PREFIX}The macro expression 'one(1' is invalid. Expected closing ')'.`,
    );
  });

  it('mixing named and positional arguments', () => {
    expect(macroError('`pair(a=1,2)`', library).message).toBe(
      `${PREFIX}The macro expression 'pair(a=1,2)' is invalid. All arguments must be named or none can be named.`,
    );
  });

  it('named arguments that do not match the definition', () => {
    expect(macroError('`pair(a=1,c=2)`', library).message).toBe(
      `${PREFIX}The macro expression 'pair(a=1,c=2)' is invalid. The argument list does not match the definition.`,
    );
  });

  it('invalid macro name', () => {
    expect(macroError('`bad name`', library).message).toBe(
      `${PREFIX}The name 'bad name' is invalid. Macro and argument names might only include alphanumerics, '_' and '-'.`,
    );
  });

  it('mismatched parentheses in an argument', () => {
    expect(macroError('`one(f(x)))`', library).message).toBe(
      `${PREFIX}Macro argument expression 'f(x))' has mismatched parens.`,
    );
  });

  it('points into the macro definition and lists the macro chain for errors inside a definition', () => {
    const nested = libraryOf('outer=head 1 | `inner`', 'inner=search `broken');
    const error = macroError('search a\n  | `outer`', nested);
    expect(error.message).toBe(`${PREFIX}Missing a closing tick mark for macro expansion.`);
    expect(error.detail).toContain('at line 2, column 5');
    expect(error.detail).toContain('in macro `inner` (line 1, column 8 of its definition), defined in --macro');
    expect(error.detail).toContain('in macro `outer`, defined in --macro, invoked at line 2, column 5');
  });
});

describe('filter macros', () => {
  it('an undefined <name>_filter macro expands to `search *` (contentctl build default)', () => {
    expect(expand('| `w3wp_spawning_shell_filter`', MacroLibrary.empty())).toBe('| search *');
  });

  it('a defined filter macro wins over the default', () => {
    expect(expand('| `x_filter`', libraryOf('x_filter=search user!=SYSTEM'))).toBe('| search user!=SYSTEM');
  });

  it('the default applies only to names ending in _filter, without arguments', () => {
    expect(macroError('`x_filterx`', MacroLibrary.empty()).message).toContain("macro 'x_filterx'");
    expect(macroError('`x_filter(1)`', MacroLibrary.empty()).message).toContain("macro 'x_filter(1)'");
  });
});

describe('limits', () => {
  it('stops infinite recursion at depth 100 with Splunk\'s text [CONF limits.conf max_macro_depth]', () => {
    const error = macroError('`loop`', libraryOf('loop=x `loop`'));
    expect(error.message).toBe(
      `${PREFIX}Reached maximum recursion depth (100) while expanding macros. Check for infinitely recursive macro definitions.`,
    );
  });

  it('allows exactly maxDepth levels and no more', () => {
    const chain = libraryOf('m1=`m2`', 'm2=`m3`', 'm3=done');
    expect(expand('`m1`', chain, { maxDepth: 3 })).toBe('done');
    expect(macroError('`m1`', chain, { maxDepth: 2 }).message).toContain('maximum recursion depth (2)');
  });

  it('caps the expanded size with a clear error', () => {
    const doubling = libraryOf('d0=xxxxxxxxxx', ...Array.from({ length: 30 }, (_, k) => `d${k + 1}=\`d${k}\`\`d${k}\``));
    const error = macroError('`d30`', doubling, { maxExpandedLength: 10_000 });
    expect(error.kind).toBe('macro');
    expect(error.message).toContain('longer than 10000 characters');
    expect(expand('`d3`', doubling, { maxExpandedLength: 80 })).toBe('x'.repeat(80));
  });

  it('caps the number of invocations for fan-out that produces no text', () => {
    const fanOut = libraryOf('e0=', ...Array.from({ length: 8 }, (_, k) => `e${k + 1}=${`\`e${k}\``.repeat(10)}`));
    expect(macroError('`e8`', fanOut).message).toContain('100000 macro invocations');
  });
});

describe('iseval and validation', () => {
  it('without an eval engine, iseval macros are a clear error', () => {
    const library = MacroLibrary.empty();
    library.loadPath(`${FIXTURES}/macros.conf`);
    const error = macroError('`fooeval(10,20)`', library);
    expect(error.kind).toBe('unsupported');
    expect(error.message).toContain('no eval engine');
  });

  it('evaluates an iseval definition with arguments substituted; its string is the expansion [CONF fooeval example]', () => {
    const library = MacroLibrary.empty();
    library.loadPath(`${FIXTURES}/macros.conf`);
    const seen: string[] = [];
    const text = expand('`fooeval(10,20)`', library, {
      evaluateEval: (expression) => {
        seen.push(expression);
        return '10 + 20';
      },
    });
    expect(seen).toEqual(['if (20 > 0, "10 + 20", "10 - 20")']);
    expect(text).toBe('10 + 20');
  });

  it('an iseval definition that does not return a string is MACRO_EVAL_FAIL [CONF]', () => {
    const library = MacroLibrary.empty();
    library.loadPath(`${FIXTURES}/macros.conf`);
    expect(macroError('`fooeval(1,2)`', library, { evaluateEval: () => 3 }).message).toBe(
      `${PREFIX}The definition of macro 'fooeval(2)' is expected to be an eval expression that returns a string.`,
    );
  });

  it('honours validation and errormsg [CONF macros.conf.spec validation]', () => {
    const library = MacroLibrary.empty();
    library.loadPath(`${FIXTURES}/macros.conf`);
    const isNumber = (expression: string): boolean => /^isnum\(\d+\)$/.test(expression);
    expect(expand('`checked(5)`', library, { evaluateEval: isNumber })).toBe('head 5');
    expect(macroError('`checked(x)`', library, { evaluateEval: isNumber }).message).toBe(
      `${PREFIX}Encountered the following error while validating macro 'checked(1)': n must be a number.`,
    );
    expect(macroError('`checked(x)`', library, { evaluateEval: () => 'too big' }).message).toBe(
      `${PREFIX}Encountered the following error while validating macro 'checked(1)': too big.`,
    );
  });
});

describe('origins and steps', () => {
  it('maps every character of the expansion back to the user text or the macro definition', () => {
    const library = libraryOf('f(x)=rename "$x$.*" as *');
    const result = expandMacros('search a\n| `f(Processes)` | head', library);
    expect(result.text).toBe('search a\n| rename "Processes.*" as * | head');
    const fromUser = result.origins.originOf(result.text.indexOf('head'));
    expect(fromUser).toEqual({ position: { line: 2, column: 20 }, macroChain: [] });
    const fromDefinition = result.origins.originOf(result.text.indexOf('as *'));
    expect(fromDefinition.position).toEqual({ line: 2, column: 3 });
    expect(fromDefinition.macroChain.map((frame) => frame.name)).toEqual(['f(1)']);
    expect(fromDefinition.positionInMacro).toEqual({ line: 1, column: 16 });
    // The substituted argument was written by the user, inside the backticks.
    expect(result.origins.originOf(result.text.indexOf('Processes'))).toEqual({
      position: { line: 2, column: 6 },
      macroChain: [],
    });
  });

  it('records each expansion in order with its depth and arguments', () => {
    const library = libraryOf('outer(v)=<`inner`$v$>', 'inner=i');
    const { steps } = expandMacros('`outer(z)`', library);
    expect(steps.map((step) => [step.macro, step.depth, step.args, step.text])).toEqual([
      ['outer(1)', 1, { v: 'z' }, '<`inner`z>'],
      ['inner', 2, {}, 'i'],
    ]);
  });
});
