import type { CallRecord } from '../../extract/summary.js';
import type { ModuleEntry } from '../../resolve/moduleIndex.js';
import type { EntryPoint, EntrySite } from '../types.js';
import { analyzeObjects, callsOnObjects, objectEntries, type FoundObject, type ObjectFramework } from '../objects.js';
import { argumentLiteral, argumentOf, argumentStrings, boundNameOf, evidenceOf, moduleEvidence, type EntryContext } from '../project.js';
import { stringsOf } from '../../extract/pythonLiteral.js';
import { installedApps } from './django.js';

/**
 * A Celery worker imports the module that makes the app, then, at start-up
 * (`app.loader.import_default_modules()`), the modules named in `include=[...]` / `imports`
 * and, for `autodiscover_tasks()`, `<package>.tasks` of each package named (of each installed
 * Django app when none is). Tasks are registered with `@app.task` / `@shared_task`.
 */
export const CELERY: ObjectFramework = {
  framework: 'Celery',
  objects: [
    {
      callees: ['celery.Celery', 'celery.app.Celery', 'celery.app.base.Celery'],
      kind: 'app',
      noun: 'Celery app',
      unit: ['task', 'tasks'],
      standalone: true,
    },
  ],
  routeDecorators: ['task'],
  routeCalls: ['register_task'],
  routeFunctions: { callees: ['celery.shared_task', 'celery.app.shared_task'], placement: 'decorator', noun: 'Celery tasks module', unit: ['task', 'tasks'] },
  remoteNoun: 'Celery tasks module',
};

/** Dramatiq: `@dramatiq.actor` functions; the `dramatiq` worker imports the modules it is given. */
export const DRAMATIQ: ObjectFramework = {
  framework: 'Dramatiq',
  objects: [],
  routeDecorators: [],
  routeCalls: [],
  routeFunctions: { callees: ['dramatiq.actor', 'dramatiq.actor.actor'], placement: 'decorator', noun: 'Dramatiq actors module', unit: ['actor', 'actors'] },
};

const LINK_METHODS = ['autodiscover_tasks', 'config_from_object', 'conf.update'];

export function detectCelery(ctx: EntryContext): EntryPoint[] {
  const analysis = analyzeObjects(CELERY, ctx);
  const entries = objectEntries(CELERY, ctx, analysis);
  const linked = (module: ModuleEntry, how: string, site: EntrySite, noun = 'Celery tasks module'): void => {
    const existing = entries.find((e) => e.path === module.path && e.framework === 'Celery' && e.kind === 'routes');
    if (existing) {
      if (!existing.registeredBy) {
        if (how) existing.description += ` (${how})`;
        existing.registeredBy = site;
      }
      return;
    }
    if (entries.some((e) => e.path === module.path && e.framework === 'Celery')) return;
    entries.push({ path: module.path, framework: 'Celery', kind: 'routes', description: how ? `${noun} (${how})` : noun, evidence: moduleEvidence(module.name), routes: 0, registeredBy: site });
  };

  for (const app of analysis.objects) {
    const appName = describeApp(app);
    // `Celery("proj", include=["proj.tasks"])`.
    for (const name of argumentStrings(app.call, undefined, 'include') ?? []) {
      const module = ctx.lookup(name, app.path);
      if (module) linked(module, `included by ${appName}`, siteOf(app.path, app.call));
    }
  }
  for (const { path, call, object, method } of callsOnObjects(ctx, analysis.objects, LINK_METHODS)) {
    const appName = describeApp(object);
    const site = siteOf(path, call);
    if (method === 'autodiscover_tasks') {
      for (const { module, found } of autodiscovered(ctx, path, call)) {
        if (found) linked(module, `autodiscovered by ${appName}`, site);
        // No tasks module: Celery still imported the package to look for one.
        else linked(module, '', site, `package searched for tasks by ${appName}`);
      }
    } else if (method === 'config_from_object') {
      // `app.config_from_object("proj.celeryconfig")`: read when the app is configured, at start-up.
      const name = argumentOf(call, 0, 'obj')?.literal;
      const module = typeof name === 'string' && !name.includes(':') ? ctx.lookup(name, path) : undefined;
      if (module) {
        linked(module, `configures ${appName}`, site, 'Celery config module');
        for (const setting of ['imports', 'include']) {
          const value = ctx.assignments(module.path)?.find((a) => a.name === setting)?.value;
          for (const imported of typeof value === 'string' ? [value] : (value ?? [])) {
            const target = ctx.lookup(imported, module.path);
            if (target) linked(target, `imported by ${appName}`, site);
          }
        }
      }
    } else {
      // `app.conf.update(include=[...], imports=[...])`.
      for (const keyword of ['include', 'imports']) {
        for (const name of argumentStrings(call, undefined, keyword) ?? []) {
          const module = ctx.lookup(name, path);
          if (module) linked(module, `imported by ${appName}`, site);
        }
      }
    }
  }
  return entries;
}

/** `autodiscover_tasks(["proj.billing"])` → `proj.billing.tasks`; with no packages, the installed Django apps'. */
function autodiscovered(ctx: EntryContext, path: string, call: CallRecord): Array<{ module: ModuleEntry; found: boolean }> {
  const packagesLiteral = argumentLiteral(call, 0, 'packages');
  const related = argumentOf(call, 1, 'related_name');
  const relatedName = related === undefined ? 'tasks' : typeof related.literal === 'string' ? related.literal : related.literal === null ? null : undefined;
  if (relatedName === undefined) return [];
  const listed = packagesLiteral ? stringsOf(packagesLiteral) : undefined;
  // None, or a callable such as `lambda: settings.INSTALLED_APPS`: the Django fix-up's apps.
  const packages = listed ?? (packagesLiteral === undefined || packagesLiteral.kind === 'other' ? installedApps(ctx).map((a) => a.name) : []);
  const found: Array<{ module: ModuleEntry; found: boolean }> = [];
  for (const name of packages) {
    // Celery walks up one level when the name is not a module (`polls.apps.PollsConfig`).
    const base = ctx.lookup(name, path) ? name : name.split('.').slice(0, -1).join('.');
    const pkg = base ? ctx.lookup(base, path) : undefined;
    if (!pkg) continue;
    const module = relatedName ? ctx.lookup(`${base}.${relatedName}`, path) : pkg;
    if (!found.some((f) => f.module === (module ?? pkg))) found.push({ module: module ?? pkg, found: module !== undefined });
  }
  return found;
}

function describeApp(app: FoundObject): string {
  const name = boundNameOf(app.call);
  return name ? `app \`${name}\`` : 'the Celery app';
}

function siteOf(path: string, call: CallRecord): EntrySite {
  return { path, line: call.span.line, column: call.span.column, text: evidenceOf(call).text };
}
