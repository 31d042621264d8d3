import type { ImportRecord, ModuleSummary } from '../extract/summary.js';
import type { ModuleEntry, ModuleIndex } from './moduleIndex.js';

/** Why executing an import statement runs a given project module. */
export type ExecutionReason =
  /** `import a.b.c` runs `a` and `a.b` before `a.b.c`. */
  | 'parent-package'
  /** The module the statement names. */
  | 'module'
  /** `from a.b import c` where `c` is a submodule of `a.b`. */
  | 'submodule'
  /** `from pkg import *` where `pkg.__all__` names a submodule. */
  | 'star-submodule';

export interface ExecutedModule {
  module: ModuleEntry;
  reason: ExecutionReason;
}

export interface ResolvedImport {
  record: ImportRecord;
  /** Absolute dotted name the statement refers to, when it could be anchored. */
  absolute?: string;
  /** The project modules the statement executes, in the order CPython runs them. */
  executes: ExecutedModule[];
  /** Set when a relative import climbs above the top-level package. */
  problem?: string;
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
  return summary.imports.map((record) => resolveImport(importer, record, index, summaries));
}

export function resolveImport(
  importer: ModuleEntry,
  record: ImportRecord,
  index: ModuleIndex,
  summaries: ReadonlyMap<string, ModuleSummary>,
): ResolvedImport {
  const anchored = absoluteName(importer, record);
  if ('problem' in anchored) return { record, executes: [], problem: anchored.problem };
  const absolute = anchored.name;
  const executes: ExecutedModule[] = [];
  const seen = new Set<string>();
  const add = (module: ModuleEntry | undefined, reason: ExecutionReason): void => {
    if (!module || seen.has(module.path)) return;
    seen.add(module.path);
    executes.push({ module, reason });
  };

  if (absolute !== '') {
    const parts = absolute.split('.');
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join('.');
      add(index.lookup(prefix, importer), i === parts.length ? 'module' : 'parent-package');
    }
  }

  if (record.kind === 'from') {
    const target = absolute === '' ? undefined : index.lookup(absolute, importer);
    // A package's own `from . import x` binds x by importing the submodule: that is not "already bound".
    const targetSummary = target && target.path !== importer.path ? summaries.get(target.path) : undefined;
    const targetDefines = new Set([...(targetSummary?.definedNames ?? []), ...(targetSummary?.importedNames ?? [])]);
    for (const { name } of record.names) {
      // CPython's `_handle_fromlist`: `from pkg import x` imports the submodule pkg.x only when
      // the package does not already have an attribute x. A plain module has no submodules.
      if (target && (!target.isPackage || targetDefines.has(name))) continue;
      add(index.lookup(absolute === '' ? name : `${absolute}.${name}`, importer), 'submodule');
    }
    if (record.star && target?.isPackage) {
      const all = summaries.get(target.path)?.dunderAll ?? [];
      for (const name of all) {
        if (targetDefines.has(name)) continue;
        add(index.lookup(`${absolute}.${name}`, importer), 'star-submodule');
      }
    }
  }
  return { record, absolute, executes };
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
