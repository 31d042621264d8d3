import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../src/pipeline.js';
import { analyzeProject, FIXTURES, runCli, writeProject } from './support.js';

const rows = (result: AnalysisResult) =>
  result.entries.map((e) => ({ path: e.path, framework: e.framework, kind: e.kind, description: e.description, line: e.evidence.line }));

const findingRows = (result: AnalysisResult) =>
  result.findings.map((f) => ({
    rule: f.ruleId,
    level: f.level,
    path: f.path,
    line: f.span.line,
    entry: f.reach.kind === 'entry' ? `${f.reach.entry.path}: ${f.reach.entry.description}` : f.reach.kind,
  }));

describe('Flask entries (fixtures/frameworks/flask)', () => {
  let result: AnalysisResult;
  beforeAll(async () => {
    result = await analyzeProject(path.join(FIXTURES, 'frameworks', 'flask'));
  });

  it('finds the app (in its factory), the blueprints and the Flask-RESTful API, wherever their routes are registered', () => {
    expect(rows(result)).toEqual([
      { path: 'shop/__init__.py', framework: 'Flask', kind: 'app', description: 'Flask app `app` (built in `create_app()`) with 3 routes', line: 5 },
      // add_url_rule with a MethodView, on a blueprint imported by its absolute name.
      { path: 'shop/admin/reports.py', framework: 'Flask', kind: 'routes', description: 'Flask blueprint `bp` (from `shop.admin.bp`) with 1 route', line: 12 },
      // `from .bp import bp` then `@bp.route`: the blueprint is made in bp.py, which has no route.
      { path: 'shop/admin/routes.py', framework: 'Flask', kind: 'routes', description: 'Flask blueprint `bp` (from `shop.admin.bp`) with 2 routes', line: 6 },
      { path: 'shop/catalog.py', framework: 'Flask', kind: 'routes', description: 'Flask blueprint `bp` with 2 routes', line: 4 },
      // `from . import orders_bp`: made in the package's __init__.py.
      { path: 'shop/orders/views.py', framework: 'Flask', kind: 'routes', description: 'Flask blueprint `orders_bp` (from `shop.orders`) with 2 routes', line: 6 },
      // The blueprint api_bp has no route of its own: the Api on it has them.
      { path: 'shop/rest.py', framework: 'Flask', kind: 'routes', description: 'Flask-RESTful API `api` with 2 resources', line: 6 },
    ]);
  });

  it('reports the pool as an error, reached through the routes registered on a blueprint made in another file', () => {
    expect(findingRows(result)).toEqual([
      {
        rule: 'IL001',
        level: 'error',
        path: 'shop/admin/exporter.py',
        line: 3,
        entry: 'shop/admin/routes.py: Flask blueprint `bp` (from `shop.admin.bp`) with 2 routes',
      },
    ]);
    const [finding] = result.findings;
    expect(finding!.reach.kind === 'entry' && finding!.reach.chain.map((hop) => `${hop.from} -> ${hop.to}:${hop.line}`)).toEqual([
      'shop/admin/routes.py -> shop/admin/exporter.py:3',
    ]);
    expect(finding!.message).toContain('imported directly by the Flask blueprint `bp` (from `shop.admin.bp`) with 2 routes in `shop.admin.routes` (and 1 other entry)');
  });

  it('shows the entries in the JSON report', () => {
    const run = runCli(['check', path.join('fixtures', 'frameworks', 'flask'), '--format', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.summary.entries).toBe(6);
    expect(report.findings[0].entry).toEqual({
      path: 'fixtures/frameworks/flask/shop/admin/routes.py',
      description: 'Flask blueprint `bp` (from `shop.admin.bp`) with 2 routes',
      framework: 'Flask',
    });
  });
});

describe('flask-smorest entries (fixtures/frameworks/flask_smorest)', () => {
  it('finds the app and the smorest blueprint routed in views.py, and reports the pool through it', async () => {
    const result = await analyzeProject(path.join(FIXTURES, 'frameworks', 'flask_smorest'));
    expect(rows(result)).toEqual([
      { path: 'app.py', framework: 'Flask', kind: 'app', description: 'Flask app `app`', line: 6 },
      // Two MethodView classes and a function view; @blp.arguments / @blp.response are not routes.
      { path: 'pets/views.py', framework: 'Flask', kind: 'routes', description: 'flask-smorest blueprint `blp` (from `pets.blueprint`) with 3 routes', line: 9 },
    ]);
    expect(findingRows(result)).toEqual([
      { rule: 'IL001', level: 'error', path: 'pets/thumbnails.py', line: 3, entry: 'pets/views.py: flask-smorest blueprint `blp` (from `pets.blueprint`) with 3 routes' },
    ]);
  });
});

describe('Flask registration across files', () => {
  const POOL = 'from concurrent.futures import ThreadPoolExecutor\nPOOL = ThreadPoolExecutor(2)\n';

  it('follows re-exports and `import x as y` to the module that made the blueprint', async () => {
    const root = writeProject({
      'pkg/__init__.py': '',
      'pkg/blueprints/__init__.py': 'from .made import bp\n',
      'pkg/blueprints/made.py': 'from flask import Blueprint\nbp = Blueprint("b", __name__)\n',
      'pkg/views_a.py': 'from pkg.blueprints import bp\nfrom pkg import pool\n\n@bp.route("/a")\ndef a():\n    return "a"\n',
      'pkg/views_b.py': 'import pkg.blueprints.made as made\n\n@made.bp.get("/b")\ndef b():\n    return "b"\n',
      'pkg/pool.py': POOL,
    });
    const result = await analyzeProject(root);
    expect(rows(result)).toEqual([
      { path: 'pkg/views_a.py', framework: 'Flask', kind: 'routes', description: 'Flask blueprint `bp` (from `pkg.blueprints.made`) with 1 route', line: 4 },
      { path: 'pkg/views_b.py', framework: 'Flask', kind: 'routes', description: 'Flask blueprint `bp` (from `pkg.blueprints.made`) with 1 route', line: 3 },
    ]);
    expect(findingRows(result)).toEqual([
      { rule: 'IL001', level: 'error', path: 'pkg/pool.py', line: 2, entry: 'pkg/views_a.py: Flask blueprint `bp` (from `pkg.blueprints.made`) with 1 route' },
    ]);
  });

  it('takes `from app import app` then `@app.route` (the single-module app of the "larger applications" pattern)', async () => {
    const root = writeProject({
      'yourapp/__init__.py': 'from flask import Flask\napp = Flask(__name__)\n\nimport yourapp.views  # noqa\n',
      'yourapp/views.py': 'from yourapp import app\n\n@app.route("/")\ndef index():\n    return "index"\n',
    });
    expect(rows(await analyzeProject(root))).toEqual([
      { path: 'yourapp/__init__.py', framework: 'Flask', kind: 'app', description: 'Flask app `app`', line: 2 },
      { path: 'yourapp/views.py', framework: 'Flask', kind: 'routes', description: 'Flask app `app` (from `yourapp`) with 1 route', line: 3 },
    ]);
  });

  it('recognises a project subclass of Flask, and nothing named Blueprint that is not Flask\'s', async () => {
    const root = writeProject({
      'web.py': 'import flask\n\nclass App(flask.Flask):\n    pass\n\napp = App(__name__)\n',
      'mine.py': 'class Blueprint:\n    def route(self, rule):\n        return lambda f: f\n\nbp = Blueprint()\n\n@bp.route("/")\ndef x():\n    pass\n',
      'plumbing.py': 'from flask import Blueprint\nbp = Blueprint("unused", __name__)\n',
    });
    expect(rows(await analyzeProject(root))).toEqual([{ path: 'web.py', framework: 'Flask', kind: 'app', description: 'Flask app `app`', line: 6 }]);
  });
});
