import type { CallRecord, ModuleSummary } from '../extract/summary.js';
import type { CallResolver } from '../resolve/calls.js';
import type { ModuleIndex } from '../resolve/moduleIndex.js';
import type { ResolvedImport } from '../resolve/resolveImports.js';

/** What entry detection may read: the whole project, since registration can span files. */
export interface ProjectView {
  summaries: ReadonlyMap<string, ModuleSummary>;
  index: ModuleIndex;
  resolved: ReadonlyMap<string, readonly ResolvedImport[]>;
  calls: CallResolver;
}

/**
 * An entry is a module that a web server or worker imports in every process: it is where the
 * chains in our findings start. Frameworks are described as data; detection reads summaries.
 */
export interface EntryPoint {
  path: string;
  framework: string;
  /** `app`: the application object lives here; `routes`: handlers are registered here. */
  kind: 'app' | 'routes';
  /** "Flask blueprint `api_bp`", "FastAPI app `app`". */
  description: string;
  evidence: { line: number; column: number; text: string };
  /** Number of route registrations seen in the module. */
  routes: number;
}

interface FrameworkSpec {
  framework: string;
  apps: { callees: string[]; noun: string }[];
  routers: { callees: string[]; noun: string }[];
  /** Methods of an app or router used as route decorators: `@bp.route("/")`. */
  routeDecorators: string[];
  /** Methods that register a route by call: `bp.add_url_rule(...)`. */
  routeCalls: string[];
}

const FRAMEWORKS: FrameworkSpec[] = [
  {
    framework: 'Flask',
    apps: [{ callees: ['flask.Flask', 'flask.app.Flask'], noun: 'app' }],
    routers: [{ callees: ['flask.Blueprint', 'flask.blueprints.Blueprint'], noun: 'blueprint' }],
    routeDecorators: ['route', 'get', 'post', 'put', 'patch', 'delete'],
    routeCalls: ['add_url_rule'],
  },
  {
    framework: 'FastAPI',
    apps: [{ callees: ['fastapi.FastAPI', 'fastapi.applications.FastAPI'], noun: 'app' }],
    routers: [{ callees: ['fastapi.APIRouter', 'fastapi.routing.APIRouter'], noun: 'router' }],
    routeDecorators: ['get', 'post', 'put', 'patch', 'delete', 'options', 'head', 'trace', 'api_route', 'websocket', 'route'],
    routeCalls: ['add_api_route', 'add_api_websocket_route', 'add_route', 'add_websocket_route'],
  },
];

/** Every entry of the project, in path order. */
export function detectEntries(project: ProjectView): EntryPoint[] {
  return [...project.summaries.values()].flatMap(detectModuleEntries);
}

function detectModuleEntries(summary: ModuleSummary): EntryPoint[] {
  const found: EntryPoint[] = [];
  for (const spec of FRAMEWORKS) {
    const objects = new Map<number, { kind: 'app' | 'routes'; noun: string; call: CallRecord }>();
    for (const call of summary.calls) {
      if (!call.callee || call.calleeIsLocal) continue;
      const app = spec.apps.find((a) => a.callees.includes(call.callee!));
      if (app) objects.set(call.id, { kind: 'app', noun: app.noun, call });
      const router = spec.routers.find((r) => r.callees.includes(call.callee!));
      if (router) objects.set(call.id, { kind: 'routes', noun: router.noun, call });
    }
    if (objects.size === 0) continue;
    const routeCounts = new Map<number, number>();
    for (const call of summary.calls) {
      const receiver = call.receiver;
      if (!receiver || !objects.has(receiver.callId)) continue;
      const isRoute =
        (call.placement.kind === 'decorator' && spec.routeDecorators.includes(receiver.method)) ||
        spec.routeCalls.includes(receiver.method);
      if (isRoute) routeCounts.set(receiver.callId, (routeCounts.get(receiver.callId) ?? 0) + 1);
    }
    for (const [id, object] of objects) {
      const routes = routeCounts.get(id) ?? 0;
      // A router with no route here is plumbing; an app is an entry either way: the server loads it.
      if (object.kind === 'routes' && routes === 0) continue;
      const name = object.call.boundTo ? ` \`${object.call.boundTo}\`` : '';
      const factory = object.call.scope.kind === 'function' ? ` (built in \`${object.call.scope.function}()\`)` : '';
      found.push({
        path: summary.path,
        framework: spec.framework,
        kind: object.kind,
        description: `${spec.framework} ${object.noun}${name}${factory}${routes ? ` with ${routes} route${routes === 1 ? '' : 's'}` : ''}`,
        evidence: { line: object.call.span.line, column: object.call.span.column, text: object.call.statementText },
        routes,
      });
    }
  }
  return found;
}

/** Constructors of framework application objects: a function that calls one is an app factory. */
export function isAppConstructor(callee: string): boolean {
  return FRAMEWORKS.some((spec) => spec.apps.some((app) => app.callees.includes(callee)));
}
