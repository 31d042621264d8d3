import type { Finding } from '../check/findings.js';
import type { SourceSpan } from '../extract/summary.js';

/**
 * The chain of a finding as steps a reader follows: the entry, each import on the way, the
 * resource. Text, JSON and SARIF code flows all show these same steps.
 */
export interface ChainStep {
  path: string;
  line: number;
  column: number;
  /** What happens at this step, in words. */
  message: string;
  /** The source at that line (the import statement, the resource statement), when known. */
  code?: string;
}

export function chainSteps(finding: Finding): ChainStep[] {
  const steps: ChainStep[] = [];
  if (finding.reach.kind === 'entry') {
    const { entry, chain } = finding.reach;
    steps.push({
      path: entry.path,
      line: entry.evidence.line,
      column: entry.evidence.column,
      message: `entry: ${entry.description}`,
      code: entry.evidence.text,
    });
    for (const hop of chain) steps.push(hopStep(hop.from, hop.to, hop.kind, hop.line, hop.column, hop.text));
  } else if (finding.reach.kind === 'lazy') {
    const { edge, rest } = finding.reach.imports[0]!;
    const where = edge.scope.kind === 'function' ? ` inside ${edge.scope.function}()` : '';
    steps.push({
      path: edge.from,
      line: edge.line ?? 1,
      column: edge.column ?? 1,
      message: `imported lazily${where}: runs only when the function is called`,
      ...(edge.text ? { code: edge.text } : {}),
    });
    for (const hop of rest) steps.push(hopStep(hop.from, hop.to, hop.kind, hop.line, hop.column, hop.text));
  }
  steps.push({
    path: finding.path,
    line: finding.span.line,
    column: finding.span.column,
    message: finding.ruleId === 'IL002' ? 'the thread is started at import time' : 'the resource is created at import time',
    code: finding.resource.statement,
  });
  return steps;
}

function hopStep(from: string, to: string, kind: string, line?: number, column?: number, text?: string): ChainStep {
  if (kind === 'enclosing-package') {
    return { path: to, line: 1, column: 1, message: `package ${to} runs first, because ${from} is inside it` };
  }
  return { path: from, line: line ?? 1, column: column ?? 1, message: `imports ${to} at import time`, ...(text ? { code: text } : {}) };
}

export function spanOf(step: ChainStep): SourceSpan {
  return { line: step.line, column: step.column, endLine: step.line, endColumn: step.column };
}
