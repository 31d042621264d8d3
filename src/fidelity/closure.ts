import type { ImportEdge, ImportGraph } from '../graph/importGraph.js';

/**
 * The modules `start` runs at import time per the analyzer, with the edge that reached each
 * (null for `start`). Modules in `alreadyRun` are reached but not expanded: CPython does not
 * execute a module twice, so what they import at their own import is not run again.
 */
export function analyzerClosure(graph: ImportGraph, start: string, alreadyRun: ReadonlySet<string>): Map<string, ImportEdge | null> {
  const reached = new Map<string, ImportEdge | null>([[start, null]]);
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const current = queue[head]!;
    if (current !== start && alreadyRun.has(current)) continue;
    for (const edge of graph.importTimeEdges.get(current) ?? []) {
      if (reached.has(edge.to)) continue;
      reached.set(edge.to, edge);
      queue.push(edge.to);
    }
  }
  return reached;
}
