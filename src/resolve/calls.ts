import { summaryLookup } from '../extract/lookup.js';
import { callById, callsInFunction, callsOutsideFunctions } from '../extract/packed.js';
import { byEnclosingFunction, type CallRecord, type ClassRecord, type ImportRecord, type ModuleSummary } from '../extract/summary.js';
import type { ModuleEntry, ModuleIndex } from './moduleIndex.js';

/** A function or class of the project: where it is defined and its dotted path inside the module. */
export interface FunctionRef {
  path: string;
  qualname: string;
  kind: 'function' | 'class';
  /** An app config's `ready()`, run by Django's setup rather than by the class statement that leads to it. */
  hook?: 'django-ready';
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
  /**
   * The run-time condition under which the import runs the body, over every way to it (`steps` is
   * the shortest): each call's own `condition`, and its caller's, `or` between the ways. Absent when
   * one way runs it unconditionally.
   */
  condition?: string;
  /**
   * Every way into the body drops what it returns: the module-level call's value is dropped
   * (`CallRecord.discarded`: `redis_client().llen(key) == 0`), or a body that drops its own result
   * returns this one's (`CallRecord.returned`). `steps` is then one of those ways; otherwise, when a
   * module-level call keeps it, `steps` starts there.
   */
  resultDropped?: true;
}

/** Conditions that all hold, `null` for none: `A and (B or C)`. */
export function allOf(conditions: ReadonlyArray<string | null | undefined>): string | null {
  const parts = [...new Set(conditions.filter((c): c is string => typeof c === 'string'))];
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0]! : parts.map((c) => (/ or /.test(c) && !/^\(.*\)$/.test(c) ? `(${c})` : c)).join(' and ');
}

/**
 * Conditions of which one holds, said once each: `A or B`; none when two are the branches of one
 * `if`/`else` (`X` and `not X`, `A == B` and `A != B`), since one of them always runs.
 */
export function anyOf(conditions: readonly string[]): string | null {
  const unique = [...new Set(conditions)];
  const bare = (text: string): string => (/^\(.*\)$/.test(text) ? text.slice(1, -1) : text);
  const negated = (text: string): string | undefined => (text.startsWith('not ') ? bare(text.slice(4)) : undefined);
  const flip = (text: string): string => text.replace(/ (==|!=) /, (_, op: string) => (op === '==' ? ' != ' : ' == '));
  for (const a of unique) {
    for (const b of unique) {
      if (negated(a) === bare(b) || (/ (==|!=) /.test(a) && flip(a) === b)) return null;
    }
  }
  return unique.join(' or ');
}

/** How deep resource findings follow calls (the README documents 3). */
export const MAX_CALL_DEPTH = 3;
/**
 * How deep import edges follow calls. A parameter of its own, but 3 as well: measured on the
 * standard library (docs/fidelity.md), each level beyond 3 adds more imports that sit under run-time
 * conditions of the functions followed (`if msg.source is not None: import tracemalloc`) than
 * imports CPython runs: depth 4 lost 3 points of precision and found no more.
 */
export const MAX_IMPORT_CALL_DEPTH = 3;

/**
 * Follows calls from module-level code into the project's own functions and classes, across
 * modules, to a bounded depth and without loops: `REDIS = RedisDB()` runs `RedisDB.__init__`,
 * `app = create_app()` runs the imports inside `create_app`.
 */
export class CallResolver {
  private readonly importsByFunction = new Map<string, Map<string, ImportRecord[]>>();
  /** The names of the project's classes and import aliases, for `classCalled`. */
  private classNames?: Set<string>;
  /** `classCalled`, by module and call id (null: no project class). */
  private readonly classOfCall = new Map<string, Map<number, FunctionRef | null>>();
  /** `externalBasesOf`, by `path::qualname`. */
  private readonly externalBases = new Map<string, readonly string[]>();
  /** `classStatementTargets`, by class: the import graph and the rules both follow every class statement of a module. */
  private readonly classStatements = new WeakMap<ClassRecord, readonly FunctionRef[]>();

  constructor(
    private readonly index: ModuleIndex,
    readonly summaries: ReadonlyMap<string, ModuleSummary>,
  ) {}

  summaryOf(path: string): ModuleSummary | undefined {
    return this.summaries.get(path);
  }

  /** Calls written directly in `qualname`'s body (not in functions nested in it). */
  callsIn(ref: FunctionRef): readonly CallRecord[] {
    const summary = this.summaries.get(ref.path);
    return summary ? callsInFunction(summary, ref.qualname) : [];
  }

  importsIn(ref: FunctionRef): ImportRecord[] {
    let byName = this.importsByFunction.get(ref.path);
    if (!byName) this.importsByFunction.set(ref.path, (byName = byEnclosingFunction(this.summaries.get(ref.path)!.imports)));
    return byName.get(ref.qualname) ?? [];
  }

  /**
   * The function bodies that run when `path` is imported, reached from its module-level calls, at most
   * `maxDepth` calls deep. Breadth first, so each body comes with its shortest call path and a body
   * reached late on a long path still has its own calls followed from the short one.
   * `enter` can refuse to go into a body (its steps so far are given).
   */
  functionsRunAtImport(
    path: string,
    enter: (body: FunctionRef, steps: CallStep[]) => boolean = () => true,
    maxDepth: number = MAX_CALL_DEPTH,
  ): FunctionRunAtImport[] {
    const summary = this.summaries.get(path);
    if (!summary) return [];
    const found: FunctionRunAtImport[] = [];
    const seen = new Set<string>();
    const queue: FunctionRunAtImport[] = [];
    /** Every way into each body: the body the call is in (undefined at module level) and the call. */
    const ways = new Map<string, Array<{ from?: string; call: CallRecord }>>();
    const keyOf = (body: FunctionRef): string => `${body.path}::${body.qualname}`;
    const runs = new Map<string, FunctionRunAtImport>();
    const visit = (steps: CallStep[], body: FunctionRef, from?: FunctionRef): void => {
      const key = keyOf(body);
      if (steps.length > maxDepth) return;
      if (seen.has(key)) {
        ways.get(key)?.push({ ...(from ? { from: keyOf(from) } : {}), call: steps[steps.length - 1]!.call });
        // Shown through a module-level call that keeps what the body returns, rather than one that drops it.
        const run = runs.get(key);
        if (run && !from && run.steps.length === 1 && run.steps[0]!.call.discarded && !steps[0]!.call.discarded) run.steps = steps;
        return;
      }
      if (!enter(body, steps)) return;
      seen.add(key);
      ways.set(key, [{ ...(from ? { from: keyOf(from) } : {}), call: steps[steps.length - 1]!.call }]);
      const run: FunctionRunAtImport = { body, steps };
      runs.set(key, run);
      found.push(run);
      queue.push(run);
    };
    for (const call of callsOutsideFunctions(summary)) {
      if (call.scope.kind !== 'module') continue;
      for (const next of this.targetsOf(path, call)) visit([{ path, call, target: next.called }], next.body);
    }
    for (const cls of summary.classes) {
      if (cls.scope.kind !== 'module') continue;
      for (const next of this.classStatementTargets(path, cls)) visit([{ path, call: classStatementCall(cls), target: next }], next);
    }
    for (let head = 0; head < queue.length; head++) {
      const { body, steps } = queue[head]!;
      for (const call of this.callsIn(body)) {
        for (const next of this.targetsOf(body.path, call, body.qualname)) visit([...steps, { path: body.path, call, target: next.called }], next.body, body);
      }
      for (const cls of this.summaries.get(body.path)?.classes ?? []) {
        if (cls.scope.kind !== 'function' || cls.scope.function !== body.qualname) continue;
        for (const next of this.classStatementTargets(body.path, cls)) visit([...steps, { path: body.path, call: classStatementCall(cls), target: next }], next, body);
      }
    }
    const conditions = new Map<string, string | null>();
    const conditionOf = (key: string, open: Set<string>): string | null => {
      const known = conditions.get(key);
      if (known !== undefined) return known;
      // A cycle of calls adds no way of its own: what reaches the cycle decides.
      if (open.has(key)) return null;
      open.add(key);
      const alternatives: Array<string | null> = (ways.get(key) ?? []).map(({ from, call }) => {
        const caller = from === undefined ? null : conditionOf(from, open);
        return allOf([caller, call.condition ?? null]);
      });
      open.delete(key);
      const result = alternatives.some((a) => a === null) ? null : anyOf(alternatives as string[]);
      conditions.set(key, result);
      return result;
    };
    const dropped = new Map<string, boolean>();
    const dropsResult = (key: string, open: Set<string>): boolean => {
      const known = dropped.get(key);
      if (known !== undefined) return known;
      // A cycle of calls: what it returns may be kept on the way round.
      if (open.has(key)) return false;
      open.add(key);
      const result = (ways.get(key) ?? []).every(({ from, call }) => call.discarded === true || (from !== undefined && call.returned === true && dropsResult(from, open)));
      open.delete(key);
      dropped.set(key, result);
      return result;
    };
    for (const run of found) {
      const key = keyOf(run.body);
      const condition = conditionOf(key, new Set());
      if (condition !== null) run.condition = condition;
      if (dropsResult(key, new Set())) run.resultDropped = true;
    }
    return found;
  }

  /**
   * What a class statement runs besides its body: the metaclass's `__new__` and `__init__` (the one
   * given with `metaclass=`, or a base's, through project bases), and the `__init_subclass__` its
   * project bases define or inherit. Only methods the project defines: `type`'s own run no project code.
   */
  classStatementTargets(path: string, cls: ClassRecord): readonly FunctionRef[] {
    let known = this.classStatements.get(cls);
    if (!known) this.classStatements.set(cls, (known = this.findClassStatementTargets(path, cls)));
    return known;
  }

  private findClassStatementTargets(path: string, cls: ClassRecord): FunctionRef[] {
    const out: FunctionRef[] = [];
    const meta = this.metaclassOf(path, cls, 0);
    if (meta) {
      for (const name of ['__new__', '__init__']) {
        const method = this.methodOf(meta, name, 0);
        if (method) out.push(method);
      }
    }
    for (const base of cls.bases) {
      const baseRef = this.classNamed(path, base);
      const hook = baseRef?.kind === 'class' ? this.methodOf(baseRef, '__init_subclass__', 0) : undefined;
      if (hook && !out.some((f) => f.path === hook.path && f.qualname === hook.qualname)) out.push(hook);
    }
    // Django's app registry calls each app config's `ready()` as it sets up (`django.setup()`, which
    // get_wsgi_application(), get_asgi_application(), manage.py and Celery's Django fixup run) in
    // every process: what `ready()` imports and makes is made at start-up. Said at the class
    // statement, the nearest place to where Django finds the class.
    if (cls.scope.kind === 'module') {
      const self: FunctionRef = { path, qualname: cls.name, kind: 'class' };
      if (this.externalBasesOf(self).some((base) => DJANGO_APP_CONFIG.has(base))) {
        const ready = this.methodOf(self, 'ready', 0);
        if (ready) out.push({ ...ready, hook: 'django-ready' });
      }
    }
    return out;
  }

  /** The project class a call constructs (`ConfiguredSession()`, `http.ConfiguredSession()`), in any module. */
  classCalled(path: string, call: CallRecord): FunctionRef | undefined {
    // Most calls are of library functions: nothing to remember of them (see `mayNameClass`).
    if (!call.callee || !this.mayNameClass(call.callee)) return undefined;
    // Asked of the same call by the rules and by each framework's entry detector: remembered by
    // module and call id (a WeakMap of millions of calls costs more in garbage collection). A map
    // a module, not a list as long as its calls: a module is asked about two calls in forty, and on
    // 20,000 generated modules the lists were 15 MB, a tenth of the run's memory.
    const summary = this.summaries.get(path);
    if (!summary || callById(summary, call.id) !== call) return this.findClassCalled(path, call as CallRecord & { callee: string });
    let known = this.classOfCall.get(path);
    if (!known) this.classOfCall.set(path, (known = new Map()));
    let found = known.get(call.id);
    if (found === undefined) known.set(call.id, (found = this.findClassCalled(path, call as CallRecord & { callee: string }) ?? null));
    return found ?? undefined;
  }

  /**
   * Whether a call of `callee` may make an instance of a project class: its last name is a class's
   * name (or an import alias) somewhere in the project. Most calls are of library functions, and
   * saying they are none costs a set lookup instead of resolving the name through the modules.
   */
  mayNameClass(callee: string): boolean {
    if (!this.classNames) {
      // Loops, not flatMap: a list made for each module, import and name was most of this.
      const names = new Set<string>();
      for (const summary of this.summaries.values()) {
        for (const cls of summary.classes) names.add(cls.name);
        for (const record of summary.imports) for (const { alias } of record.names) if (alias) names.add(alias);
      }
      this.classNames = names;
    }
    return this.classNames.has(callee.slice(callee.lastIndexOf('.') + 1));
  }

  private findClassCalled(path: string, call: CallRecord & { callee: string }): FunctionRef | undefined {
    if (!this.mayNameClass(call.callee)) return undefined;
    const called = call.calleeIsLocal ? this.refIn(path, call.callee) : this.resolveQualified(path, call.callee, 0);
    return called?.kind === 'class' ? called : undefined;
  }

  /**
   * The bases from outside the project of a project class, through its project bases in any module,
   * nearest first: `class ConfiguredSession(requests.Session)` gives `requests.Session`, and so does
   * `class ApiSession(ConfiguredSession)` in another module. The one walk the rules and the entry
   * detectors share: each class is worked out once per analysis (a chain of 5,000 subclasses costs
   * 5,000 steps), at most MAX_EXTERNAL_BASE_DEPTH classes deep, and a cycle of bases adds nothing.
   */
  externalBasesOf(cls: FunctionRef, depth = 0): readonly string[] {
    const key = `${cls.path}::${cls.qualname}`;
    const known = this.externalBases.get(key);
    if (known) return known;
    if (depth > MAX_EXTERNAL_BASE_DEPTH) return [];
    this.externalBases.set(key, []);
    const summary = this.summaries.get(cls.path);
    const found = new Set<string>();
    for (const base of (summary && summaryLookup(summary).classNamed(cls.qualname)?.bases) ?? []) {
      const project = this.classNamed(cls.path, base);
      if (project?.kind === 'class') for (const outer of this.externalBasesOf(project, depth + 1)) found.add(outer);
      else found.add(base);
    }
    const bases = [...found];
    this.externalBases.set(key, bases);
    return bases;
  }

  /** The project class that is `cls`'s metaclass: its own `metaclass=`, else the first a base has. */
  private metaclassOf(path: string, cls: ClassRecord, depth: number): FunctionRef | undefined {
    if (depth > MAX_BASE_DEPTH) return undefined;
    if (cls.metaclass) {
      const meta = this.classNamed(path, cls.metaclass);
      return meta?.kind === 'class' ? meta : undefined;
    }
    for (const base of cls.bases) {
      const baseRef = this.classNamed(path, base);
      const baseSummary = baseRef?.kind === 'class' ? this.summaries.get(baseRef.path) : undefined;
      const record = baseSummary ? summaryLookup(baseSummary).classNamed(baseRef!.qualname) : undefined;
      const meta = record && record !== cls ? this.metaclassOf(baseRef!.path, record, depth + 1) : undefined;
      if (meta) return meta;
    }
    return undefined;
  }

  /** What a call runs in the project: a function body, or a class's `__new__` and `__init__` (own or inherited). */
  targetsOf(path: string, call: CallRecord, enclosingFunction?: string): Array<{ called: FunctionRef; body: FunctionRef }> {
    const called = this.resolveCallee(path, call, enclosingFunction);
    if (!called) return [];
    if (called.kind === 'function') return [{ called, body: called }];
    const out: Array<{ called: FunctionRef; body: FunctionRef }> = [];
    const create = this.methodOf(called, '__new__', 0);
    if (create) out.push({ called, body: create });
    const init = this.initOf(called, 0);
    if (init) out.push({ called, body: init });
    return out;
  }

  private resolveCallee(path: string, call: CallRecord, enclosingFunction?: string): FunctionRef | undefined {
    const summary = this.summaries.get(path)!;
    // `self.helper()` inside a method runs `Cls.helper`.
    if (!call.callee && enclosingFunction && /^self\.\w+$/.test(call.calleeText)) {
      const cls = enclosingFunction.split('.').slice(0, -1).join('.');
      if (cls) return this.refIn(path, `${cls}.${call.calleeText.slice(5)}`);
    }
    const inMethod = enclosingFunction ? this.methodCall(path, call, enclosingFunction) : undefined;
    if (inMethod) return inMethod;
    // `svc = Service()` then `svc.start()`: a method of the project class that made the object.
    if (call.receiver) {
      const creator = callById(summary, call.receiver.callId);
      const cls = creator ? this.resolveCallee(path, creator) : undefined;
      if (cls?.kind === 'class') return this.methodOf(cls, call.receiver.method, 0);
      return undefined;
    }
    if (!call.callee) return undefined;
    if (call.calleeIsLocal) return this.refIn(path, call.callee) ?? this.decoratorAttribute(path, call.callee);
    return this.resolveQualified(path, call.callee, 0) ?? this.pureStandIn(path, call);
  }

  /**
   * Calls inside a method `Cls.m` that run another method of the class or of its bases:
   * `super().__init__(ttl)` (and `super(Cls, self).__init__`) runs the first base's method that has
   * it; inside `__new__`, a method called on the instance it makes (`inst = super().__new__(cls)`
   * then `inst._init()`, or a singleton's `cls._instance = super().__new__(cls)` then
   * `cls._instance._init()`) runs `Cls._init`. Found on onyx, whose metrics collectors make their
   * thread pool in a base `__init__` their own calls through `super()`, and whose `RedisPool`
   * singleton makes its pools in a method its `__new__` calls.
   */
  private methodCall(path: string, call: CallRecord, enclosingFunction: string): FunctionRef | undefined {
    const dot = enclosingFunction.lastIndexOf('.');
    if (dot < 0) return undefined;
    const clsName = enclosingFunction.slice(0, dot);
    const method = enclosingFunction.slice(dot + 1);
    const text = call.calleeText.replace(/\s+/g, '');
    const viaSuper = /^super\((?:\w+,(?:self|cls))?\)\.(\w+)$/.exec(text);
    const summary = this.summaries.get(path);
    const record = summary ? summaryLookup(summary).classNamed(clsName) : undefined;
    if (!record) return undefined;
    if (viaSuper) {
      for (const base of record.bases) {
        const baseRef = this.classNamed(path, base);
        const found = baseRef?.kind === 'class' ? this.methodOf(baseRef, viaSuper[1]!, 0) : undefined;
        if (found) return found;
      }
      return undefined;
    }
    if (method !== '__new__') return undefined;
    const onInstance = /^((?:cls\.)?\w+)\.(\w+)$/.exec(text);
    if (!onInstance || onInstance[1] === 'cls' || onInstance[1] === 'super') return undefined;
    // The name the instance was bound to: `inst = super().__new__(cls)`, `cls._instance = object.__new__(cls)`.
    const made = this.callsIn({ path, qualname: enclosingFunction, kind: 'function' }).some((other) => {
      const statement = other.statementText.replace(/\s+/g, '');
      return /^(?:super\((?:\w+,cls)?\)|object)\.__new__$/.test(other.calleeText.replace(/\s+/g, '')) && statement.startsWith(`${onInstance[1]}=`);
    });
    return made ? this.methodOf({ path, qualname: clsName, kind: 'class' }, onInstance[2]!, 0) : undefined;
  }

  /**
   * `f.register(...)` where `f` is a function of this module under a bare decorator `@d`: `f` is what
   * `d` returned, and `d` hands out its own inner functions as attributes of that value, as
   * `functools.singledispatch` does (`wrapper.register = register`). The call runs the function of
   * that name defined inside `d`. Only the outermost decorator's value is `f`.
   */
  private decoratorAttribute(path: string, callee: string, depth = 0): FunctionRef | undefined {
    // `@f.register` over `def f` again: the decorator is itself such an attribute; stop there.
    if (depth > MAX_CALL_DEPTH) return undefined;
    const dot = callee.lastIndexOf('.');
    if (dot < 0) return undefined;
    const decorated = callee.slice(0, dot);
    const attribute = callee.slice(dot + 1);
    const summary = this.summaries.get(path)!;
    if (summaryLookup(summary).functionLine(decorated) === undefined) return undefined;
    const outermost = [...summaryLookup(summary).decoratorsOf(decorated)]
      .sort((a, b) => a.span.line - b.span.line || a.span.column - b.span.column)[0];
    if (!outermost?.bareDecorator) return undefined;
    const decorator = outermost.calleeIsLocal && outermost.callee
      ? (this.refIn(path, outermost.callee) ?? this.decoratorAttribute(path, outermost.callee, depth + 1))
      : this.resolveCallee(path, outermost);
    if (decorator?.kind !== 'function') return undefined;
    const inner = this.refIn(decorator.path, `${decorator.qualname}.${attribute}`);
    return inner?.kind === 'function' ? inner : undefined;
  }

  /**
   * `def warn(...): ...` then `from _warnings import warn` in the same module: the accelerator, a
   * compiled module outside the tree, named with a leading underscore as PEP 399 has it, replaces
   * the pure-Python function, which PEP 399 requires to behave the same. What the function runs is
   * then read from the `def`.
   */
  private pureStandIn(path: string, call: CallRecord): FunctionRef | undefined {
    const name = call.calleeText;
    if (!/^\w+$/.test(name)) return undefined;
    const own = this.refIn(path, name);
    if (own?.kind !== 'function') return undefined;
    const importer = this.index.byPath.get(path);
    const summary = this.summaries.get(path);
    const binding = summary ? summaryLookup(summary).fromImportBinding(name) : undefined;
    if (!importer || !binding) return undefined;
    const absolute = absolutise(importer, '.'.repeat(binding.level) + binding.module);
    const accelerator = absolute !== undefined && absolute.split('.').pop()!.startsWith('_');
    return accelerator && !this.index.lookup(absolute, importer) ? own : undefined;
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
      // A re-export: `from .core import make_engine` in a package's __init__.
      const first = parts[i]!;
      const moduleSummary = this.summaries.get(module.path);
      const binding = moduleSummary ? summaryLookup(moduleSummary).fromImportBinding(first) : undefined;
      // A def that an import after it rebinds: the import's target, or the def as the stand-in of
      // an accelerator outside the tree (see `pureStandIn`).
      const definedAt = direct && summaryLookup(this.summaries.get(module.path)!).functionLine(first);
      if (direct && !(binding && definedAt !== undefined && binding.span.line > definedAt)) return direct;
      if (binding) {
        const name = binding.names.find((n) => (n.alias ?? n.name) === first)!.name;
        const base = '.'.repeat(binding.level) + binding.module;
        const target = base === '' || base.endsWith('.') ? `${base}${name}` : `${base}.${name}`;
        const remainder = parts.slice(i + 1);
        return this.resolveQualified(module.path, remainder.length ? `${target}.${remainder.join('.')}` : target, hops + 1) ?? direct;
      }
      return direct;
    }
    return undefined;
  }

  private refIn(path: string, qualname: string, depth = 0): FunctionRef | undefined {
    const summary = this.summaries.get(path);
    if (!summary) return undefined;
    const lookup = summaryLookup(summary);
    if (lookup.functionLine(qualname) !== undefined) return { path, qualname, kind: 'function' };
    if (lookup.classNamed(qualname)) return { path, qualname, kind: 'class' };
    // `import_prefix = _reg.import_prefix` with `_reg = _ModuleRegistry()`: the method of that class.
    const bound = depth < MAX_CALL_DEPTH ? summary.boundMethods?.find((b) => b.name === qualname) : undefined;
    const creator = bound ? callById(summary, bound.callId) : undefined;
    if (bound && creator?.callee) {
      const cls = creator.calleeIsLocal ? this.refIn(path, creator.callee, depth + 1) : this.resolveQualified(path, creator.callee, depth + 1);
      if (cls?.kind === 'class') return this.methodOf(cls, bound.method, 0);
    }
    return undefined;
  }

  /** A class as `path` names it (`Base`, `pkg.models.Base`, `.base.Base`): its definition, if a project class. */
  private classNamed(path: string, name: string): FunctionRef | undefined {
    return this.refIn(path, name) ?? this.resolveQualified(path, name, 0);
  }

  private initOf(cls: FunctionRef, depth: number): FunctionRef | undefined {
    return this.methodOf(cls, '__init__', depth);
  }

  /** A method of a project class, looked up in the class and then its project bases. */
  private methodOf(cls: FunctionRef, method: string, depth: number): FunctionRef | undefined {
    if (depth > MAX_CALL_DEPTH) return undefined;
    const own = this.refIn(cls.path, `${cls.qualname}.${method}`);
    if (own?.kind === 'function') return own;
    const clsSummary = this.summaries.get(cls.path);
    const record = clsSummary ? summaryLookup(clsSummary).classNamed(cls.qualname) : undefined;
    for (const base of record?.bases ?? []) {
      const baseRef = this.classNamed(cls.path, base);
      if (baseRef?.kind === 'class') {
        const inherited = this.methodOf(baseRef, method, depth + 1);
        if (inherited) return inherited;
      }
    }
    return undefined;
  }

}

/** How many bases up a metaclass or a base from outside the project is looked for (Django: `class Poll(models.Model)`, one). */
const MAX_BASE_DEPTH = 8;
/** Project classes looked through for a class's bases from outside the project: no hierarchy is this deep, and the stack stays small. */
const MAX_EXTERNAL_BASE_DEPTH = 64;

/** A class statement as the step that runs its metaclass or `__init_subclass__`. */
/** Django's `AppConfig`, as a base is qualified through imports. */
const DJANGO_APP_CONFIG = new Set(['django.apps.AppConfig', 'django.apps.config.AppConfig']);

function classStatementCall(cls: ClassRecord): CallRecord {
  return {
    id: -1,
    calleeText: cls.name,
    text: cls.header,
    args: [],
    scope: cls.scope,
    placement: { kind: 'statement' },
    span: cls.span,
    statementText: cls.header,
  };
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
