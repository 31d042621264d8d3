import type { SyntaxNode } from './tree.js';

export const MAX_STATEMENT_TEXT = 160;

/**
 * Excerpts of one file's source as findings quote them (`statementText`): each run of whitespace that
 * holds a line break folded to one space, trimmed, cut to MAX_STATEMENT_TEXT characters with an
 * ellipsis. Reads only what the excerpt needs, so a statement of megabytes, the 50,000 calls of one
 * list, or a run of whitespace inside 1,000 nested calls cost no more than short ones.
 */
export class Excerpts {
  /** Runs of whitespace longer than LONG_WHITESPACE_RUN, by where they start: where each ends and whether it holds a line break. */
  private readonly longRuns = new Map<number, { end: number; newline: boolean }>();
  /** Excerpts made, by range: a statement holding many calls is folded once. */
  private readonly made = new Map<number, string>();

  constructor(private readonly text: string) {}

  of(node: SyntaxNode): string {
    const start = node.startIndex;
    const end = node.endIndex;
    // Most excerpts are of a short text on one line: that text trimmed, without folding or keeping it.
    // (Looked for in the excerpt's own text: a search of the file from `start` would read to the end
    // of a file of one long line for each of its calls.)
    if (end - start <= SHORT_EXCERPT) {
      const text = this.text.slice(start, end);
      if (!text.includes('\n')) {
        const trimmed = text.trim();
        return trimmed.length > MAX_STATEMENT_TEXT ? `${trimmed.slice(0, MAX_STATEMENT_TEXT - 1)}…` : trimmed;
      }
    }
    const key = start * (this.text.length + 1) + end;
    let excerpt = this.made.get(key);
    if (excerpt === undefined) {
      excerpt = this.fold(start, end);
      this.made.set(key, excerpt);
    }
    return excerpt;
  }

  private fold(start: number, end: number): string {
    const { text } = this;
    let out = '';
    let i = start;
    while (i < end && out.length <= MAX_STATEMENT_TEXT) {
      if (!isWhitespace(text.charCodeAt(i))) {
        let j = i + 1;
        while (j < end && out.length + (j - i) <= MAX_STATEMENT_TEXT && !isWhitespace(text.charCodeAt(j))) j++;
        out += text.slice(i, j);
        i = j;
        continue;
      }
      const run = this.whitespaceRun(i);
      // Leading and trailing whitespace goes (trim); a run with a line break becomes one space.
      if (out.length > 0 && run.end < end) out += run.newline ? ' ' : text.slice(i, Math.min(run.end, i + MAX_STATEMENT_TEXT + 1));
      i = run.end;
    }
    return out.length > MAX_STATEMENT_TEXT ? `${out.slice(0, MAX_STATEMENT_TEXT - 1)}…` : out;
  }

  private whitespaceRun(start: number): { end: number; newline: boolean } {
    const known = this.longRuns.get(start);
    if (known) return known;
    const { text } = this;
    let i = start;
    let newline = false;
    for (; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (!isWhitespace(code)) break;
      if (code === 10) newline = true;
    }
    const run = { end: i, newline };
    if (i - start > LONG_WHITESPACE_RUN) this.longRuns.set(start, run);
    return run;
  }
}

export const LONG_WHITESPACE_RUN = 64;

/**
 * Up to this length, a text with no line break is its own excerpt, trimmed (and cut): `fold` would
 * give the same, since it only folds runs of whitespace that hold a line break. Longer ones are
 * folded, which reads no more than the excerpt needs.
 */
const SHORT_EXCERPT = 4 * MAX_STATEMENT_TEXT;

/** What `\s` matches in a JavaScript regular expression (and `trim()` removes). */
export function isWhitespace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** The text up to its first line break (without splitting megabytes into lines). */
export function firstLine(text: string): string {
  const end = text.indexOf('\n');
  return end < 0 ? text : text.slice(0, end);
}

export function foldText(text: string): string {
  const folded = text.replace(/\s+/g, ' ').trim();
  return folded.length > MAX_STATEMENT_TEXT ? `${folded.slice(0, MAX_STATEMENT_TEXT - 1)}…` : folded;
}
