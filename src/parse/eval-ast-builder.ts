/**
 * Turns the eval grammar's concrete syntax tree into the EvalExpr AST of src/parse/ast.ts.
 * All offsets are shifted by `base`, the offset where the lexed text starts in the whole search.
 */
import type { CstElement, CstNode, IToken } from 'chevrotain';
import type { EvalBinaryOperator, EvalExpr } from './ast.js';
import type { Span } from '../core/errors.js';

function isToken(element: CstElement): element is IToken {
  return (element as IToken).image !== undefined;
}

function nodes(node: CstNode, label: string): CstNode[] {
  return (node.children[label] ?? []).filter((e): e is CstNode => !isToken(e));
}

function tokens(node: CstNode, label: string): IToken[] {
  return (node.children[label] ?? []).filter(isToken);
}

function firstNode(node: CstNode, label: string): CstNode | undefined {
  return nodes(node, label)[0];
}

/** Removes the surrounding quotes; `\\` and an escaped quote lose their backslash, other escapes stay as written. */
function unquote(text: string): string {
  const quote = text[0] as string;
  const body = text.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    const next = body[i + 1];
    if (ch === '\\' && (next === '\\' || next === quote)) {
      out += next;
      i++;
    } else {
      out += ch;
    }
  }
  return out;
}

export class AstBuilder {
  constructor(private readonly base: number) {}

  private tokenSpan(token: IToken): Span {
    return { start: this.base + token.startOffset, end: this.base + token.startOffset + token.image.length };
  }

  /** The offset just after the node's closing parenthesis. */
  private closeEnd(node: CstNode): number {
    return this.tokenSpan(tokens(node, 'close')[0] as IToken).end;
  }

  build(node: CstNode): EvalExpr {
    switch (node.name) {
      case 'expression':
        return this.build(firstNode(node, 'orExpression') as CstNode);
      case 'orExpression':
      case 'andExpression':
      case 'comparison':
      case 'likeExpression':
      case 'additive':
      case 'multiplicative':
        return this.binaryChain(node);
      case 'notExpression':
        return this.notExpression(node);
      case 'unary':
        return this.unary(node);
      case 'primary':
        return this.primary(node);
      case 'nameOrCall':
        return this.nameOrCall(node);
      default:
        throw new Error(`eval AST builder: unexpected node ${node.name}`);
    }
  }

  /** Left-associative chain: operands and operators are interleaved by source position. */
  private binaryChain(node: CstNode): EvalExpr {
    const operandNodes = nodes(node, 'operand');
    const operators = tokens(node, 'operator').sort((a, b) => a.startOffset - b.startOffset);
    let result = this.build(operandNodes[0] as CstNode);
    operators.forEach((operator, index) => {
      const rightNode = operandNodes[index + 1] as CstNode;
      if (operator.tokenType.name === 'In') {
        const values = nodes(rightNode, 'argument').map((arg) => this.build(arg));
        const end = this.closeEnd(rightNode);
        result = { kind: 'in', operand: result, values, span: { start: result.span.start, end } };
        return;
      }
      const right = this.build(rightNode);
      const op = operatorOf(operator);
      result = { kind: 'binary', op, left: result, right, span: { start: result.span.start, end: right.span.end } };
    });
    return result;
  }

  private notExpression(node: CstNode): EvalExpr {
    const negated = firstNode(node, 'negated');
    if (negated) {
      const operand = this.build(negated);
      const start = this.tokenSpan(tokens(node, 'Not')[0] as IToken).start;
      return { kind: 'not', operand, span: { start, end: operand.span.end } };
    }
    return this.build(firstNode(node, 'operand') as CstNode);
  }

  private unary(node: CstNode): EvalExpr {
    const negated = firstNode(node, 'negated');
    if (negated) {
      const operand = this.build(negated);
      const start = this.tokenSpan(tokens(node, 'sign')[0] as IToken).start;
      if (operand.kind === 'number' && operand.span.start === start + 1) {
        return { kind: 'number', value: -operand.value, text: `-${operand.text}`, span: { start, end: operand.span.end } };
      }
      return { kind: 'negate', operand, span: { start, end: operand.span.end } };
    }
    return this.build(firstNode(node, 'operand') as CstNode);
  }

  private primary(node: CstNode): EvalExpr {
    const number = tokens(node, 'number')[0];
    if (number) return { kind: 'number', value: Number(number.image), text: number.image, span: this.tokenSpan(number) };
    const string = tokens(node, 'string')[0];
    if (string) return { kind: 'string', value: unquote(string.image), span: this.tokenSpan(string) };
    const quoted = tokens(node, 'quotedField')[0];
    if (quoted) return { kind: 'field', name: unquote(quoted.image), span: this.tokenSpan(quoted) };
    const inner = firstNode(node, 'inner');
    if (inner) {
      // The parentheses belong to the expression's text, so its span covers them.
      const open = this.tokenSpan(tokens(node, 'open')[0] as IToken);
      return { ...this.build(inner), span: { start: open.start, end: this.closeEnd(node) } };
    }
    return this.build(firstNode(node, 'nameOrCall') as CstNode);
  }

  private nameOrCall(node: CstNode): EvalExpr {
    const name = tokens(node, 'name')[0] as IToken;
    const argumentList = firstNode(node, 'arguments');
    if (!argumentList) return { kind: 'field', name: name.image, span: this.tokenSpan(name) };
    const args = nodes(argumentList, 'argument').map((arg) => this.build(arg));
    const end = this.closeEnd(argumentList);
    return { kind: 'call', name: name.image.toLowerCase(), args, span: { start: this.base + name.startOffset, end } };
  }
}

function operatorOf(token: IToken): EvalBinaryOperator {
  switch (token.tokenType.name) {
    case 'Or':
      return 'OR';
    case 'Xor':
      return 'XOR';
    case 'And':
      return 'AND';
    case 'Like':
      return 'LIKE';
    default:
      return token.image as EvalBinaryOperator;
  }
}
