import { injectedFault, internalError, type Diagnostic } from '../diagnostics.js';
import type { ModuleSummary } from '../extract/summary.js';
import type { CallResolver } from '../resolve/calls.js';
import type { ModuleIndex } from '../resolve/moduleIndex.js';
import type { ResolvedImport } from '../resolve/resolveImports.js';
import { CELERY, detectCelery, DRAMATIQ } from './frameworks/celery.js';
import { detectDjango } from './frameworks/django.js';
import { detectPyramid, PYRAMID } from './frameworks/pyramid.js';
import { detectTornado } from './frameworks/tornado.js';
import { AIOHTTP, BOTTLE, FALCON, FASTAPI, FLASK, LITESTAR, QUART, SANIC, STARLETTE, TORNADO } from './frameworks/web.js';
import { markCandidates } from './candidates.js';
import { detectObjectFramework, type ObjectFramework } from './objects.js';
import { EntryContext } from './project.js';

/** What entry detection may read: the whole project, since registration can span files. */
export interface ProjectView {
  summaries: ReadonlyMap<string, ModuleSummary>;
  index: ModuleIndex;
  resolved: ReadonlyMap<string, readonly ResolvedImport[]>;
  calls: CallResolver;
}

export interface EntryEvidence {
  line: number;
  column: number;
  text: string;
}

/** A statement in some module of the project, as shown to the user. */
export interface EntrySite extends EntryEvidence {
  path: string;
}

/**
 * An entry is a module that a web server or worker imports in every process: it is where the
 * chains in our findings start. Frameworks are described as data; detection reads summaries.
 */
export interface EntryPoint {
  path: string;
  framework: string;
  /** `app`: the application (or what the framework loads to set it up) lives here; `routes`: handlers are registered here. */
  kind: 'app' | 'routes';
  /** "Flask blueprint `api_bp` with 3 routes", "Django URLconf with 2 routes": a short noun phrase. */
  description: string;
  /** Where, in the entry's own file, it is seen (line 1 and the module name for a module loaded by name). */
  evidence: EntryEvidence;
  /** Number of route (or task) registrations seen in the module. */
  routes: number;
  /**
   * Set when the framework loads this module because another module names it: the `include("polls.urls")`,
   * the `INSTALLED_APPS` assignment, the `autodiscover_tasks()` call, the `DJANGO_SETTINGS_MODULE` default.
   */
  registeredBy?: EntrySite;
  /**
   * Set when nothing a deployed process loads reaches this entry (a router in a test module, a task
   * in a management command, an app built in a test function): why, in words. A candidate entry is
   * listed, but findings are not raised to `error` through it.
   */
  candidate?: string;
}

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
  plain(AIOHTTP),
  { name: 'Tornado', detect: detectTornado, specs: [TORNADO] },
  plain(SANIC),
  plain(QUART),
  plain(LITESTAR),
  plain(FALCON),
  plain(BOTTLE),
  { name: 'Pyramid', detect: detectPyramid, specs: [PYRAMID] },
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
