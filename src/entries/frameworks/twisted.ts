import type { EntryPoint } from '../types.js';
import { detectHandlerClasses, type HandlerClasses } from '../classes.js';
import { detectObjectFramework, type ObjectFramework } from '../objects.js';
import type { EntryContext } from '../project.js';

/**
 * Twisted web: a `Site` made around a root resource, resource trees built with `putChild`, and
 * the `Resource` subclasses whose `render_GET`/`render_POST` methods handle the requests.
 */
export const TWISTED: ObjectFramework = {
  framework: 'Twisted',
  objects: [
    { callees: ['twisted.web.server.Site'], kind: 'app', noun: 'Twisted site', standalone: true },
    { callees: ['twisted.web.resource.Resource', 'twisted.web.static.File'], kind: 'routes', noun: 'Twisted resource', unit: ['child', 'children'] },
  ],
  routeDecorators: [],
  routeCalls: ['putChild'],
};

export const TWISTED_RESOURCES: HandlerClasses = {
  framework: 'Twisted',
  bases: ['twisted.web.resource.Resource', 'twisted.web.static.File'],
  noun: ['Twisted resource class', 'Twisted resource classes'],
};

export function detectTwisted(ctx: EntryContext): EntryPoint[] {
  return [...detectObjectFramework(TWISTED, ctx), ...detectHandlerClasses(TWISTED_RESOURCES, ctx)];
}
