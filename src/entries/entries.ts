import { injectedFault, internalError, type Diagnostic } from '../diagnostics.js';
import { detectAiohttp } from './frameworks/aiohttp.js';
import { CELERY, detectCelery, DRAMATIQ } from './frameworks/celery.js';
import { detectDjango } from './frameworks/django.js';
import { detectFlaskAdmin, FLASK_ADMIN } from './frameworks/flaskadmin.js';
import { detectPyramid, PYRAMID } from './frameworks/pyramid.js';
import { detectSocketIO, SOCKETIO } from './frameworks/socketio.js';
import { detectHttpServer, detectSocketServer, HTTP_SERVER, SOCKETSERVER, WSGIREF } from './frameworks/stdlib.js';
import { detectTornado } from './frameworks/tornado.js';
import { detectTwisted, TWISTED } from './frameworks/twisted.js';
import { AIOHTTP, BOTTLE, FALCON, FASTAPI, FLASK, LITESTAR, QUART, SANIC, STARLETTE, TORNADO } from './frameworks/web.js';
import { WEBSOCKETS } from './frameworks/websockets.js';
import { markCandidates } from './candidates.js';
import { detectObjectFramework, type ObjectFramework } from './objects.js';
import { EntryContext } from './project.js';
import type { EntryPoint, ProjectView } from './types.js';

export type { EntryEvidence, EntryPoint, EntrySite, ProjectView } from './types.js';

interface FrameworkDetector {
  /** The framework, as internal errors name the detector. */
  name: string;
  detect: (ctx: EntryContext) => EntryPoint[];
  /** The specs whose `app` objects mark a function as an app factory. */
  specs: readonly ObjectFramework[];
}

const plain = (spec: ObjectFramework): FrameworkDetector => ({ name: spec.framework, detect: (ctx) => detectObjectFramework(spec, ctx), specs: [spec] });

const DETECTORS: readonly FrameworkDetector[] = [
  plain(FLASK),
  plain(FASTAPI),
  plain(STARLETTE),
  { name: 'Django', detect: detectDjango, specs: [] },
  { name: 'Celery', detect: detectCelery, specs: [CELERY] },
  plain(DRAMATIQ),
  { name: 'aiohttp', detect: detectAiohttp, specs: [AIOHTTP] },
  { name: 'Tornado', detect: detectTornado, specs: [TORNADO] },
  plain(SANIC),
  plain(QUART),
  plain(LITESTAR),
  plain(FALCON),
  plain(BOTTLE),
  { name: 'Pyramid', detect: detectPyramid, specs: [PYRAMID] },
  { name: 'Socket.IO', detect: detectSocketIO, specs: [SOCKETIO] },
  { name: 'Twisted', detect: detectTwisted, specs: [TWISTED] },
  plain(WEBSOCKETS),
  { name: 'http.server', detect: detectHttpServer, specs: [HTTP_SERVER] },
  { name: 'socketserver', detect: detectSocketServer, specs: [SOCKETSERVER] },
  plain(WSGIREF),
  { name: 'Flask-Admin', detect: detectFlaskAdmin, specs: [FLASK_ADMIN] },
];

/**
 * Every entry of the project, in path order (then by line). A detector that throws (a bug of
 * importleak) adds an internal error to `problems` and no entries; the other detectors still run.
 */
export function detectEntries(project: ProjectView, problems: Diagnostic[] = []): EntryPoint[] {
  const ctx = new EntryContext(project);
  const entries = DETECTORS.flatMap((detector) => {
    try {
      injectedFault('entries', detector.name);
      return detector.detect(ctx);
    } catch (error) {
      problems.push(internalError(`the ${detector.name} entry detector`, '.', error));
      return [];
    }
  });
  markCandidates(entries, project.summaries);
  return entries.sort(
    (a, b) =>
      (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
      a.evidence.line - b.evidence.line ||
      a.evidence.column - b.evidence.column ||
      (a.description < b.description ? -1 : a.description > b.description ? 1 : 0),
  );
}

const APP_CONSTRUCTORS = new Set(
  DETECTORS.flatMap((d) => d.specs.flatMap((spec) => spec.objects.filter((o) => o.kind === 'app').flatMap((o) => o.callees))),
);

/** Constructors of framework application objects: a function that calls one is an app factory. */
export function isAppConstructor(callee: string): boolean {
  return APP_CONSTRUCTORS.has(callee);
}
