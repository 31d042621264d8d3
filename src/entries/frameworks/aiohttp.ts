import type { CallRecord } from '../../extract/summary.js';
import type { EntryPoint } from '../types.js';
import { analyzeObjects, objectEntries, objectKey } from '../objects.js';
import { counted, evidenceOf, type EntryContext } from '../project.js';
import { AIOHTTP } from './web.js';

/**
 * `app.router.add_get(...)` with methods only aiohttp's `UrlDispatcher` has. `add_route` is shared
 * with Starlette's router, so it counts only in a module that imports aiohttp.
 */
const DISPATCHER_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'view', 'static', 'route'];
const DISPATCHER_CALL = new RegExp(`(?:^|\\.)router\\.add_(${DISPATCHER_METHODS.join('|')})$`);

/**
 * aiohttp, plus the routes its documentation registers in a function handed the app (`def
 * setup_routes(app): app.router.add_get("/", index)`, called by the module that makes the app):
 * no object of the project is the receiver there, yet the module's handlers are what requests run.
 */
export function detectAiohttp(ctx: EntryContext): EntryPoint[] {
  const analysis = analyzeObjects(AIOHTTP, ctx);
  const entries = objectEntries(AIOHTTP, ctx, analysis);
  const known = new Set(analysis.objects.map((o) => objectKey(o.path, o.call)));
  // The method names the dispatcher pattern takes, as `memberName` gives them.
  const registering = ctx.modulesCalling({ members: DISPATCHER_METHODS.map((m) => `add_${m}`) });
  for (const [path, summary] of ctx.summaries) {
    if (!registering.has(path)) continue;
    const importsAiohttp = summary.imports.some((r) => r.module === 'aiohttp' || r.module.startsWith('aiohttp.'));
    const calls = summary.calls.filter((call) => {
      const method = DISPATCHER_CALL.exec(call.calleeText)?.[1];
      if (!method || (method === 'route' && !importsAiohttp)) return false;
      const member = ctx.memberCall(path, call);
      return !member || !known.has(objectKey(member.object.path, member.object.call));
    });
    if (calls.length > 0) entries.push(parameterRoutes(path, calls));
  }
  return entries;
}

function parameterRoutes(path: string, calls: readonly CallRecord[]): EntryPoint {
  const first = calls[0]!;
  const functions = new Set(calls.map((c) => (c.scope.kind === 'function' ? c.scope.function : '')));
  const [only] = functions;
  const where = functions.size === 1 && only ? ` (registered in \`${only}()\`)` : '';
  return {
    path,
    framework: AIOHTTP.framework,
    kind: 'routes',
    description: `aiohttp router routes${where} with ${counted(calls.length, ['route', 'routes'])}`,
    evidence: evidenceOf(first),
    routes: calls.length,
  };
}
