/**
 * A backtracking matcher with JavaScript's regular-expression semantics (ECMAScript 2022 §22.2.2,
 * whose continuation-passing rules it follows: captures cleared at each iteration, empty
 * iterations rejected past the minimum, lookbehind matched right to left) and with counted work,
 * so it can stop at Splunk's PCRE limits instead of running for ever. It is the engine of last
 * resort: for patterns RE2 cannot express (backreferences, lookaround) on subjects too long for
 * the native engine's proven budget.
 *
 * The program is a list of instructions over an explicit stack (no recursion per character), so
 * long subjects cannot overflow the JavaScript stack; a repetition of one character keeps a
 * single backtracking point, like PCRE.
 */
import type { AST } from '@eslint-community/regexpp';
import { RegexLimitError, regexLimits } from './limits.js';
import { isCharNode, type Alternative, type CharNode, type Element, type Syntax } from './syntax.js';

type CharTest = (code: number) => boolean;

type Instruction =
  | { op: 'char'; test: CharTest }
  | { op: 'star'; test: CharTest; min: number; max: number; greedy: boolean }
  | { op: 'split'; next: number; alternative: number }
  | { op: 'jump'; to: number }
  | { op: 'save'; slot: number }
  | { op: 'clear'; from: number; to: number }
  | { op: 'edge'; kind: 'start' | 'end' }
  | { op: 'word'; negate: boolean }
  | { op: 'look'; program: Program; negate: boolean }
  | { op: 'backref'; groups: number[] }
  | { op: 'zero'; register: number }
  | { op: 'mark'; register: number }
  | { op: 'loop'; counter: number; min: number; max: number; greedy: boolean; body: number; exit: number }
  | { op: 'iterated'; counter: number; start: number; min: number; loop: number }
  | { op: 'match' };

interface Program {
  code: Instruction[];
  backward: boolean;
}

/** Tests one character against a leaf of the pattern with the native engine, so classes, case folding and escapes mean exactly what JavaScript says. */
function charTest(node: CharNode, flags: string): CharTest {
  const regex = new RegExp(`^(?:${node.raw})$`, flags);
  const unicode = flags.includes('u');
  const bmp = new Int8Array(0x10000);
  const astral = new Map<number, boolean>();
  return (code) => {
    if (code < 0x10000) {
      const known = bmp[code]!;
      if (known !== 0) return known > 0;
      const result = regex.test(String.fromCharCode(code));
      bmp[code] = result ? 1 : -1;
      return result;
    }
    let result = astral.get(code);
    if (result === undefined) {
      result = unicode && regex.test(String.fromCodePoint(code));
      astral.set(code, result);
    }
    return result;
  };
}

class Compiler {
  private registers = 0;
  private readonly leafFlags: string;

  constructor(private readonly syntax: Syntax) {
    const { ignoreCase, dotAll, unicode } = syntax.flags;
    this.leafFlags = `${ignoreCase ? 'i' : ''}${dotAll ? 's' : ''}${unicode ? 'u' : ''}`;
  }

  get registerCount(): number {
    return this.registers;
  }

  program(alternatives: readonly Alternative[], backward: boolean): Program {
    const program: Program = { code: [], backward };
    this.alternatives(program, alternatives);
    program.code.push({ op: 'match' });
    return program;
  }

  private alternatives(p: Program, alternatives: readonly Alternative[]): void {
    const jumps: Array<{ op: 'jump'; to: number }> = [];
    alternatives.forEach((alternative, index) => {
      const last = index === alternatives.length - 1;
      let split: { op: 'split'; next: number; alternative: number } | undefined;
      if (!last) {
        split = { op: 'split', next: p.code.length + 1, alternative: -1 };
        p.code.push(split);
      }
      const elements = p.backward ? [...alternative.elements].reverse() : alternative.elements;
      for (const element of elements) this.element(p, element);
      if (split) {
        const jump = { op: 'jump' as const, to: -1 };
        jumps.push(jump);
        p.code.push(jump);
        split.alternative = p.code.length;
      }
    });
    for (const jump of jumps) jump.to = p.code.length;
  }

  private groupNumber(group: AST.CapturingGroup): number {
    return this.syntax.groups.indexOf(group) + 1;
  }

  private element(p: Program, node: Element): void {
    if (isCharNode(node)) {
      p.code.push({ op: 'char', test: charTest(node, this.leafFlags) });
      return;
    }
    switch (node.type) {
      case 'Group':
        this.alternatives(p, node.alternatives);
        return;
      case 'CapturingGroup': {
        const k = this.groupNumber(node);
        p.code.push({ op: 'save', slot: p.backward ? 2 * k + 1 : 2 * k });
        this.alternatives(p, node.alternatives);
        p.code.push({ op: 'save', slot: p.backward ? 2 * k : 2 * k + 1 });
        return;
      }
      case 'Backreference': {
        const targets = Array.isArray(node.resolved) ? node.resolved : [node.resolved];
        p.code.push({ op: 'backref', groups: targets.map((g) => this.groupNumber(g)) });
        return;
      }
      case 'Assertion':
        if (node.kind === 'lookahead' || node.kind === 'lookbehind') {
          p.code.push({ op: 'look', program: this.program(node.alternatives, node.kind === 'lookbehind'), negate: node.negate });
        } else if (node.kind === 'word') {
          p.code.push({ op: 'word', negate: node.negate });
        } else {
          p.code.push({ op: 'edge', kind: node.kind });
        }
        return;
      case 'Quantifier':
        this.quantifier(p, node);
        return;
    }
  }

  private quantifier(p: Program, node: AST.Quantifier): void {
    const { min, max, greedy, element } = node;
    if (max === 0) return;
    if (isCharNode(element)) {
      p.code.push({ op: 'star', test: charTest(element, this.leafFlags), min, max, greedy });
      return;
    }
    // Groups inside the repeated atom, cleared at the start of each iteration.
    const inner = this.syntax.groups.filter((g) => g.start >= element.start && g.end <= element.end).map((g) => this.groupNumber(g));
    const counter = this.registers++;
    const start = this.registers++;
    p.code.push({ op: 'zero', register: counter });
    const loopAt = p.code.length;
    const loop = { op: 'loop' as const, counter, min, max, greedy, body: loopAt + 1, exit: -1 };
    p.code.push(loop);
    p.code.push({ op: 'mark', register: start });
    if (inner.length > 0) p.code.push({ op: 'clear', from: 2 * Math.min(...inner), to: 2 * Math.max(...inner) + 2 });
    this.element(p, element as Element);
    p.code.push({ op: 'iterated', counter, start, min, loop: loopAt });
    loop.exit = p.code.length;
  }
}

/** Kinds of stack entries: choice points and the undo records of state they must restore. */
const CHOICE = 0;
const STAR_GREEDY = 1;
const STAR_LAZY = 2;
const UNDO_CAPTURE = 3;
const UNDO_REGISTER = 4;

export interface BacktrackMatch {
  /** Capture positions: [start0, end0, start1, end1, ...], -1 when unset. */
  captures: Int32Array;
}

/** A compiled pattern for the bounded matcher. */
export class Backtracker {
  private readonly main: Program;
  private readonly registerCount: number;
  private readonly slots: number;
  private readonly unicode: boolean;
  private readonly multiline: boolean;
  private readonly ignoreCase: boolean;
  private readonly isWord: CharTest;

  private input = '';
  private captures = new Int32Array(0);
  private registers: number[] = [];
  private steps = 0;
  private total = 0;

  constructor(private readonly syntax: Syntax) {
    const compiler = new Compiler(syntax);
    this.main = compiler.program(syntax.pattern.alternatives, false);
    this.registerCount = compiler.registerCount;
    this.slots = 2 * (syntax.groups.length + 1);
    this.unicode = syntax.flags.unicode;
    this.multiline = syntax.flags.multiline;
    this.ignoreCase = syntax.flags.ignoreCase;
    const word = new RegExp('^\\w$', `${syntax.flags.ignoreCase ? 'i' : ''}${syntax.flags.unicode ? 'u' : ''}`);
    this.isWord = (code) => code >= 0 && word.test(String.fromCharCode(code));
  }

  /** Searches from `start` (only there when `sticky`); throws RegexLimitError past a limit. */
  exec(input: string, start: number, sticky: boolean): BacktrackMatch | undefined {
    this.input = input;
    this.total = 0;
    for (let at = start; at <= input.length; at = this.advance(at)) {
      this.steps = 0;
      this.captures = new Int32Array(this.slots).fill(-1);
      this.registers = new Array<number>(this.registerCount).fill(0);
      const end = this.run(this.main, at);
      if (end >= 0) {
        this.captures[0] = at;
        this.captures[1] = end;
        return { captures: this.captures };
      }
      if (sticky) break;
    }
    return undefined;
  }

  private advance(at: number): number {
    if (!this.unicode || at + 1 >= this.input.length) return at + 1;
    const c = this.input.charCodeAt(at);
    const d = this.input.charCodeAt(at + 1);
    return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? at + 2 : at + 1;
  }

  private fail(limit: 'match_limit' | 'depth_limit' | 'total_step_limit', value: number): never {
    throw new RegexLimitError(limit, value, this.syntax.source);
  }

  /** The code point (or code unit) at `pos` going forward, or before `pos` going backward; -1 at the edge. Width in `width`. */
  private width = 1;
  private charAt(pos: number, backward: boolean): number {
    const s = this.input;
    if (backward) {
      if (pos <= 0) return -1;
      const c = s.charCodeAt(pos - 1);
      if (this.unicode && c >= 0xdc00 && c <= 0xdfff && pos >= 2) {
        const h = s.charCodeAt(pos - 2);
        if (h >= 0xd800 && h <= 0xdbff) {
          this.width = 2;
          return (h - 0xd800) * 0x400 + (c - 0xdc00) + 0x10000;
        }
      }
      this.width = 1;
      return c;
    }
    if (pos >= s.length) return -1;
    const c = s.charCodeAt(pos);
    if (this.unicode && c >= 0xd800 && c <= 0xdbff && pos + 1 < s.length) {
      const l = s.charCodeAt(pos + 1);
      if (l >= 0xdc00 && l <= 0xdfff) {
        this.width = 2;
        return (c - 0xd800) * 0x400 + (l - 0xdc00) + 0x10000;
      }
    }
    this.width = 1;
    return c;
  }

  private isLineTerminator(code: number): boolean {
    return code === 10 || code === 13 || code === 0x2028 || code === 0x2029;
  }

  private canonical(code: number): number {
    if (!this.ignoreCase) return code;
    const text = String.fromCodePoint(code);
    if (this.unicode) return text.toLowerCase().toUpperCase().codePointAt(0) ?? code;
    const upper = text.toUpperCase();
    if (upper.length !== 1) return code;
    const u = upper.charCodeAt(0);
    return code >= 128 && u < 128 ? code : u;
  }

  /** Runs a program from `pos`; returns the end position of a match or -1. */
  private run(program: Program, initial: number): number {
    const { matchLimit, depthLimit, totalStepLimit } = regexLimits();
    const code = program.code;
    const backward = program.backward;
    const dir = backward ? -1 : 1;
    const stack: number[] = [];
    let depth = 0;
    let pc = 0;
    let pos = initial;
    const push = (kind: number, a: number, b: number, c: number, d: number): void => {
      stack.push(kind, a, b, c, d);
      if (kind <= STAR_LAZY) {
        if (++depth > depthLimit) this.fail('depth_limit', depthLimit);
        if (++this.steps > matchLimit) this.fail('match_limit', matchLimit);
      }
    };
    const setCapture = (slot: number, value: number): void => {
      push(UNDO_CAPTURE, slot, this.captures[slot]!, 0, 0);
      this.captures[slot] = value;
    };
    const setRegister = (register: number, value: number): void => {
      push(UNDO_REGISTER, register, this.registers[register]!, 0, 0);
      this.registers[register] = value;
    };

    for (;;) {
      if (++this.total > totalStepLimit) this.fail('total_step_limit', totalStepLimit);
      const ins = code[pc]!;
      let ok = true;
      switch (ins.op) {
        case 'match':
          return pos;
        case 'char': {
          const c = this.charAt(pos, backward);
          if (c >= 0 && ins.test(c)) {
            pos += dir * this.width;
            pc++;
          } else ok = false;
          break;
        }
        case 'star': {
          let count = 0;
          const target = ins.greedy ? ins.max : ins.min;
          while (count < target) {
            const c = this.charAt(pos, backward);
            if (c < 0 || !ins.test(c)) break;
            pos += dir * this.width;
            count++;
            this.total++;
          }
          if (count < ins.min) {
            ok = false;
            break;
          }
          if (ins.greedy) {
            if (count > ins.min) push(STAR_GREEDY, pc, pos, count, 0);
          } else if (count < ins.max) push(STAR_LAZY, pc, pos, count, 0);
          pc++;
          break;
        }
        case 'split':
          push(CHOICE, ins.alternative, pos, 0, 0);
          pc = ins.next;
          break;
        case 'jump':
          pc = ins.to;
          break;
        case 'save':
          setCapture(ins.slot, pos);
          pc++;
          break;
        case 'clear':
          for (let slot = ins.from; slot < ins.to; slot++) if (this.captures[slot] !== -1) setCapture(slot, -1);
          pc++;
          break;
        case 'edge': {
          if (ins.kind === 'start') ok = pos === 0 || (this.multiline && this.isLineTerminator(this.input.charCodeAt(pos - 1)));
          else ok = pos === this.input.length || (this.multiline && this.isLineTerminator(this.input.charCodeAt(pos)));
          pc++;
          break;
        }
        case 'word': {
          const before = pos > 0 && this.isWord(this.input.charCodeAt(pos - 1));
          const after = pos < this.input.length && this.isWord(this.input.charCodeAt(pos));
          ok = (before !== after) !== ins.negate;
          pc++;
          break;
        }
        case 'look': {
          if (++this.steps > matchLimit) this.fail('match_limit', matchLimit);
          const saved = this.captures.slice();
          const savedRegisters = this.registers.slice();
          const found = this.run(ins.program, pos) >= 0;
          this.registers = savedRegisters;
          if (found === ins.negate) {
            this.captures = saved;
            ok = false;
          } else if (ins.negate) {
            this.captures = saved;
          } else {
            // The lookaround is atomic: keep its captures, but undo them if we backtrack past it.
            const kept = this.captures;
            this.captures = saved;
            for (let slot = 0; slot < kept.length; slot++) if (kept[slot] !== saved[slot]) setCapture(slot, kept[slot]!);
          }
          pc++;
          break;
        }
        case 'backref': {
          if (++this.steps > matchLimit) this.fail('match_limit', matchLimit);
          const group = ins.groups.find((g) => this.captures[2 * g + 1]! >= 0);
          if (group === undefined) {
            pc++;
            break;
          }
          const from = this.captures[2 * group]!;
          const to = this.captures[2 * group + 1]!;
          const length = to - from;
          const begin = backward ? pos - length : pos;
          if (begin < 0 || begin + length > this.input.length) {
            ok = false;
            break;
          }
          this.total += length;
          for (let i = 0; i < length && ok; i++) {
            const a = this.input.charCodeAt(from + i);
            const b = this.input.charCodeAt(begin + i);
            ok = a === b || this.canonical(a) === this.canonical(b);
          }
          if (ok) {
            pos = backward ? begin : begin + length;
            pc++;
          }
          break;
        }
        case 'zero':
          setRegister(ins.register, 0);
          pc++;
          break;
        case 'mark':
          setRegister(ins.register, pos);
          pc++;
          break;
        case 'loop': {
          const count = this.registers[ins.counter]!;
          if (count < ins.min) pc = ins.body;
          else if (count >= ins.max) pc = ins.exit;
          else if (ins.greedy) {
            push(CHOICE, ins.exit, pos, 0, 0);
            pc = ins.body;
          } else {
            push(CHOICE, ins.body, pos, 0, 0);
            pc = ins.exit;
          }
          break;
        }
        case 'iterated': {
          const count = this.registers[ins.counter]!;
          // ECMAScript RepeatMatcher: past the minimum, an iteration that consumed nothing fails.
          if (count >= ins.min && pos === this.registers[ins.start]) {
            ok = false;
            break;
          }
          setRegister(ins.counter, count + 1);
          pc = ins.loop;
          break;
        }
      }
      if (ok) continue;
      // Backtrack: undo state changes down to the newest choice point and resume there.
      for (;;) {
        if (stack.length === 0) return -1;
        const d = stack.pop()!;
        const c = stack.pop()!;
        const b = stack.pop()!;
        const a = stack.pop()!;
        const kind = stack.pop()!;
        if (kind === UNDO_CAPTURE) {
          this.captures[a] = b;
          continue;
        }
        if (kind === UNDO_REGISTER) {
          this.registers[a] = b;
          continue;
        }
        depth--;
        if (++this.steps > matchLimit) this.fail('match_limit', matchLimit);
        if (kind === CHOICE) {
          pc = a;
          pos = b;
          break;
        }
        const star = code[a] as Extract<Instruction, { op: 'star' }>;
        if (kind === STAR_GREEDY) {
          // Give back one character.
          this.charAt(b, !backward);
          const back = b - dir * this.width;
          if (c - 1 > star.min) push(STAR_GREEDY, a, back, c - 1, d);
          pc = a + 1;
          pos = back;
          break;
        }
        // Lazy: take one more character if it matches.
        const ch = this.charAt(b, backward);
        if (ch < 0 || !star.test(ch)) continue;
        const ahead = b + dir * this.width;
        if (c + 1 < star.max) push(STAR_LAZY, a, ahead, c + 1, d);
        pc = a + 1;
        pos = ahead;
        break;
      }
    }
  }
}
