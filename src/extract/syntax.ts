import type { SyntaxNode } from './tree.js';
import { SIMPLE_ESCAPES } from './pythonLiteral.js';
import type { SourceSpan } from './summary.js';

/**
 * Small readings of tree-sitter-python nodes that the extract step, condition evaluation and the
 * gunicorn config reader all need.
 */

/**
 * The value of a plain string literal: no f-string, no bytes, no implicit concatenation.
 * Escape sequences make it unknown unless `decodeEscapes` is set, which decodes the simple ones
 * (`\n`, `\t`, quotes...) and keeps a raw string's backslashes as written.
 */
export function stringLiteral(node: SyntaxNode, { decodeEscapes = false }: { decodeEscapes?: boolean } = {}): string | undefined {
  if (node.type !== 'string') return undefined;
  const start = node.namedChildren.find((c) => c?.type === 'string_start')?.text ?? '';
  if (/[fFbB]/.test(start)) return undefined;
  const raw = /[rR]/.test(start);
  let value = '';
  for (const part of node.namedChildren) {
    if (!part) continue;
    if (part.type === 'string_content') value += part.text;
    else if (part.type === 'interpolation') return undefined;
    else if (part.type === 'escape_sequence') {
      if (!decodeEscapes) return undefined;
      if (raw) value += part.text;
      else {
        const escaped = SIMPLE_ESCAPES[part.text.slice(1)];
        if (escaped === undefined) return undefined;
        value += escaped;
      }
    }
  }
  return value;
}

/**
 * The value of a literal `1_000`, `0x1f`, `1.5`, string (as `stringLiteral` reads it), `True`,
 * `False` or `None`; undefined for anything else.
 */
export function scalarLiteral(node: SyntaxNode, options: { decodeEscapes?: boolean } = {}): number | string | boolean | null | undefined {
  switch (node.type) {
    case 'integer':
    case 'float': {
      // JavaScript's Number reads Python's 0x/0o/0b prefixes too, once the `_` separators are gone.
      const value = Number(node.text.replace(/_/g, ''));
      return Number.isFinite(value) ? value : undefined;
    }
    case 'string':
      return stringLiteral(node, options);
    case 'true':
      return true;
    case 'false':
      return false;
    case 'none':
      return null;
    default:
      return undefined;
  }
}

/** `a = b = value`: the targets, left to right, and the value (null for an annotation without one). */
export function assignmentParts(node: SyntaxNode): { targets: SyntaxNode[]; right: SyntaxNode | null } {
  const targets: SyntaxNode[] = [];
  let right: SyntaxNode | null = node;
  while (right?.type === 'assignment') {
    const left = right.childForFieldName('left');
    if (left) targets.push(left);
    right = right.childForFieldName('right');
  }
  return { targets, right };
}

/** `a.b.c` for identifier/attribute chains, undefined for anything else. */
export function dottedName(node: SyntaxNode): string | undefined {
  // A loop, not recursion: `a.b.b.b...` can be 100,000 attributes long.
  const parts: string[] = [];
  let at: SyntaxNode | null = node;
  while (at?.type === 'attribute') {
    const attribute = at.childForFieldName('attribute');
    if (!attribute) return undefined;
    parts.push(attribute.text);
    at = at.childForFieldName('object');
  }
  if (at?.type !== 'identifier') return undefined;
  parts.push(at.text);
  return parts.reverse().join('.');
}

/** Where a node is, 1-based, columns in UTF-16 code units. */
export function spanOf(node: SyntaxNode): SourceSpan {
  return {
    line: node.startPosition.row + 1,
    column: node.startPosition.column + 1,
    endLine: node.endPosition.row + 1,
    endColumn: node.endPosition.column + 1,
  };
}
