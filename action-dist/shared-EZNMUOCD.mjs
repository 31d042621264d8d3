import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  modulesReaching,
  shortestChains
} from "./shared-MZR5LFWB.mjs";
import "./shared-ZYG3IDYS.mjs";
import "./shared-WIBISVNQ.mjs";
import "./shared-2BFWLXK6.mjs";
import {
  MAX_MESSAGE,
  excerpt,
  forJson,
  forLog,
  forTerminal,
  mermaidLabel
} from "./shared-OK3D7NJJ.mjs";
import "./shared-RKF6PH7O.mjs";

// src/report/graph.ts
function selectGraph(graph, index, selection, paths) {
  const byName = (name) => {
    const entry = index.lookup(name);
    if (!entry) throw new Error(`no module named ${JSON.stringify(name)} in the project`);
    return entry.path;
  };
  let keep;
  if (selection.from) keep = new Set(shortestChains(graph, [byName(selection.from)]).keys());
  if (selection.to) {
    const reaching = modulesReaching(graph, byName(selection.to));
    keep = keep ? new Set([...keep].filter((p) => reaching.has(p))) : reaching;
  }
  const kept = (p) => !keep || keep.has(p);
  const nameOf = (p) => index.byPath.get(p)?.name ?? p;
  const edges = [];
  const seen = /* @__PURE__ */ new Set();
  const add = (edge, importTime) => {
    if (!kept(edge.from) || !kept(edge.to)) return;
    if (edge.reason === "parent-package" && nameOf(edge.from).startsWith(`${nameOf(edge.to)}.`)) return;
    const key = `${edge.from}>${edge.to}>${edge.line ?? ""}>${importTime}`;
    if (seen.has(key)) return;
    seen.add(key);
    edges.push({
      from: nameOf(edge.from),
      to: nameOf(edge.to),
      fromFile: paths.show(edge.from),
      toFile: paths.show(edge.to),
      importTime,
      kind: edge.kind,
      ...edge.line !== void 0 ? { path: paths.show(edge.at ?? edge.from), line: edge.line } : {},
      ...edge.text ? { statement: edge.text } : {},
      ...edge.via ? { via: edge.via.map((v) => v.target) } : {},
      ...edge.scope.kind === "function" ? { function: edge.scope.function } : {}
    });
  };
  for (const list of graph.importTimeEdges.values()) for (const edge of list) add(edge, true);
  if (selection.lazy) for (const edge of graph.lazyEdges) add(edge, false);
  const names = /* @__PURE__ */ new Set();
  for (const entry of index.entries()) if (kept(entry.path)) names.add(entry.path);
  const modules = [...names].map((p) => ({ name: nameOf(p), path: paths.show(p) })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  edges.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0) || (a.line ?? 0) - (b.line ?? 0) || (a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
  return { modules, edges };
}
function renderMermaid(view) {
  const id = new Map(view.modules.map((m, i) => [m.path, `m${i}`]));
  const lines = ["flowchart LR"];
  for (const module of view.modules) lines.push(`  ${id.get(module.path)}["${mermaidLabel(module.name, MAX_MESSAGE)}"]`);
  for (const edge of view.edges) {
    const label = edgeLabel(edge);
    const arrow = edge.importTime ? edge.kind === "enclosing-package" ? "-.-" : "-->" : "-.->";
    lines.push(`  ${id.get(edge.fromFile)} ${arrow}${label ? `|"${mermaidLabel(label, MAX_MESSAGE)}"|` : ""} ${id.get(edge.toFile)}`);
  }
  return forLog(`${lines.join("\n")}
`);
}
function renderDot(view) {
  const quote = (s) => `"${forTerminal(s).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  const lines = ["digraph imports {", "  rankdir=LR;", '  node [shape=box, fontname="Helvetica"];'];
  for (const module of view.modules) lines.push(`  ${quote(module.path)} [label=${quote(module.name)}, tooltip=${quote(module.path)}];`);
  for (const edge of view.edges) {
    const attributes = [`label=${quote(edgeLabel(edge))}`];
    if (!edge.importTime) attributes.push("style=dashed");
    if (edge.kind === "enclosing-package") attributes.push("style=dotted", "arrowhead=none");
    lines.push(`  ${quote(edge.fromFile)} -> ${quote(edge.toFile)} [${attributes.join(", ")}];`);
  }
  lines.push("}");
  return forLog(`${lines.join("\n")}
`);
}
function renderGraphJson(view) {
  return forJson(view);
}
function edgeLabel(edge) {
  if (edge.kind === "enclosing-package") return "package";
  const where = edge.line !== void 0 ? `line ${edge.line}` : "";
  const via = edge.via?.length ? ` via ${edge.via.map((name) => excerpt(name)).join("() \u2192 ")}()` : "";
  const lazy = !edge.importTime && edge.function ? ` in ${excerpt(edge.function)}()` : "";
  return `${where}${via}${lazy}`;
}
export {
  renderDot,
  renderGraphJson,
  renderMermaid,
  selectGraph
};
