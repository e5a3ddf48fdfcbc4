/**
 * Splunk expands search macros textually before it parses the search. This does the same:
 * backtick invocations outside quoted strings are replaced by their definitions (arguments
 * substituted as `$name$`), recursively, and triple-backtick comments are dropped. Every character
 * of the result remembers where it came from, so later errors can point at what the user wrote.
 */
import { describeOrigin } from '../core/describe.js';
import { SpelunkError } from '../core/errors.js';
import type { MacroFrame, OriginMap, TextPosition } from '../core/origin.js';
import { InvocationError, parseInvocation, type Invocation } from './invocation.js';
import { stanzaName, type MacroDefinition } from './definition.js';
import type { MacroLibrary } from './library.js';
import { messages, PARSER_PREFIX } from './names.js';
import { SourcedText, SourcedTextBuilder, type TextSource } from './sourced-text.js';

export interface ExpandOptions {
  /** Deepest allowed nesting of macro invocations; Splunk's limits.conf max_macro_depth is 100. */
  maxDepth?: number;
  /** Largest allowed expanded text, in characters; default 1 MiB. */
  maxExpandedLength?: number;
  /** Evaluates an eval expression, for `iseval` definitions and `validation` expressions. */
  evaluateEval?: (expression: string) => string | number | boolean | null;
}

export interface ExpansionStep {
  /** Stanza name: `name` or `name(n)`. */
  macro: string;
  definedAt: string;
  args: Record<string, string>;
  /** Where the outermost invocation leading here starts in the user's search. */
  invokedAt: TextPosition;
  /** 1 for a macro the user invoked, 2 for one invoked by its definition, ... */
  depth: number;
  /** The definition with its arguments substituted, before nested macros are expanded. */
  text: string;
}

export interface ExpansionResult {
  original: string;
  text: string;
  origins: OriginMap;
  steps: ExpansionStep[];
}

const DEFAULT_MAX_DEPTH = 100;
const DEFAULT_MAX_EXPANDED_LENGTH = 1024 * 1024;
/** Caps the work of a macro set that fans out without growing (e.g. many empty macros). */
const MAX_INVOCATIONS = 100_000;

/** security_content's build creates each missing `<detection>_filter` macro as `search *`. */
const FILTER_SUFFIX = '_filter';
const DEFAULT_FILTER_DEFINITION = 'search *';
export const DEFAULT_FILTER_ORIGIN = 'spelunk default for an undefined *_filter macro';

export function expandMacros(search: string, library: MacroLibrary, options: ExpandOptions = {}): ExpansionResult {
  const expander = new Expander(search, library, options);
  const result = expander.expandText(SourcedText.ofUserText(search), [], 0);
  return { original: search, text: result.text, origins: result, steps: expander.steps };
}

class Expander {
  readonly steps: ExpansionStep[] = [];
  private readonly maxDepth: number;
  private readonly maxLength: number;
  private invocations = 0;

  constructor(
    private readonly original: string,
    private readonly library: MacroLibrary,
    private readonly options: ExpandOptions,
  ) {
    this.maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
    this.maxLength = options.maxExpandedLength ?? DEFAULT_MAX_EXPANDED_LENGTH;
  }

  /** Expands every invocation in `input`, which sits `depth` macros deep. */
  expandText(input: SourcedText, chain: readonly MacroFrame[], depth: number): SourcedText {
    const text = input.text;
    const output = new SourcedTextBuilder(this.original);
    let copiedUpTo = 0;
    let inQuote = false;
    let i = 0;
    while (i < text.length) {
      const ch = text[i];
      if (inQuote) {
        if (ch === '\\') i++;
        else if (ch === '"') inQuote = false;
        i++;
        continue;
      }
      if (ch === '"') {
        inQuote = true;
        i++;
        continue;
      }
      if (ch !== '`') {
        i++;
        continue;
      }
      output.appendSlice(input, copiedUpTo, i);
      if (text.startsWith('```', i)) {
        const close = text.indexOf('```', i + 3);
        if (close < 0) throw this.error(messages.commentNotClosed(), input, i);
        i = close + 3;
      } else {
        const close = closingTick(text, i + 1);
        if (close < 0) throw this.error(messages.missingCloseTick(), input, i);
        const expansion = this.invoke(input, i, close, chain, depth + 1);
        output.appendAll(expansion);
        this.checkLength(output.size, input, i);
        i = close + 1;
      }
      copiedUpTo = i;
    }
    output.appendSlice(input, copiedUpTo, text.length);
    this.checkLength(output.size, input, 0);
    return output.build();
  }

  /** Expands the invocation between the ticks at `open` and `close` of `input`. */
  private invoke(
    input: SourcedText,
    open: number,
    close: number,
    chain: readonly MacroFrame[],
    depth: number,
  ): SourcedText {
    const expression = input.text.slice(open + 1, close);
    let invocation: Invocation;
    try {
      invocation = parseInvocation(expression);
    } catch (error) {
      if (error instanceof InvocationError) throw this.error(error.message, input, open + 1 + error.offset);
      throw error;
    }
    if (depth > this.maxDepth) throw this.error(messages.maxDepth(this.maxDepth), input, open);
    if (++this.invocations > MAX_INVOCATIONS) {
      throw this.error(
        `Macro expansion stopped after ${MAX_INVOCATIONS} macro invocations; check for macros that invoke many others.`,
        input,
        open,
      );
    }
    const macro = this.find(invocation, input, open);
    const values = this.argumentValues(invocation, macro, expression, input, open);
    const stanza = stanzaName(macro.name, macro.arity);
    const frame: MacroFrame = { name: stanza, definedAt: macro.definedAt, invokedAt: input.originOf(open).position };
    const frames = [...chain, frame];
    const argumentText = (index: number): string => input.text.slice(values[index]!.start, values[index]!.end);
    if (macro.validation !== undefined) this.validate(macro, stanza, macro.args.map((_, k) => argumentText(k)), input, open);

    const body = macro.isEval
      ? this.evaluatedBody(macro, stanza, frames, macro.args.map((_, k) => argumentText(k)), input, open)
      : this.substitutedBody(macro, frames, input, values);
    this.checkLength(body.text.length, input, open);
    this.steps.push({
      macro: stanza,
      definedAt: macro.definedAt,
      args: Object.fromEntries(macro.args.map((arg, k) => [arg, argumentText(k)])),
      invokedAt: frames[0]!.invokedAt,
      depth,
      text: body.text,
    });
    return this.expandText(body, frames, depth);
  }

  private find(invocation: Invocation, input: SourcedText, open: number): MacroDefinition {
    const arity = invocation.args.length;
    const macro = this.library.lookup(invocation.name, arity);
    if (macro) return macro;
    if (arity === 0 && invocation.name.endsWith(FILTER_SUFFIX)) {
      return {
        name: invocation.name,
        arity: 0,
        args: [],
        definition: DEFAULT_FILTER_DEFINITION,
        isEval: false,
        definedAt: DEFAULT_FILTER_ORIGIN,
      };
    }
    const error = this.error(messages.notFound(stanzaName(invocation.name, arity)), input, open);
    const arities = this.library.aritiesOf(invocation.name);
    if (arities.length > 0) {
      const known = arities.map((n) => stanzaName(invocation.name, n)).join(', ');
      error.detail += `\nnote: defined as ${known}; the number of arguments selects the definition`;
    }
    throw error;
  }

  /** Offsets (in `input`) of each definition argument's value, in the definition's order. */
  private argumentValues(
    invocation: Invocation,
    macro: MacroDefinition,
    expression: string,
    input: SourcedText,
    open: number,
  ): Array<{ start: number; end: number }> {
    const base = open + 1;
    const located = (arg: { start: number; end: number }): { start: number; end: number } => ({
      start: base + arg.start,
      end: base + arg.end,
    });
    if (!invocation.named) return invocation.args.map(located);
    const byKey = new Map(invocation.args.map((arg) => [arg.key!, arg]));
    const matches = byKey.size === invocation.args.length && macro.args.every((name) => byKey.has(name));
    if (!matches) throw this.error(messages.argumentMismatch(expression), input, open + 1);
    return macro.args.map((name) => located(byKey.get(name)!));
  }

  /** The definition with `$arg$` replaced everywhere, even inside quotes (macros.conf.spec). */
  private substitutedBody(
    macro: MacroDefinition,
    frames: readonly MacroFrame[],
    input: SourcedText,
    values: ReadonlyArray<{ start: number; end: number }>,
  ): SourcedText {
    const definition = macro.definition;
    const source: TextSource = { kind: 'macro', frames, definition };
    const builder = new SourcedTextBuilder(this.original);
    const indexOfArg = new Map(macro.args.map((name, k) => [name, k]));
    let copied = 0;
    for (const match of definition.matchAll(/\$([A-Za-z0-9_-]+)\$/g)) {
      const index = indexOfArg.get(match[1]!);
      if (index === undefined) continue;
      builder.appendOwn(definition.slice(copied, match.index), source, copied);
      builder.appendSlice(input, values[index]!.start, values[index]!.end);
      copied = match.index + match[0].length;
      this.checkLength(builder.size, input, values[index]!.start);
    }
    builder.appendOwn(definition.slice(copied), source, copied);
    return builder.build();
  }

  /** An `iseval` macro: its definition is an eval expression whose string value is the expansion. */
  private evaluatedBody(
    macro: MacroDefinition,
    stanza: string,
    frames: readonly MacroFrame[],
    argumentValues: readonly string[],
    input: SourcedText,
    open: number,
  ): SourcedText {
    // macros.conf.spec's iseval example refers to arguments both as $foo$ and bare (`bar > 0`).
    const expression = substituteBareArgs(
      substituteDollarArgs(macro.definition, macro.args, argumentValues),
      macro.args,
      argumentValues,
    );
    const result = this.evaluate(expression, stanza, 'iseval', input, open, () =>
      this.error(messages.evalNotString(stanza), input, open),
    );
    if (typeof result !== 'string') throw this.error(messages.evalNotString(stanza), input, open);
    return SourcedText.ofDefinition(result, frames, this.original);
  }

  /** Runs a macro's `validation` expression; see macros.conf.spec for how its value is read. */
  private validate(
    macro: MacroDefinition,
    stanza: string,
    argumentValues: readonly string[],
    input: SourcedText,
    open: number,
  ): void {
    const validation = macro.validation!;
    const expression = substituteBareArgs(
      substituteDollarArgs(validation, macro.args, argumentValues),
      macro.args,
      argumentValues,
    );
    const result = this.evaluate(expression, stanza, 'validation', input, open, () =>
      this.error(messages.validationInvalid(validation), input, open),
    );
    const failWith = (why: string): SpelunkError => this.error(messages.validationFailed(stanza, why), input, open);
    const defaultReason = macro.errormsg ?? `the validation expression '${validation}' failed`;
    if (result === true) return;
    if (result === false) throw failWith(defaultReason);
    if (result === null) {
      // Splunk: a Boolean expression that is NULL fails; a string expression that is NULL passes.
      // Which one it was is unknown here, so an author-supplied errormsg signals the Boolean kind.
      if (macro.errormsg !== undefined) throw failWith(macro.errormsg);
      return;
    }
    throw failWith(String(result));
  }

  private evaluate(
    expression: string,
    stanza: string,
    purpose: 'iseval' | 'validation',
    input: SourcedText,
    open: number,
    invalid: () => SpelunkError,
  ): string | number | boolean | null {
    const evaluateEval = this.options.evaluateEval;
    if (!evaluateEval) {
      const what = purpose === 'iseval' ? 'is an eval-based macro (iseval = true)' : 'has a validation expression';
      const error = this.error(
        `The macro '${stanza}' ${what}, and this expansion was given no eval engine to evaluate it (expand through a Session).`,
        input,
        open,
      );
      throw new SpelunkError('unsupported', error.message, undefined, error.detail);
    }
    try {
      return evaluateEval(expression);
    } catch (error) {
      if (error instanceof SpelunkError) {
        const wrapped = invalid();
        wrapped.detail += `\n${error.message}`;
        throw wrapped;
      }
      throw error;
    }
  }

  private checkLength(length: number, input: SourcedText, offset: number): void {
    if (length <= this.maxLength) return;
    throw this.error(
      `The expanded search is longer than ${this.maxLength} characters, the limit on macro expansion; ` +
        `check for macros that expand into very large text.`,
      input,
      offset,
    );
  }

  private error(message: string, input: SourcedText, offset: number): SpelunkError & { detail: string } {
    const detail = describeOrigin(this.original, input.originOf(offset));
    return new SpelunkError('macro', PARSER_PREFIX + message, undefined, detail) as SpelunkError & { detail: string };
  }
}

/** Offset of the tick closing an invocation opened before `from`; backticks in quotes don't close it. */
function closingTick(text: string, from: number): number {
  let inQuote = false;
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (inQuote) {
      if (ch === '\\') i++;
      else if (ch === '"') inQuote = false;
    } else if (ch === '"') {
      inQuote = true;
    } else if (ch === '`') {
      return i;
    }
  }
  // An unbalanced quote inside the expression: fall back to the next tick of any kind.
  return text.indexOf('`', from);
}

function substituteDollarArgs(text: string, names: readonly string[], values: readonly string[]): string {
  const valueOf = new Map(names.map((name, k) => [name, values[k]!]));
  return text.replace(/\$([A-Za-z0-9_-]+)\$/g, (whole, name: string) => valueOf.get(name) ?? whole);
}

/**
 * macros.conf.example writes validation with bare argument names (`validation = foo > bar`);
 * they are replaced by the argument values as eval literals, outside quoted strings.
 */
function substituteBareArgs(text: string, names: readonly string[], values: readonly string[]): string {
  const valueOf = new Map(names.map((name, k) => [name, values[k]!]));
  const pieces = text.split(/("(?:[^"\\]|\\.)*")/);
  return pieces
    .map((piece, index) =>
      index % 2 === 1
        ? piece
        : piece.replace(/(?<![\w$.-])([A-Za-z_][A-Za-z0-9_]*)(?![\w$(-])/g, (word: string) => {
            const value = valueOf.get(word);
            return value === undefined ? word : evalLiteral(value);
          }),
    )
    .join('');
}

function evalLiteral(value: string): string {
  if (/^-?\d+(\.\d+)?$/.test(value)) return value;
  if (/^"(?:[^"\\]|\\.)*"$/.test(value)) return value;
  return `"${value.replace(/["\\]/g, (ch) => `\\${ch}`)}"`;
}
