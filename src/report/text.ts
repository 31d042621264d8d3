import type { BaselineEntry } from '../check/baseline.js';
import type { Finding, Level } from '../check/findings.js';
import type { Diagnostic } from '../diagnostics.js';
import type { EntryPoint } from '../entries/entries.js';
import { chainSteps, type ChainStep } from './chainSteps.js';
import { elideChain, forLog, forTerminal, omittedSteps, quotedCode, shownMessage } from './neutralise.js';
import type { PathDisplay } from './paths.js';

export interface TextReportInput {
  findings: readonly Finding[];
  diagnostics: readonly Diagnostic[];
  entries: readonly EntryPoint[];
  fileCount: number;
  paths: PathDisplay;
  /** What the deployment files say, or the assumption made without them (`deploymentSummary`). */
  deployment?: string;
  /** Set when a baseline was applied (`findings` are then the ones it does not list). */
  baseline?: BaselineNote;
}

/** What the report says about an applied baseline: how many findings it hid, which of its entries no longer occur. */
export interface BaselineNote {
  known: number;
  fixed: readonly BaselineEntry[];
}

/**
 * ruff-like: `path:line:col: CODE [level] message`, then the import chain, one hop a line (a
 * chain of more than MAX_CHAIN_STEPS shown as its first and last steps), then the diagnostics
 * about unreadable input, the baseline entries that no longer occur (when a baseline was
 * applied), then a one-line summary. What is quoted from the project is bounded and escaped for
 * a terminal (src/report/neutralise.ts).
 */
export function renderText(input: TextReportInput): string {
  const { findings, paths } = input;
  const show = (rootRelative: string): string => forTerminal(paths.show(rootRelative));
  const stepLines = (steps: readonly ChainStep[]): string[] => {
    const { head, omitted, tail } = elideChain(steps);
    const line = (step: ChainStep): string => `    ${show(step.path)}:${step.line}  ${forTerminal(step.code ?? `(${step.message})`)}`;
    return [...head.map(line), ...(omitted ? [`    ${omittedSteps(omitted)}`] : []), ...tail.map(line)];
  };
  const out: string[] = [];
  for (const finding of findings) {
    out.push(`${show(finding.path)}:${finding.span.line}:${finding.span.column}: ${finding.ruleId} [${finding.level}] ${forTerminal(shownMessage(finding.message))}`);
    const steps = chainSteps(finding);
    if (finding.reach.kind === 'entry') {
      // The entry itself is named in the heading (after what loads it, if anything does), then one line per import.
      const loader = finding.reach.entry.registeredBy ? steps.shift() : undefined;
      const [entryStep, ...hops] = steps;
      out.push(`  import chain from the ${forTerminal(shownMessage(finding.reach.entry.description))} (${show(entryStep!.path)}:${entryStep!.line}):`);
      if (loader) out.push(`    (loaded by ${show(loader.path)}:${loader.line}  ${forTerminal(loader.code ?? '')})`);
      out.push(...stepLines(hops));
    } else if (finding.reach.kind === 'lazy') {
      out.push('  reached only through a lazy import:');
      out.push(...stepLines(steps));
    }
    for (const line of detailLines(finding)) out.push(line);
    out.push('');
  }
  // A loop, not push(...): spread arguments overflow the stack past about 120,000 items.
  for (const line of reportTail(input)) out.push(line);
  return forLog(`${out.join('\n')}\n`);
}

/** What the message leaves out, one indented line each: the condition (when the message cuts it or only says there is one), the cost, the deployment, the fix. */
export function detailLines(finding: Finding): string[] {
  const lines: string[] = [];
  if (finding.condition && !finding.message.includes(`when \`${finding.condition}\``)) lines.push(`  when: ${forTerminal(shownMessage(finding.condition))}`);
  if (finding.cost) lines.push(`  cost: ${forTerminal(shownMessage(finding.cost))}`);
  if (finding.deployment) lines.push(`  deployment: ${forTerminal(shownMessage(finding.deployment))}`);
  if (finding.fix) lines.push(`  fix: ${forTerminal(shownMessage(finding.fix))}`);
  return lines;
}

/**
 * What follows the findings in the text and statistics formats: the diagnostics, the baseline
 * entries that no longer occur, the deployment read, the summary line.
 */
export function reportTail(input: TextReportInput): string[] {
  const { diagnostics, paths } = input;
  const out: string[] = [];
  for (const diagnostic of diagnostics) out.push(diagnosticLine(diagnostic, paths));
  if (diagnostics.length) out.push('');
  if (input.baseline?.fixed.length) {
    for (const line of fixedBaselineLines(input.baseline.fixed, paths)) out.push(line);
    out.push('');
  }
  if (input.deployment) out.push(forTerminal(shownMessage(`${input.deployment.charAt(0).toUpperCase()}${input.deployment.slice(1)}.`)));
  out.push(summaryLine(input));
  return out;
}

/** `path:line:col: kind: message`, on one line, escaped for a terminal. */
export function diagnosticLine(diagnostic: Diagnostic, paths: PathDisplay): string {
  const where = diagnostic.line ? `:${diagnostic.line}${diagnostic.column ? `:${diagnostic.column}` : ''}` : '';
  return `${forTerminal(paths.showProblem(diagnostic.path))}${where}: ${diagnostic.kind}: ${forTerminal(shownMessage(diagnostic.message))}`;
}

/** The heading `N baseline entries no longer occur (fixed); ...:`, then one indented line per entry: `path: CODE \`resource\``. */
export function fixedBaselineLines(fixed: readonly BaselineEntry[], paths: PathDisplay): string[] {
  const one = fixed.length === 1;
  return [
    `${fixed.length} baseline entr${one ? 'y' : 'ies'} no longer occur${one ? 's' : ''} (fixed); run with --write-baseline to prune ${one ? 'it' : 'them'}:`,
    ...fixed.map((e) => `  ${forTerminal(paths.show(e.path))}: ${forTerminal(quotedCode(e.rule))} \`${forTerminal(quotedCode(e.resource))}\``),
  ];
}

/**
 * `Found 1 error, 2 warnings (13 Python files scanned, 5 entries).`; with a baseline, `Found 1 error
 * not in the baseline (..., 3 baseline findings not shown).`
 */
export function summaryLine(input: Pick<TextReportInput, 'findings' | 'diagnostics' | 'entries' | 'fileCount' | 'baseline'>): string {
  const { findings, diagnostics, entries, fileCount, baseline } = input;
  const count = (level: Level): number => findings.filter((f) => f.level === level).length;
  const parts = (['error', 'warning', 'note'] as const)
    .map((level) => [level, count(level)] as const)
    .filter(([, n]) => n > 0)
    .map(([level, n]) => `${n} ${level}${n === 1 ? '' : 's'}`);
  const found = parts.length ? `Found ${parts.join(', ')}${baseline ? ' not in the baseline' : ''}` : `No import-time resource leaks found${baseline ? ' beyond the baseline' : ''}`;
  // Candidate entries (a router only the tests register) are loaded by no deployed process.
  const entryPaths = new Set(entries.filter((e) => e.candidate === undefined).map((e) => e.path));
  const entryFiles = entryPaths.size;
  const candidateFiles = new Set(entries.filter((e) => e.candidate !== undefined && !entryPaths.has(e.path)).map((e) => e.path)).size;
  const candidates = candidateFiles ? `, ${candidateFiles} candidate entr${candidateFiles === 1 ? 'y' : 'ies'}` : '';
  const scanned = `${fileCount} Python file${fileCount === 1 ? '' : 's'} scanned, ${entryFiles} entr${entryFiles === 1 ? 'y' : 'ies'}${candidates}`;
  const problems = diagnostics.length ? `, ${diagnostics.length} file problem${diagnostics.length === 1 ? '' : 's'} (see above)` : '';
  const known = baseline?.known ? `, ${baseline.known} baseline finding${baseline.known === 1 ? '' : 's'} not shown` : '';
  return `${found} (${scanned}${problems}${known}).`;
}
