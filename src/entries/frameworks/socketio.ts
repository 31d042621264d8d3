import type { EntryPoint } from '../types.js';
import { detectHandlerClasses, type HandlerClasses } from '../classes.js';
import { detectObjectFramework, type ObjectFramework } from '../objects.js';
import type { EntryContext } from '../project.js';

const EVENT_HANDLERS = ['event handler', 'event handlers'] as const;

/**
 * python-socketio: a `Server`/`AsyncServer` with handlers registered by `@sio.on("chat")`,
 * `@sio.event`, `sio.on("chat", handler)` or `sio.register_namespace(ChatNamespace("/chat"))`, and
 * the `WSGIApp`/`ASGIApp` that a WSGI or ASGI server loads around it; Flask-SocketIO's `SocketIO`
 * the same way (`socketio.on_event("chat", handler)`, `socketio.on_namespace(...)`).
 */
export const SOCKETIO: ObjectFramework = {
  framework: 'Socket.IO',
  objects: [
    {
      callees: ['socketio.Server', 'socketio.server.Server', 'socketio.AsyncServer', 'socketio.async_server.AsyncServer'],
      kind: 'app',
      noun: 'Socket.IO server',
      unit: EVENT_HANDLERS,
      standalone: true,
    },
    { callees: ['socketio.WSGIApp', 'socketio.middleware.WSGIApp', 'socketio.Middleware', 'socketio.middleware.Middleware'], kind: 'app', noun: 'Socket.IO WSGI app', standalone: true },
    { callees: ['socketio.ASGIApp', 'socketio.asgi.ASGIApp'], kind: 'app', noun: 'Socket.IO ASGI app', standalone: true },
    // Flask-SocketIO wraps the Flask app, which stays the app the server loads.
    { callees: ['flask_socketio.SocketIO'], kind: 'routes', noun: 'Flask-SocketIO server', unit: EVENT_HANDLERS },
  ],
  routeDecorators: ['on', 'event'],
  routeCalls: ['on', 'register_namespace', 'on_event', 'on_namespace'],
};

/** Class-based namespaces: their `on_<event>` methods are the handlers. */
export const SOCKETIO_NAMESPACES: HandlerClasses = {
  framework: 'Socket.IO',
  bases: ['socketio.Namespace', 'socketio.namespace.Namespace', 'socketio.AsyncNamespace', 'socketio.async_namespace.AsyncNamespace', 'flask_socketio.Namespace', 'flask_socketio.namespace.Namespace'],
  noun: ['Socket.IO namespace', 'Socket.IO namespaces'],
};

export function detectSocketIO(ctx: EntryContext): EntryPoint[] {
  return [...detectObjectFramework(SOCKETIO, ctx), ...detectHandlerClasses(SOCKETIO_NAMESPACES, ctx)];
}
