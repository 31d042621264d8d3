import type { Finding, Level } from '../check/findings.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Rule } from '../rules/rules.js';
import { chainSteps } from './chainSteps.js';
import type { PathDisplay } from './paths.js';

/**
 * The GitHub step summary (`$GITHUB_STEP_SUMMARY`): GitHub-flavoured Markdown with the counts by
 * rule and level, the deployment read, each error with its chain, and a Mermaid graph of the
 * chains, which GitHub renders in summaries. GitHub refuses a summary over 1 MiB, so the text is
 * cut at `maxBytes` with a note saying how much was left out.
 */
export interface StepSummaryInput {
  findings: readonly Finding[];
  diagnostics: readonly Diagnostic[];
  rules: readonly Rule[];
  paths: PathDisplay;
  /** Dotted module name of a root-relative path, when it has one. */
  moduleOf(rootRelative: string): string | undefined;
  fileCount: number;
  /** What the deployment files say, or the assumption made without them. */
  deployment: string;
  /** Set when a baseline was applied: findings it already knew, and entries that no longer occur. */
  baseline?: { file: string; known: number; fixed: number };
  /** Where the SARIF was written, if anywhere. */
  sarifFile?: string;
  /** Default 900 KiB: room under GitHub's 1 MiB for what other steps add. */
  maxBytes?: number;
}

const DEFAULT_MAX_BYTES = 900 * 1024;
/** Mermaid stops rendering large graphs (its default maxEdges is 500); stay well below. */
const MAX_GRAPH_EDGES = 200;
const LEVELS: readonly Level[] = ['error', 'warning', 'note'];

export function renderStepSummary(input: StepSummaryInput): string {
  const maxBytes = input.maxBytes ?? DEFAULT_MAX_BYTES;
  const { findings, paths } = input;
  const head: string[] = ['## importleak', ''];
  const count = (level: Level): number => findings.filter((f) => f.level === level).length;
  const totals = LEVELS.map((level) => `${count(level)} ${level}${count(level) === 1 ? '' : 's'}`).join(', ');
  const fresh = input.baseline ? ` not in the baseline \`${inline(input.baseline.file)}\`` : '';
  head.push(`**${totals}**${fresh} in ${input.fileCount} Python file${input.fileCount === 1 ? '' : 's'}.`);
  if (input.baseline) {
    head.push('', `The baseline already lists ${input.baseline.known} finding${input.baseline.known === 1 ? '' : 's'}; ${input.baseline.fixed} of its entries no longer occur (run \`importleak check --write-baseline\` to prune them).`);
  }
  head.push('', `${messageMarkdown(capitalise(input.deployment))}.`);
  if (input.diagnostics.length) head.push('', `${input.diagnostics.length} file problem${input.diagnostics.length === 1 ? '' : 's'}: listed at the end.`);
  if (input.sarifFile) head.push('', `SARIF: \`${inline(input.sarifFile)}\`.`);

  if (findings.length) {
    head.push('', '| Rule | Title | Errors | Warnings | Notes |', '| --- | --- | ---: | ---: | ---: |');
    const byRule = new Map<string, Finding[]>();
    for (const f of findings) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
    for (const [ruleId, list] of [...byRule].sort(([a], [b]) => a.localeCompare(b))) {
      const title = input.rules.find((r) => r.id === ruleId)?.title ?? '';
      const n = (level: Level): number => list.filter((f) => f.level === level).length;
      head.push(`| ${ruleId} | ${escapeMarkdown(title)} | ${n('error')} | ${n('warning')} | ${n('note')} |`);
    }
  }

  const graph = chainGraph(input);
  const sections: string[] = [];
  if (graph) sections.push(['', '### Import chains to the errors', '', '```mermaid', graph, '```'].join('\n'));
  const ordered = [...findings].sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level]);
  const blocks = ordered.map((finding) => findingBlock(finding, paths));
  const problems = input.diagnostics.map((d) => `- \`${inline(paths.show(d.path))}${d.line ? `:${d.line}` : ''}\` ${d.kind}: ${messageMarkdown(d.message)}`);

  // Fill up to the budget: the head always, then the graph, the findings and the problems in that order.
  const out: string[] = [head.join('\n')];
  let size = byteLength(out[0]!);
  const budget = maxBytes - 512; // room for the closing note
  const add = (text: string): boolean => {
    const n = byteLength(text) + 1;
    if (size + n > budget) return false;
    out.push(text);
    size += n;
    return true;
  };
  for (const section of sections) add(section);
  let shown = 0;
  if (blocks.length) add('\n### Findings\n');
  for (const block of blocks) {
    if (!add(block)) break;
    shown++;
  }
  let problemsShown = 0;
  if (problems.length && add('\n### File problems\n')) {
    for (const line of problems) {
      if (!add(line)) break;
      problemsShown++;
    }
  }
  const cut = blocks.length - shown + (problems.length - problemsShown);
  if (cut > 0) {
    out.push(
      '',
      `> [!NOTE]\n> ${blocks.length - shown} finding${blocks.length - shown === 1 ? '' : 's'} and ${problems.length - problemsShown} file problem${problems.length - problemsShown === 1 ? '' : 's'} are not shown, to stay under GitHub's 1 MiB limit for a step summary. The SARIF file and code scanning have them all.`,
    );
  }
  return `${out.join('\n')}\n`;
}

const LEVEL_RANK: Record<Level, number> = { error: 0, warning: 1, note: 2 };

function findingBlock(finding: Finding, paths: PathDisplay): string {
  const where = `${paths.show(finding.path)}:${finding.span.line}`;
  const lines = [`<details${finding.level === 'error' ? ' open' : ''}><summary><b>${finding.ruleId}</b> [${finding.level}] <code>${html(where)}</code> ${messageHtml(firstSentence(finding.message))}</summary>`, ''];
  lines.push(messageMarkdown(finding.message), '');
  const steps = chainSteps(finding);
  if (steps.length > 1) {
    for (const [i, step] of steps.entries()) {
      const code = step.code ? ` ${codeSpan(step.code)}` : '';
      lines.push(`${i + 1}. \`${inline(`${paths.show(step.path)}:${step.line}`)}\` ${messageMarkdown(step.message)}${code}`);
    }
    lines.push('');
  }
  lines.push('</details>');
  return lines.join('\n');
}

/**
 * One Mermaid flowchart of every error's chain: modules as nodes (ids unique per file, labels the
 * dotted names), imports as arrows, and the resource as a final node. Errors only, deduplicated.
 */
function chainGraph(input: StepSummaryInput): string | undefined {
  const errors = input.findings.filter((f) => f.level === 'error' && f.reach.kind === 'entry');
  if (!errors.length) return undefined;
  const ids = new Map<string, string>();
  const nodeLines: string[] = [];
  const edges = new Set<string>();
  const node = (key: string, label: string, shape: 'module' | 'entry' | 'resource'): string => {
    let id = ids.get(key);
    if (!id) {
      id = `n${ids.size}`;
      ids.set(key, id);
      const text = mermaidLabel(label);
      nodeLines.push(shape === 'resource' ? `  ${id}{{"${text}"}}` : shape === 'entry' ? `  ${id}(["${text}"])` : `  ${id}["${text}"]`);
      if (shape !== 'module') nodeLines.push(`  class ${id} ${shape}`);
    }
    return id;
  };
  const moduleLabel = (p: string): string => input.moduleOf(p) ?? input.paths.show(p);
  for (const finding of errors) {
    if (finding.reach.kind !== 'entry') continue;
    const { entry, chain } = finding.reach;
    let previous = node(`entry:${entry.path}`, `${moduleLabel(entry.path)}\n${entry.description}`, 'entry');
    for (const hop of chain) {
      const next = node(`module:${hop.to}`, moduleLabel(hop.to), 'module');
      edges.add(`  ${previous} --> ${next}`);
      previous = next;
    }
    if (!chain.length && entry.path !== finding.path) previous = node(`module:${finding.path}`, moduleLabel(finding.path), 'module');
    const resource = node(`resource:${finding.path}:${finding.span.line}:${finding.span.column}`, `${finding.ruleId} ${finding.resource.text}\n${input.paths.show(finding.path)}:${finding.span.line}`, 'resource');
    edges.add(`  ${previous} --> ${resource}`);
    if (edges.size >= MAX_GRAPH_EDGES) break;
  }
  const lines = ['flowchart LR', ...nodeLines, ...[...edges].slice(0, MAX_GRAPH_EDGES), '  classDef entry fill:#e8f0fe,stroke:#1a73e8', '  classDef resource fill:#fde8e8,stroke:#d93025'];
  return lines.join('\n');
}

/** A Mermaid node label inside `"…"`: quotes and markup neutralised, long text cut, newlines as `<br>`. */
function mermaidLabel(text: string): string {
  const cut = text.length > 120 ? `${text.slice(0, 119)}…` : text;
  return cut
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, ' ')
    .replace(/&/g, '#amp;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/`/g, '#96;')
    .replace(/\n/g, '<br>');
}

function firstSentence(message: string): string {
  const match = /^(.{20,300}?[.;:])(\s|$)/s.exec(message);
  return match ? match[1]! : message.length > 300 ? `${message.slice(0, 299)}…` : message;
}

/**
 * importleak's messages put what they quote from the code between backticks: those parts become
 * code spans that hold any text, the rest is escaped. A stray backtick in the quoted code can only
 * move where a code span ends; either way nothing in it is read as Markdown or HTML.
 */
function messageMarkdown(text: string): string {
  return splitCodeSpans(text)
    .map(({ code, text: part }) => (code ? codeSpan(part) : escapeMarkdown(part)))
    .join('');
}

/** The same inside HTML (a `<summary>`), where Markdown is not read: code spans as `<code>`. */
function messageHtml(text: string): string {
  return splitCodeSpans(text)
    .map(({ code, text: part }) => (code ? `<code>${html(part)}</code>` : html(part)))
    .join('');
}

function splitCodeSpans(text: string): Array<{ code: boolean; text: string }> {
  const parts: Array<{ code: boolean; text: string }> = [];
  let last = 0;
  for (const match of text.matchAll(/`([^`\n]+)`/g)) {
    if (match.index > last) parts.push({ code: false, text: text.slice(last, match.index) });
    parts.push({ code: true, text: match[1]! });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ code: false, text: text.slice(last) });
  return parts;
}

/** Markdown text that renders as written: no markup, links, HTML or line breaks from the quoted source. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/[\\`*_{}[\]()#+!|<>&~]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}

/** Text inside HTML. */
function html(text: string): string {
  // Brackets too: GitHub reads no Markdown in an HTML block, but nothing here should look like a link.
  return text
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\[/g, '&#91;')
    .replace(/\]/g, '&#93;');
}

/** A Markdown code span that holds any text: a fence longer than any backtick run inside it. */
function codeSpan(text: string): string {
  const flat = text.replace(/[\u0000-\u001f\u007f]/g, ' ');
  const cut = flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
  const longest = Math.max(0, ...[...cut.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = cut.startsWith('`') || cut.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${cut}${pad}${fence}`;
}

/** Text inside a single-backtick code span: backticks would close it. */
function inline(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/`/g, "'");
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
