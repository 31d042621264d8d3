import type * as Sarif from 'sarif';
import { LEVEL_ORDER, type Finding, type RelatedLocation } from '../check/findings.js';
import type { Diagnostic } from '../diagnostics.js';
import type { SourceSpan } from '../extract/summary.js';
import { markdownToPlainText, type Rule } from '../rules/rules.js';
import { chainSteps, spanOf } from './chainSteps.js';
import {
  chainStepsPerFinding,
  elideChain,
  escapeMessageText,
  excerpt,
  forJsonData,
  forSarifMessage,
  forTerminal,
  labelledExcerpt,
  markdownCode,
  shownMessage,
  wellFormed,
} from './neutralise.js';
import type { PathDisplay } from './paths.js';

export interface SarifReportInput {
  version: string;
  rules: readonly Rule[];
  findings: readonly Finding[];
  diagnostics: readonly Diagnostic[];
  paths: PathDisplay;
  /** `check --category`: the code-scanning category, written as `automationDetails.id` `<category>/`. */
  category?: string;
}

const SRCROOT = '%SRCROOT%';
const MAX_DESCRIPTION = 1024;

export { escapeMessageText };

/**
 * GitHub's limits ("SARIF results exceed one or more limits"): beyond them it rejects the upload.
 * Code flows stay far below theirs: a long chain keeps its first and last steps, at most
 * MAX_CHAIN_STEPS (src/report/neutralise.ts) as in every format, fewer when there are many results
 * (`chainStepsPerFinding`), since each result repeats its whole chain.
 */
export const SARIF_LIMITS = {
  resultsPerRun: 25_000,
  locationsPerResult: 1_000,
  threadFlowLocationsPerResult: 10_000,
} as const;

/**
 * SARIF 2.1.0 for GitHub code scanning: every rule with help generated from its file in `rules/`,
 * locations relative to `%SRCROOT%` (where the command ran), the import chain as a code flow,
 * the entry and the creation site as related locations the message links to, GitHub's own line
 * hash as the fingerprint, unreadable files as tool notifications, and what had to be cut to stay
 * within GitHub's limits as a note. Message text quoted from the project is bounded, on one line,
 * and can hold no link or HTML of its own (`forSarifMessage` in src/report/neutralise.ts).
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
    ...(message ? { message: { text: forSarifMessage(message) } } : {}),
  });

  const findings = keepResults(input.findings, SARIF_LIMITS.resultsPerRun);
  const stepsPerResult = Math.min(chainStepsPerFinding(findings.length), SARIF_LIMITS.threadFlowLocationsPerResult);
  const cut = { results: 0, dropped: { error: 0, warning: 0, note: 0 }, relatedLocations: 0, threadFlowLocations: 0, stepsPerResult };
  if (findings.length < input.findings.length) {
    const kept = new Set(findings);
    for (const finding of input.findings) if (!kept.has(finding)) cut.dropped[finding.level]++;
    cut.results = input.findings.length - findings.length;
  }

  const results: Sarif.Result[] = sameAlert(findings).map((group) => {
    const finding = group[0]!;
    const { related, dropped } = relatedLocations(group, SARIF_LIMITS.locationsPerResult);
    cut.relatedLocations += dropped;
    const own = forSarifMessage(shownMessage(finding.message));
    const more = group.length > 1 ? moreSentence(group.slice(1), MAX_SARIF_MESSAGE - own.length - 1) : '';
    const text = more ? `${own} ${more}` : own;
    const links = linkSentence(related, paths, MAX_SARIF_MESSAGE - text.length - 1);
    const result: Sarif.Result = {
      ruleId: finding.ruleId,
      ruleIndex: ruleIndex.get(finding.ruleId) ?? 0,
      level: finding.level,
      message: { text: `${text}${links ? ` ${links}` : ''}` },
      locations: [location(finding.path, finding.span)],
      partialFingerprints: {
        primaryLocationLineHash: lineHashOf(finding),
      },
      relatedLocations: related.map(({ id, at }) => ({ id, ...location(at.path, at.span, labelledExcerpt(at.message)) })),
      properties: {
        module: forTerminal(finding.module),
        reach: finding.reach.kind,
        ...(finding.cost ? { cost: forSarifMessage(shownMessage(finding.cost)) } : {}),
        ...(finding.deployment ? { deployment: forSarifMessage(shownMessage(finding.deployment)) } : {}),
        ...(finding.condition ? { condition: forTerminal(finding.condition) } : {}),
      },
    };
    const codeFlows: Sarif.CodeFlow[] = [];
    for (const one of group) {
      const allSteps = chainSteps(one);
      if (allSteps.length <= 1) continue;
      // A long chain keeps its first and last steps; executionOrder shows the gap.
      const numbered = allSteps.map((step, i) => ({ step, order: i + 1 }));
      const { head, omitted, tail } = elideChain(numbered, cut.stepsPerResult);
      const steps = [...head, ...tail];
      cut.threadFlowLocations += omitted;
      codeFlows.push({
        message: { text: one.reach.kind === 'entry' ? 'How the entry reaches the resource at import time' : 'How the resource is reached' },
        threadFlows: [
          {
            locations: steps.map(({ step, order }) => ({
              location: location(step.path, spanOf(step), step.code ? `${step.message}: ${step.code}` : step.message),
              executionOrder: order,
              nestingLevel: 0,
            })),
          },
        ],
      });
    }
    if (codeFlows.length) result.codeFlows = codeFlows;
    return result;
  });

  const notifications: Sarif.Notification[] = input.diagnostics.map((diagnostic) => ({
    level: diagnostic.kind === 'outside-root' || diagnostic.kind === 'duplicate-module' ? 'warning' : 'error',
    message: { text: forSarifMessage(shownMessage(`${paths.showProblem(diagnostic.path)}: ${diagnostic.message}`)) },
    descriptor: { id: diagnostic.kind },
    locations: [
      location(diagnostic.path, { line: diagnostic.line ?? 1, column: diagnostic.column ?? 1, endLine: diagnostic.line ?? 1, endColumn: diagnostic.column ?? 1 }),
    ],
  }));
  const truncated = cut.results + cut.relatedLocations + cut.threadFlowLocations > 0;
  if (truncated) notifications.push({ level: 'note', message: { text: limitsNote(cut) }, descriptor: { id: 'sarif-limits' } });

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
        ...(input.category !== undefined ? { automationDetails: { id: automationId(input.category) } } : {}),
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        originalUriBaseIds: { [SRCROOT]: { uri: paths.baseUri } },
        columnKind: 'utf16CodeUnits',
        results,
        ...(truncated
          ? { properties: { truncated: { results: cut.results, relatedLocations: cut.relatedLocations, threadFlowLocations: cut.threadFlowLocations } } }
          : {}),
      },
    ],
  };
  return forJsonData(log);
}

/** `automationDetails.id` for a category: GitHub reads the category before the last `/`. */
export function automationId(category: string): string {
  return category.endsWith('/') ? category : `${category}/`;
}

/** At most `max` findings, the highest levels first, in their original order. */
function keepResults(findings: readonly Finding[], max: number): readonly Finding[] {
  if (findings.length <= max) return findings;
  const kept = new Set(
    [...findings.keys()].sort((a, b) => LEVEL_ORDER[findings[b]!.level] - LEVEL_ORDER[findings[a]!.level] || a - b).slice(0, max),
  );
  return findings.filter((_, i) => kept.has(i));
}

/** What a related location is, read from the message src/check gives it; the message links to these. */
type Role = 'entry' | 'lazy' | 'created' | 'started' | 'fork';
const ROLES: ReadonlyArray<[prefix: string, role: Role, words: string]> = [
  ['entry: ', 'entry', 'Entry:'],
  ['imported lazily: ', 'lazy', 'Imported lazily at'],
  ['created here: ', 'created', 'Created at'],
  ['started here: ', 'started', 'Started at'],
  ['forks after importing the app: ', 'fork', 'Forked by'],
];
const roleOf = (related: RelatedLocation): Role | undefined => ROLES.find(([prefix]) => related.message.startsWith(prefix))?.[1];

interface NumberedLocation {
  id: number;
  at: RelatedLocation;
  role: Role | undefined;
}

/** `primaryLocationLineHash` of a finding's result. */
function lineHashOf(finding: Finding): string {
  return finding.lineHash ?? fallbackHash(finding);
}

/**
 * The findings grouped as GitHub makes alerts of them: those of one rule on lines of one file with
 * the same `primaryLocationLineHash` (the clients one call makes on the two branches of an `if`,
 * two calls on one line) would be one alert, showing one result's paths. Each group is one result
 * that tells them all (see `moreSentence`), in the order of its first finding.
 */
function sameAlert(findings: readonly Finding[]): Finding[][] {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = `${finding.ruleId}\0${finding.path}\0${lineHashOf(finding)}`;
    const group = groups.get(key);
    if (group) group.push(finding);
    else groups.set(key, [finding]);
  }
  return [...groups.values()];
}

/**
 * `And 1 more from this line, with its own path: `redis.Redis.from_url(…)`.`: what the other
 * findings of a result's group create, each quoted; within `budget` characters, the list left out
 * where it does not fit, and nothing where even that does not (the paths still show each).
 */
function moreSentence(others: readonly Finding[], budget: number): string {
  const one = others.length === 1;
  const short = `And ${others.length} more from this line, with ${one ? 'its' : 'their'} own ${one ? 'path' : 'paths'}`;
  const quoted = others.map((other) => `\`${forSarifMessage(excerpt(other.resource.text, 60))}\``).join(', ');
  if (short.length + quoted.length + 3 <= budget) return `${short}: ${quoted}.`;
  return short.length + 1 <= budget ? `${short}.` : '';
}

/**
 * The related locations of a group's result (see `sameAlert`), numbered from 1: each finding's,
 * the first's first, then the places of the others that it does not have, with the creation site added
 * for a finding that has none (it is then the primary location, and the message links to it all
 * the same). Past the limit, those the message links to are kept first.
 */
function relatedLocations(group: readonly Finding[], max: number): { related: NumberedLocation[]; dropped: number } {
  const all: Array<{ at: RelatedLocation; role: Role | undefined }> = [];
  const seen = new Set<string>();
  for (const finding of group) {
    const own = finding.related.map((at) => ({ at, role: roleOf(at) }));
    const linked = own.some(({ role }) => role !== undefined);
    if (linked && !own.some(({ role }) => role === 'created' || role === 'started')) {
      own.push({ at: { path: finding.path, span: finding.span, message: `created here: ${finding.resource.statement}` }, role: 'created' });
    }
    for (const entry of own) {
      const key = `${entry.at.path}\0${entry.at.span.line}\0${entry.at.span.column}\0${entry.at.message}`;
      if (finding !== group[0] && seen.has(key)) continue;
      seen.add(key);
      all.push(entry);
    }
  }
  let kept = all;
  if (all.length > max) {
    const byPriority = [...all.keys()].sort((a, b) => Number(all[a]!.role === undefined) - Number(all[b]!.role === undefined) || a - b);
    const keep = new Set(byPriority.slice(0, max));
    kept = all.filter((_, i) => keep.has(i));
  }
  return { related: kept.map((entry, i) => ({ id: i + 1, ...entry })), dropped: all.length - kept.length };
}

/** Characters of a result's message, its links included: a reviewer reads it in one glance. */
export const MAX_SARIF_MESSAGE = 320;

/**
 * `Entry: [routes/api_routes.py:7](1). Created at [utils/magnet_search.py:11](2).`, or '' when
 * nothing links; at most `budget` characters: the links that do not fit are left to the related
 * locations, which list them all.
 */
function linkSentence(related: readonly NumberedLocation[], paths: PathDisplay, budget: number): string {
  const sentences: string[] = [];
  let used = 0;
  for (const [, role, words] of ROLES) {
    const links: string[] = [];
    for (const { id, at } of related.filter((r) => r.role === role)) {
      const link = `[${forSarifMessage(`${paths.show(at.path).split('/').slice(-2).join('/')}:${at.span.line}`)}](${id})`;
      const sentence = `${words} ${[...links, link].join(', ')}.`;
      if (used + sentence.length + (sentences.length ? 1 : 0) > budget) break;
      links.push(link);
    }
    if (links.length) {
      const sentence = `${words} ${links.join(', ')}.`;
      used += sentence.length + (sentences.length ? 1 : 0);
      sentences.push(sentence);
    }
  }
  return sentences.join(' ');
}

function limitsNote(cut: { results: number; dropped: Record<'error' | 'warning' | 'note', number>; relatedLocations: number; threadFlowLocations: number; stepsPerResult: number }): string {
  const parts: string[] = [];
  if (cut.results) {
    const levels = (['error', 'warning', 'note'] as const).filter((level) => cut.dropped[level]).map((level) => `${cut.dropped[level]} ${level}`);
    parts.push(`${cut.results} results left out (${levels.join(', ')}; GitHub reads at most ${SARIF_LIMITS.resultsPerRun.toLocaleString('en-US')} per run, the highest levels were kept)`);
  }
  if (cut.relatedLocations) parts.push(`${cut.relatedLocations} related locations left out (at most ${SARIF_LIMITS.locationsPerResult.toLocaleString('en-US')} per result)`);
  if (cut.threadFlowLocations) {
    const half = cut.stepsPerResult / 2;
    parts.push(`${cut.threadFlowLocations} import-chain steps left out of code flows (at most ${cut.stepsPerResult} per result: the first ${half} and the last ${half})`);
  }
  const rest = cut.results || cut.relatedLocations ? ' The text and json formats report every result and related location.' : '';
  return `Cut to stay within GitHub's limits: ${parts.join('; ')}.${rest}`;
}

function reportingDescriptor(rule: Rule): Sarif.ReportingDescriptor {
  // `extend-resources` adds names from the configuration: quoted as code spans that hold any text.
  const matches = rule.matches.map((m) => `- ${markdownCode(m.callee)}`).join('\n');
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
  return wellFormed(relative).split('/').map(encodeURIComponent).join('/');
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
