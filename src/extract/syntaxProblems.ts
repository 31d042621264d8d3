import type { Node } from 'web-tree-sitter';
import type { SyntaxProblem } from './summary.js';
import { firstLine } from './excerpts.js';
import { spanOf } from './syntax.js';

/** At most this many syntax problems are reported per file. */
export const MAX_SYNTAX_PROBLEMS = 5;

/** The features `from __future__ import` knows in CPython 3.8 to 3.14. */
export const FUTURE_FEATURES = new Set([
  'nested_scopes',
  'generators',
  'division',
  'absolute_import',
  'with_statement',
  'print_function',
  'unicode_literals',
  'barry_as_FLUFL',
  'generator_stop',
  'annotations',
]);

/** A string (or implicitly concatenated strings) that CPython takes as a docstring: no f-string. */
export function isDocstring(node: Node): boolean {
  const parts = node.type === 'concatenated_string' ? node.namedChildren : [node];
  return parts.every((part) => part?.type === 'string' && !/[fF]/.test(part.namedChildren.find((c) => c?.type === 'string_start')?.text ?? ''));
}

export function collectSyntaxProblems(root: Node): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  const cursor = root.walk();
  try {
    let descend = true;
    for (;;) {
      const node = cursor.currentNode;
      if (descend && (node.isError || node.isMissing)) {
        const message = node.isMissing
          ? `syntax error: missing ${JSON.stringify(node.type)}`
          : `syntax error: unexpected ${describeUnexpected(node)}`;
        problems.push({ span: spanOf(node), message });
        if (problems.length >= MAX_SYNTAX_PROBLEMS) break;
        descend = false;
      }
      if (descend && node.hasError && cursor.gotoFirstChild()) continue;
      if (cursor.gotoNextSibling()) {
        descend = true;
        continue;
      }
      if (!cursor.gotoParent()) break;
      descend = false;
    }
  } finally {
    cursor.delete();
  }
  return problems;
}

export function describeUnexpected(node: Node): string {
  const text = firstLine(node.text).trim();
  if (!text) return 'end of input';
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 39)}…` : text);
}
