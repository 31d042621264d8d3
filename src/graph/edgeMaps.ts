import type { ResolvedImport } from '../resolve/resolveImports.js';
import { StatementEdge, type ImportEdge } from './edges.js';

/*
 * The import-time edges, held as what they are read from.
 *
 * Most edges are an import statement of a module's body running a module: about 24 a module, since
 * `import a.b.c` runs `a`, `a.b` and `a.b.c`. The resolved imports already say which modules each
 * statement runs, so those edges are made again each time a module's edges are asked for, and only
 * the others are kept: the enclosing package's, those through calls, those of registries. On a
 * generated monorepo of 20,000 modules the edges kept as objects, in two lists each, were a fifth
 * of the memory a run held at its end.
 *
 * An edge is therefore a new object each time it is read: code that needs to know an edge again
 * keys it by what it says (its file, line and target), never by the object.
 */

/** What `ImportTimeEdges` reads a module's edges from. */
export interface EdgeStore {
  resolved: ReadonlyMap<string, readonly ResolvedImport[]>;
  /** Each module's `enclosing-package` edge. */
  enclosing: ReadonlyMap<string, ImportEdge>;
  /** The edges not read from the module's resolved imports (through calls, registries), in the order they were found. */
  later: ReadonlyMap<string, readonly ImportEdge[]>;
  /** The modules that have edges, in the order the first of each was found. */
  keys: ReadonlySet<string>;
  /** Modules whose statements' edges are left out (building their edges failed before them). */
  withoutStatements: ReadonlySet<string>;
}

/** A read-only map of edge lists made when read: what a Map offers besides `get`, `has`, `size` and `keys`. */
abstract class EdgeListMap implements ReadonlyMap<string, readonly ImportEdge[]> {
  abstract get size(): number;
  abstract has(key: string): boolean;
  abstract get(key: string): ImportEdge[] | undefined;
  abstract keys(): MapIterator<string>;

  *values(): MapIterator<ImportEdge[]> {
    for (const key of this.keys()) yield this.get(key)!;
  }

  *entries(): MapIterator<[string, ImportEdge[]]> {
    for (const key of this.keys()) yield [key, this.get(key)!];
  }

  [Symbol.iterator](): MapIterator<[string, ImportEdge[]]> {
    return this.entries();
  }

  forEach(callback: (value: readonly ImportEdge[], key: string, map: ReadonlyMap<string, readonly ImportEdge[]>) => void): void {
    for (const [key, edges] of this.entries()) callback(edges, key, this);
  }
}

/** The edges that run while each module is imported, by importing module path, sorted (see `compareEdges`). */
export class ImportTimeEdges extends EdgeListMap {
  constructor(
    private readonly store: EdgeStore,
    /** Only the edges it keeps (the graph without some suppressed edges); every key stays. */
    private readonly keep?: (edge: ImportEdge) => boolean,
  ) {
    super();
  }

  /** The same edges, but only those `keep` keeps. */
  filtered(keep: (edge: ImportEdge) => boolean): ImportTimeEdges {
    const before = this.keep;
    return new ImportTimeEdges(this.store, before ? (edge) => before(edge) && keep(edge) : keep);
  }

  get size(): number {
    return this.store.keys.size;
  }

  has(from: string): boolean {
    return this.store.keys.has(from);
  }

  get(from: string): ImportEdge[] | undefined {
    if (!this.store.keys.has(from)) return undefined;
    const { enclosing, later, resolved, withoutStatements } = this.store;
    const edges: ImportEdge[] = [];
    const parent = enclosing.get(from);
    if (parent) edges.push(parent);
    if (!withoutStatements.has(from)) statementEdges(from, resolved.get(from) ?? [], edges);
    for (const edge of later.get(from) ?? []) edges.push(edge);
    edges.sort(compareEdges);
    return this.keep ? edges.filter(this.keep) : edges;
  }

  *keys(): MapIterator<string> {
    yield* this.store.keys;
  }

  /**
   * Calls `visit` with the module each of `from`'s edges runs (a module as often as an edge runs
   * it), in no particular order, without making the edges; false, having called nothing, when this
   * map filters its edges (read them with `get`). What `ImportedBy` needs of every module.
   */
  eachTarget(from: string, visit: (to: string) => void): boolean {
    if (this.keep) return false;
    if (!this.store.keys.has(from)) return true;
    const { enclosing, later, resolved, withoutStatements } = this.store;
    const parent = enclosing.get(from);
    if (parent) visit(parent.to);
    if (!withoutStatements.has(from)) {
      for (const resolvedImport of resolved.get(from) ?? []) {
        if (!runsAtImport(resolvedImport)) continue;
        for (const executed of resolvedImport.executes) if (executed.module.path !== from) visit(executed.module.path);
      }
    }
    for (const edge of later.get(from) ?? []) visit(edge.to);
    return true;
  }
}

/** The edges by which the import statements of `from`'s body run other modules, added to `into`. */
function statementEdges(from: string, imports: readonly ResolvedImport[], into: ImportEdge[]): void {
  for (const resolvedImport of imports) {
    if (!runsAtImport(resolvedImport)) continue;
    for (const executed of resolvedImport.executes) {
      if (executed.module.path !== from) into.push(new StatementEdge(from, executed.module.path, executed.reason, resolvedImport.record));
    }
  }
}

/** Whether an import statement of `from`'s body runs another module (`statementEdges` would make an edge). */
export function hasStatementEdges(from: string, imports: readonly ResolvedImport[]): boolean {
  return imports.some((resolvedImport) => runsAtImport(resolvedImport) && resolvedImport.executes.some((executed) => executed.module.path !== from));
}

/** An import statement of a module's body that runs: a fallback whose `try` branch succeeds runs neither at import nor when its function is called. */
function runsAtImport(resolvedImport: ResolvedImport): boolean {
  return resolvedImport.notRun === undefined && resolvedImport.record.scope.kind === 'module';
}

/**
 * The reverse of `ImportTimeEdges`, by imported module path: the modules importing each are kept,
 * each once, and their edges to it read when asked for.
 */
export class ImportedBy extends EdgeListMap {
  private readonly importing = new Map<string, string[]>();

  constructor(private readonly edges: ImportTimeEdges) {
    super();
    // Each importer once, in the order of the keys: all of one module's edges are read before the next's.
    for (const from of edges.keys()) {
      const add = (to: string): void => {
        const importers = this.importing.get(to);
        if (!importers) this.importing.set(to, [from]);
        else if (importers[importers.length - 1] !== from) importers.push(from);
      };
      if (!edges.eachTarget(from, add)) for (const edge of edges.get(from) ?? []) add(edge.to);
    }
    // Copies as long as the lists: one grown by push holds room for sixteen more (17 at least), and
    // most modules have a few importers.
    for (const [to, importers] of this.importing) if (importers.length > 1) this.importing.set(to, importers.slice());
  }

  /** The modules with an import-time edge to `to`, each once, in the order of `get(to)`. */
  importers(to: string): readonly string[] {
    return this.importing.get(to) ?? [];
  }

  get size(): number {
    return this.importing.size;
  }

  has(to: string): boolean {
    return this.importing.has(to);
  }

  get(to: string): ImportEdge[] | undefined {
    const importers = this.importing.get(to);
    if (!importers) return undefined;
    const edges: ImportEdge[] = [];
    for (const from of importers) for (const edge of this.edges.get(from) ?? []) if (edge.to === to) edges.push(edge);
    return edges;
  }

  *keys(): MapIterator<string> {
    yield* this.importing.keys();
  }
}

/** Import edges first (they carry a line to show), direct ones before those through calls, then by line. */
export function compareEdges(a: ImportEdge, b: ImportEdge): number {
  if (a.kind !== b.kind) return a.kind === 'import' ? -1 : 1;
  if (!a.via !== !b.via) return a.via ? 1 : -1;
  return (a.line ?? 0) - (b.line ?? 0) || (a.to < b.to ? -1 : a.to > b.to ? 1 : 0);
}
