import type { ImportEdge, ImportGraph } from '../graph/importGraph.js';
import { modulesReaching, shortestChains } from '../graph/importGraph.js';
import type { ModuleIndex } from '../resolve/moduleIndex.js';
import { excerpt, forJson, forLog, forTerminal, MAX_MESSAGE, mermaidLabel } from './neutralise.js';
import type { PathDisplay } from './paths.js';

export interface GraphSelection {
  /** Keep what this module runs at import time (its import-time closure). */
  from?: string;
  /** Keep what runs this module at import time. */
  to?: string;
  /** Also show imports inside functions (they run only when the function is called). */
  lazy: boolean;
}

export interface GraphEdgeView {
  from: string;
  to: string;
  /** The files of `from` and `to`: what identifies a module, since two files can bear one name. */
  fromFile: string;
  toFile: string;
  importTime: boolean;
  kind: ImportEdge['kind'];
  /** File and line of the import statement (for `enclosing-package` edges: none). */
  path?: string;
  line?: number;
  statement?: string;
  /** Functions called at import time on the way to the statement (`create_app`). */
  via?: string[];
  /** For lazy edges: the function the statement is in. */
  function?: string;
}

export interface GraphView {
  modules: Array<{ name: string; path: string }>;
  edges: GraphEdgeView[];
}

/** The part of the import graph a `graph` command asked for, named by dotted module names. */
export function selectGraph(graph: ImportGraph, index: ModuleIndex, selection: GraphSelection, paths: PathDisplay): GraphView {
  const byName = (name: string): string => {
    const entry = index.lookup(name);
    if (!entry) throw new Error(`no module named ${JSON.stringify(name)} in the project`);
    return entry.path;
  };
  let keep: Set<string> | undefined;
  if (selection.from) keep = new Set(shortestChains(graph, [byName(selection.from)]).keys());
  if (selection.to) {
    const reaching = modulesReaching(graph, byName(selection.to));
    keep = keep ? new Set([...keep].filter((p) => reaching.has(p))) : reaching;
  }
  const kept = (p: string): boolean => !keep || keep.has(p);
  const nameOf = (p: string): string => index.byPath.get(p)?.name ?? p;

  const edges: GraphEdgeView[] = [];
  const seen = new Set<string>();
  const add = (edge: ImportEdge, importTime: boolean): void => {
    if (!kept(edge.from) || !kept(edge.to)) return;
    // `from ..models import x` in pkg.routes.views also "runs" pkg: already running, not worth an arrow.
    if (edge.reason === 'parent-package' && nameOf(edge.from).startsWith(`${nameOf(edge.to)}.`)) return;
    const key = `${edge.from}>${edge.to}>${edge.line ?? ''}>${importTime}`;
    if (seen.has(key)) return;
    seen.add(key);
    edges.push({
      from: nameOf(edge.from),
      to: nameOf(edge.to),
      fromFile: paths.show(edge.from),
      toFile: paths.show(edge.to),
      importTime,
      kind: edge.kind,
      ...(edge.line !== undefined ? { path: paths.show(edge.at ?? edge.from), line: edge.line } : {}),
      ...(edge.text ? { statement: edge.text } : {}),
      ...(edge.via ? { via: edge.via.map((v) => v.target) } : {}),
      ...(edge.scope.kind === 'function' ? { function: edge.scope.function } : {}),
    });
  };
  for (const list of graph.importTimeEdges.values()) for (const edge of list) add(edge, true);
  if (selection.lazy) for (const edge of graph.lazyEdges) add(edge, false);

  const names = new Set<string>();
  for (const entry of index.entries()) if (kept(entry.path)) names.add(entry.path);
  const modules = [...names]
    .map((p) => ({ name: nameOf(p), path: paths.show(p) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  edges.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0) || (a.line ?? 0) - (b.line ?? 0) || (a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
  return { modules, edges };
}

/**
 * Mermaid flowchart: paste into Markdown. Solid arrows run at import time, dotted ones only when
 * called. Module names and labels come from the project: bounded, and escaped so they cannot end
 * a label or add Mermaid, Markdown or HTML of their own.
 */
export function renderMermaid(view: GraphView): string {
  // Node ids by file: two modules can show the same name (`base` in two namespace folders).
  const id = new Map(view.modules.map((m, i) => [m.path, `m${i}`]));
  const lines = ['flowchart LR'];
  for (const module of view.modules) lines.push(`  ${id.get(module.path)}["${mermaidLabel(module.name, MAX_MESSAGE)}"]`);
  for (const edge of view.edges) {
    const label = edgeLabel(edge);
    const arrow = edge.importTime ? (edge.kind === 'enclosing-package' ? '-.-' : '-->') : '-.->';
    lines.push(`  ${id.get(edge.fromFile)} ${arrow}${label ? `|"${mermaidLabel(label, MAX_MESSAGE)}"|` : ''} ${id.get(edge.toFile)}`);
  }
  return forLog(`${lines.join('\n')}\n`);
}

/** Graphviz dot: `importleak graph --format dot | dot -Tsvg > graph.svg`. */
export function renderDot(view: GraphView): string {
  const quote = (s: string): string => `"${forTerminal(s).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const lines = ['digraph imports {', '  rankdir=LR;', '  node [shape=box, fontname="Helvetica"];'];
  // Node ids are files, labels module names: two files can bear one name.
  for (const module of view.modules) lines.push(`  ${quote(module.path)} [label=${quote(module.name)}, tooltip=${quote(module.path)}];`);
  for (const edge of view.edges) {
    const attributes = [`label=${quote(edgeLabel(edge))}`];
    if (!edge.importTime) attributes.push('style=dashed');
    if (edge.kind === 'enclosing-package') attributes.push('style=dotted', 'arrowhead=none');
    lines.push(`  ${quote(edge.fromFile)} -> ${quote(edge.toFile)} [${attributes.join(', ')}];`);
  }
  lines.push('}');
  return forLog(`${lines.join('\n')}\n`);
}

export function renderGraphJson(view: GraphView): string {
  return forJson(view);
}

function edgeLabel(edge: GraphEdgeView): string {
  if (edge.kind === 'enclosing-package') return 'package';
  const where = edge.line !== undefined ? `line ${edge.line}` : '';
  const via = edge.via?.length ? ` via ${edge.via.map((name) => excerpt(name)).join('() → ')}()` : '';
  const lazy = !edge.importTime && edge.function ? ` in ${excerpt(edge.function)}()` : '';
  return `${where}${via}${lazy}`;
}
