import type { EntryPoint } from '../entries/entries.js';
import type { CallArgument, CallPlacement, CallRecord, ModuleSummary } from '../extract/summary.js';
import { modulesReaching, shortestChains, type ImportChain, type ImportEdge, type ImportGraph } from '../graph/importGraph.js';
import type { ModuleIndex } from '../resolve/moduleIndex.js';
import type { ResourceMatch, Rule } from '../rules/rules.js';
import type { Finding, Level, Reach, RelatedLocation } from './findings.js';

export interface CheckInput {
  index: ModuleIndex;
  summaries: ReadonlyMap<string, ModuleSummary>;
  graph: ImportGraph;
  entries: readonly EntryPoint[];
  rules: readonly Rule[];
}

/** A resource the rules recognise, created while its module is imported. */
interface ImportTimeResource {
  rule: Rule;
  match: ResourceMatch;
  creation: CallRecord;
  /** For rules that require `.start()`: the call that starts it (the primary location). */
  start?: CallRecord;
}

export function checkProject(input: CheckInput): Finding[] {
  const { index, summaries, graph, entries, rules } = input;
  const entryPaths = [...new Set(entries.map((e) => e.path))].sort();
  const chains = shortestChains(graph, entryPaths);
  const entryByPath = new Map<string, EntryPoint>();
  for (const entry of entries) if (!entryByPath.has(entry.path)) entryByPath.set(entry.path, entry);

  const findings: Finding[] = [];
  for (const [path, summary] of summaries) {
    const module = index.byPath.get(path);
    if (!module) continue;
    const resources = findImportTimeResources(summary, rules);
    if (resources.length === 0) continue;
    const reach = reachOf(path, graph, chains, entryByPath);
    const nameOf = (p: string): string => index.byPath.get(p)?.name ?? p;
    for (const resource of resources) findings.push(toFinding(resource, path, module.name, reach, nameOf));
  }
  return findings.sort(
    (a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.span.line - b.span.line || a.span.column - b.span.column || (a.ruleId < b.ruleId ? -1 : 1),
  );
}

/** Matches a module's import-time calls against the rules' qualified names. */
export function findImportTimeResources(summary: ModuleSummary, rules: readonly Rule[]): ImportTimeResource[] {
  const found: ImportTimeResource[] = [];
  for (const call of summary.calls) {
    if (call.scope.kind !== 'module' || call.placement.kind === 'with-item') continue;
    for (const rule of rules) {
      const match = matchCall(call, rule, summary);
      if (!match) continue;
      if (rule.requires === 'start') {
        const start = summary.calls.find(
          (c) => c.scope.kind === 'module' && c.receiver?.callId === call.id && c.receiver.method === 'start',
        );
        if (start) found.push({ rule, match, creation: call, start });
      } else {
        found.push({ rule, match, creation: call });
      }
    }
  }
  return found;
}

function matchCall(call: CallRecord, rule: Rule, summary: ModuleSummary): ResourceMatch | undefined {
  if (!call.callee) return undefined;
  if (!call.calleeIsLocal) return rule.matches.find((m) => m.callee === call.callee || m.aliases.includes(call.callee!));
  if (!rule.subclasses) return undefined;
  // A class defined in this module that derives (directly or through other local classes) from a matched class.
  const seen = new Set<string>();
  const queue = [call.callee];
  while (queue.length) {
    const name = queue.shift()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const cls = summary.classes.find((c) => c.name === name);
    if (!cls) continue;
    for (const base of cls.bases) {
      const match = rule.matches.find((m) => m.callee === base || m.aliases.includes(base));
      if (match) return match;
      queue.push(base);
    }
  }
  return undefined;
}

function reachOf(
  path: string,
  graph: ImportGraph,
  chains: ReadonlyMap<string, ImportChain>,
  entryByPath: ReadonlyMap<string, EntryPoint>,
): Reach {
  const chain = chains.get(path);
  const reaching = modulesReaching(graph, path);
  if (chain) {
    const entriesReaching = [...entryByPath.keys()].filter((p) => reaching.has(p)).length;
    return { kind: 'entry', entry: entryByPath.get(chain.entry)!, chain: chain.hops, entriesReaching };
  }
  // Imports inside functions whose target runs this module at import time.
  const lazy = graph.lazyEdges.filter((edge) => reaching.has(edge.to));
  if (lazy.length === 0) return { kind: 'unreached' };
  const imports = lazy.map((edge) => {
    const rest = shortestChains(graph, [edge.to]).get(path)?.hops ?? [];
    return { edge, rest };
  });
  return { kind: 'lazy', imports };
}

function toFinding(
  resource: ImportTimeResource,
  path: string,
  moduleName: string,
  reach: Reach,
  nameOf: (path: string) => string,
): Finding {
  const { rule, match, creation, start } = resource;
  const primary = start ?? creation;
  const level: Level = reach.kind === 'entry' ? 'error' : 'warning';
  const related: RelatedLocation[] = [];
  // `t = Thread(...)` then `t.start()`: the creation is elsewhere and worth pointing at.
  const createdElsewhere = start !== undefined && start.receiver?.via === 'name';
  if (createdElsewhere) related.push({ path, span: creation.span, message: `created here: ${creation.statementText}` });
  if (reach.kind === 'entry') {
    related.push({
      path: reach.entry.path,
      span: spanAt(reach.entry.evidence.line, reach.entry.evidence.column),
      message: `entry: ${reach.entry.description}`,
    });
  } else if (reach.kind === 'lazy') {
    for (const { edge } of reach.imports.slice(0, 3)) {
      related.push({ path: edge.from, span: spanAt(edge.line ?? 1, edge.column ?? 1), message: `imported lazily: ${edge.text ?? ''}` });
    }
  }

  const action = start ? `\`${start.text}\` starts ${match.what}` : `\`${creation.text}\` creates ${match.what}`;
  const created = createdElsewhere ? ` (created on line ${creation.span.line})` : '';
  const headline = `${action}${created}${placementPhrase(creation.placement)} while \`${moduleName}\` is imported`;
  const cost = capitalise(fillCost(match, creation.args));
  const message = `${headline}, ${reachPhrase(reach, nameOf)}. ${cost}. ${rule.fix}`;

  return {
    ruleId: rule.id,
    level,
    path,
    span: primary.span,
    module: moduleName,
    message,
    resource: {
      callee: match.callee,
      text: creation.text,
      statement: (start ?? creation).statementText,
      ...(creation.boundTo ? { boundTo: creation.boundTo } : {}),
    },
    reach,
    related,
  };
}

/** Modules are named by their dotted names: a message reads the same wherever the command ran. */
function reachPhrase(reach: Reach, nameOf: (path: string) => string): string {
  switch (reach.kind) {
    case 'entry': {
      const hops = reach.chain.filter((hop) => hop.kind === 'import').length;
      const via = hops === 0 ? 'which is itself' : hops === 1 ? 'imported directly by' : `imported through ${hops} imports from`;
      const others = reach.entriesReaching > 1 ? ` (and ${reach.entriesReaching - 1} other entr${reach.entriesReaching === 2 ? 'y' : 'ies'})` : '';
      return `${via} the ${reach.entry.description} in \`${nameOf(reach.entry.path)}\`${others}, so every worker process pays for it at start-up`;
    }
    case 'lazy': {
      const first = reach.imports[0]!.edge;
      const where = first.scope.kind === 'function' ? ` inside \`${first.scope.function}()\`` : '';
      const more = reach.imports.length > 1 ? ` (and ${reach.imports.length - 1} other lazy import${reach.imports.length === 2 ? '' : 's'})` : '';
      return `but no entry imports it at start-up: it is imported lazily${where} in \`${nameOf(first.from)}\` (line ${first.line})${more}, so each process pays for it from the first call that needs it`;
    }
    case 'unreached':
      return 'but no entry found imports it at start-up; every process that does import it pays for it';
  }
}

function placementPhrase(placement: CallPlacement): string {
  switch (placement.kind) {
    case 'class-body':
      return ` in the body of class \`${placement.className}\``;
    case 'default-argument':
      return ` as the default value of \`${placement.parameter}\` in \`def ${placement.function}\` (evaluated once, when the def runs)`;
    case 'decorator':
      return ` in a decorator of \`${placement.target}\``;
    default:
      return '';
  }
}

/** Fills `{argument}` placeholders from the call: literal values as they are, other expressions quoted, defaults named. */
export function fillCost(match: ResourceMatch, args: readonly CallArgument[]): string {
  const positional = args.filter((a) => a.keyword === undefined);
  return match.cost.replace(/\{(\w+)\}/g, (_, name: string) => {
    const spec = match.arguments.find((a) => a.name === name);
    const given = args.find((a) => a.keyword === name) ?? (spec?.position !== undefined ? positional[spec.position] : undefined);
    if (given) {
      if (typeof given.literal === 'number') return String(given.literal);
      if (given.literal === null && spec?.default) return `\`${spec.default}\` (the default)`;
      return `\`${given.text}\``;
    }
    return spec?.default ? `\`${spec.default}\` (the default)` : `the given ${name}`;
  });
}

function spanAt(line: number, column: number) {
  return { line, column, endLine: line, endColumn: column };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export type { ImportEdge };
