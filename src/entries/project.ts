import { summaryLookup } from '../extract/lookup.js';
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
  byCallee: ReadonlyMap<string, readonly LocatedCall[]>;
  ofProjectClasses: readonly LocatedCall[];
  /**
   * The modules with calls that may be methods called on an object (`app.route(...)`, a method of
   * another call's result), by the method's last name: the only calls `memberCall` can place on an
   * object of the framework whose methods are wanted (see `objects.ts`, `memberOnObject`).
   */
  membersByName: ReadonlyMap<string, ReadonlySet<string>>;
}

/** The method name a call may be a member call by: what `memberOnObject` filters on; undefined when it is none. */
export function memberName(call: CallRecord): string | undefined {
  const written = call.receiver?.method ?? call.callee ?? call.calleeText;
  if (!call.receiver && !written.includes('.')) return undefined;
  return written.slice(written.lastIndexOf('.') + 1);
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
   * Every call of the project, by the qualified name it calls (calls of a local name left out), and
   * the calls that make an instance of a project class with bases from outside the project: built
   * once, so that each framework's detector looks up its constructors instead of scanning every call.
   */
  calls(): CallIndex {
    if (this.callIndex) return this.callIndex;
    const byCallee = new Map<string, LocatedCall[]>();
    const ofProjectClasses: LocatedCall[] = [];
    const membersByName = new Map<string, Set<string>>();
    let file = 0;
    for (const [path, summary] of this.summaries) {
      summary.calls.forEach((call, index) => {
        const member = memberName(call);
        if (member !== undefined) {
          const paths = membersByName.get(member);
          if (paths) paths.add(path);
          else membersByName.set(member, new Set([path]));
        }
        if (!call.callee) return;
        const located = { path, call, order: [file, index] as const };
        if (!call.calleeIsLocal) {
          const list = byCallee.get(call.callee);
          if (list) list.push(located);
          else byCallee.set(call.callee, [located]);
        }
        if (this.externalBasesOf(path, call).length) ofProjectClasses.push(located);
      });
      file++;
    }
    this.callIndex = { byCallee, ofProjectClasses, membersByName };
    return this.callIndex;
  }

  /**
   * The modules where a call may be a member call by one of `names` (method names, as `memberName`
   * gives them), or calls one of `callees` (qualified names of outside the module). A scan for those
   * calls visits only these modules, in the summaries' order.
   */
  modulesCalling(names: Iterable<string>, callees: Iterable<string> = []): Set<string> {
    const index = this.calls();
    const paths = new Set<string>();
    for (const name of names) for (const path of index.membersByName.get(name) ?? []) paths.add(path);
    for (const callee of callees) for (const located of index.byCallee.get(callee) ?? []) paths.add(located.path);
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
      text: '',
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
    if (summary?.calls[call.id] !== call) return this.findMemberCall(path, call);
    let known = this.memberCalls.get(path);
    if (!known) this.memberCalls.set(path, (known = new Array(summary.calls.length)));
    let found = known[call.id];
    if (found === undefined) known[call.id] = found = this.findMemberCall(path, call) ?? null;
    return found ?? undefined;
  }

  private findMemberCall(path: string, call: CallRecord): MemberCall | undefined {
    const summary = this.summaries.get(path);
    if (!summary) return undefined;
    if (call.receiver) {
      const creator = summary.calls[call.receiver.callId];
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
      const bound = boundCallsOf(summary).get(head!) ?? [];
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

/** A module's calls by the name each is bound to (`boundNameOf`), in order: indexed once per module. */
function boundCallsOf(summary: ModuleSummary): Map<string, CallRecord[]> {
  let byName = boundCalls.get(summary);
  if (!byName) {
    byName = new Map();
    for (const call of summary.calls) {
      const name = boundNameOf(call);
      if (name === undefined) continue;
      const list = byName.get(name);
      if (list) list.push(call);
      else byName.set(name, [call]);
    }
    boundCalls.set(summary, byName);
  }
  return byName;
}

/**
 * The name a call's result is bound to: `app = Flask(...)`, or `with Configurator() as config:`
 * (the summary keeps the with statement's text; the `as` name is read from it).
 */
const lastBound = new WeakMap<ModuleSummary, Map<string, CallRecord>>();

/** The last module-level call bound to each name (`boundNameOf`), indexed once per module. */
function lastBoundAtModuleLevel(summary: ModuleSummary): Map<string, CallRecord> {
  let byName = lastBound.get(summary);
  if (!byName) {
    byName = new Map();
    for (const call of summary.calls) {
      if (call.scope.kind !== 'module') continue;
      const name = boundNameOf(call);
      if (name !== undefined) byName.set(name, call);
    }
    lastBound.set(summary, byName);
  }
  return byName;
}

export function boundNameOf(call: CallRecord): string | undefined {
  if (call.boundTo && !call.boundTo.includes('.')) return call.boundTo;
  if (call.placement.kind === 'with-item') {
    const at = call.statementText.indexOf(call.text);
    if (at >= 0) {
      const as = /^\s+as\s+([A-Za-z_]\w*)/.exec(call.statementText.slice(at + call.text.length));
      if (as) return as[1];
    }
  }
  return undefined;
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
