/**
 * Splunk's regular expressions are PCRE; spelunk runs them as JavaScript RegExps. This module
 * rewrites the PCRE constructs whose JavaScript spelling differs and rejects, with a clear
 * SpelunkError, the ones JavaScript cannot express (possessive quantifiers, atomic groups,
 * recursion, conditionals, \G, \K, inline flags after the start).
 *
 * The RegExps it returns are BoundedRegExps (src/regex): every match they run is bounded in time,
 * at Splunk's PCRE limits where a backtracking engine is needed (docs/semantics.md, "Limits").
 */
import { SpelunkError, type Span } from '../core/errors.js';
import { BoundedRegExp } from '../regex/bounded-regexp.js';

const POSIX_CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  word: '\\w',
  cntrl: '\\x00-\\x1f\\x7f',
  print: '\\x20-\\x7e',
  graph: '\\x21-\\x7e',
};

/** End of subject, or before a final newline: PCRE's `$` and `\Z` without multiline. */
const END_OR_FINAL_NEWLINE = '(?=\\n?(?![\\s\\S]))';
const VERY_END = '(?![\\s\\S])';
const VERY_START = '(?<![\\s\\S])';

class Translator {
  private out = '';
  private i = 0;
  private flags: Set<string>;

  constructor(
    private readonly pattern: string,
    flags: string,
    private readonly span: Span | undefined,
  ) {
    this.flags = new Set(flags.split(''));
  }

  private fail(what: string): never {
    throw new SpelunkError(
      'unsupported',
      `spelunk cannot run the regular expression '${this.pattern}': ${what} has no JavaScript equivalent`,
      this.span,
    );
  }

  translate(): RegExp {
    this.leadingFlags();
    while (this.i < this.pattern.length) this.step();
    const flags = [...this.flags].filter((f) => 'imsu'.includes(f)).join('');
    try {
      return new RegExp(this.out, flags);
    } catch (error) {
      throw new SpelunkError('search', `Invalid regular expression '${this.pattern}': ${(error as Error).message}`, this.span);
    }
  }

  /** `(?i)`, `(?s)`, `(?m)`, `(?x)` and combinations at the very start set flags for the whole pattern. */
  private leadingFlags(): void {
    for (;;) {
      const match = /^\(\?([imsxJUX]+)\)/.exec(this.pattern.slice(this.i));
      if (!match) return;
      for (const flag of match[1] as string) {
        if (!'imsxU'.includes(flag)) this.fail(`the inline option (?${flag})`);
        if (flag === 'U') this.fail('the inline option (?U)');
        this.flags.add(flag);
      }
      this.i += match[0].length;
    }
  }

  private peek(offset = 0): string {
    return this.pattern[this.i + offset] ?? '';
  }

  private step(): void {
    const ch = this.peek();
    if (this.flags.has('x') && /\s/.test(ch)) {
      this.i++;
      return;
    }
    if (this.flags.has('x') && ch === '#') {
      while (this.i < this.pattern.length && this.peek() !== '\n') this.i++;
      return;
    }
    switch (ch) {
      case '\\':
        this.escape(false);
        return;
      case '[':
        this.characterClass();
        return;
      case '(':
        this.groupOpening();
        return;
      case '$':
        this.out += this.flags.has('m') ? '$' : END_OR_FINAL_NEWLINE;
        this.i++;
        return;
      case '*':
      case '+':
      case '?':
        this.out += ch;
        this.i++;
        this.quantifierSuffix();
        return;
      case '{': {
        const match = /^\{\d+(,\d*)?\}/.exec(this.pattern.slice(this.i));
        if (match) {
          this.out += match[0];
          this.i += match[0].length;
          this.quantifierSuffix();
        } else {
          this.out += '\\{';
          this.i++;
        }
        return;
      }
      case '}':
        this.out += '\\}';
        this.i++;
        return;
      default:
        this.out += ch;
        this.i++;
    }
  }

  /** After a quantifier: `?` (lazy) is the same in JavaScript; `+` (possessive) is not. */
  private quantifierSuffix(): void {
    if (this.peek() === '+') this.fail('a possessive quantifier');
    if (this.peek() === '?') {
      this.out += '?';
      this.i++;
    }
  }

  private groupOpening(): void {
    const rest = this.pattern.slice(this.i);
    if (!rest.startsWith('(?')) {
      this.out += '(';
      this.i++;
      return;
    }
    const named = /^\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(rest) ?? /^\(\?'([A-Za-z_][A-Za-z0-9_]*)'/.exec(rest);
    if (named) {
      this.out += `(?<${named[1]}>`;
      this.i += named[0].length;
      return;
    }
    const backReference = /^\(\?P=([A-Za-z_][A-Za-z0-9_]*)\)/.exec(rest);
    if (backReference) {
      this.out += `\\k<${backReference[1]}>`;
      this.i += backReference[0].length;
      return;
    }
    const comment = /^\(\?#[^)]*\)/.exec(rest);
    if (comment) {
      this.i += comment[0].length;
      return;
    }
    for (const plain of ['(?:', '(?=', '(?!', '(?<=', '(?<!']) {
      if (rest.startsWith(plain)) {
        this.out += plain;
        this.i += plain.length;
        return;
      }
    }
    if (rest.startsWith('(?>')) this.fail('an atomic group (?>...)');
    if (rest.startsWith('(?|')) this.fail('a branch-reset group (?|...)');
    if (rest.startsWith('(?(')) this.fail('a conditional group');
    if (/^\(\?(R|[+-]?\d|&|P>)/.test(rest)) this.fail('a recursive pattern');
    if (/^\(\?[a-zA-Z-]+[:)]/.test(rest)) this.fail('an inline option that is not at the start of the pattern');
    this.fail('the group syntax (?');
  }

  private escape(inClass: boolean): void {
    const next = this.peek(1);
    this.i += 2;
    switch (next) {
      case '':
        this.out += '\\\\';
        return;
      case 'A':
        if (inClass) this.fail('\\A inside a character class');
        this.out += VERY_START;
        return;
      case 'z':
        if (inClass) this.fail('\\z inside a character class');
        this.out += VERY_END;
        return;
      case 'Z':
        if (inClass) this.fail('\\Z inside a character class');
        this.out += END_OR_FINAL_NEWLINE;
        return;
      case 'h':
        this.out += inClass ? ' \\t' : '[ \\t]';
        return;
      case 'e':
        this.out += '\\x1b';
        return;
      case 'G':
        this.fail('\\G');
        return;
      case 'K':
        this.fail('\\K');
        return;
      case 'Q': {
        const close = this.pattern.indexOf('\\E', this.i);
        const literal = this.pattern.slice(this.i, close === -1 ? undefined : close);
        this.out += literal.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
        this.i = close === -1 ? this.pattern.length : close + 2;
        return;
      }
      case 'E':
        return;
      case 'x': {
        const braced = /^\{([0-9A-Fa-f]{1,4})\}/.exec(this.pattern.slice(this.i));
        if (braced) {
          this.out += `\\u${(braced[1] as string).padStart(4, '0')}`;
          this.i += braced[0].length;
        } else {
          this.out += '\\x';
        }
        return;
      }
      case 'p':
      case 'P':
        this.flags.add('u');
        this.out += `\\${next}`;
        return;
      default:
        // PCRE treats a backslash before any non-alphanumeric character as that literal character.
        this.out += /[A-Za-z0-9]/.test(next) ? `\\${next}` : `\\${next}`;
    }
  }

  private characterClass(): void {
    this.out += '[';
    this.i++;
    if (this.peek() === '^') {
      this.out += '^';
      this.i++;
    }
    // In PCRE a `]` right after `[` or `[^` is a literal; JavaScript would read `[]` as empty.
    if (this.peek() === ']') {
      this.out += '\\]';
      this.i++;
    }
    while (this.i < this.pattern.length) {
      const ch = this.peek();
      if (ch === ']') {
        this.out += ']';
        this.i++;
        return;
      }
      if (ch === '\\') {
        this.escape(true);
        continue;
      }
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(this.pattern.slice(this.i));
      if (posix) {
        const body = POSIX_CLASSES[posix[2] as string];
        if (!body || posix[1]) this.fail(`the POSIX class [:${posix[1]}${posix[2]}:]`);
        this.out += body;
        this.i += posix[0].length;
        continue;
      }
      if (ch === '[') {
        this.out += '\\[';
        this.i++;
        continue;
      }
      this.out += ch;
      this.i++;
    }
    this.out += ']';
  }
}

const cache = new Map<string, RegExp>();
const CACHE_LIMIT = 500;

/**
 * Compiles a PCRE pattern (as Splunk's rex/regex/match/replace take it) to a JavaScript RegExp.
 * `flags` may hold JavaScript flags to add (`g`, `i`, ...). Compiled patterns are cached.
 */
export function compilePcre(pattern: string, flags = '', span?: Span): RegExp {
  const key = `${flags}\u0000${pattern}`;
  const cached = cache.get(key);
  if (cached) {
    cached.lastIndex = 0;
    return cached;
  }
  const base = new Translator(pattern, flags.replace(/[gy]/g, ''), span).translate();
  const extra = [...new Set(flags.split(''))].filter((f) => 'gy'.includes(f)).join('');
  const regex = new BoundedRegExp(base.source, base.flags + extra);
  regex.written = { pattern, span };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, regex);
  return regex;
}

/**
 * A fresh RegExp with the pattern of `regex` and its flags plus `extraFlags` (e.g. 'g'), still
 * bounded when `regex` came from compilePcre. Use it instead of `new RegExp(regex.source, ...)`,
 * which would build an unbounded native RegExp.
 */
export function copyRegex(regex: RegExp, extraFlags = ''): RegExp {
  const flags = [...new Set(regex.flags + extraFlags)].join('');
  if (!(regex instanceof BoundedRegExp)) return new RegExp(regex.source, flags);
  const copy = new BoundedRegExp(regex.source, flags);
  copy.written = regex.written;
  return copy;
}
