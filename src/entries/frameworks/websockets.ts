import type { ObjectFramework } from '../objects.js';

/**
 * websockets: `serve(handler, host, port)` (the asyncio implementation, the threading one, and the
 * legacy one), and `route(url_map, host, port)` (websockets 14.2 and later), which dispatches on a
 * werkzeug `Map`. The module that starts the server is its entry; handlers are what it imports.
 */
const SERVERS = ['asyncio.server', 'sync.server', 'server', 'legacy.server'].flatMap((m) => [`websockets.${m}.serve`, `websockets.${m}.unix_serve`]);
const ROUTERS = ['asyncio.router', 'sync.router'].flatMap((m) => [`websockets.${m}.route`, `websockets.${m}.unix_route`]);

export const WEBSOCKETS: ObjectFramework = {
  framework: 'websockets',
  objects: [
    { callees: ['websockets.serve', 'websockets.unix_serve', ...SERVERS], kind: 'app', noun: 'websockets server', standalone: true },
    { callees: ['websockets.route', 'websockets.unix_route', ...ROUTERS], kind: 'app', noun: 'websockets router', standalone: true },
  ],
  routeDecorators: [],
  routeCalls: [],
};
