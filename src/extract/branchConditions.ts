import type { SyntaxNode } from './tree.js';
import { foldText } from './excerpts.js';

/** Characters of a run-time condition kept in `CallRecord.condition`, per branch. */
export const MAX_CONDITION_TEXT = 60;

/** A run-time condition as messages quote it: whitespace folded, long ones cut. */
export function conditionText(condition: SyntaxNode): string {
  const text = foldText(condition.text);
  return text.length > MAX_CONDITION_TEXT ? `${text.slice(0, MAX_CONDITION_TEXT - 1)}…` : text;
}

/** Comparisons said the other way round: the `else` of `if A == B:` reads `A != B`. */
export const INVERSE_OPERATORS: Readonly<Record<string, string>> = { '==': '!=', '!=': '==', in: 'not in', 'not in': 'in', is: 'is not', 'is not': 'is' };

/** Where none of `conditions` holds: `not aws_enabled`, `ENGINE != "x"`, `not (A or B)`. */
export function negation(conditions: readonly SyntaxNode[]): string {
  const only = conditions.length === 1 ? conditions[0]! : undefined;
  if (only && /^(identifier|attribute|call|subscript)$/.test(only.type)) return `not ${conditionText(only)}`;
  if (only?.type === 'not_operator' && only.childForFieldName('argument')) return conditionText(only.childForFieldName('argument')!);
  if (only?.type === 'comparison_operator' && only.namedChildCount === 2) {
    const [left, right] = [only.namedChild(0)!, only.namedChild(1)!];
    const operator = comparisonOperator(only);
    const inverse = INVERSE_OPERATORS[operator];
    if (inverse) {
      const text = `${foldText(left.text)} ${inverse} ${foldText(right.text)}`;
      return text.length > MAX_CONDITION_TEXT ? `${text.slice(0, MAX_CONDITION_TEXT - 1)}…` : text;
    }
  }
  return `not (${conditions.map(conditionText).join(' or ')})`;
}

/** The operator of a comparison of two operands, its words folded to one space: `==`, `not in`, `is not`. */
export function comparisonOperator(comparison: SyntaxNode): string {
  const [left, right] = [comparison.namedChild(0)!, comparison.namedChild(1)!];
  return foldText(comparison.text.slice(left.endIndex - comparison.startIndex, right.startIndex - comparison.startIndex)).trim();
}
