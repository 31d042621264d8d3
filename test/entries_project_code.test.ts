import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../src/pipeline.js';
import { analyzeProject, FIXTURES, writeProject, venvFile } from './support.js';

/**
 * Frameworks used through the project's own code: framework classes subclassed in one module and
 * instantiated in others, framework decorators wrapped in project functions, framework classes
 * imported under other names. CPython (the frameworks' venv) says what each object really is.
 */

const rows = (result: AnalysisResult) =>
  result.entries.map((e) => ({ path: e.path, framework: e.framework, kind: e.kind, description: e.description, line: e.evidence.line }));

const findings = (result: AnalysisResult) =>
  result.findings.map((f) => [
    f.ruleId,
    f.level,
    f.path,
    f.reach.kind === 'entry' ? f.reach.entry.path : f.reach.kind,
    f.reach.kind === 'entry' ? f.reach.chain.map((hop) => `${hop.from} -> ${hop.to}:${hop.line}`) : [],
  ]);

const fixture = (name: string): string => path.join(FIXTURES, 'frameworks', name);

/** Runs `script` in the frameworks' venv with the fixture first on sys.path; its stdout is JSON. */
function askCPython(root: string, script: string): unknown {
  const run = spawnSync(venvFile('.venv-frameworks', 'bin', 'python'), ['-c', script], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONPATH: root },
  });
  if (run.status !== 0) throw new Error(`python failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** `module.name` of every module-level object of these modules that is an instance of a framework class. */
const FRAMEWORK_OBJECTS = (modules: string[]) => `
import importlib, json
import celery, fastapi, flask
kinds = {"Flask app": flask.Flask, "Flask blueprint": flask.Blueprint, "Celery app": celery.Celery, "FastAPI router": fastapi.APIRouter}
found = {}
for name in ${JSON.stringify(modules)}:
    module = importlib.import_module(name)
    for attribute, value in vars(module).items():
        for kind, cls in kinds.items():
            if isinstance(value, cls):
                found[name + "." + attribute] = kind
print(json.dumps(found, sort_keys=True))
`;

describe('framework classes through project subclasses in other modules (fixtures/frameworks/project_subclasses)', () => {
  let result: AnalysisResult;
  beforeAll(async () => {
    result = await analyzeProject(fixture('project_subclasses'));
  });

  it('finds the app, the blueprints (one two project classes away) and the routers made from classes of indico/core.py', () => {
    expect(rows(result)).toEqual([
      { path: 'indico/api.py', framework: 'FastAPI', kind: 'routes', description: 'FastAPI router `router` with 1 route', line: 3 },
      { path: 'indico/app.py', framework: 'Flask', kind: 'app', description: 'Flask app `app`', line: 4 },
      { path: 'indico/modules/admin.py', framework: 'Flask', kind: 'routes', description: 'Flask blueprint `bp` with 1 route', line: 3 },
      { path: 'indico/modules/events.py', framework: 'Flask', kind: 'routes', description: 'Flask blueprint `bp` with 2 routes', line: 6 },
      { path: 'indico/modules/rooms.py', framework: 'Flask', kind: 'routes', description: 'Flask blueprint `bp` with 1 route', line: 3 },
      { path: 'indico/worker.py', framework: 'Celery', kind: 'app', description: 'Celery app `celery` with 1 task', line: 3 },
    ]);
  });

  it('reports the pool a blueprint module imports as an error, through that blueprint', () => {
    expect(findings(result)).toEqual([
      ['IL001', 'error', 'indico/modules/search.py', 'indico/modules/events.py', ['indico/modules/events.py -> indico/modules/search.py:3']],
    ]);
  });

  it('CPython agrees: exactly these module-level objects are Flask apps, blueprints, Celery apps and routers', () => {
    const modules = ['indico.api', 'indico.app', 'indico.core', 'indico.modules.admin', 'indico.modules.events', 'indico.modules.rooms', 'indico.worker'];
    const cpython = askCPython(fixture('project_subclasses'), FRAMEWORK_OBJECTS(modules)) as Record<string, string>;
    const analyzer = Object.fromEntries(
      result.entries.map((e) => [`${result.index.byPath.get(e.path)!.name}.${/`(\w+)`/.exec(e.description)![1]}`, e.description.replace(/ `.*$/, '')]),
    );
    expect(cpython).toEqual(analyzer);
  });
});

describe('framework decorators wrapped by project functions (fixtures/frameworks/wrapped_decorators)', () => {
  let result: AnalysisResult;
  beforeAll(async () => {
    result = await analyzeProject(fixture('wrapped_decorators'));
  });

  it('counts `@actor`, `@task(...)`, a wrapper of a wrapper, a wrapped shared_task and a wrapped `app.route` where they decorate', () => {
    expect(rows(result)).toEqual([
      { path: 'polar/billing.py', framework: 'Celery', kind: 'routes', description: 'Celery tasks module with 2 tasks', line: 4 },
      { path: 'polar/email/tasks.py', framework: 'Dramatiq', kind: 'routes', description: 'Dramatiq actors module with 1 actor', line: 4 },
      { path: 'polar/jobs.py', framework: 'Celery', kind: 'app', description: 'Celery app `celery_app`', line: 3 },
      { path: 'polar/maintenance.py', framework: 'Celery', kind: 'routes', description: 'Celery tasks module with 1 task', line: 4 },
      { path: 'polar/order/tasks.py', framework: 'Dramatiq', kind: 'routes', description: 'Dramatiq actors module with 2 actors', line: 6 },
      { path: 'polar/views.py', framework: 'Flask', kind: 'routes', description: 'Flask app `app` (from `polar.web`) with 2 routes', line: 4 },
      { path: 'polar/web.py', framework: 'Flask', kind: 'app', description: 'Flask app `app`', line: 3 },
    ]);
  });

  it('reports the pool an actors module imports as an error, through that module', () => {
    expect(findings(result)).toEqual([
      ['IL001', 'error', 'polar/order/ledger.py', 'polar/order/tasks.py', ['polar/order/tasks.py -> polar/order/ledger.py:3']],
    ]);
  });

  it('CPython agrees on the Celery tasks and Flask routes each module registers through the wrappers', () => {
    const cpython = askCPython(
      fixture('wrapped_decorators'),
      `
import collections, json
import polar.billing, polar.maintenance, polar.views
from polar.jobs import celery_app
from polar.web import app
tasks = collections.Counter(t.__module__ for name, t in celery_app.tasks.items() if not name.startswith("celery."))
routes = collections.Counter(app.view_functions[r.endpoint].__module__ for r in app.url_map.iter_rules() if r.endpoint != "static")
print(json.dumps({"Celery": tasks, "Flask": routes}, sort_keys=True))
`,
    );
    const analyzer: Record<string, Record<string, number>> = {};
    for (const e of result.entries.filter((e) => e.framework !== 'Dramatiq' && e.routes > 0)) {
      (analyzer[e.framework] ??= {})[result.index.byPath.get(e.path)!.name] = e.routes;
    }
    expect(cpython).toEqual(analyzer);
  });

  it('a project function that wraps a decorator but decorates nothing makes no entry, and a plain call of it registers nothing', async () => {
    const root = writeProject({
      'jobs.py': 'import dramatiq\n\ndef actor(fn=None, **options):\n    return dramatiq.actor(fn, **options)\n',
      'tasks.py': 'from jobs import actor\n\ndef send():\n    pass\n\nsend_later = actor(send)\n',
    });
    expect(rows(await analyzeProject(root))).toEqual([]);
  });
});

describe('Celery apps whose class is imported under another name (fixtures/frameworks/celery_aliases)', () => {
  let result: AnalysisResult;
  beforeAll(async () => {
    result = await analyzeProject(fixture('celery_aliases'));
  });

  it('finds `CeleryApp(...)` and `c.Celery(...)` apps, and the include= module', () => {
    expect(rows(result)).toEqual([
      { path: 'shop/beat.py', framework: 'Celery', kind: 'app', description: 'Celery app `scheduler` with 1 task', line: 3 },
      { path: 'shop/orders.py', framework: 'Celery', kind: 'routes', description: 'Celery tasks module with 1 task (included by app `app`)', line: 6 },
      { path: 'shop/worker.py', framework: 'Celery', kind: 'app', description: 'Celery app `app`', line: 3 },
    ]);
    expect(findings(result)).toEqual([['IL001', 'error', 'shop/payments.py', 'shop/orders.py', ['shop/orders.py -> shop/payments.py:3']]]);
  });

  it('CPython agrees: both are Celery apps, and the worker loads the included module (and what it imports) at start-up', () => {
    const cpython = askCPython(
      fixture('celery_aliases'),
      `
import json, sys
import celery, shop.beat, shop.worker
before = set(sys.modules)
shop.worker.app.loader.import_default_modules()
print(json.dumps({
    "apps": [isinstance(shop.beat.scheduler, celery.Celery), isinstance(shop.worker.app, celery.Celery)],
    "loaded": sorted(m for m in set(sys.modules) - before if m.startswith("shop")),
}))
`,
    );
    expect(cpython).toEqual({ apps: [true, true], loaded: ['shop.orders', 'shop.payments'] });
  });
});

describe('an app factory that builds a project subclass of the framework class', () => {
  it('is an app factory like one that builds the framework class: its own body is not flagged', async () => {
    const factory = (make: string) =>
      writeProject({
        'portal/__init__.py': '',
        'portal/core.py': 'from flask import Flask\n\n\nclass SiteFlask(Flask):\n    pass\n',
        'portal/app.py': [
          'from concurrent.futures import ThreadPoolExecutor',
          '',
          make === 'Flask' ? 'from flask import Flask' : 'from .core import SiteFlask',
          'from . import jobs',
          '',
          '',
          'def create_app():',
          `    app = ${make}(__name__)`,
          '    app.extensions["pool"] = ThreadPoolExecutor(max_workers=2)',
          '    return app',
          '',
          '',
          'app = create_app()',
          '',
        ].join('\n'),
        'portal/jobs.py': 'from concurrent.futures import ThreadPoolExecutor\n\nPOOL = ThreadPoolExecutor(max_workers=4)\n',
      });
    const plain = await analyzeProject(factory('Flask'));
    const subclass = await analyzeProject(factory('SiteFlask'));
    // What the factory's module imports is still flagged; the pool the factory makes for the app is not.
    expect(findings(subclass)).toEqual([['IL001', 'error', 'portal/jobs.py', 'portal/app.py', ['portal/app.py -> portal/jobs.py:4']]]);
    expect(findings(subclass)).toEqual(findings(plain));
  });
});

