import type { Finding, Level } from '../check/findings.js';
import type { Diagnostic } from '../diagnostics.js';
import type { EntryPoint } from '../entries/entries.js';
import { chainSteps } from './chainSteps.js';
import type { PathDisplay } from './paths.js';

export interface TextReportInput {
  findings: readonly Finding[];
  diagnostics: readonly Diagnostic[];
  entries: readonly EntryPoint[];
  fileCount: number;
  paths: PathDisplay;
  /** What the deployment files say, or the assumption made without them (`deploymentSummary`). */
  deployment?: string;
}

/**
 * ruff-like: `path:line:col: CODE [level] message`, then the import chain, one hop a line,
 * then the diagnostics about unreadable input, then a one-line summary.
 */
export function renderText(input: TextReportInput): string {
  const { findings, diagnostics, entries, fileCount, paths } = input;
  const out: string[] = [];
  for (const finding of findings) {
    out.push(`${paths.show(finding.path)}:${finding.span.line}:${finding.span.column}: ${finding.ruleId} [${finding.level}] ${finding.message}`);
    const steps = chainSteps(finding);
    if (finding.reach.kind === 'entry') {
      // The entry itself is named in the heading (after what loads it, if anything does), then one line per import.
      const loader = finding.reach.entry.registeredBy ? steps.shift() : undefined;
      const [entryStep, ...hops] = steps;
      out.push(`  import chain from the ${finding.reach.entry.description} (${paths.show(entryStep!.path)}:${entryStep!.line}):`);
      if (loader) out.push(`    (loaded by ${paths.show(loader.path)}:${loader.line}  ${loader.code})`);
      for (const step of hops) out.push(`    ${paths.show(step.path)}:${step.line}  ${step.code ?? `(${step.message})`}`);
    } else if (finding.reach.kind === 'lazy') {
      out.push('  reached only through a lazy import:');
      for (const step of steps) out.push(`    ${paths.show(step.path)}:${step.line}  ${step.code ?? `(${step.message})`}`);
    }
    out.push('');
  }
  for (const diagnostic of diagnostics) {
    const where = diagnostic.line ? `:${diagnostic.line}${diagnostic.column ? `:${diagnostic.column}` : ''}` : '';
    out.push(`${paths.show(diagnostic.path)}${where}: ${diagnostic.kind}: ${diagnostic.message}`);
  }
  if (diagnostics.length) out.push('');
  if (input.deployment) out.push(`${input.deployment.charAt(0).toUpperCase()}${input.deployment.slice(1)}.`);
  out.push(summaryLine(findings, diagnostics, entries, fileCount));
  return `${out.join('\n')}\n`;
}

function summaryLine(findings: readonly Finding[], diagnostics: readonly Diagnostic[], entries: readonly EntryPoint[], fileCount: number): string {
  const count = (level: Level): number => findings.filter((f) => f.level === level).length;
  const parts = (['error', 'warning', 'note'] as const)
    .map((level) => [level, count(level)] as const)
    .filter(([, n]) => n > 0)
    .map(([level, n]) => `${n} ${level}${n === 1 ? '' : 's'}`);
  const found = parts.length ? `Found ${parts.join(', ')}` : 'No import-time resource leaks found';
  const entryFiles = new Set(entries.map((e) => e.path)).size;
  const scanned = `${fileCount} Python file${fileCount === 1 ? '' : 's'} scanned, ${entryFiles} entr${entryFiles === 1 ? 'y' : 'ies'}`;
  const problems = diagnostics.length ? `, ${diagnostics.length} file problem${diagnostics.length === 1 ? '' : 's'} (see above)` : '';
  return `${found} (${scanned}${problems}).`;
}
