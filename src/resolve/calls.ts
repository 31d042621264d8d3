import type { CallRecord, ImportRecord, ModuleSummary } from '../extract/summary.js';
import type { ModuleEntry, ModuleIndex } from './moduleIndex.js';

/** A function or class of the project: where it is defined and its dotted path inside the module. */
export interface FunctionRef {
  path: string;
  qualname: string;
  kind: 'function' | 'class';
}

/** One call on the way from module-level code into a function body. */
export interface CallStep {
  /** Module the call is written in. */
  path: string;
  call: CallRecord;
  /** The function it runs. */
  target: FunctionRef;
}

/** A function body that runs while a module is imported, and the calls that lead to it. */
export interface FunctionRunAtImport {
  /** The body that runs (for a class: its `__init__`). */
  body: FunctionRef;
  /** Module-level call first, the call into `body` last. */
  steps: CallStep[];
}

export const MAX_CALL_DEPTH = 3;

/**
 * Follows calls from module-level code into the project's own functions and classes, across
 * modules, to a bounded depth and without loops: `REDIS = RedisDB()` runs `RedisDB.__init__`,
 * `app = create_app()` runs the imports inside `create_app`.
 */
export class CallResolver {
  private readonly bodies = new Map<string, Map<string, CallRecord[]>>();
  private readonly importsByFunction = new Map<string, Map<string, ImportRecord[]>>();

  constructor(
    private readonly index: ModuleIndex,
    private readonly summaries: ReadonlyMap<string, ModuleSummary>,
  ) {}

  summaryOf(path: string): ModuleSummary | undefined {
    return this.summaries.get(path);
  }

  /** Calls written directly in `qualname`'s body (not in functions nested in it). */
  callsIn(ref: FunctionRef): CallRecord[] {
    return this.byFunction(this.bodies, ref.path, (s) => s.calls).get(ref.qualname) ?? [];
  }

  importsIn(ref: FunctionRef): ImportRecord[] {
    return this.byFunction(this.importsByFunction, ref.path, (s) => s.imports).get(ref.qualname) ?? [];
  }

  /**
   * The function bodies that run when `path` is imported, reached from its module-level calls.
   * `enter` can refuse to go into a body (its steps so far are given).
   */
  functionsRunAtImport(path: string, enter: (body: FunctionRef, steps: CallStep[]) => boolean = () => true): FunctionRunAtImport[] {
    const summary = this.summaries.get(path);
    if (!summary) return [];
    const found: FunctionRunAtImport[] = [];
    const seen = new Set<string>();
    const visit = (steps: CallStep[], body: FunctionRef): void => {
      const key = `${body.path}::${body.qualname}`;
      if (seen.has(key) || steps.length > MAX_CALL_DEPTH || !enter(body, steps)) return;
      seen.add(key);
      found.push({ body, steps });
      for (const call of this.callsIn(body)) {
        for (const next of this.targetsOf(body.path, call, body.qualname)) visit([...steps, { path: body.path, call, target: next.called }], next.body);
      }
    };
    for (const call of summary.calls) {
      if (call.scope.kind !== 'module') continue;
      for (const next of this.targetsOf(path, call)) visit([{ path, call, target: next.called }], next.body);
    }
    return found;
  }

  /** What a call runs in the project: a function body, or a class's `__init__` (own or inherited). */
  targetsOf(path: string, call: CallRecord, enclosingFunction?: string): Array<{ called: FunctionRef; body: FunctionRef }> {
    const called = this.resolveCallee(path, call, enclosingFunction);
    if (!called) return [];
    if (called.kind === 'function') return [{ called, body: called }];
    const init = this.initOf(called, 0);
    return init ? [{ called, body: init }] : [];
  }

  private resolveCallee(path: string, call: CallRecord, enclosingFunction?: string): FunctionRef | undefined {
    const summary = this.summaries.get(path)!;
    // `self.helper()` inside a method runs `Cls.helper`.
    if (!call.callee && enclosingFunction && /^self\.\w+$/.test(call.calleeText)) {
      const cls = enclosingFunction.split('.').slice(0, -1).join('.');
      if (cls) return this.refIn(path, `${cls}.${call.calleeText.slice(5)}`);
    }
    // `svc = Service()` then `svc.start()`: a method of the project class that made the object.
    if (call.receiver) {
      const creator = summary.calls[call.receiver.callId];
      const cls = creator ? this.resolveCallee(path, creator) : undefined;
      if (cls?.kind === 'class') return this.methodOf(cls, call.receiver.method, 0);
      return undefined;
    }
    if (!call.callee) return undefined;
    if (call.calleeIsLocal) return this.refIn(path, call.callee);
    return this.resolveQualified(path, call.callee, 0);
  }

  /** `pkg.db.make_engine` or `..db.make_engine` (relative to `path`) → the definition, following re-exports. */
  resolveQualified(path: string, qualified: string, hops: number): FunctionRef | undefined {
    if (hops > MAX_CALL_DEPTH) return undefined;
    const importer = this.index.byPath.get(path);
    if (!importer) return undefined;
    const absolute = absolutise(importer, qualified);
    if (!absolute) return undefined;
    const parts = absolute.split('.');
    for (let i = parts.length - 1; i >= 1; i--) {
      const module = this.index.lookup(parts.slice(0, i).join('.'), importer);
      if (!module) continue;
      const rest = parts.slice(i).join('.');
      const direct = this.refIn(module.path, rest);
      if (direct) return direct;
      // A re-export: `from .core import make_engine` in a package's __init__.
      const first = parts[i]!;
      const binding = this.summaries.get(module.path)?.imports.find(
        (record) => record.scope.kind === 'module' && record.kind === 'from' && record.names.some((n) => (n.alias ?? n.name) === first),
      );
      if (binding) {
        const name = binding.names.find((n) => (n.alias ?? n.name) === first)!.name;
        const base = '.'.repeat(binding.level) + binding.module;
        const target = base === '' || base.endsWith('.') ? `${base}${name}` : `${base}.${name}`;
        const remainder = parts.slice(i + 1);
        return this.resolveQualified(module.path, remainder.length ? `${target}.${remainder.join('.')}` : target, hops + 1);
      }
      return undefined;
    }
    return undefined;
  }

  private refIn(path: string, qualname: string): FunctionRef | undefined {
    const summary = this.summaries.get(path);
    if (!summary) return undefined;
    if (summary.functions.some((f) => f.qualname === qualname)) return { path, qualname, kind: 'function' };
    if (summary.classes.some((c) => c.name === qualname)) return { path, qualname, kind: 'class' };
    return undefined;
  }

  private initOf(cls: FunctionRef, depth: number): FunctionRef | undefined {
    return this.methodOf(cls, '__init__', depth);
  }

  /** A method of a project class, looked up in the class and then its project bases. */
  private methodOf(cls: FunctionRef, method: string, depth: number): FunctionRef | undefined {
    if (depth > MAX_CALL_DEPTH) return undefined;
    const own = this.refIn(cls.path, `${cls.qualname}.${method}`);
    if (own?.kind === 'function') return own;
    const record = this.summaries.get(cls.path)?.classes.find((c) => c.name === cls.qualname);
    for (const base of record?.bases ?? []) {
      const baseRef = this.refIn(cls.path, base) ?? this.resolveQualified(cls.path, base, 0);
      if (baseRef?.kind === 'class') {
        const inherited = this.methodOf(baseRef, method, depth + 1);
        if (inherited) return inherited;
      }
    }
    return undefined;
  }

  private byFunction<T extends { scope: CallRecord['scope'] }>(
    cache: Map<string, Map<string, T[]>>,
    path: string,
    pick: (summary: ModuleSummary) => T[],
  ): Map<string, T[]> {
    let byName = cache.get(path);
    if (!byName) {
      byName = new Map();
      for (const item of pick(this.summaries.get(path)!)) {
        if (item.scope.kind !== 'function') continue;
        const list = byName.get(item.scope.function) ?? [];
        list.push(item);
        byName.set(item.scope.function, list);
      }
      cache.set(path, byName);
    }
    return byName;
  }
}

/** Anchors a name with leading dots (from a relative import) at the importer's package. */
function absolutise(importer: ModuleEntry, qualified: string): string | undefined {
  const dots = /^\.*/.exec(qualified)![0].length;
  if (dots === 0) return qualified;
  const packageParts = importer.isPackage ? importer.name.split('.') : importer.name.split('.').slice(0, -1);
  const keep = packageParts.length - (dots - 1);
  if (keep <= 0) return undefined;
  const rest = qualified.slice(dots);
  return [...packageParts.slice(0, keep), ...(rest ? [rest] : [])].join('.');
}
