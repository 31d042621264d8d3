import type { SyntaxNode } from './tree.js';
import { parsePythonLiteral } from './pythonLiteral.js';
import { foldText } from './excerpts.js';
import { stringLiteral } from './syntax.js';

/* Literal values of assignments, as Django settings and Celery configurations are written. */

/**
 * A string literal, or the strings of a list built from literal lists (`[..., *env_apps]`,
 * `BASE_APPS + ["blog"] + LOCAL_APPS`): the parts that are not string literals are kept as written,
 * so that what is known survives what is not. A list of anything but strings is no literal here.
 */
export function literalValueOf(right: SyntaxNode): { value: string | string[]; unread: string[] } | undefined {
  if (right.type === 'string' || right.type === 'concatenated_string') {
    const literal = parsePythonLiteral(right.text);
    return literal.kind === 'string' ? { value: literal.value, unread: [] } : undefined;
  }
  const operands: SyntaxNode[] = [];
  const pending: SyntaxNode[] = [right];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === 'binary_operator' && node.childForFieldName('operator')?.type === '+') {
      pending.push(node.childForFieldName('right')!, node.childForFieldName('left')!);
    } else operands.push(node);
  }
  const value: string[] = [];
  const unread: string[] = [];
  let lists = 0;
  for (const operand of operands) {
    const literal = operand.type === 'list' || operand.type === 'tuple' ? parsePythonLiteral(operand.text) : undefined;
    if (literal?.kind !== 'list' && literal?.kind !== 'tuple') {
      unread.push(foldText(operand.text));
      continue;
    }
    lists++;
    for (const item of literal.items) {
      if (item.kind === 'string') value.push(item.value);
      else if (item.kind === 'other') unread.push(item.text);
      else return undefined;
    }
  }
  return lists > 0 ? { value, unread } : undefined;
}

/** `["a", "b"]`, `("a", "b")` and the bare `"a", "b"` (comments between items allowed). */
export function stringSequence(node: SyntaxNode): string[] | undefined {
  if (node.type !== 'list' && node.type !== 'tuple' && node.type !== 'expression_list') return undefined;
  const values: string[] = [];
  for (const child of node.namedChildren) {
    if (!child || child.type === 'comment') continue;
    const value = stringLiteral(child);
    if (value === undefined) return undefined;
    values.push(value);
  }
  return values;
}
