import { summaryLookup } from '../extract/lookup.js';
import { bodyCallIndex, bodyCallsOf, boundNameOf, boundNames, callById, callCount, callsOutsideFunctions, inFunctionBody, type BodyCallIndex } from '../extract/packed.js';
import type { CallRecord, ImportRecord, LiteralAssignment, ModuleSummary, SourceSpan } from '../extract/summary.js';
import type { ModuleEntry } from '../resolve/moduleIndex.js';
import { resolveImport } from '../resolve/resolveImports.js';
import type { EntryEvidence, ProjectView } from './types.js';
import { parsePythonLiteral, stringsOf, type PythonLiteral } from '../extract/pythonLiteral.js';


/** A framework object (an app, a router, a Celery app) made by one call of the project. */
export interface ObjectRef {
  path: string;
  call: CallRecord;
}

/** `app.route(...)`, `bp.add_url_rule(...)`, `app.router.add_get(...)`: a method called on an object. */
export interface MemberCall {
  object: ObjectRef;
  /** The method, with the attribute path before it when there is one (`router.add_get`). */
  method: string;
}

const MAX_HOPS = 4;

/** A call and where it is: its module, and its place in the summaries' order (module, then call). */
export interface LocatedCall {
  path: string;
  call: CallRecord;
  order: readonly [number, number];
}

export interface CallIndex {
  /** The calls of a qualified name (calls of a local name left out), in the summaries' order. */
  callsTo(callee: string): readonly LocatedCall[];
  /** The modules with a call of that qualified name (calls of a local name left out). */
  modulesCallingName(callee: string): readonly string[];
  /**
   * The calls that make an instance of a project class deriving, through project bases in any
   * module, from one of `bases` (classes from outside the project: `flask.Flask`).
   */
  ofProjectClassesFrom(bases: readonly string[]): readonly LocatedCall[];
  /** The modules with calls by each `memberName` (the method's last name), whatever they are made on. */
  membersByName: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * The modules with calls that may be methods called on an object (`app.route(...)`, a method of
   * another call's result; see `mayBeOnObject`), by the method's last name: the only calls
   * `memberCall` can place on an object of the framework whose methods are wanted (see
   * `objects.ts`, `memberOnObject`). Decorators apart.
   */
  onObjectsByName: ReadonlyMap<string, ReadonlySet<string>>;
  decoratorsOnObjectsByName: ReadonlyMap<string, ReadonlySet<string>>;
}

export { boundNameOf, memberName } from '../extract/packed.js';

/** Calls outside function bodies are in none. */
const NO_FUNCTIONS: ReadonlySet<string> = new Set();

/** What `EntryContext.modulesCalling` looks for. */
export interface WantedCalls {
  /** Method names (as `memberName` gives them), whatever the call is made on. */
  members?: Iterable<string>;
  /** Method names of calls that may be made on an object (`mayBeOnObject`), decorators or not. */
  onObjects?: Iterable<string>;
  /** Method names of decorators that may be made on an object. */
  decoratorsOnObjects?: Iterable<string>;
  /** Qualified names of outside the module. */
  callees?: Iterable<string>;
}

/**
 * What entry detection asks of the project, answered from the summaries: where a name is bound,
 * which module a dotted name is, which object a method is called on, across files.
 */
export class EntryContext {
  private readonly objectCache = new Map<string, ObjectRef | null>();
  private callIndex: CallIndex | undefined;
  private readonly memberCalls = new Map<string, Array<MemberCall | null | undefined>>();

  constructor(readonly project: ProjectView) {}

  /**
   * Every call of the project, by the qualified name it calls (calls of a local name left out), by
   * method name, and the calls that make an instance of a project subclass of given classes: built
   * once, so that each framework's detector looks up its constructors instead of scanning every call.
   * The calls in function bodies are indexed by what they call without unpacking them (see
   * packed.ts): a module's are unpacked when a detector asks for a name they call.
   */
  calls(): CallIndex {
    if (this.callIndex) return this.callIndex;
    const outsideByCallee = new Map<string, LocatedCall[]>();
    /** Modules whose function bodies call a name: their place in the summaries' order. */
    const bodiesByCallee = new Map<string, number[]>();
    const outsideOfProjectClasses: LocatedCall[] = [];
    const membersByName = new Map<string, Set<string>>();
    const onObjectsByName = new Map<string, Set<string>>();
    const decoratorsOnObjectsByName = new Map<string, Set<string>>();
    const paths = [...this.summaries.keys()];
    paths.forEach((path, file) => {
      const summary = this.summaries.get(path)!;
      const bodies = bodyCallsOf(summary);
      const outside = callsOutsideFunctions(summary);
      // Outside function bodies, a call is on what module-level code bound (or on a call's result).
      const outsideIndex = bodyCallIndex(outside, boundNames(outside), NO_FUNCTIONS);
      for (const member of outsideIndex.members) addTo(membersByName, member, path);
      for (const member of outsideIndex.onObjects) addTo(onObjectsByName, member, path);
      for (const member of outsideIndex.decoratorsOnObjects) addTo(decoratorsOnObjectsByName, member, path);
      for (const member of bodies.members) addTo(membersByName, member, path);
      // In function bodies, only the methods that may be called on the project's objects: a module
      // found here is unpacked by the scan that asked (see packed.ts).
      if (bodies.onObjects.length || bodies.decoratorsOnObjects.length) {
        const possible = this.membersOnProjectObjects(bodies);
        for (const member of bodies.onObjects) if (possible.has(member)) addTo(onObjectsByName, member, path);
        for (const member of bodies.decoratorsOnObjects) if (possible.has(member)) addTo(decoratorsOnObjectsByName, member, path);
      }
      for (const call of outside) {
        if (!call.callee) continue;
        const located = { path, call, order: [file, call.id] as const };
        if (!call.calleeIsLocal) push(outsideByCallee, call.callee, located);
        if (this.externalBasesOf(path, call).length) outsideOfProjectClasses.push(located);
      }
      for (const callee of bodies.callees) push(bodiesByCallee, callee, file);
    });
    const ofProjectClasses = new Map<string, readonly LocatedCall[]>();
    const callsTo = new Map<string, readonly LocatedCall[]>();
    this.callIndex = {
      callsTo: (callee) => {
        let found = callsTo.get(callee);
        if (!found) {
          const list = [...(outsideByCallee.get(callee) ?? [])];
          for (const file of bodiesByCallee.get(callee) ?? []) {
            const path = paths[file]!;
            for (const call of this.summaries.get(path)!.calls) {
              if (call.callee === callee && !call.calleeIsLocal && inFunctionBody(call)) list.push({ path, call, order: [file, call.id] });
            }
          }
          callsTo.set(callee, (found = list.sort(inOrder)));
        }
        return found;
      },
      modulesCallingName: (callee) => {
        const found = new Set((outsideByCallee.get(callee) ?? []).map((located) => located.path));
        for (const file of bodiesByCallee.get(callee) ?? []) found.add(paths[file]!);
        return [...found];
      },
      ofProjectClassesFrom: (bases) => {
        const key = bases.join('\0');
        let found = ofProjectClasses.get(key);
        if (!found) ofProjectClasses.set(key, (found = this.findProjectClassCalls(new Set(bases), paths, outsideOfProjectClasses)));
        return found;
      },
      membersByName,
      onObjectsByName,
      decoratorsOnObjectsByName,
    };
    return this.callIndex;
  }

  private classList: { classes: Array<{ name: string; bases: readonly string[] }>; aliases: Array<{ name: string; alias: string }> } | undefined;

  /** The project's classes with bases from outside (last name), and the aliases of its `from` imports: listed once. */
  private classesAndAliases(): NonNullable<EntryContext['classList']> {
    if (this.classList) return this.classList;
    const classes: Array<{ name: string; bases: readonly string[] }> = [];
    const aliases: Array<{ name: string; alias: string }> = [];
    for (const [path, summary] of this.summaries) {
      for (const cls of summary.classes) {
        const bases = this.project.calls.externalBasesOf({ path, qualname: cls.name, kind: 'class' });
        if (bases.length) classes.push({ name: lastSegment(cls.name), bases });
      }
      for (const record of summary.imports) for (const name of record.names) if (name.alias) aliases.push({ name: lastSegment(name.name), alias: name.alias });
    }
    return (this.classList = { classes, aliases });
  }

  /**
   * `CallIndex.ofProjectClassesFrom`: the calls outside function bodies already known to make a
   * project class with bases from outside, and those in the bodies of the modules whose calls name
   * a project class deriving from `bases` (or an import alias of one: `from .app import MyFlask as
   * App`), unpacked only there.
   */
  private findProjectClassCalls(bases: ReadonlySet<string>, paths: readonly string[], outside: readonly LocatedCall[]): LocatedCall[] {
    const derives = (path: string, call: CallRecord): boolean => this.externalBasesOf(path, call).some((b) => bases.has(b));
    const names = new Set<string>();
    const { classes, aliases } = this.classesAndAliases();
    for (const cls of classes) if (cls.bases.some((b) => bases.has(b))) names.add(cls.name);
    // Aliases of aliases too, a few deep.
    for (let depth = 0, grew = names.size > 0; grew && depth < 4; depth++) {
      const before = names.size;
      for (const { name, alias } of aliases) if (names.has(name)) names.add(alias);
      grew = names.size > before;
    }
    const found = outside.filter((located) => derives(located.path, located.call));
    if (names.size === 0) return found;
    paths.forEach((path, file) => {
      const summary = this.summaries.get(path)!;
      const bodies = bodyCallsOf(summary);
      if (!bodies.callees.some((c) => names.has(lastSegment(c))) && !bodies.localCallees.some((c) => names.has(lastSegment(c)))) return;
      for (const call of summary.calls) {
        if (call.callee && inFunctionBody(call) && derives(path, call)) found.push({ path, call, order: [file, call.id] });
      }
    });
    return found.sort(inOrder);
  }

  /**
   * The modules with a call of one of `wanted.members` (method names, as `memberName` gives them),
   * a call or decorator that may be made on an object by one of `wanted.onObjects`, a decorator by one
   * of `wanted.decoratorsOnObjects`, or a call of one of `wanted.callees` (qualified names of outside
   * the module). A scan for those calls visits only these modules, in the summaries' order.
   */
  modulesCalling(wanted: WantedCalls): Set<string> {
    const index = this.calls();
    const paths = new Set<string>();
    for (const name of wanted.members ?? []) for (const path of index.membersByName.get(name) ?? []) paths.add(path);
    for (const name of wanted.onObjects ?? []) {
      for (const path of index.onObjectsByName.get(name) ?? []) paths.add(path);
      for (const path of index.decoratorsOnObjectsByName.get(name) ?? []) paths.add(path);
    }
    for (const name of wanted.decoratorsOnObjects ?? []) for (const path of index.decoratorsOnObjectsByName.get(name) ?? []) paths.add(path);
    for (const callee of wanted.callees ?? []) for (const path of index.modulesCallingName(callee)) paths.add(path);
    return paths;
  }

  get summaries(): ReadonlyMap<string, ModuleSummary> {
    return this.project.summaries;
  }

  moduleName(path: string): string {
    return this.project.index.byPath.get(path)?.name ?? path;
  }

  module(path: string): ModuleEntry | undefined {
    return this.project.index.byPath.get(path);
  }

  /** The project module with this absolute dotted name, as seen from `importerPath`. */
  lookup(name: string, importerPath?: string): ModuleEntry | undefined {
    const importer = importerPath ? this.project.index.byPath.get(importerPath) : undefined;
    return this.project.index.lookup(name, importer);
  }

  /** `..db.engine` written in `importerPath` → `pkg.db.engine`, the way the import resolver anchors it. */
  absoluteName(importerPath: string, qualified: string): string | undefined {
    const level = /^\.*/.exec(qualified)![0].length;
    if (level === 0) return qualified;
    const importer = this.project.index.byPath.get(importerPath);
    if (!importer) return undefined;
    const record: ImportRecord = {
      kind: 'from',
      module: qualified.slice(level),
      level,
      names: [],
      star: false,
      scope: { kind: 'module' },
      span: { line: 1, column: 1, endLine: 1, endColumn: 1 },
    };
    return resolveImport(importer, record, this.project.index, this.project.summaries).absolute || undefined;
  }

  /** Project modules at or below a package (the package itself first), in path order. */
  modulesUnder(name: string): ModuleEntry[] {
    return [...this.project.index.entries()]
      .filter((m) => m.name === name || m.name.startsWith(`${name}.`))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /**
   * A dotted expression written in `path` (`blog_urls`, `chat.routing.websocket_urlpatterns`) through
   * the imports in scope: module-level ones, and those of `inFunction` when given.
   */
  qualifyName(path: string, dotted: string, inFunction?: string): string | undefined {
    if (!/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/.test(dotted)) return undefined;
    const summary = this.summaries.get(path);
    if (!summary) return undefined;
    const [head, ...rest] = dotted.split('.');
    const visible = summary.imports.filter(
      (r) => r.scope.kind === 'module' || (inFunction !== undefined && r.scope.kind === 'function' && r.scope.function === inFunction),
    );
    for (const record of [...visible].reverse()) {
      let base: string | undefined;
      if (record.kind === 'from') {
        const bound = record.names.find((n) => (n.alias ?? n.name) === head);
        if (bound) {
          const from = '.'.repeat(record.level) + record.module;
          base = from === '' || from.endsWith('.') ? `${from}${bound.name}` : `${from}.${bound.name}`;
        }
      } else if (record.kind === 'import') {
        if (record.alias === head) base = record.module;
        else if (!record.alias && record.module.split('.')[0] === head) base = head;
      }
      if (base !== undefined) return [base, ...rest].join('.');
    }
    if (summary.definedNames.includes(head!)) return [this.moduleName(path), head, ...rest].join('.');
    return undefined;
  }

  /** The project module a dotted expression names (`include(blog_urls)`), if it names one. */
  moduleNamedBy(path: string, dotted: string, inFunction?: string): ModuleEntry | undefined {
    const qualified = this.qualifyName(path, dotted, inFunction);
    const absolute = qualified ? this.absoluteName(path, qualified) : undefined;
    return absolute ? this.lookup(absolute, path) : undefined;
  }

  /**
   * The `memberName`s of the calls in function bodies indexed by `bodies` (`onObjects`,
   * `decoratorsOnObjects`) that `memberCall` may place on an object of the project: those made on
   * a call's result or a name bound in the module, and those through a qualified name that starts
   * at a module or package of the project (`bp.route` of `from .views import bp`). Not
   * `os.environ.get` or `requests.get`: `objectAt` finds nothing where no project module is.
   * Without `local`, only the latter: an object made in another module is reached by its name only
   * (a call's result and a bound name are the module's own objects).
   */
  membersOnProjectObjects(bodies: BodyCallIndex, local = true): ReadonlySet<string> {
    const members = new Set(local ? bodies.onLocalObjects : []);
    for (const callee of bodies.callees) {
      const member = this.memberOnProjectName(callee);
      if (member !== undefined) members.add(member);
    }
    return members;
  }

  /**
   * The method a qualified callee may call on an object of the project (`route` of `.views.bp.route`,
   * `update` of `proj.celery.app.conf.update`): undefined when it has no dot or starts at no module
   * or package of the project.
   */
  memberOnProjectName(callee: string): string | undefined {
    const dot = callee.lastIndexOf('.');
    if (dot <= 0) return undefined;
    const top = callee.slice(0, callee.indexOf('.'));
    return top === '' || this.project.index.hasName(top) ? callee.slice(dot + 1) : undefined;
  }

  /**
   * The call that made the object a qualified name refers to (`.bp.bp` from `from .bp import bp`,
   * `pkg.app`), following `from x import name` re-exports, or undefined when it is no object we see.
   */
  objectAt(importerPath: string, qualified: string, hops = 0): ObjectRef | undefined {
    const key = `${importerPath}::${qualified}`;
    const cached = this.objectCache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    this.objectCache.set(key, null);
    const found = hops > MAX_HOPS ? undefined : this.findObject(importerPath, qualified, hops);
    this.objectCache.set(key, found ?? null);
    return found;
  }

  private findObject(importerPath: string, qualified: string, hops: number): ObjectRef | undefined {
    const absolute = this.absoluteName(importerPath, qualified);
    if (!absolute) return undefined;
    const parts = absolute.split('.');
    for (let i = parts.length - 1; i >= 1; i--) {
      const module = this.lookup(parts.slice(0, i).join('.'), importerPath);
      if (!module) continue;
      const rest = parts.slice(i);
      if (rest.length !== 1) return undefined;
      const name = rest[0]!;
      const summary = this.summaries.get(module.path);
      if (!summary) return undefined;
      const made = lastBoundAtModuleLevel(summary).get(name);
      if (made) return { path: module.path, call: made };
      const reexport = summaryLookup(summary).fromImportBinding(name);
      if (!reexport) return undefined;
      const original = reexport.names.find((n) => (n.alias ?? n.name) === name)!.name;
      const from = '.'.repeat(reexport.level) + reexport.module;
      const target = from === '' || from.endsWith('.') ? `${from}${original}` : `${from}.${original}`;
      return this.objectAt(module.path, target, hops + 1);
    }
    return undefined;
  }

  /**
   * The object a method call is made on: `x.m()` where x holds a call's result in this module
   * (`receiver`), `bp.route` imported from another module (`callee` `.bp.bp.route`), or an
   * attribute path on a local object (`app.router.add_get`, `config.add_route` inside
   * `with Configurator() as config:`).
   */
  memberCall(path: string, call: CallRecord): MemberCall | undefined {
    // Asked of the same call by each framework's detector: remembered by module and call id (a
    // WeakMap of millions of calls costs more in garbage collection than it saves).
    const summary = this.summaries.get(path);
    if (!summary || callById(summary, call.id) !== call) return this.findMemberCall(path, call);
    let known = this.memberCalls.get(path);
    if (!known) this.memberCalls.set(path, (known = new Array(callCount(summary))));
    let found = known[call.id];
    if (found === undefined) known[call.id] = found = this.findMemberCall(path, call) ?? null;
    return found ?? undefined;
  }

  private findMemberCall(path: string, call: CallRecord): MemberCall | undefined {
    const summary = this.summaries.get(path);
    if (!summary) return undefined;
    if (call.receiver) {
      const creator = callById(summary, call.receiver.callId);
      return creator ? { object: { path, call: creator }, method: call.receiver.method } : undefined;
    }
    if (call.callee && !call.calleeIsLocal) {
      const parts = call.callee.split('.');
      // `bp.route` (method) or `app.router.add_get` (attribute, then method) on an imported object.
      for (const methodParts of [1, 2]) {
        if (parts.length <= methodParts || parts[parts.length - methodParts - 1] === '') continue;
        const prefix = parts.slice(0, -methodParts).join('.');
        if (!prefix || prefix.endsWith('.')) continue;
        const object = this.objectAt(path, prefix);
        if (object) return { object, method: parts.slice(-methodParts).join('.') };
      }
      return undefined;
    }
    if (!call.callee && /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)+$/.test(call.calleeText)) {
      const [head, ...member] = call.calleeText.split('.');
      const sameScope = (c: CallRecord): boolean =>
        c.scope.kind === 'module' || (c.scope.kind === 'function' && call.scope.kind === 'function' && c.scope.function === call.scope.function);
      // The last call before this one bound to that name in the module body or in the same function.
      // A call in a function body can be made on what its function bound; one outside, only on what the module body did.
      const bound = boundCallsOf(summary, inFunctionBody(call)).get(head!) ?? [];
      let creator: CallRecord | undefined;
      for (const c of bound) {
        if (c.id >= call.id) break;
        if (sameScope(c)) creator = c;
      }
      if (creator) return { object: { path, call: creator }, method: member.join('.') };
    }
    return undefined;
  }

  /**
   * The classes from outside the project that the project class a call makes derives from, nearest
   * first, through project bases in any module: `IndicoFlask(__name__)`, with `class
   * IndicoFlask(Flask)` in `app/core.py`, gives `flask.Flask`, as CPython's MRO would reach it.
   * Empty when the callee is no project class.
   */
  externalBasesOf(path: string, call: CallRecord): readonly string[] {
    const cls = this.project.calls.classCalled(path, call);
    return cls ? this.project.calls.externalBasesOf(cls) : [];
  }

  /** `NAME = <literal>` assignments of a module, when the summary carries them. */
  assignments(path: string): LiteralAssignment[] | undefined {
    return this.summaries.get(path)?.assignments;
  }
}

const boundCalls = new WeakMap<ModuleSummary, Map<string, CallRecord[]>>();
const boundCallsOutside = new WeakMap<ModuleSummary, Map<string, CallRecord[]>>();

/**
 * A module's calls by the name each is bound to (`boundNameOf`), in order: indexed once per module.
 * Without `inBodies`, only the calls outside function bodies (their bodies stay packed).
 */
function boundCallsOf(summary: ModuleSummary, inBodies: boolean): Map<string, CallRecord[]> {
  const cache = inBodies ? boundCalls : boundCallsOutside;
  let byName = cache.get(summary);
  if (!byName) {
    byName = new Map();
    for (const call of inBodies ? summary.calls : callsOutsideFunctions(summary)) {
      const name = boundNameOf(call);
      if (name !== undefined) push(byName, name, call);
    }
    cache.set(summary, byName);
  }
  return byName;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

/** `route` of `bp.route`. */
export function lastSegment(dotted: string): string {
  return dotted.slice(dotted.lastIndexOf('.') + 1);
}

function inOrder(a: LocatedCall, b: LocatedCall): number {
  return a.order[0] - b.order[0] || a.order[1] - b.order[1];
}

const lastBound = new WeakMap<ModuleSummary, Map<string, CallRecord>>();

/** The last module-level call bound to each name (`boundNameOf`), indexed once per module. */
function lastBoundAtModuleLevel(summary: ModuleSummary): Map<string, CallRecord> {
  let byName = lastBound.get(summary);
  if (!byName) {
    byName = new Map();
    for (const call of callsOutsideFunctions(summary)) {
      if (call.scope.kind !== 'module') continue;
      const name = boundNameOf(call);
      if (name !== undefined) byName.set(name, call);
    }
    lastBound.set(summary, byName);
  }
  return byName;
}

/** Where an entry is seen, for the report: the statement when the call is one, else the call itself. */
export function evidenceOf(call: CallRecord): EntryEvidence {
  if (call.placement.kind === 'with-item') {
    // `with Configurator() as config: ...`: the with line, not its body.
    const name = boundNameOf(call);
    return { line: call.span.line, column: call.span.column, text: `with ${call.text}${name ? ` as ${name}` : ''}` };
  }
  const nested = !call.boundTo && call.placement.kind !== 'decorator' && !call.statementText.startsWith(call.text.slice(0, 40));
  return { line: call.span.line, column: call.span.column, text: nested ? call.text : call.statementText };
}

/** For modules loaded by name, with no statement of their own that makes them an entry. */
export function moduleEvidence(name: string): EntryEvidence {
  return { line: 1, column: 1, text: name };
}

/** The argument at `position`, or given as `keyword=`. */
export function argumentOf(call: CallRecord, position: number | undefined, keyword?: string): CallRecord['args'][number] | undefined {
  if (keyword) {
    const named = call.args.find((a) => a.keyword === keyword);
    if (named) return named;
  }
  if (position === undefined) return undefined;
  return call.args.filter((a) => a.keyword === undefined && !a.text.startsWith('*'))[position];
}

/** The literal an argument holds (a string, a list of strings...), parsed from its source text. */
export function argumentLiteral(call: CallRecord, position: number | undefined, keyword?: string): PythonLiteral | undefined {
  const arg = argumentOf(call, position, keyword);
  if (!arg) return undefined;
  if (typeof arg.literal === 'string') return { kind: 'string', value: arg.literal };
  return parsePythonLiteral(arg.text);
}

/** The strings of an argument that is a string or a list/tuple of strings. */
export function argumentStrings(call: CallRecord, position: number | undefined, keyword?: string): string[] | undefined {
  const literal = argumentLiteral(call, position, keyword);
  return literal ? stringsOf(literal) : undefined;
}

/** True when `inner` lies within `outer` (and is not `outer`). */
export function spanWithin(inner: SourceSpan, outer: SourceSpan): boolean {
  const startsAfter = inner.line > outer.line || (inner.line === outer.line && inner.column >= outer.column);
  const endsBefore = inner.endLine < outer.endLine || (inner.endLine === outer.endLine && inner.endColumn <= outer.endColumn);
  const same = inner.line === outer.line && inner.column === outer.column && inner.endLine === outer.endLine && inner.endColumn === outer.endColumn;
  return startsAfter && endsBefore && !same;
}

/** `1 route`, `3 routes`. */
export function counted(count: number, unit: readonly [string, string]): string {
  return `${count} ${count === 1 ? unit[0] : unit[1]}`;
}
