import { importText, type ImportRecord, type ModuleSummary } from '../extract/summary.js';
import type { ModuleEntry, ModuleIndex } from './moduleIndex.js';
import { DEFAULT_TARGET, type PythonTarget } from '../extract/target.js';
import { stdlibModuleExists } from './stdlibModules.js';
import { compiledInitImports, hasCompiledInitImports } from './compiledStdlib.js';

/** Why executing an import statement runs a given project module. */
export type ExecutionReason =
  /** `import a.b.c` runs `a` and `a.b` before `a.b.c`. */
  | 'parent-package'
  /** The module the statement names. */
  | 'module'
  /** `from a.b import c` where `c` is a submodule of `a.b`. */
  | 'submodule'
  /** `from pkg import *` where `pkg.__all__` names a submodule. */
  | 'star-submodule'
  /**
   * `from pkg import name` where pkg binds name only under `if TYPE_CHECKING:` and imports it at
   * run time from its module `__getattr__` (PEP 562) when it is looked up: the modules that import runs.
   */
  | 'lazy-attribute'
  /**
   * The statement imports a compiled standard-library module (`from _decimal import *`), which
   * imports Python modules as it initialises (`numbers`): see compiledStdlib.ts.
   */
  | 'compiled-init';

export interface ExecutedModule {
  module: ModuleEntry;
  reason: ExecutionReason;
}

const executed = new WeakMap<ModuleEntry, Partial<Record<ExecutionReason, ExecutedModule>>>();

/**
 * One object for each module and reason, shared by every import that runs it that way: a generated
 * tree of 5,700 modules has 137,000 of them, 5 MB, of which 10,700 are distinct. Never changed.
 */
function executedAs(module: ModuleEntry, reason: ExecutionReason): ExecutedModule {
  let byReason = executed.get(module);
  if (!byReason) executed.set(module, (byReason = {}));
  return (byReason[reason] ??= { module, reason });
}

export interface ResolvedImport {
  record: ImportRecord;
  /** Absolute dotted name the statement refers to, when it could be anchored. */
  absolute?: string;
  /** The project modules the statement executes, in the order CPython runs them (shared: never changed). */
  executes: readonly ExecutedModule[];
  /** Set when a relative import climbs above the top-level package. */
  problem?: string;
  /**
   * Set when the statement does not run although its scope is `module` (or the function's): an
   * `except ImportError:` fallback whose `try` imports are known to succeed. Says why, in words.
   */
  notRun?: string;
}

/**
 * The project modules each import executes. Stdlib and third-party modules are not in the
 * index, so an import of them executes nothing here and stays external.
 */
export function resolveImports(
  importer: ModuleEntry,
  summary: ModuleSummary,
  index: ModuleIndex,
  summaries: ReadonlyMap<string, ModuleSummary>,
): ResolvedImport[] {
  const resolved = summary.imports.map((record) => resolveImport(importer, record, index, summaries));
  const target = summary.target ?? DEFAULT_TARGET;
  for (const item of resolved) {
    const fallback = item.record.fallback;
    if (!fallback) continue;
    const tries = fallback.tryImports.map((i) => resolved[i]).filter((r): r is ResolvedImport => r !== undefined);
    // Its `try` branch did not run (a fallback itself, not taken): neither does this.
    const skipped = tries.find((r) => r.notRun !== undefined);
    if (skipped) {
      item.notRun = skipped.notRun;
      continue;
    }
    if (tries.length > 0 && tries.every((r) => importSucceeds(r, index, summaries, target))) {
      const what = tries.map((r) => `\`${importText(r.record)}\``).join(', ');
      item.notRun = `fallback in \`${fallback.handler}\` (line ${item.record.span.line}): the \`try\` branch (line ${fallback.tryLine}) succeeds, since ${what} ${tries.length > 1 ? 'find' : 'finds'} ${tries.length > 1 ? 'their modules' : 'its module'}`;
    }
  }
  return resolved;
}

/** A place in the tree of the `executes` lists met so far: each list is held once (see `sharedList`). */
interface ListNode {
  next?: Map<ExecutedModule, ListNode>;
  list?: readonly ExecutedModule[];
}

const lists = new WeakMap<ModuleIndex, ListNode>();

/**
 * One frozen list for each sequence of executed modules, shared by every import that runs the
 * same modules in the same order (`from a.b import c` in a hundred modules runs `a`, `a.b` for
 * each): on a generated tree of 20,000 modules, 182,000 lists took 23 MB, a fifth of the memory the
 * analysis adds to the summaries.
 */
function sharedList(index: ModuleIndex, executes: ExecutedModule[]): readonly ExecutedModule[] {
  let node = lists.get(index);
  if (!node) lists.set(index, (node = {}));
  for (const executed of executes) {
    node.next ??= new Map();
    let next = node.next.get(executed);
    if (!next) node.next.set(executed, (next = {}));
    node = next;
  }
  // A copy, as long as the list: one grown by push holds room for sixteen modules.
  return (node.list ??= Object.freeze(executes.slice()));
}

/**
 * Whether a module binds `name` at its top level, defined or imported. A look through its two
 * lists: most imports name one to three names, and a set made for each import of a module (or kept
 * for each module of a run) costs more.
 */
function bindsAtTop(summary: ModuleSummary | undefined, name: string): boolean {
  return summary !== undefined && (summary.definedNames.includes(name) || summary.importedNames.includes(name));
}

/**
 * True when the import is known to find what it names: a project module (and, for `from m import x`,
 * x bound in m or a submodule of it), or a standard library module the target has. A third-party
 * module may or may not be installed: not known.
 */
function importSucceeds(resolved: ResolvedImport, index: ModuleIndex, summaries: ReadonlyMap<string, ModuleSummary>, target: PythonTarget): boolean {
  const { record, absolute } = resolved;
  if (resolved.problem || absolute === undefined || absolute === '') return false;
  const module = resolved.executes.find((e) => e.reason === 'module')?.module;
  if (!module) {
    // Not a project module: the standard library's, unless the project has the top-level package.
    const top = absolute.split('.')[0]!;
    if (index.hasName(top)) return false;
    return stdlibModuleExists(absolute, target);
  }
  if (record.kind !== 'from' || record.star) return true;
  const summary = summaries.get(module.path);
  if (!summary) return false;
  return record.names.every(({ name }) => bindsAtTop(summary, name) || (module.isPackage && index.lookup(`${absolute}.${name}`) !== undefined));
}

export function resolveImport(
  importer: ModuleEntry,
  record: ImportRecord,
  index: ModuleIndex,
  summaries: ReadonlyMap<string, ModuleSummary>,
  lazyDepth = 0,
): ResolvedImport {
  if (record.itemsOf || record.eachSubmodule) return resolveEach(importer, record, index, summaries);
  // The registry's items depend on what ran before: the import graph resolves them (see registries.ts).
  if (record.registryOf) return { record, absolute: record.module, executes: [] };
  const anchored = absoluteName(importer, record);
  if ('problem' in anchored) return { record, executes: [], problem: anchored.problem };
  const absolute = anchored.name;
  const executes: ExecutedModule[] = [];
  // A handful of modules at most: a look through them costs less than a set of their paths.
  const add = (module: ModuleEntry | undefined, reason: ExecutionReason): void => {
    if (!module || executes.some((e) => e.module.path === module.path)) return;
    executes.push(executedAs(module, reason));
  };

  if (absolute !== '') {
    // Each package of the dotted name, then the module: `a`, `a.b`, `a.b.c`.
    for (let end = absolute.indexOf('.'); ; end = absolute.indexOf('.', end + 1)) {
      const last = end < 0;
      add(index.lookup(last ? absolute : absolute.slice(0, end), importer), last ? 'module' : 'parent-package');
      if (last) break;
    }
    const minor = (summaries.get(importer.path)?.target ?? DEFAULT_TARGET).version[1];
    const top = absolute.indexOf('.');
    for (const module of compiledInitModules(top < 0 ? absolute : absolute.slice(0, top), importer, index, minor)) add(module, 'compiled-init');
  }

  if (record.kind === 'from') {
    const target = absolute === '' ? undefined : index.lookup(absolute, importer);
    // A package's own `from . import x` binds x by importing the submodule: that is not "already bound".
    const targetSummary = target && target.path !== importer.path ? summaries.get(target.path) : undefined;
    for (const { name } of record.names) {
      if (target && targetSummary?.lazyAttributes && !bindsAtTop(targetSummary, name) && lazyDepth < 3) {
        // The imports that bind it for type checkers: by name, else through a star import.
        const typeChecking = targetSummary.imports.filter((r) => r.scope.kind === 'type-checking');
        const named = typeChecking.filter((r) => bindsName(r, name));
        const lazy = named.length > 0 ? named : typeChecking.filter((r) => starBinds(target, r, name, index, summaries));
        for (const binding of lazy) {
          for (const executed of resolveImport(target, binding, index, summaries, lazyDepth + 1).executes) add(executed.module, 'lazy-attribute');
        }
        if (lazy.length > 0) continue;
      }
      // CPython's `_handle_fromlist`: `from pkg import x` imports the submodule pkg.x only when
      // the package does not already have an attribute x. A plain module has no submodules.
      if (target && (!target.isPackage || bindsAtTop(targetSummary, name))) continue;
      add(index.lookup(absolute === '' ? name : `${absolute}.${name}`, importer), 'submodule');
    }
    if (record.star && target?.isPackage) {
      const all = summaries.get(target.path)?.dunderAll ?? [];
      for (const name of all) {
        if (bindsAtTop(targetSummary, name)) continue;
        add(index.lookup(`${absolute}.${name}`, importer), 'star-submodule');
      }
    }
  }
  return { record, absolute, executes: sharedList(index, executes) };
}

const NO_MODULES: readonly ModuleEntry[] = Object.freeze([]);

/**
 * The project modules a compiled standard-library module `name` runs as it initialises, when the
 * project has no module of that name: those it imports (and their packages), and through the
 * compiled modules among them, theirs.
 */
function compiledInitModules(name: string, importer: ModuleEntry, index: ModuleIndex, minor: number): readonly ModuleEntry[] {
  // Most imports name no compiled module of the table: nothing to make for them.
  if (!hasCompiledInitImports(name)) return NO_MODULES;
  const found: ModuleEntry[] = [];
  const seen = new Set<string>();
  const visit = (compiled: string): void => {
    if (seen.has(compiled) || index.lookup(compiled, importer)) return;
    seen.add(compiled);
    for (const imported of compiledInitImports(compiled, minor)) {
      const parts = imported.split('.');
      for (let i = 1; i <= parts.length; i++) {
        const module = index.lookup(parts.slice(0, i).join('.'), importer);
        if (module) found.push(module);
      }
      visit(imported);
    }
  };
  visit(name);
  return found;
}

/** What `record` runs for each of `items` in place of its `*`, each module once. */
function eachExecuted(importer: ModuleEntry, record: ImportRecord, items: readonly string[], index: ModuleIndex, summaries: ReadonlyMap<string, ModuleSummary>): readonly ExecutedModule[] {
  const executes: ExecutedModule[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    for (const executed of resolveItem(importer, record, item, index, summaries).executes) {
      if (seen.has(executed.module.path)) continue;
      seen.add(executed.module.path);
      executes.push(executed);
    }
  }
  return sharedList(index, executes);
}

/**
 * A name computed per item, `*` where each goes:
 * - `for d in dialects.__all__: import_module("pkg.dialects.%s" % d)`: one import per item of the
 *   literal `__all__` of the module named, when it is a project module (`itemsOf`);
 * - `for f in os.listdir(folder): import_module("pkg.plugins." + f[:-3])`: one import per module of
 *   the package (`eachSubmodule`; `files`: its `.py` files but `__init__.py`; `modules`: its packages
 *   too, as `pkgutil.iter_modules` lists them). The folder listed is taken to be the package's own:
 *   the name's prefix says which package the code imports from, whatever path it lists.
 */
function resolveEach(importer: ModuleEntry, record: ImportRecord, index: ModuleIndex, summaries: ReadonlyMap<string, ModuleSummary>): ResolvedImport {
  const named = record.itemsOf ? { ...record, ...record.itemsOf } : { ...record, module: record.module === '*' ? '' : record.module.slice(0, -2) };
  const anchored = absoluteName(importer, named);
  if ('problem' in anchored) return { record, executes: [], problem: anchored.problem };
  if (record.itemsOf) {
    const module = index.lookup(anchored.name, importer);
    const items = module ? (summaries.get(module.path)?.dunderAll ?? []) : [];
    return { record, absolute: record.module, executes: eachExecuted(importer, record, items, index, summaries) };
  }
  const children = anchored.name === '' ? [] : submodulesOf(index, anchored.name, record.eachSubmodule!);
  return { record, absolute: anchored.name, executes: eachExecuted(importer, record, children, index, summaries) };
}

const submodulesByPackage = new WeakMap<ModuleIndex, Map<string, Array<{ name: string; isPackage: boolean }>>>();

/**
 * The last names of a package's modules (`a` for `pkg.a`), sorted, by the names the index gives
 * them (a namespace package, a folder without `__init__.py`, has modules too); with `modules`, its
 * subpackages as well.
 */
function submodulesOf(index: ModuleIndex, packageName: string, kind: NonNullable<ImportRecord['eachSubmodule']>): string[] {
  let byPackage = submodulesByPackage.get(index);
  if (!byPackage) {
    byPackage = new Map();
    for (const entry of index.entries()) {
      for (const name of entry.names) {
        const dot = name.lastIndexOf('.');
        if (dot < 0) continue;
        const parent = name.slice(0, dot);
        const list = byPackage.get(parent);
        const child = { name: name.slice(dot + 1), isPackage: entry.isPackage };
        if (!list) byPackage.set(parent, [child]);
        else if (!list.some((c) => c.name === child.name)) list.push(child);
      }
    }
    submodulesByPackage.set(index, byPackage);
  }
  return (byPackage.get(packageName) ?? [])
    .filter((c) => kind === 'modules' || !c.isPackage)
    .map((c) => c.name)
    .sort();
}

/** One item of a name computed per item (`pkg.dialects.*` for `sqlite`): the import as if written with it. */
export function resolveItem(importer: ModuleEntry, record: ImportRecord, item: string, index: ModuleIndex, summaries: ReadonlyMap<string, ModuleSummary>): ResolvedImport {
  const { itemsOf: _items, registryOf: _registry, eachSubmodule: _each, ...plain } = record;
  return resolveImport(importer, { ...plain, module: record.module.replace('*', item) }, index, summaries);
}

function absoluteName(importer: ModuleEntry, record: ImportRecord): { name: string } | { problem: string } {
  if (record.level === 0) return { name: record.module };
  // Try the canonical name first, then the importer's other names (a namespace package
  // may be importable only from an outer root).
  for (const name of importer.names) {
    const packageParts = importer.isPackage ? name.split('.') : name.split('.').slice(0, -1);
    const keep = packageParts.length - (record.level - 1);
    if (keep <= 0) continue;
    const base = packageParts.slice(0, keep).join('.');
    return { name: record.module ? (base ? `${base}.${record.module}` : record.module) : base };
  }
  return {
    problem: `attempted relative import beyond the top-level package: ${'.'.repeat(record.level)}${record.module} from ${importer.name}`,
  };
}

/**
 * `from .types import *` binds `name` when the module's literal `__all__` lists it (without an
 * `__all__`, when the module defines it and it has no leading underscore; names the module imports
 * itself are more likely someone else's).
 */
function starBinds(importer: ModuleEntry, record: ImportRecord, name: string, index: ModuleIndex, summaries: ReadonlyMap<string, ModuleSummary>): boolean {
  if (record.kind !== 'from' || !record.star) return false;
  const anchored = absoluteName(importer, record);
  const module = 'name' in anchored && anchored.name !== '' ? index.lookup(anchored.name, importer) : undefined;
  const summary = module ? summaries.get(module.path) : undefined;
  if (!summary) return false;
  if (summary.dunderAll) return summary.dunderAll.includes(name);
  return !name.startsWith('_') && summary.definedNames.includes(name);
}

/** True when the statement binds `name` in the module that runs it. */
function bindsName(record: ImportRecord, name: string): boolean {
  if (record.kind === 'from') return record.names.some((n) => (n.alias ?? n.name) === name);
  if (record.kind === 'import') return (record.alias ?? record.module.split('.')[0]) === name;
  return false;
}
