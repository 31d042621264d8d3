import type { Finding } from '../check/findings.js';
import type { Diagnostic } from '../diagnostics.js';
import type { EntryPoint } from '../entries/entries.js';
import { chainSteps } from './chainSteps.js';
import type { PathDisplay } from './paths.js';

export interface JsonReportInput {
  version: string;
  findings: readonly Finding[];
  diagnostics: readonly Diagnostic[];
  entries: readonly EntryPoint[];
  fileCount: number;
  paths: PathDisplay;
}

/** A stable, documented shape for scripts: paths as shown to the user, the chain as steps. */
export function renderJson(input: JsonReportInput): string {
  const { paths } = input;
  const report = {
    tool: 'importleak',
    version: input.version,
    summary: {
      files: input.fileCount,
      entries: new Set(input.entries.map((e) => e.path)).size,
      errors: input.findings.filter((f) => f.level === 'error').length,
      warnings: input.findings.filter((f) => f.level === 'warning').length,
      notes: input.findings.filter((f) => f.level === 'note').length,
      problems: input.diagnostics.length,
    },
    findings: input.findings.map((finding) => ({
      rule: finding.ruleId,
      level: finding.level,
      path: paths.show(finding.path),
      line: finding.span.line,
      column: finding.span.column,
      endLine: finding.span.endLine,
      endColumn: finding.span.endColumn,
      module: finding.module,
      message: finding.message,
      resource: finding.resource,
      reach: finding.reach.kind,
      entry:
        finding.reach.kind === 'entry'
          ? { path: paths.show(finding.reach.entry.path), description: finding.reach.entry.description, framework: finding.reach.entry.framework }
          : null,
      entriesReaching: finding.reach.kind === 'entry' ? finding.reach.entriesReaching : 0,
      chain: chainSteps(finding).map((step) => ({ ...step, path: paths.show(step.path) })),
      related: finding.related.map((r) => ({ path: paths.show(r.path), line: r.span.line, column: r.span.column, message: r.message })),
      fingerprint: finding.lineHash ?? null,
    })),
    entries: input.entries.map((entry) => ({
      path: paths.show(entry.path),
      framework: entry.framework,
      kind: entry.kind,
      description: entry.description,
      line: entry.evidence.line,
      evidence: entry.evidence.text,
    })),
    problems: input.diagnostics.map((d) => ({ ...d, path: paths.show(d.path) })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
