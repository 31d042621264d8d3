import type { CallRecord, ClassRecord } from '../extract/summary.js';
import type { EntryPoint } from './types.js';
import { counted, spanWithin, type EntryContext } from './project.js';

/**
 * Frameworks that route requests to classes: the server is handed a class (`HTTPServer(addr,
 * Handler)`, `Site(Root())`, `admin.add_view(UserView(...))`), often where importleak cannot see it
 * (under `if __name__ == "__main__":`, through a parameter). A module that defines such a class is
 * where requests are handled, so it is an entry of its own.
 */
export interface HandlerClasses {
  framework: string;
  /** Qualified names of the framework's handler base classes. */
  bases: string[];
  /** "http.server request handler", and its plural for several classes. */
  noun: readonly [string, string];
  /** Decorators that expose a method as a route (Flask-Admin's `@expose("/")`): counted as the module's routes. */
  routeDecorators?: string[];
}

/** Classes named in one entry's description; the rest are counted. */
const NAMED = 3;

/** One entry per module that defines, at module level, subclasses of the framework's bases. */
export function detectHandlerClasses(spec: HandlerClasses, ctx: EntryContext): EntryPoint[] {
  const bases = new Set(spec.bases);
  const entries: EntryPoint[] = [];
  for (const [path, summary] of ctx.summaries) {
    const handlers = summary.classes.filter((c) => c.scope.kind === 'module' && ctx.project.calls.externalBasesOf({ path, qualname: c.name, kind: 'class' }).some((b) => bases.has(b)));
    if (handlers.length === 0) continue;
    const rest = handlers.length - NAMED;
    const names = handlers.slice(0, NAMED).map((c) => `\`${c.name}\``).join(', ') + (rest > 0 ? ` and ${rest} more` : '');
    const exposed = spec.routeDecorators ? exposedRoutes(spec.routeDecorators, handlers, summary.calls) : undefined;
    const first = handlers[0]!;
    entries.push({
      path,
      framework: spec.framework,
      kind: 'routes',
      description: `${spec.noun[handlers.length > 1 ? 1 : 0]} ${names}${exposed ? ` with ${counted(exposed, ['route', 'routes'])}` : ''}`,
      evidence: { line: first.span.line, column: first.span.column, text: first.header },
      routes: exposed ?? handlers.length,
    });
  }
  return entries;
}

/** Route decorators written on the methods of the handler classes. */
function exposedRoutes(decorators: readonly string[], handlers: readonly ClassRecord[], calls: readonly CallRecord[]): number {
  return calls.filter(
    (call) =>
      call.placement.kind === 'decorator' &&
      call.callee !== undefined &&
      !call.calleeIsLocal &&
      decorators.includes(call.callee) &&
      handlers.some((c) => spanWithin(call.span, c.span)),
  ).length;
}
