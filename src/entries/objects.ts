import type { CallRecord, ModuleSummary } from '../extract/summary.js';
import type { EntryPoint } from './types.js';
import { summaryLookup } from '../extract/lookup.js';
import { bodyCallsOf, callsOutsideFunctions, type BodyCallIndex } from '../extract/packed.js';
import { parsePythonLiteral } from '../extract/pythonLiteral.js';
import { argumentOf, boundNameOf, counted, evidenceOf, lastSegment, memberName, spanWithin, type EntryContext, type LocatedCall, type MemberCall } from './project.js';

/** A class of framework object: `flask.Flask` makes a "Flask app". */
export interface ObjectKind {
  /** Qualified names of the constructors (and factories) that make it. */
  callees: string[];
  /** `app`: the server loads it; `routes`: handlers are registered on it. */
  kind: 'app' | 'routes';
  /** "Flask blueprint", "Celery app". */
  noun: string;
  /** What registrations on it are called: routes by default, tasks for Celery. */
  unit?: readonly [string, string];
  /** An application is an entry wherever it is made; a router only where routes are registered on it. */
  standalone?: boolean;
}

/** Functions that declare a route by themselves, not on an object: `@litestar.get("/")`, `Route("/", h)`. */
export interface RouteFunctions {
  callees: string[];
  /** Only as a decorator (`@shared_task`), only as a plain call (`web.get(...)` in a list), or either. */
  placement?: 'decorator' | 'call';
  /** Entry wording for a module whose routes belong to no object made there: "Litestar route handlers". */
  noun: string;
  unit?: readonly [string, string];
}

/** A framework whose routing is objects with methods, described as data. */
export interface ObjectFramework {
  framework: string;
  objects: ObjectKind[];
  /** Methods of those objects used as route decorators: `@bp.route("/")`. */
  routeDecorators: string[];
  /** Methods that register a route by call: `bp.add_url_rule(...)`, `app.router.add_get(...)`. */
  routeCalls: string[];
  routeFunctions?: RouteFunctions;
  /** Wording for a module registering on an object made in another module (default: "<noun> `name` (from `module`)"). */
  remoteNoun?: string;
  /** Arguments holding a list whose tuple items are routes: Tornado's `Application([(r"/", Main)])`. `method: null` is the constructor. */
  routeLists?: Array<{ method: string | null; position: number; keyword?: string }>;
}

export interface FoundObject {
  path: string;
  call: CallRecord;
  kind: ObjectKind;
}

/** Routes registered on one object from one module. */
export interface RegistrationSite {
  count: number;
  /** The first registration written there (by line). */
  first: CallRecord;
}

export interface ObjectAnalysis {
  objects: FoundObject[];
  /** Per object (`path#callId`), per registering module. */
  registrations: Map<string, Map<string, RegistrationSite>>;
  /** Route functions that belong to no object: per module. */
  loose: Map<string, CallRecord[]>;
}

export function objectKey(path: string, call: CallRecord): string {
  return `${path}#${call.id}`;
}

const DEFAULT_UNIT = ['route', 'routes'] as const;

/** Every object of the framework in the project and the routes registered on each, wherever they are written. */
export function analyzeObjects(spec: ObjectFramework, ctx: EntryContext): ObjectAnalysis {
  // The calls that can make one (of its constructors, or of a project class), in source order.
  const index = ctx.calls();
  const candidates = new Set<LocatedCall>(index.ofProjectClassesFrom(spec.objects.flatMap((kind) => kind.callees)));
  for (const kind of spec.objects) for (const callee of kind.callees) for (const located of index.callsTo(callee)) candidates.add(located);
  const objects = new Map<string, FoundObject>();
  for (const { path, call } of [...candidates].sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1])) {
    const kind = objectKindOf(spec, call, path, ctx);
    if (kind) objects.set(objectKey(path, call), { path, call, kind });
  }
  const registrations = new Map<string, Map<string, RegistrationSite>>();
  const loose = new Map<string, CallRecord[]>();
  if (objects.size === 0 && !spec.routeFunctions) return { objects: [], registrations, loose };

  const register = (object: FoundObject, path: string, call: CallRecord, count = 1): void => {
    const key = objectKey(object.path, object.call);
    const byPath = registrations.get(key) ?? new Map<string, RegistrationSite>();
    const site = byPath.get(path);
    if (!site) byPath.set(path, { count, first: call });
    else {
      site.count += count;
      if (call.span.line < site.first.span.line) site.first = call;
    }
    registrations.set(key, byPath);
  };
  const lastSegments = new Set([...spec.routeDecorators, ...spec.routeCalls, ...(spec.routeLists ?? []).map((l) => l.method ?? '')].map(lastSegment));
  // The modules where the loops below can find anything: calls on an object of the framework that
  // register routes (decorators by a route decorator's name, calls by a route call's or a route
  // list's), the objects themselves (route lists), calls of a route function (and their containers).
  const active = ctx.modulesCalling({
    ...(objects.size > 0
      ? { decoratorsOnObjects: spec.routeDecorators.map(lastSegment), onObjects: [...spec.routeCalls, ...(spec.routeLists ?? []).flatMap((l) => (l.method ? [l.method] : []))].map(lastSegment) }
      : {}),
    callees: spec.routeFunctions?.callees ?? [],
  });
  for (const object of objects.values()) active.add(object.path);

  for (const [path, summary] of ctx.summaries) {
    if (!active.has(path)) continue;
    // Calls on an object of this framework (registrations, and containers for route functions).
    const onObject = new Map<number, { object: FoundObject; member: MemberCall }>();
    for (const call of summary.calls) {
      const member = memberOnObject(ctx, path, call, objects, lastSegments);
      if (!member) continue;
      onObject.set(call.id, member);
      const method = member.member.method;
      const isRoute = (call.placement.kind === 'decorator' && spec.routeDecorators.includes(method)) || spec.routeCalls.includes(method);
      if (isRoute) register(member.object, path, call);
    }
    for (const list of spec.routeLists ?? []) {
      for (const call of summary.calls) {
        const object = list.method === null ? objects.get(objectKey(path, call)) : onObject.get(call.id)?.member.method === list.method ? onObject.get(call.id)!.object : undefined;
        if (!object) continue;
        const tuples = tupleItems(call, list.position, list.keyword);
        if (tuples > 0) register(object, path, call, tuples);
      }
    }
    const functions = spec.routeFunctions;
    if (!functions) continue;
    for (const call of summary.calls) {
      if (!call.callee || call.calleeIsLocal || !functions.callees.includes(call.callee)) continue;
      if (functions.placement === 'decorator' && call.placement.kind !== 'decorator') continue;
      if (functions.placement === 'call' && call.placement.kind === 'decorator') continue;
      // `Starlette(routes=[Route(...)])`, `app.add_routes([web.get(...)])`: the innermost object call around it.
      const around = summary.calls
        .filter((c) => spanWithin(call.span, c.span))
        .sort((a, b) => b.span.line - a.span.line || b.span.column - a.span.column);
      let owner: FoundObject | undefined;
      for (const container of around) {
        owner = objects.get(objectKey(path, container)) ?? (onObject.get(container.id) ?? memberOnObject(ctx, path, container, objects))?.object;
        if (owner) break;
      }
      if (owner) register(owner, path, call);
      else loose.set(path, [...(loose.get(path) ?? []), call]);
    }
  }
  for (const use of wrappedDecoratorUses(spec, ctx, objects)) {
    if (use.wrapped.object) register(use.wrapped.object, use.path, use.call);
    else loose.set(use.path, [...(loose.get(use.path) ?? []), use.call]);
  }
  // Route functions in a module that makes an object of the framework are taken to be its routes
  // (`routes = [Route(...)]` then `app = Starlette(routes=routes)`).
  for (const [path, calls] of loose) {
    const local = [...objects.values()].find((o) => o.path === path);
    if (!local) continue;
    for (const call of calls) register(local, path, call);
    loose.delete(path);
  }
  return { objects: [...objects.values()], registrations, loose };
}

/** The entries the analysis gives: apps where made, routers where routes are registered, loose route modules. */
export function objectEntries(spec: ObjectFramework, ctx: EntryContext, analysis: ObjectAnalysis): EntryPoint[] {
  const entries: EntryPoint[] = [];
  for (const object of analysis.objects) {
    const sites = analysis.registrations.get(objectKey(object.path, object.call)) ?? new Map<string, RegistrationSite>();
    const unit = object.kind.unit ?? DEFAULT_UNIT;
    const name = boundNameOf(object.call);
    const named = name ? ` \`${name}\`` : '';
    const here = sites.get(object.path)?.count ?? 0;
    if (object.kind.standalone || here > 0) {
      const factory = object.call.scope.kind === 'function' ? ` (built in \`${object.call.scope.function}()\`)` : '';
      entries.push({
        path: object.path,
        framework: spec.framework,
        kind: object.kind.kind,
        description: `${object.kind.noun}${named}${factory}${here ? ` with ${counted(here, unit)}` : ''}`,
        evidence: evidenceOf(object.call),
        routes: here,
      });
    }
    for (const [path, site] of sites) {
      if (path === object.path) continue;
      const noun = spec.remoteNoun ?? `${object.kind.noun}${named} (from \`${ctx.moduleName(object.path)}\`)`;
      entries.push({
        path,
        framework: spec.framework,
        kind: 'routes',
        description: `${noun} with ${counted(site.count, unit)}`,
        evidence: evidenceOf(site.first),
        routes: site.count,
      });
    }
  }
  for (const [path, calls] of analysis.loose) {
    const functions = spec.routeFunctions!;
    const first = [...calls].sort((a, b) => a.span.line - b.span.line || a.span.column - b.span.column)[0]!;
    // `routes = [Route(...), ...]`: name the list when every route is in the one assignment.
    const target = /^([A-Za-z_]\w*)\s*(?::[^=]*)?=[^=]/.exec(first.statementText)?.[1];
    const named = target && calls.every((c) => c.statementText === first.statementText) ? ` \`${target}\`` : '';
    entries.push({
      path,
      framework: spec.framework,
      kind: 'routes',
      description: `${functions.noun}${named} with ${counted(calls.length, functions.unit ?? DEFAULT_UNIT)}`,
      evidence: evidenceOf(first),
      routes: calls.length,
    });
  }
  return entries;
}

/** The default detection for an object framework: analysis, then entries. */
export function detectObjectFramework(spec: ObjectFramework, ctx: EntryContext): EntryPoint[] {
  return objectEntries(spec, ctx, analyzeObjects(spec, ctx));
}

/**
 * The kind of object a call makes, if any: by constructor name, or through a project subclass of
 * one defined in any module (`class IndicoFlask(Flask)` in `app/core.py`, `IndicoFlask(__name__)` elsewhere).
 */
export function objectKindOf(spec: ObjectFramework, call: CallRecord, path: string, ctx: EntryContext): ObjectKind | undefined {
  if (!call.callee) return undefined;
  const direct = call.calleeIsLocal ? undefined : spec.objects.find((k) => k.callees.includes(call.callee!));
  if (direct) return direct;
  for (const base of ctx.externalBasesOf(path, call)) {
    const kind = spec.objects.find((k) => k.callees.includes(base));
    if (kind) return kind;
  }
  return undefined;
}

/** Calls made on an object of the framework: `app.task(...)`, `app.autodiscover_tasks()`, wherever written. */
export function callsOnObjects(ctx: EntryContext, objects: readonly FoundObject[], methods: readonly string[]): Array<{ path: string; call: CallRecord; object: FoundObject; method: string }> {
  const byKey = new Map(objects.map((o) => [objectKey(o.path, o.call), o]));
  const wanted = new Set(methods.map(lastSegment));
  const found: Array<{ path: string; call: CallRecord; object: FoundObject; method: string }> = [];
  if (objects.length === 0) return found;
  const active = ctx.modulesCalling({ onObjects: wanted });
  const holding = new Set(objects.map((o) => o.path));
  for (const [path, summary] of ctx.summaries) {
    if (!active.has(path)) continue;
    // In a module that made none of the objects, a method is called on one through its name only.
    if (!holding.has(path) && !callsByProjectName(ctx, summary, wanted)) continue;
    for (const call of summary.calls) {
      const member = memberOnObject(ctx, path, call, byKey, wanted);
      if (member && methods.includes(member.member.method)) found.push({ path, call, object: member.object, method: member.member.method });
    }
  }
  return found;
}

/** A framework decorator as a project function hands it out: one registering on an object, or a route function. */
interface Wrapped {
  object?: FoundObject;
}

/** Project functions wrapping wrappers of a framework decorator that are followed. */
const MAX_WRAPPER_DEPTH = 3;

/**
 * Where the project applies a framework decorator that one of its own functions wraps: `def
 * actor(fn=None, **kw): return dramatiq.actor(fn, **kw)` in `polar/worker/__init__.py`, then
 * `@actor` in any module; `def task(*a, **kw): return celery_app.task(*a, **kw)`. A module-level
 * function that calls the framework's decorator in its body, or in a function nested in it (the
 * decorator it returns), is that decorator wherever it decorates; so is a function calling such a
 * function. Route functions used only as plain calls (`Route(...)`) are no decorators to wrap.
 */
function wrappedDecoratorUses(spec: ObjectFramework, ctx: EntryContext, objects: ReadonlyMap<string, FoundObject>): Array<{ path: string; call: CallRecord; wrapped: Wrapped }> {
  const wrappers = new Map<string, Wrapped>();
  const decoratorMethods = new Set(spec.routeDecorators.map(lastSegment));
  const functions = spec.routeFunctions && spec.routeFunctions.placement !== 'call' ? spec.routeFunctions.callees : [];
  const holding = new Set([...objects.values()].map((o) => o.path));
  for (const [path, summary] of ctx.summaries) {
    // Only calls in function bodies are looked at: a module is unpacked when its bodies have one (see packed.ts).
    const bodies = bodyCallsOf(summary);
    if (!bodies.callees.some((c) => functions.includes(c)) && !(objects.size > 0 && mayCallOnObject(ctx, bodies, decoratorMethods, holding.has(path)))) continue;
    for (const call of summary.calls) {
      if (call.scope.kind !== 'function') continue;
      let wrapped: Wrapped | undefined;
      if (call.callee && !call.calleeIsLocal && functions.includes(call.callee)) wrapped = {};
      else if (objects.size > 0 && decoratorMethods.size > 0) {
        const member = memberOnObject(ctx, path, call, objects, decoratorMethods);
        if (member && spec.routeDecorators.includes(member.member.method)) wrapped = { object: member.object };
      }
      const key = wrapped && enclosingFunction(ctx, path, call);
      if (key && !wrappers.has(key)) wrappers.set(key, wrapped!);
    }
  }
  if (wrappers.size === 0) return [];
  /** Each call of a wrapper, with what it wraps. */
  const eachWrapperCall = (visit: (path: string, call: CallRecord, wrapped: Wrapped) => void): void => {
    const names = new Set([...wrappers.keys()].map((key) => key.slice(key.lastIndexOf('::') + 2)));
    const named = (callee: string): boolean => names.has(lastSegment(callee));
    for (const [path, summary] of ctx.summaries) {
      // A module whose calls name none of them is not unpacked (see packed.ts).
      const bodies = bodyCallsOf(summary);
      if (!callsOutsideFunctions(summary).some((c) => c.callee !== undefined && named(c.callee)) && !bodies.callees.some(named) && !bodies.localCallees.some(named)) continue;
      for (const call of summary.calls) {
        if (!call.callee || !names.has(lastSegment(call.callee))) continue;
        const called = functionCalled(ctx, path, call);
        const wrapped = called ? wrappers.get(called) : undefined;
        if (wrapped) visit(path, call, wrapped);
      }
    }
  };
  // Wrappers of wrappers, until no more are found.
  for (let depth = 0, grew = true; grew && depth < MAX_WRAPPER_DEPTH; depth++) {
    grew = false;
    eachWrapperCall((path, call, wrapped) => {
      const key = enclosingFunction(ctx, path, call);
      if (key && !wrappers.has(key)) {
        wrappers.set(key, wrapped);
        grew = true;
      }
    });
  }
  const uses: Array<{ path: string; call: CallRecord; wrapped: Wrapped }> = [];
  eachWrapperCall((path, call, wrapped) => {
    if (call.placement.kind === 'decorator') uses.push({ path, call, wrapped });
  });
  return uses;
}

/**
 * Whether some call in a function of the module's top level (or one nested in it) indexed by
 * `bodies` may be one of `methods` called on an object of the project: only such a call makes its
 * function a wrapper (see `enclosingFunction`).
 */
function mayCallOnObject(ctx: EntryContext, bodies: BodyCallIndex, methods: ReadonlySet<string>, holdsObject: boolean): boolean {
  if (!bodies.inModuleFunctions.some((name) => methods.has(name))) return false;
  for (const member of ctx.membersOnProjectObjects(bodies, holdsObject)) if (methods.has(member)) return true;
  return false;
}

/**
 * Whether a call of the module, outside function bodies or in them, may be one of `methods` called
 * on an object of the project through a qualified name (`app.conf.update` with `app` imported), read
 * without unpacking the module's bodies.
 */
function callsByProjectName(ctx: EntryContext, summary: ModuleSummary, methods: ReadonlySet<string>): boolean {
  const named = (callee: string): boolean => {
    const member = ctx.memberOnProjectName(callee);
    return member !== undefined && methods.has(member);
  };
  return callsOutsideFunctions(summary).some((c) => c.callee !== undefined && !c.calleeIsLocal && named(c.callee)) || bodyCallsOf(summary).callees.some(named);
}

/** `path::actor` for a call written in the module-level function `actor` or in one nested in it. */
function enclosingFunction(ctx: EntryContext, path: string, call: CallRecord): string | undefined {
  if (call.scope.kind !== 'function') return undefined;
  const outer = call.scope.function.split('.')[0]!;
  return summaryLookup(ctx.summaries.get(path)!).functionLine(outer) !== undefined ? `${path}::${outer}` : undefined;
}

/** `path::actor`: the project function a call runs, through imports and re-exports. */
function functionCalled(ctx: EntryContext, path: string, call: CallRecord): string | undefined {
  if (call.calleeIsLocal) return summaryLookup(ctx.summaries.get(path)!).functionLine(call.callee!) !== undefined ? `${path}::${call.callee}` : undefined;
  const ref = ctx.project.calls.resolveQualified(path, call.callee!, 0);
  return ref?.kind === 'function' ? `${ref.path}::${ref.qualname}` : undefined;
}

function memberOnObject(
  ctx: EntryContext,
  path: string,
  call: CallRecord,
  objects: ReadonlyMap<string, FoundObject>,
  lastSegments?: ReadonlySet<string>,
): { object: FoundObject; member: MemberCall } | undefined {
  if (objects.size === 0) return undefined;
  // Cheap filter before resolving names across files (the one `EntryContext.modulesCalling` indexes).
  const name = memberName(call);
  if (name === undefined || (lastSegments && !lastSegments.has(name))) return undefined;
  const member = ctx.memberCall(path, call);
  if (!member) return undefined;
  const object = objects.get(objectKey(member.object.path, member.object.call));
  return object ? { object, member } : undefined;
}

function tupleItems(call: CallRecord, position: number, keyword?: string): number {
  const arg = argumentOf(call, position, keyword);
  if (!arg) return 0;
  const literal = parsePythonLiteral(arg.text);
  return literal.kind === 'list' || literal.kind === 'tuple' ? literal.items.filter((i) => i.kind === 'tuple').length : 0;
}
