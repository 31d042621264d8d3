import { descendants, type SyntaxNode } from './tree.js';
import type { Suppression } from './summary.js';

/* Suppression comments: `# importleak: ignore[IL004]`, `# noqa: IL004`, `# importleak: ignore-file`. */

export const IMPORTLEAK_COMMENT = /#\s*importleak:\s*(ignore-file|ignore)(?:\[([^\]]*)\])?/i;

export const NOQA_COMMENT = /#\s*noqa(?::\s*([A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*))?/i;

export function collectSuppressions(root: SyntaxNode): Suppression[] {
  const found: Suppression[] = [];
  for (const node of descendants(root)) {
    if (node.type !== 'comment') continue;
    const suppression = parseSuppression(node);
    if (suppression) found.push(suppression);
  }
  return found;
}

export function parseSuppression(comment: SyntaxNode): Suppression | undefined {
  const text = comment.text;
  const base = { line: comment.startPosition.row + 1, column: comment.startPosition.column + 1, text: text.trim() };
  const ours = IMPORTLEAK_COMMENT.exec(text);
  if (ours) {
    const codes = ours[2]?.split(/[\s,]+/).filter(Boolean).map((c) => c.toUpperCase());
    return { ...base, style: 'importleak', ...(codes && codes.length ? { codes } : {}) };
  }
  const noqa = NOQA_COMMENT.exec(text);
  if (noqa) {
    if (!noqa[1]) return { ...base, style: 'noqa' };
    const codes = noqa[1].split(/[\s,]+/).filter(Boolean).map((c) => c.toUpperCase());
    const ilCodes = codes.filter((c) => /^IL\d+$/.test(c));
    // `# noqa: E501` speaks to another tool only.
    return ilCodes.length ? { ...base, style: 'noqa', codes: ilCodes } : undefined;
  }
  return undefined;
}
