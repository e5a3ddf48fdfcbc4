/**
 * The parsed form of a (JavaScript-spelled) regular expression, shared by the engines: the
 * regexpp AST plus what every engine needs to know about it (groups, flags, features).
 */
import { RegExpParser, type AST } from '@eslint-community/regexpp';

export type Node = AST.Node;
export type Element = AST.Element;
export type Alternative = AST.Alternative;
/** The nodes that match exactly one character. */
export type CharNode = AST.Character | AST.CharacterClass | AST.CharacterSet;

export interface Syntax {
  source: string;
  flags: { ignoreCase: boolean; multiline: boolean; dotAll: boolean; unicode: boolean };
  pattern: AST.Pattern;
  /** Capturing groups in the order of their opening parenthesis (group 1 first). */
  groups: AST.CapturingGroup[];
  hasBackreference: boolean;
  hasLookaround: boolean;
}

const parser = new RegExpParser({ ecmaVersion: 2022 });

export function parseSyntax(source: string, flagText: string): Syntax {
  const unicode = flagText.includes('u');
  const pattern = parser.parsePattern(source, 0, source.length, { unicode });
  const syntax: Syntax = {
    source,
    flags: { ignoreCase: flagText.includes('i'), multiline: flagText.includes('m'), dotAll: flagText.includes('s'), unicode },
    pattern,
    groups: [],
    hasBackreference: false,
    hasLookaround: false,
  };
  visit(pattern, (node) => {
    if (node.type === 'CapturingGroup') syntax.groups.push(node);
    else if (node.type === 'Backreference') syntax.hasBackreference = true;
    else if (node.type === 'Assertion' && (node.kind === 'lookahead' || node.kind === 'lookbehind')) syntax.hasLookaround = true;
  });
  syntax.groups.sort((a, b) => a.start - b.start);
  return syntax;
}

/** Calls `fn` on every node, parents before children. */
export function visit(node: Node, fn: (node: Node) => void): void {
  fn(node);
  for (const child of children(node)) visit(child, fn);
}

export function children(node: Node): readonly Node[] {
  switch (node.type) {
    case 'Pattern':
    case 'Group':
    case 'CapturingGroup':
      return node.alternatives;
    case 'Assertion':
      return node.kind === 'lookahead' || node.kind === 'lookbehind' ? node.alternatives : [];
    case 'Alternative':
      return node.elements;
    case 'Quantifier':
      return [node.element];
    case 'CharacterClass':
      return node.elements;
    case 'CharacterClassRange':
      return [node.min, node.max];
    default:
      return [];
  }
}

export function isCharNode(node: Node): node is CharNode {
  return node.type === 'Character' || node.type === 'CharacterClass' || node.type === 'CharacterSet';
}

/** The alternatives of a node that has them (groups, lookarounds), else undefined. */
export function alternativesOf(node: Node): readonly Alternative[] | undefined {
  if (node.type === 'Group' || node.type === 'CapturingGroup') return node.alternatives;
  if (node.type === 'Assertion' && (node.kind === 'lookahead' || node.kind === 'lookbehind')) return node.alternatives;
  return undefined;
}
