import type { Finding, Level } from '../check/findings.js';
import type { Diagnostic } from '../diagnostics.js';
import { loadRules, type Rule } from '../rules/rules.js';
import { chainSteps } from './chainSteps.js';
import { boundMessage, elideChain, forTerminal, forWorkflowCommand, omittedSteps, quotedCode } from './neutralise.js';
import type { PathDisplay } from './paths.js';
import type { BaselineNote } from './text.js';

export interface GithubReportInput {
  findings: readonly Finding[];
  diagnostics: readonly Diagnostic[];
  /** For the annotation titles (`IL001 Executor created at import time`); default: the rules in `rules/`. */
  rules?: readonly Pick<Rule, 'id' | 'title'>[];
  paths: PathDisplay;
  /** Set when a baseline was applied: its entries that no longer occur become one notice. */
  baseline?: BaselineNote;
}

/** The properties of a workflow command annotation, as @actions/core names them on the wire. */
export interface AnnotationProperties {
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
  endColumn?: number;
  title?: string;
}

export type AnnotationCommand = 'error' | 'warning' | 'notice';

/**
 * GitHub Actions workflow commands, one line per finding:
 * `::error file=<path>,line=<l>,endLine=<l2>,col=<c>,endColumn=<c2>,title=IL001 <title>::<message>`,
 * then one `::warning` per diagnostic, then a `::notice` for the baseline entries that no longer
 * occur. Everything is escaped as the runner and @actions/core expect, so no text from the scanned
 * code can start a line, and so none can become a command of its own (`::add-mask::`, `::stop-commands::`).
 */
export function renderGithub(input: GithubReportInput): string {
  const rules = input.rules ?? loadRules();
  const out = input.findings.map((finding) => findingAnnotation(finding, input.paths, rules));
  for (const diagnostic of input.diagnostics) out.push(diagnosticAnnotation(diagnostic, input.paths));
  const fixed = input.baseline?.fixed ?? [];
  if (fixed.length) {
    const one = fixed.length === 1;
    const list = fixed.map((e) => `${input.paths.show(e.path)}: ${quotedCode(e.rule)} \`${quotedCode(e.resource)}\``).join('\n');
    out.push(
      workflowCommand('notice', { title: 'importleak baseline' }, `${fixed.length} baseline entr${one ? 'y' : 'ies'} no longer occur${one ? 's' : ''} (fixed); run with --write-baseline to prune ${one ? 'it' : 'them'}:\n${list}`),
    );
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

/** One finding as an annotation line (no line break), for callers that pick which findings to annotate. */
export function findingAnnotation(finding: Finding, paths: PathDisplay, rules: readonly Pick<Rule, 'id' | 'title'>[] = loadRules()): string {
  const title = rules.find((r) => r.id === finding.ruleId)?.title;
  const chain = chainLine(finding, paths);
  return workflowCommand(
    ANNOTATION[finding.level],
    { file: paths.show(finding.path), ...lineProperties(finding.span.line, finding.span.endLine, finding.span.column, finding.span.endColumn), title: title ? `${finding.ruleId} ${title}` : finding.ruleId },
    chain ? `${boundMessage(finding.message)}\n${chain}` : boundMessage(finding.message),
  );
}

/** A file problem as a `::warning` line. */
export function diagnosticAnnotation(diagnostic: Diagnostic, paths: PathDisplay): string {
  const file = paths.show(diagnostic.path);
  return workflowCommand(
    'warning',
    {
      ...(file && file !== '.' ? { file } : {}),
      ...(diagnostic.line ? { line: diagnostic.line, ...(diagnostic.column ? { col: diagnostic.column } : {}) } : {}),
      title: `importleak ${diagnostic.kind}`,
    },
    boundMessage(diagnostic.message),
  );
}

/**
 * `::command prop=value,...::message`, escaped as @actions/core's `issueCommand` escapes, after
 * every other invisible character is shown escaped (`\x1b`, `\u202e`) as in a terminal: the log
 * and the annotation render ANSI sequences and bidirectional text.
 */
export function workflowCommand(command: AnnotationCommand, properties: AnnotationProperties, message: string): string {
  const props = Object.entries(properties)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${escapeProperty(forTerminal(String(value)))}`)
    .join(',');
  return `::${command}${props ? ` ${props}` : ''}::${escapeData(forWorkflowCommand(message))}`;
}

/** A workflow command's message: `%`, CR and LF escaped, so it stays on its line. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: as `escapeData`, and `:` and `,`, which end a value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const ANNOTATION: Record<Level, AnnotationCommand> = { error: 'error', warning: 'warning', note: 'notice' };

/** GitHub takes columns only when the annotation starts and ends on the same line. */
function lineProperties(line: number, endLine: number, column: number | undefined, endColumn: number | undefined): AnnotationProperties {
  const end = Math.max(line, endLine);
  return { line, endLine: end, ...(end === line && column ? { col: column, endColumn: Math.max(column, endColumn ?? column) } : {}) };
}

/**
 * The chain as `path:line → path:line → ...`, only when the message does not already name every
 * module on it (more than one import between the entry, or the lazy import, and the resource).
 */
function chainLine(finding: Finding, paths: PathDisplay): string | undefined {
  const imports =
    finding.reach.kind === 'entry'
      ? finding.reach.chain.filter((hop) => hop.kind === 'import').length
      : finding.reach.kind === 'lazy'
        ? 1 + finding.reach.imports[0]!.rest.filter((hop) => hop.kind === 'import').length
        : 0;
  if (imports < 2) return undefined;
  const steps = chainSteps(finding);
  // The entry and its first import are often the same line: name it once.
  const places = steps.filter((step, i) => i === 0 || step.path !== steps[i - 1]!.path || step.line !== steps[i - 1]!.line);
  const { head, omitted, tail } = elideChain(places);
  const place = (step: (typeof steps)[number]): string => `${paths.show(step.path)}:${step.line}`;
  return `Import chain: ${[...head.map(place), ...(omitted ? [omittedSteps(omitted)] : []), ...tail.map(place)].join(' → ')}`;
}
