import type { ImportEdge } from '../graph/importGraph.js';
import type { AnalysisResult } from '../pipeline.js';
import { importText, type ImportRecord } from '../extract/summary.js';
import { conditionalReason, type SourceContext } from './context.js';
import { underRoot, type LoadedModule, type ProbeFrame, type ProbeResult } from './cpython.js';
import type { Miss, SourcePoint } from './results.js';
import type { TreeFiles } from './trees.js';

/** Reason groups of misses that are not about a condition (those are in `CONTEXT_GROUPS`). */
export const GROUPS = {
  functionCall: 'import inside a function called at import time',
  callback: 'import inside a function that code outside the tree calls at import time',
  future: '`from __future__ import ...` (a real import of `__future__.py`)',
  computed: 'computed import (`importlib.import_module` / `__import__` with a run-time name)',
  getattr: 'lazy import via module `__getattr__`',
  fromSubmodule: '`from pkg import name` where name is a submodule',
  star: '`from pkg import *` imports submodules',
  extension: 'imported by a C extension module as it initialises',
  cCall: 'imported by C code that module-level code calls',
  outside: 'imported by a module outside the tree',
  notIndexed: 'file the analyzer has no module for',
  unresolved: 'import statement the analyzer resolves to another module',
  neverRunScope: 'import the analyzer takes for never run (TYPE_CHECKING / `__main__` guard / PEP 810 `lazy`)',
  targetCondition: 'import under a condition the analyzer evaluates as false for the target, but CPython ran it',
  fallbackTaken: '`except ImportError` fallback the analyzer takes as not run, but the `try` branch failed',
  noFinder: 'put in sys.modules without an import (sys.modules trick)',
  targetParent: 'enclosing package of the measured module',
  callNotRun: 'call-following: the called function does not run the import',
  fromAttribute: '`from pkg import name` where pkg already has the attribute name',
  starAttribute: '`from pkg import *` where the submodule is not imported',
  raised: 'module whose import raised (the importer caught the error)',
  otherName: 'module CPython runs under another name',
  misnamed: 'tree file the analyzer names differently from CPython (shadows another module)',
  compiled: 'module CPython loads from a compiled extension beside the .py (Cython, mypyc)',
  shadowed: 'two tree files for one name: CPython imports the other one',
  elsewhere: 'name CPython finds outside the tree',
  unexplained: 'unconditional module-level import CPython did not run',
  inconsistent: 'harness inconsistency',
} as const;

const COMPREHENSION = /<(listcomp|dictcomp|setcomp|genexpr)>$/;

/**
 * Finds, for one module on which the analyzer and CPython disagree, the first wrong link
 * and the reason for it, from CPython's record of who imported what (the probe's frames)
 * and the analyzer's own records.
 */
export class Diagnoser {
  constructor(
    private readonly result: AnalysisResult,
    private readonly tree: TreeFiles,
    private readonly root: string,
    private readonly source: SourceContext,
  ) {}

  /** CPython loaded `missing` for `target`; the analyzer did not predict it. */
  missing(target: string, targetPath: string, probe: ProbeResult, predicted: ReadonlySet<string>, missing: LoadedModule): Miss {
    const byName = new Map(probe.loaded.map((m) => [m.name, m]));
    const isKnown = (m: LoadedModule): boolean => m.path === targetPath || predicted.has(m.path) || probe.baseline.includes(m.path);
    let node = missing;
    const base = { target, side: 'missing' as const, module: missing.name, path: missing.path };
    for (let guard = 0; guard < 200; guard++) {
      const via = node === missing ? {} : { via: node.name };
      if (node.parent === null) {
        return { ...base, ...via, group: GROUPS.targetParent, reason: `\`${node.name}\` is an enclosing package of the measured module, which CPython runs first` };
      }
      const parent = byName.get(node.parent);
      if (parent?.kind === 'extension') {
        const at = this.firstTreeFrame(parent.frames);
        return { ...base, ...via, group: GROUPS.extension, reason: `the C extension \`${parent.name}\` imports \`${node.name}\` while it initialises`, ...(at ? { at } : {}) };
      }
      if (parent) {
        if (isKnown(parent)) return { ...base, ...via, ...this.importStep(node, parent) };
        node = parent;
        continue;
      }
      const outside = probe.outside[node.parent];
      if (outside?.kind === 'extension') {
        const at = this.firstTreeFrame(outside.frames);
        return { ...base, ...via, group: GROUPS.extension, reason: `the C extension \`${node.parent}\` imports \`${node.name}\` while it initialises`, ...(at ? { at } : {}) };
      }
      if (outside) {
        const frame = node.frames?.[0];
        const where = frame ? ` (${frame.moduleName ?? frame.codeFile}, line ${frame.line})` : '';
        return { ...base, ...via, group: GROUPS.outside, reason: `\`${node.parent}\`, outside the tree, imports \`${node.name}\`${where}` };
      }
      return { ...base, ...via, group: GROUPS.inconsistent, reason: `imported while \`${node.parent}\` was loading, which is not in sys.modules afterwards` };
    }
    return { ...base, group: GROUPS.inconsistent, reason: 'import chain too long to follow' };
  }

  /** `child` was imported while `parent` (a tree module the analyzer predicts) was loading. */
  private importStep(child: LoadedModule, parent: LoadedModule): Pick<Miss, 'group' | 'reason' | 'at' | 'causeKey'> {
    if (child.frames === null) {
      return { group: GROUPS.noFinder, reason: `\`${child.name}\` is in sys.modules but no finder was asked for it while \`${parent.name}\` was loading` };
    }
    let frames = child.frames;
    const computed = frames.some(isImportModule);
    frames = frames.filter((f) => !isImportModule(f) && !COMPREHENSION.test(f.qualname));
    const statement = frames[0];
    const moduleFrame = frames[frames.length - 1];
    if (!statement) {
      return { group: GROUPS.cCall, reason: `imported by C code while \`${parent.name}\` was loading (no Python frame in between)` };
    }
    const statementPath = underRoot(this.root, statement.file);
    const at = statementPath ? this.point(statementPath, statement.line) : undefined;
    const atField = at ? { at } : {};

    if (!statement.isFunction) {
      if (statementPath !== parent.path) {
        return { group: GROUPS.inconsistent, reason: `module-level frame of \`${statement.moduleName}\` while \`${parent.name}\` was loading`, ...atField };
      }
      if (computed) return { group: GROUPS.computed, reason: `\`importlib.import_module(...)\` at module level of \`${parent.name}\` with a name computed at run time`, ...atField };
      const records = this.recordsAt(parent.path, statement.line, (r) => r.scope.kind !== 'function');
      if (records.length === 0) {
        if (at && /^from\s+__future__\s+import\b/.test(at.text)) {
          return { group: GROUPS.future, reason: `a future statement is also an import: CPython loads \`__future__\` at run time, the analyzer records no import`, ...atField };
        }
        if (at && /\b__import__\s*\(/.test(at.text)) return { group: GROUPS.computed, reason: `\`__import__(...)\` with a name computed at run time`, ...atField };
        return { group: GROUPS.cCall, reason: `a module-level call of \`${parent.name}\` reaches C code that imports \`${child.name}\``, ...atField };
      }
      return { ...this.recordStep(child, parent, records), ...atField };
    }

    // The import ran in a function that the parent's module-level code called.
    const callSite = moduleFrame && !moduleFrame.isFunction ? moduleFrame : undefined;
    const calledFrom = callSite ? ` called from line ${callSite.line} of \`${parent.name}\`` : '';
    const where = `\`${statement.qualname}\` (${statementPath ?? statement.moduleName ?? statement.codeFile}, line ${statement.line})`;
    const callPoint = callSite ? this.point(parent.path, callSite.line) : undefined;
    if (statement.qualname === '__getattr__') {
      return { group: GROUPS.getattr, reason: `the module \`__getattr__\` of \`${statement.moduleName}\` imports \`${child.name}\` when an attribute is looked up${calledFrom}`, ...(callPoint ? { at: callPoint } : atField) };
    }
    if (computed) {
      return { group: GROUPS.computed, reason: `\`importlib.import_module(...)\` with a run-time name in ${where}${calledFrom}`, ...atField };
    }
    if (!statementPath) {
      return { group: GROUPS.callback, reason: `${where}, outside the tree, imports \`${child.name}\`${calledFrom}`, ...(callPoint ? { at: callPoint } : {}) };
    }
    const unreachable = this.recordsAt(statementPath, statement.line, (r) => r.scope.kind === 'unreachable' && r.scope.function !== undefined)[0];
    if (unreachable?.scope.kind === 'unreachable') {
      return { group: GROUPS.targetCondition, reason: `\`${importText(unreachable)}\` in ${where}${calledFrom}: ${unreachable.scope.condition}, but CPython ran it`, ...atField };
    }
    const records = this.recordsAt(statementPath, statement.line, (r) => r.scope.kind === 'function');
    if (records.length === 0) {
      if (at && /\b__import__\s*\(/.test(at.text)) return { group: GROUPS.computed, reason: `\`__import__(...)\` with a run-time name in ${where}${calledFrom}`, ...atField };
      return { group: GROUPS.cCall, reason: `a call in ${where}${calledFrom} reaches C code that imports \`${child.name}\``, ...atField };
    }
    const between = frames.slice(0, -1);
    const foreign = between.find((f) => !underRoot(this.root, f.file));
    const depth = between.filter((f) => f.isFunction).length;
    const chain = [...between].reverse().map((f) => `${f.moduleName}.${f.qualname}`).join(' → ');
    if (foreign) {
      return {
        group: GROUPS.callback,
        reason: `import in ${where}, which \`${foreign.moduleName ?? foreign.codeFile}.${foreign.qualname}\` (outside the tree) calls${calledFrom} (${chain})`,
        ...atField,
      };
    }
    return { group: GROUPS.functionCall, reason: `import in ${where}${calledFrom}, ${depth} call${depth === 1 ? '' : 's'} deep (${chain})`, ...atField };
  }

  private recordStep(child: LoadedModule, parent: LoadedModule, records: ImportRecord[]): Pick<Miss, 'group' | 'reason'> {
    if (!this.result.index.byPath.has(child.path)) {
      return { group: GROUPS.notIndexed, reason: `the analyzer indexed no module for \`${child.path}\` (imported as \`${child.name}\`)` };
    }
    const resolvedList = this.result.resolved.get(parent.path) ?? [];
    for (const record of records) {
      if (record.scope.kind === 'type-checking' || record.scope.kind === 'main-guard' || record.scope.kind === 'lazy-import') {
        return { group: GROUPS.neverRunScope, reason: `the analyzer scopes \`${importText(record)}\` as ${record.scope.kind}, but CPython ran it` };
      }
      if (record.scope.kind === 'unreachable') {
        return { group: GROUPS.targetCondition, reason: `\`${importText(record)}\`: ${record.scope.condition}, but CPython ran it` };
      }
      const resolved = resolvedList.find((r) => r.record === record);
      if (resolved?.notRun !== undefined) {
        return { group: GROUPS.fallbackTaken, reason: `\`${importText(record)}\`: the analyzer takes it for a ${resolved.notRun}; CPython ran it` };
      }
      if (resolved?.executes.some((e) => e.module.path === child.path)) {
        return { group: GROUPS.inconsistent, reason: `the analyzer resolves \`${importText(record)}\` to \`${child.name}\`, yet its closure misses it` };
      }
      const absolute = resolved?.absolute;
      if (record.kind === 'from' && absolute !== undefined) {
        const name = record.names.find((n) => (absolute ? `${absolute}.${n.name}` : n.name) === child.name);
        if (name) {
          const pkg = this.result.index.lookup(absolute);
          const defines = pkg ? this.result.summaries.get(pkg.path)?.definedNames.includes(name.name) : false;
          const why = !pkg
            ? `the analyzer has no package \`${absolute}\``
            : defines
              ? `the analyzer took \`${name.name}\` for an attribute because \`${pkg.path}\` assigns it, but at this point it was not bound yet`
              : `the analyzer did not add the submodule`;
          return { group: GROUPS.fromSubmodule, reason: `\`${importText(record)}\` imports the submodule \`${child.name}\`: ${why}` };
        }
        if (record.star) return { group: GROUPS.star, reason: `\`${importText(record)}\` imports \`${child.name}\` (not in a literal \`__all__\` the analyzer could read)` };
      }
    }
    const record = records[0]!;
    const resolved = resolvedList.find((r) => r.record === record);
    const namesake = resolved?.executes.find((e) => e.module.name === child.name || e.module.names.includes(child.name));
    if (namesake) {
      return {
        group: GROUPS.shadowed,
        reason: `\`${importText(record)}\`: CPython imports \`${child.path}\`, the analyzer takes \`${child.name}\` for \`${namesake.module.path}\` (a package folder wins over a module file of the same name)`,
      };
    }
    return {
      group: GROUPS.unresolved,
      reason: `CPython imported \`${child.name}\` executing \`${importText(record)}\`; the analyzer resolves it to ${resolved?.executes.length ? resolved.executes.map((e) => `\`${e.module.name}\``).join(', ') : `no module of the tree${resolved?.absolute ? ` (\`${resolved.absolute}\`)` : ''}`}`,
    };
  }

  /** The analyzer predicted `extra` for `target`; CPython did not load it. */
  extra(target: string, targetPath: string, probe: ProbeResult, closure: ReadonlyMap<string, ImportEdge | null>, extra: string): Miss {
    const loaded = new Set([targetPath, ...probe.baseline, ...probe.loaded.map((m) => m.path)]);
    const hops: ImportEdge[] = [];
    for (let at = extra, guard = 0; at !== targetPath && guard < 10_000; guard++) {
      const edge = closure.get(at);
      if (!edge) break;
      hops.unshift(edge);
      at = edge.from;
    }
    const root = hops.find((e) => !loaded.has(e.to)) ?? hops[hops.length - 1];
    const base = { target, side: 'extra' as const, module: this.nameOf(extra), path: extra };
    if (!root) return { ...base, group: GROUPS.inconsistent, reason: 'no chain from the measured module' };
    const via = root.to !== extra ? { via: this.nameOf(root.to) } : {};
    return { ...base, ...via, ...this.edgeStep(root, probe) };
  }

  private edgeStep(edge: ImportEdge, probe: ProbeResult): Pick<Miss, 'group' | 'reason' | 'at' | 'causeKey'> {
    const toName = this.nameOf(edge.to);
    const fromName = this.nameOf(edge.from);
    if (edge.kind === 'enclosing-package') {
      const ran = probe.loaded.find((m) => m.path === edge.from);
      return { group: GROUPS.otherName, reason: `CPython ran \`${edge.from}\` as \`${ran?.name ?? '?'}\`, so its package \`${toName}\` did not run` };
    }
    const file = edge.at ?? edge.from;
    const at = this.point(file, edge.line ?? 1);
    const alias = this.aliasUsed(edge);
    if (alias) {
      const importName = this.tree.names.get(edge.to) ?? '?';
      return {
        group: GROUPS.misnamed,
        causeKey: `misnamed:${edge.to}`,
        reason: `the analyzer also names \`${edge.to}\` \`${alias}\` (a folder without \`__init__.py\` taken for a source root), so \`${edge.text}\` resolves to it; CPython knows that file only as \`${importName}\`${probe.outside[alias] ? ` and imports \`${alias}\` from outside the tree` : ''}`,
        at,
      };
    }
    const other = probe.loaded.find((m) => m.kind !== 'extension' && m.name === toName && m.path !== edge.to);
    if (other) {
      return {
        group: GROUPS.shadowed,
        reason: `\`${edge.text}\`: the analyzer takes \`${toName}\` for \`${edge.to}\`, CPython imports \`${other.path}\` (a package folder wins over a module file of the same name)`,
        at,
      };
    }
    const compiled = probe.loaded.find((m) => m.kind === 'extension' && m.name === toName);
    if (compiled) {
      return {
        group: GROUPS.compiled,
        reason: `CPython runs the compiled \`${compiled.path}\` instead of \`${edge.to}\`, which the analyzer reads; the compiled module does not import what the .py does`,
        at,
      };
    }
    if (probe.attempted.some((a) => a.name === toName)) {
      return { group: GROUPS.raised, reason: `CPython tried to import \`${toName}\` and the import raised (caught by the importer)`, at };
    }
    if (edge.via?.length) {
      const inBody = conditionalReason(this.source.enclosing(file, edge.line ?? 1, true));
      const target = edge.via[edge.via.length - 1]!.target;
      if (inBody) return { group: inBody.group, reason: `${inBody.detail}, in \`${target}\` (which the analyzer takes as called at import time)`, at };
      for (const step of edge.via) {
        const around = conditionalReason(this.source.enclosing(step.path, step.line, step !== edge.via[0]));
        if (around) return { group: around.group, reason: `the call \`${step.text}\` is under a ${around.detail}`, at: this.point(step.path, step.line) };
      }
      const first = edge.via[0]!;
      const early = this.source.returnBefore(file, edge.line ?? 1);
      if (early) {
        return {
          group: GROUPS.callNotRun,
          reason: `\`${target}\` (which the analyzer follows from \`${first.text}\`, line ${first.line} of \`${fromName}\`) can return at line ${early} before its import of \`${toName}\`, and did`,
          at,
        };
      }
      return {
        group: GROUPS.callNotRun,
        reason: `the analyzer follows \`${first.text}\` (line ${first.line} of \`${fromName}\`) into \`${target}\`, but CPython did not run its import of \`${toName}\``,
        at,
      };
    }
    const around = conditionalReason(this.source.enclosing(file, edge.line ?? 1, false));
    if (around) return { group: around.group, reason: around.detail, at };
    if (edge.reason === 'submodule') {
      return { group: GROUPS.fromAttribute, reason: `\`${edge.text}\`: the package already had the attribute when this ran, so CPython did not import the submodule \`${toName}\``, at };
    }
    if (edge.reason === 'star-submodule') {
      return { group: GROUPS.starAttribute, reason: `\`${edge.text}\` does not import the submodule \`${toName}\``, at };
    }
    if (probe.outside[toName]) {
      return { group: GROUPS.elsewhere, reason: `CPython's \`${toName}\` is ${probe.outside[toName]!.kind} code outside the tree`, at };
    }
    return { group: GROUPS.unexplained, reason: `\`${edge.text}\` at module level of \`${fromName}\` did not import \`${toName}\``, at };
  }

  /** The name other than CPython's under which the analyzer resolved the edge's import, if any. */
  private aliasUsed(edge: ImportEdge): string | undefined {
    const entry = this.result.index.byPath.get(edge.to);
    const importName = this.tree.names.get(edge.to);
    if (!entry || entry.names.length < 2) return undefined;
    const resolved = (this.result.resolved.get(edge.at ?? edge.from) ?? []).find(
      (r) => r.record.span.line === edge.line && r.executes.some((e) => e.module.path === edge.to),
    );
    if (!resolved?.absolute) return undefined;
    const absolute = resolved.absolute;
    const used = [absolute, ...resolved.record.names.map((n) => `${absolute}.${n.name}`)];
    return entry.names.find((n) => n !== importName && used.some((u) => u === n || u.startsWith(`${n}.`)));
  }

  private recordsAt(file: string, line: number, accept: (r: ImportRecord) => boolean): ImportRecord[] {
    const summary = this.result.summaries.get(file);
    if (!summary) return [];
    return summary.imports.filter((r) => r.span.line <= line && line <= r.span.endLine && accept(r));
  }

  private firstTreeFrame(frames: readonly ProbeFrame[] | null): SourcePoint | undefined {
    for (const frame of frames ?? []) {
      const file = underRoot(this.root, frame.file);
      if (file) return this.point(file, frame.line);
    }
    return undefined;
  }

  point(file: string, line: number): SourcePoint {
    return { path: file, line, text: this.source.line(file, line) };
  }

  nameOf(file: string): string {
    return this.tree.names.get(file) ?? this.result.index.byPath.get(file)?.name ?? file;
  }
}

function isImportModule(frame: ProbeFrame): boolean {
  return frame.qualname === 'import_module' && /importlib[\\/]__init__\.py$/.test(frame.codeFile);
}
