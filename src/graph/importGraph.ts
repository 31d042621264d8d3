import { MAX_IMPORT_CALL_DEPTH, type CallResolver } from '../resolve/calls.js';
import type { ModuleEntry, ModuleIndex } from '../resolve/moduleIndex.js';
import type { ResolvedImport } from '../resolve/resolveImports.js';
import { hasStatementEdges, ImportedBy, ImportTimeEdges, type EdgeStore } from './edgeMaps.js';
import { edgeThroughCalls, MODULE_SCOPE, StatementEdge, type ImportEdge } from './edges.js';
import { registryEdges, type PendingRegistryImport } from './registries.js';

export type { ImportEdge, ViaCall } from './edges.js';

export interface ImportGraph {
  /** Edges that run while the importing module is imported, by importing module path. */
  importTimeEdges: ImportTimeEdges;
  /** Imports inside function bodies: they run only when the function is called. */
  lazyEdges: readonly ImportEdge[];
  /** Reverse of `importTimeEdges`, by imported module path. */
  importedBy: ImportedBy;
  /** Bounds reached while building it (see MAX_REGISTRY_EDGES), in words: some edges are left out. */
  limits?: string[];
}

/**
 * The import-time graph. An exception while reading one module's edges (a bug of importleak) goes to
 * `onError` with the module's path, and that module keeps the edges found before it; the others are read.
 * `resolved` is read again whenever edges are (see edgeMaps.ts): it must not change after.
 */
export function buildImportGraph(
  index: ModuleIndex,
  resolved: ReadonlyMap<string, readonly ResolvedImport[]>,
  calls?: CallResolver,
  onError?: (path: string, error: unknown) => void,
): ImportGraph {
  const enclosing = new Map<string, ImportEdge>();
  const later = new Map<string, ImportEdge[]>();
  const keys = new Set<string>();
  const withoutStatements = new Set<string>();
  const store: EdgeStore = { resolved, enclosing, later, keys, withoutStatements };
  const importTimeEdges = new ImportTimeEdges(store);
  const lazyEdges: ImportEdge[] = [];
  const registryImports: PendingRegistryImport[] = [];
  const limits: string[] = [];
  const push = (edge: ImportEdge): void => {
    keys.add(edge.from);
    const list = later.get(edge.from);
    if (list) list.push(edge);
    else later.set(edge.from, [edge]);
  };

  for (const module of index.entries()) {
    try {
      moduleEdges(module);
    } catch (error) {
      if (!onError) throw error;
      onError(module.path, error);
    }
  }

  function moduleEdges(module: ModuleEntry): void {
    withoutStatements.add(module.path); // until its statements are read
    // Importing a module first runs each enclosing package's __init__.py.
    const parts = module.name.split('.');
    for (let i = parts.length - 1; i >= 1; i--) {
      const parent = index.lookup(parts.slice(0, i).join('.'), module);
      if (parent && parent.path !== module.path) {
        enclosing.set(module.path, { from: module.path, to: parent.path, kind: 'enclosing-package', scope: MODULE_SCOPE });
        keys.add(module.path);
        break; // the parent's own edge covers the grandparent
      }
    }
    const imports = resolved.get(module.path) ?? [];
    if (hasStatementEdges(module.path, imports)) keys.add(module.path); // the edges are made when read
    withoutStatements.delete(module.path);
    for (const resolvedImport of imports) {
      const { record } = resolvedImport;
      // A fallback whose `try` branch succeeds runs neither at import nor when its function is called.
      if (resolvedImport.notRun !== undefined) continue;
      if (record.registryOf && record.scope.kind === 'module') registryImports.push({ from: module.path, at: module.path, record, steps: [] });
      if (record.scope.kind !== 'function' && record.scope.kind !== 'lazy-import') continue;
      for (const executed of resolvedImport.executes) {
        if (executed.module.path !== module.path) lazyEdges.push(new StatementEdge(module.path, executed.module.path, executed.reason, record));
      }
    }
    // Imports inside functions that this module's top-level code calls run at its import too.
    for (const run of calls?.functionsRunAtImport(module.path, undefined, MAX_IMPORT_CALL_DEPTH) ?? []) {
      const { body } = run;
      for (const resolvedImport of resolved.get(body.path) ?? []) {
        const { record } = resolvedImport;
        if (record.scope.kind !== 'function' || record.scope.function !== body.qualname || resolvedImport.notRun !== undefined) continue;
        const reached = { from: module.path, at: body.path, record, steps: run.steps };
        if (record.registryOf) registryImports.push(reached);
        for (const executed of resolvedImport.executes) {
          if (executed.module.path !== module.path) push(edgeThroughCalls(reached, executed.module.path, executed.reason));
        }
      }
    }
  }

  if (calls) {
    try {
      for (const edge of registryEdges(index, calls, registryImports, importTimeEdges, (message) => limits.push(message))) push(edge);
    } catch (error) {
      if (!onError) throw error;
      onError('.', error);
    }
  }

  return { importTimeEdges, lazyEdges, importedBy: new ImportedBy(importTimeEdges), ...(limits.length ? { limits } : {}) };
}

/** The graph without the edges `keep` does not keep (on import lines whose comments suppress a rule). */
export function graphKeeping(graph: ImportGraph, keep: (edge: ImportEdge) => boolean): ImportGraph {
  const importTimeEdges = graph.importTimeEdges.filtered(keep);
  return { importTimeEdges, importedBy: new ImportedBy(importTimeEdges), lazyEdges: graph.lazyEdges.filter(keep) };
}

/** entry → … → module: the edges walked, in order. Empty when the module is the entry itself. */
export interface ImportChain {
  entry: string;
  /** A new list each time it is read. */
  readonly hops: ImportEdge[];
}

/**
 * A chain held as its last edge and the chain before it: every module reached shares its
 * predecessors' links instead of copying the path (a chain a module, in trees of 100,000 modules).
 */
class LinkedChain implements ImportChain {
  constructor(
    readonly entry: string,
    private readonly before?: LinkedChain,
    private readonly edge?: ImportEdge,
  ) {}

  get hops(): ImportEdge[] {
    const hops: ImportEdge[] = [];
    for (let chain: LinkedChain | undefined = this; chain?.edge; chain = chain.before) hops.push(chain.edge);
    return hops.reverse();
  }
}

/**
 * For every module reached at import time from any of `sources`, the shortest chain from the
 * nearest source (ties: the source listed first, then the earliest import line).
 */
export function shortestChains(graph: ImportGraph, sources: readonly string[]): Map<string, ImportChain> {
  const chains = new Map<string, LinkedChain>();
  const queue: string[] = [];
  for (const source of sources) {
    if (chains.has(source)) continue;
    chains.set(source, new LinkedChain(source));
    queue.push(source);
  }
  for (let head = 0; head < queue.length; head++) {
    const current = queue[head]!;
    const chain = chains.get(current)!;
    for (const edge of graph.importTimeEdges.get(current) ?? []) {
      if (chains.has(edge.to)) continue;
      chains.set(edge.to, new LinkedChain(chain.entry, chain, edge));
      queue.push(edge.to);
    }
  }
  return chains;
}

/** Every module whose import runs `target` at import time, `target` included. */
export function modulesReaching(graph: ImportGraph, target: string): Set<string> {
  const seen = new Set<string>([target]);
  const queue = [target];
  for (let head = 0; head < queue.length; head++) {
    for (const from of graph.importedBy.importers(queue[head]!)) {
      if (seen.has(from)) continue;
      seen.add(from);
      queue.push(from);
    }
  }
  return seen;
}
