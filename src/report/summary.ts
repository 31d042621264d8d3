import type { Finding, Level } from '../check/findings.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Rule } from '../rules/rules.js';
import { chainSteps, type ChainStep } from './chainSteps.js';
import { elideChain, excerpt, htmlMessage, htmlText, markdownCode, markdownInline, markdownMessage, markdownText, mermaidLabel, omittedSteps, shownMessage } from './neutralise.js';
import type { PathDisplay } from './paths.js';

/**
 * The GitHub step summary (`$GITHUB_STEP_SUMMARY`): GitHub-flavoured Markdown with the counts by
 * rule and level, the deployment read, each error with its chain, and a Mermaid graph of the
 * chains, which GitHub renders in summaries. GitHub refuses a summary over 1 MiB, so the text is
 * cut at `maxBytes` with a note saying how much was left out. What is quoted from the project is
 * bounded and can render no Markdown, HTML or Mermaid of its own (src/report/neutralise.ts).
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
/** A chain longer than twice this is drawn as its first and last imports around one gap node. */
const CHAIN_ENDS = 5;
const LEVELS: readonly Level[] = ['error', 'warning', 'note'];

export function renderStepSummary(input: StepSummaryInput): string {
  const maxBytes = input.maxBytes ?? DEFAULT_MAX_BYTES;
  const { findings, paths } = input;
  const head: string[] = ['## importleak', ''];
  const count = (level: Level): number => findings.filter((f) => f.level === level).length;
  const totals = LEVELS.map((level) => `${count(level)} ${level}${count(level) === 1 ? '' : 's'}`).join(', ');
  const fresh = input.baseline ? ` not in the baseline \`${markdownInline(input.baseline.file)}\`` : '';
  head.push(`**${totals}**${fresh} in ${input.fileCount} Python file${input.fileCount === 1 ? '' : 's'}.`);
  if (input.baseline) {
    head.push('', `The baseline already lists ${input.baseline.known} finding${input.baseline.known === 1 ? '' : 's'}; ${input.baseline.fixed} of its entries no longer occur (run \`importleak check --write-baseline\` to prune them).`);
  }
  head.push('', `${markdownMessage(capitalise(input.deployment))}.`);
  if (input.diagnostics.length) head.push('', `${input.diagnostics.length} file problem${input.diagnostics.length === 1 ? '' : 's'}: listed at the end.`);
  if (input.sarifFile) head.push('', `SARIF: \`${markdownInline(input.sarifFile)}\`.`);

  if (findings.length) {
    head.push('', '| Rule | Title | Errors | Warnings | Notes |', '| --- | --- | ---: | ---: | ---: |');
    const byRule = new Map<string, Finding[]>();
    for (const f of findings) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
    for (const [ruleId, list] of [...byRule].sort(([a], [b]) => a.localeCompare(b))) {
      const title = input.rules.find((r) => r.id === ruleId)?.title ?? '';
      const n = (level: Level): number => list.filter((f) => f.level === level).length;
      head.push(`| ${ruleId} | ${markdownText(title)} | ${n('error')} | ${n('warning')} | ${n('note')} |`);
    }
  }

  const graph = chainGraph(input);
  const sections: string[] = [];
  if (graph) sections.push(['', '### Import chains to the errors', '', '```mermaid', graph, '```'].join('\n'));
  const ordered = [...findings].sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level]);
  const blocks = ordered.map((finding) => findingBlock(finding, paths));
  const problems = input.diagnostics.map((d) => `- \`${markdownInline(paths.showProblem(d.path))}${d.line ? `:${d.line}` : ''}\` ${d.kind}: ${markdownMessage(d.message)}`);

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
  const lines = [`<details${finding.level === 'error' ? ' open' : ''}><summary><b>${finding.ruleId}</b> [${finding.level}] <code>${htmlText(where)}</code> ${htmlMessage(firstSentence(shownMessage(finding.message)))}</summary>`, ''];
  lines.push(markdownMessage(finding.message), '');
  const steps = chainSteps(finding);
  if (steps.length > 1) {
    // A long chain: its first and last steps, numbered as in the chain, the number left out between them.
    const { head, omitted, tail } = elideChain(steps.map((step, i) => ({ step, n: i + 1 })));
    const item = ({ step, n }: { step: ChainStep; n: number }): string => {
      const code = step.code ? ` ${markdownCode(step.code)}` : '';
      return `${n}. \`${markdownInline(`${paths.show(step.path)}:${step.line}`)}\` ${markdownMessage(step.message)}${code}`;
    };
    lines.push(...head.map(item));
    if (omitted) lines.push('', `${omittedSteps(omitted)}`, '');
    lines.push(...tail.map(item), '');
  }
  // What the message leaves out: the cost, the deployment, the fix.
  const details = (
    [
      ['Cost', finding.cost],
      ['Deployment', finding.deployment],
      ['Fix', finding.fix],
    ] as const
  ).filter(([, text]) => text);
  if (details.length) lines.push(...details.map(([label, text]) => `**${label}:** ${markdownMessage(text!)}`).join('\n\n').split('\n'), '');
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
    // Mermaid gives up on large graphs: stop drawing past the edge budget, and draw a long chain's
    // first and last imports with one node for the ones between.
    if (edges.size >= MAX_GRAPH_EDGES) break;
    const { entry, chain } = finding.reach;
    let previous = node(`entry:${entry.path}`, `${moduleLabel(entry.path)}\n${entry.description}`, 'entry');
    const hops = chain.length > 2 * CHAIN_ENDS + 1 ? [...chain.slice(0, CHAIN_ENDS), undefined, ...chain.slice(-CHAIN_ENDS)] : chain;
    for (const hop of hops) {
      const next = hop
        ? node(`module:${hop.to}`, moduleLabel(hop.to), 'module')
        : node(`gap:${finding.path}:${finding.span.line}:${finding.span.column}`, `… ${chain.length - 2 * CHAIN_ENDS} more imports`, 'module');
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

function firstSentence(message: string): string {
  const match = /^(.{20,300}?[.;:])(\s|$)/s.exec(message);
  return match ? match[1]! : excerpt(message, 300);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
