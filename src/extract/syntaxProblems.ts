import { descendants, type SyntaxNode } from './tree.js';
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
export function isDocstring(node: SyntaxNode): boolean {
  const parts = node.type === 'concatenated_string' ? node.namedChildren : [node];
  return parts.every((part) => part?.type === 'string' && !/[fF]/.test(part.namedChildren.find((c) => c?.type === 'string_start')?.text ?? ''));
}

export function collectSyntaxProblems(root: SyntaxNode): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  if (!root.hasError) return problems;
  // In source order, going below a node only while it has an error; nothing below an ERROR or
  // MISSING node is reported.
  const bad = (node: SyntaxNode): boolean => node.isError || node.isMissing;
  for (const node of bad(root) ? [root] : descendants(root, (node) => node.hasError && !bad(node))) {
    if (!bad(node)) continue;
    const message = node.isMissing ? `syntax error: missing ${JSON.stringify(node.type)}` : `syntax error: unexpected ${describeUnexpected(node)}`;
    problems.push({ span: spanOf(node), message });
    if (problems.length >= MAX_SYNTAX_PROBLEMS) break;
  }
  return problems;
}

export function describeUnexpected(node: SyntaxNode): string {
  const text = firstLine(node.text).trim();
  if (!text) return 'end of input';
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 39)}…` : text);
}
