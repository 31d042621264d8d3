import type * as Sarif from 'sarif';
import type { Finding } from '../check/findings.js';
import type { Diagnostic } from '../diagnostics.js';
import type { SourceSpan } from '../extract/summary.js';
import { markdownToPlainText, type Rule } from '../rules/rules.js';
import { chainSteps, spanOf } from './chainSteps.js';
import type { PathDisplay } from './paths.js';

export interface SarifReportInput {
  version: string;
  rules: readonly Rule[];
  findings: readonly Finding[];
  diagnostics: readonly Diagnostic[];
  paths: PathDisplay;
}

const SRCROOT = '%SRCROOT%';
const MAX_DESCRIPTION = 1024;

/**
 * SARIF 2.1.0 for GitHub code scanning: every rule with help generated from its file in `rules/`,
 * locations relative to `%SRCROOT%` (where the command ran), the import chain as a code flow,
 * GitHub's own line hash as the fingerprint, unreadable files as tool notifications.
 */
export function renderSarif(input: SarifReportInput): string {
  const { paths } = input;
  const ruleIndex = new Map(input.rules.map((rule, i) => [rule.id, i]));
  const location = (rootRelative: string, span: SourceSpan, message?: string): Sarif.Location => ({
    physicalLocation: {
      artifactLocation: { uri: encodeUri(paths.show(rootRelative)), uriBaseId: SRCROOT },
      region: {
        startLine: span.line,
        startColumn: span.column,
        ...(span.endLine >= span.line ? { endLine: span.endLine } : {}),
        ...(span.endLine > span.line || span.endColumn > span.column ? { endColumn: span.endColumn } : {}),
      },
    },
    ...(message ? { message: { text: message } } : {}),
  });

  const results: Sarif.Result[] = input.findings.map((finding) => {
    const steps = chainSteps(finding);
    const result: Sarif.Result = {
      ruleId: finding.ruleId,
      ruleIndex: ruleIndex.get(finding.ruleId) ?? 0,
      level: finding.level,
      message: { text: finding.message },
      locations: [location(finding.path, finding.span)],
      partialFingerprints: {
        primaryLocationLineHash: finding.lineHash ?? fallbackHash(finding),
      },
      relatedLocations: finding.related.map((related, i) => ({ id: i + 1, ...location(related.path, related.span, related.message) })),
      properties: { module: finding.module, reach: finding.reach.kind },
    };
    if (steps.length > 1) {
      result.codeFlows = [
        {
          message: { text: finding.reach.kind === 'entry' ? 'How the entry reaches the resource at import time' : 'How the resource is reached' },
          threadFlows: [
            {
              locations: steps.map((step, i) => ({
                location: location(step.path, spanOf(step), step.code ? `${step.message}: ${step.code}` : step.message),
                executionOrder: i + 1,
                nestingLevel: 0,
              })),
            },
          ],
        },
      ];
    }
    return result;
  });

  const notifications: Sarif.Notification[] = input.diagnostics.map((diagnostic) => ({
    level: diagnostic.kind === 'outside-root' || diagnostic.kind === 'duplicate-module' ? 'warning' : 'error',
    message: { text: `${paths.show(diagnostic.path)}: ${diagnostic.message}` },
    descriptor: { id: diagnostic.kind },
    locations: [
      location(diagnostic.path, { line: diagnostic.line ?? 1, column: diagnostic.column ?? 1, endLine: diagnostic.line ?? 1, endColumn: diagnostic.column ?? 1 }),
    ],
  }));

  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'importleak',
            version: input.version,
            semanticVersion: input.version,
            informationUri: 'https://www.npmjs.com/package/importleak',
            rules: input.rules.map(reportingDescriptor),
          },
        },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        originalUriBaseIds: { [SRCROOT]: { uri: paths.baseUri } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function reportingDescriptor(rule: Rule): Sarif.ReportingDescriptor {
  const matches = rule.matches.map((m) => `- \`${m.callee}\``).join('\n');
  const markdown = `${rule.docs.markdown}\n\n## Matches\n${matches}\n`;
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.title },
    fullDescription: { text: truncate(markdownToPlainText(rule.docs.whatItDoes), MAX_DESCRIPTION) },
    help: { text: markdownToPlainText(markdown), markdown },
    defaultConfiguration: { level: 'error' },
    properties: {
      tags: ['reliability', 'performance', 'import-time', rule.resource],
      precision: 'high',
      'problem.severity': 'error',
    },
  };
}

/** Percent-encodes each path segment (spaces, `#`, `%`…) and keeps `/` as the separator. */
function encodeUri(relative: string): string {
  return relative.split('/').map(encodeURIComponent).join('/');
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Only used when the file could not be read back: stable for the same rule, file and statement. */
function fallbackHash(finding: Finding): string {
  let hash = 0;
  for (const ch of `${finding.ruleId}:${finding.path}:${finding.resource.text}`) hash = (Math.imul(hash, 31) + ch.charCodeAt(0)) | 0;
  return `${(hash >>> 0).toString(16)}:1`;
}
