import type { EntryPoint } from '../types.js';
import { detectHandlerClasses, type HandlerClasses } from '../classes.js';
import { detectObjectFramework, type ObjectFramework } from '../objects.js';
import type { EntryContext } from '../project.js';

/**
 * The standard library's servers: `http.server`, `socketserver` and `wsgiref.simple_server`. The
 * server is made with a handler class (`HTTPServer(("", 8000), Handler)`); each request runs the
 * class's `do_GET`/`handle`. Servers are often made under `if __name__ == "__main__":`, which
 * importleak does not read, so the modules defining handler classes are entries by themselves.
 */
const SOCKETSERVERS = ['TCPServer', 'UDPServer', 'UnixStreamServer', 'UnixDatagramServer', 'ThreadingTCPServer', 'ThreadingUDPServer', 'ForkingTCPServer', 'ForkingUDPServer', 'ThreadingUnixStreamServer', 'ThreadingUnixDatagramServer'];

export const HTTP_SERVER: ObjectFramework = {
  framework: 'http.server',
  objects: [{ callees: ['http.server.HTTPServer', 'http.server.ThreadingHTTPServer'], kind: 'app', noun: 'http.server server', standalone: true }],
  routeDecorators: [],
  routeCalls: [],
};

export const SOCKETSERVER: ObjectFramework = {
  framework: 'socketserver',
  objects: [{ callees: SOCKETSERVERS.map((name) => `socketserver.${name}`), kind: 'app', noun: 'socketserver server', standalone: true }],
  routeDecorators: [],
  routeCalls: [],
};

/** `make_server(host, port, app)` serves a WSGI app: the module that calls it is the one that loads the app. */
export const WSGIREF: ObjectFramework = {
  framework: 'wsgiref',
  objects: [{ callees: ['wsgiref.simple_server.make_server', 'wsgiref.simple_server.WSGIServer'], kind: 'app', noun: 'wsgiref server', standalone: true }],
  routeDecorators: [],
  routeCalls: [],
};

export const HTTP_SERVER_HANDLERS: HandlerClasses = {
  framework: 'http.server',
  bases: ['http.server.BaseHTTPRequestHandler', 'http.server.SimpleHTTPRequestHandler', 'http.server.CGIHTTPRequestHandler'],
  noun: ['http.server request handler', 'http.server request handlers'],
};

export const SOCKETSERVER_HANDLERS: HandlerClasses = {
  framework: 'socketserver',
  bases: ['socketserver.BaseRequestHandler', 'socketserver.StreamRequestHandler', 'socketserver.DatagramRequestHandler'],
  noun: ['socketserver request handler', 'socketserver request handlers'],
};

export function detectHttpServer(ctx: EntryContext): EntryPoint[] {
  return [...detectObjectFramework(HTTP_SERVER, ctx), ...detectHandlerClasses(HTTP_SERVER_HANDLERS, ctx)];
}

export function detectSocketServer(ctx: EntryContext): EntryPoint[] {
  return [...detectObjectFramework(SOCKETSERVER, ctx), ...detectHandlerClasses(SOCKETSERVER_HANDLERS, ctx)];
}
