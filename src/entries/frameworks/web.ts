import type { ObjectFramework } from '../objects.js';

/**
 * Web frameworks whose routing is an application object, routers or blueprints, and methods
 * that register handlers on them: described as data, detected by `objects.ts`.
 */

const HTTP_VERBS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];

/** Flask, with Flask-RESTful's `Api` and flask-smorest's `Blueprint`, which register routes the same way. */
export const FLASK: ObjectFramework = {
  framework: 'Flask',
  objects: [
    { callees: ['flask.Flask', 'flask.app.Flask'], kind: 'app', noun: 'Flask app', standalone: true },
    { callees: ['flask.Blueprint', 'flask.blueprints.Blueprint'], kind: 'routes', noun: 'Flask blueprint' },
    { callees: ['flask_restful.Api'], kind: 'routes', noun: 'Flask-RESTful API', unit: ['resource', 'resources'] },
    { callees: ['flask_smorest.Blueprint', 'flask_smorest.blueprint.Blueprint'], kind: 'routes', noun: 'flask-smorest blueprint' },
  ],
  // `resource` is Flask-RESTful's `@api.resource("/todos")`.
  routeDecorators: ['route', 'get', 'post', 'put', 'patch', 'delete', 'resource'],
  routeCalls: ['add_url_rule', 'add_resource'],
};

export const FASTAPI: ObjectFramework = {
  framework: 'FastAPI',
  objects: [
    { callees: ['fastapi.FastAPI', 'fastapi.applications.FastAPI'], kind: 'app', noun: 'FastAPI app', standalone: true },
    { callees: ['fastapi.APIRouter', 'fastapi.routing.APIRouter'], kind: 'routes', noun: 'FastAPI router' },
  ],
  routeDecorators: [...HTTP_VERBS, 'trace', 'api_route', 'websocket', 'route', 'websocket_route'],
  routeCalls: ['add_api_route', 'add_api_websocket_route', 'add_route', 'add_websocket_route', 'mount', 'host'],
};

/** Starlette: route lists (`Route`, `WebSocketRoute`, `Mount`, `Host`) passed to `Starlette(routes=...)` or a `Router`. */
export const STARLETTE: ObjectFramework = {
  framework: 'Starlette',
  objects: [
    { callees: ['starlette.applications.Starlette'], kind: 'app', noun: 'Starlette app', standalone: true },
    { callees: ['starlette.routing.Router'], kind: 'routes', noun: 'Starlette router' },
  ],
  routeDecorators: [],
  routeCalls: ['add_route', 'add_websocket_route', 'mount', 'host', 'router.add_route', 'router.add_websocket_route'],
  routeFunctions: {
    callees: ['starlette.routing.Route', 'starlette.routing.WebSocketRoute', 'starlette.routing.Mount', 'starlette.routing.Host'],
    placement: 'call',
    noun: 'Starlette route list',
  },
};

export const AIOHTTP: ObjectFramework = {
  framework: 'aiohttp',
  objects: [
    { callees: ['aiohttp.web.Application', 'aiohttp.web_app.Application'], kind: 'app', noun: 'aiohttp app', standalone: true },
    { callees: ['aiohttp.web.RouteTableDef', 'aiohttp.web_routedef.RouteTableDef'], kind: 'routes', noun: 'aiohttp route table' },
  ],
  routeDecorators: [...HTTP_VERBS, 'route', 'view'],
  routeCalls: [
    'static',
    ...[...HTTP_VERBS, 'route', 'view', 'static'].map((m) => `router.add_${m}`),
  ],
  // `app.add_routes([web.get("/", handler), web.view("/v", View)])`.
  routeFunctions: {
    callees: [...HTTP_VERBS, 'route', 'view', 'static'].flatMap((m) => [`aiohttp.web.${m}`, `aiohttp.web_routedef.${m}`]),
    placement: 'call',
    noun: 'aiohttp route definitions',
  },
};

export const SANIC: ObjectFramework = {
  framework: 'Sanic',
  objects: [
    { callees: ['sanic.Sanic', 'sanic.app.Sanic'], kind: 'app', noun: 'Sanic app', standalone: true },
    { callees: ['sanic.Blueprint', 'sanic.blueprints.Blueprint'], kind: 'routes', noun: 'Sanic blueprint' },
  ],
  routeDecorators: ['route', ...HTTP_VERBS, 'websocket'],
  routeCalls: ['add_route', 'add_websocket_route', 'static'],
};

export const QUART: ObjectFramework = {
  framework: 'Quart',
  objects: [
    { callees: ['quart.Quart', 'quart.app.Quart'], kind: 'app', noun: 'Quart app', standalone: true },
    { callees: ['quart.Blueprint', 'quart.blueprints.Blueprint'], kind: 'routes', noun: 'Quart blueprint' },
  ],
  routeDecorators: ['route', 'get', 'post', 'put', 'patch', 'delete', 'websocket'],
  routeCalls: ['add_url_rule', 'add_websocket'],
};

/** Litestar: handlers are declared by module-level decorators (`@get("/")`), in modules or Controller classes. */
export const LITESTAR: ObjectFramework = {
  framework: 'Litestar',
  objects: [
    { callees: ['litestar.Litestar', 'litestar.app.Litestar'], kind: 'app', noun: 'Litestar app', standalone: true },
    { callees: ['litestar.Router', 'litestar.router.Router'], kind: 'routes', noun: 'Litestar router' },
  ],
  routeDecorators: [],
  // `app.register(handler)` adds a handler whose own decorator is counted where it is written.
  routeCalls: [],
  routeFunctions: {
    callees: [...HTTP_VERBS, 'route', 'websocket', 'websocket_listener', 'websocket_stream'].flatMap((m) => [`litestar.${m}`, `litestar.handlers.${m}`]),
    placement: 'decorator',
    noun: 'Litestar route handlers',
  },
};

export const FALCON: ObjectFramework = {
  framework: 'Falcon',
  objects: [{ callees: ['falcon.App', 'falcon.API', 'falcon.app.App', 'falcon.asgi.App', 'falcon.asgi.app.App'], kind: 'app', noun: 'Falcon app', standalone: true }],
  routeDecorators: [],
  routeCalls: ['add_route', 'add_sink', 'add_static_route'],
};

/** Bottle: an app object, or the module-level default app (`@bottle.route("/")`, `bottle.default_app()`). */
export const BOTTLE: ObjectFramework = {
  framework: 'Bottle',
  objects: [
    { callees: ['bottle.Bottle'], kind: 'app', noun: 'Bottle app', standalone: true },
    { callees: ['bottle.default_app', 'bottle.app'], kind: 'app', noun: 'Bottle default app', standalone: true },
  ],
  routeDecorators: ['route', 'get', 'post', 'put', 'patch', 'delete'],
  routeCalls: ['route'],
  routeFunctions: {
    callees: ['route', 'get', 'post', 'put', 'patch', 'delete'].map((m) => `bottle.${m}`),
    placement: 'decorator',
    noun: 'Bottle default-app routes',
  },
};

/**
 * Tornado: `Application([(r"/", MainHandler), url(r"/x", X)])` and `add_handlers(host, [...])`; a
 * `RuleRouter([Rule(PathMatches("/app1/.*"), Application([...])), (r"/x", X)])` and `add_rules([...])`.
 */
export const TORNADO: ObjectFramework = {
  framework: 'Tornado',
  objects: [
    { callees: ['tornado.web.Application'], kind: 'app', noun: 'Tornado app', standalone: true },
    { callees: ['tornado.routing.RuleRouter', 'tornado.routing.ReversibleRuleRouter'], kind: 'app', noun: 'Tornado rule router', standalone: true },
  ],
  routeDecorators: [],
  routeCalls: [],
  routeLists: [
    { method: null, position: 0, keyword: 'handlers' },
    { method: 'add_handlers', position: 1, keyword: 'host_handlers' },
    { method: 'add_rules', position: 0, keyword: 'rules' },
  ],
  routeFunctions: {
    callees: ['tornado.web.url', 'tornado.web.URLSpec', 'tornado.routing.URLSpec', 'tornado.routing.Rule'],
    placement: 'call',
    noun: 'Tornado URL list',
  },
};

/** Django REST framework routers: `router.register(r"users", UserViewSet)`. */
export const DRF: ObjectFramework = {
  framework: 'Django',
  objects: [
    {
      callees: ['rest_framework.routers.DefaultRouter', 'rest_framework.routers.SimpleRouter'],
      kind: 'routes',
      noun: 'DRF router',
      unit: ['viewset', 'viewsets'],
    },
  ],
  routeDecorators: [],
  routeCalls: ['register'],
};
