import { forLog, forTerminal, shownMessage } from './neutralise.js';
import { diagnosticLine, summaryLine, type TextReportInput } from './text.js';

/**
 * One line per finding, `path:line:col: CODE [level] short message`, no chain (like ruff's
 * `concise`); then the diagnostics, one a line; then the summary line of the text format.
 */
export function renderConcise(input: TextReportInput): string {
  const { paths } = input;
  const out = input.findings.map(
    (finding) =>
      `${forTerminal(paths.show(finding.path))}:${finding.span.line}:${finding.span.column}: ${finding.ruleId} [${finding.level}] ${forTerminal(shortMessage(shownMessage(finding.message)))}`,
  );
  for (const diagnostic of input.diagnostics) out.push(diagnosticLine(diagnostic, paths));
  if (input.baseline?.fixed.length) {
    const n = input.baseline.fixed.length;
    out.push(`${n} baseline entr${n === 1 ? 'y' : 'ies'} no longer occur${n === 1 ? 's' : ''} (fixed); run with --write-baseline to prune ${n === 1 ? 'it' : 'them'}.`);
  }
  out.push(summaryLine(input));
  return forLog(`${out.join('\n')}\n`);
}

const ABBREVIATION = /(?:^|[\s(])(?:e\.g|i\.e|etc|vs|cf)$/;

/**
 * The first sentence of a message, on one line: it ends at a `.` followed by a space and a capital,
 * a digit or a backtick, outside `code` spans and parentheses and not after an abbreviation
 * (`e.g.`); a message without such an end is kept whole. Line breaks (a call written over several
 * lines) become single spaces.
 */
export function shortMessage(message: string): string {
  const flat = message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  let inCode = false;
  let depth = 0;
  for (let i = 0; i < flat.length; i++) {
    const c = flat[i];
    if (c === '`') inCode = !inCode;
    else if (inCode) continue;
    else if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === '.' && depth === 0 && flat[i + 1] === ' ' && /[\p{Lu}\p{N}`]/u.test(flat[i + 2] ?? '') && !ABBREVIATION.test(flat.slice(0, i))) {
      return flat.slice(0, i + 1);
    }
  }
  return flat;
}
