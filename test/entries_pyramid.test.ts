import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../src/pipeline.js';
import { analyzeProject, FIXTURES, writeProject } from './support.js';

const rows = (result: AnalysisResult) =>
  result.entries.map((e) => ({ path: e.path, framework: e.framework, kind: e.kind, description: e.description, line: e.evidence.line }));

describe('Pyramid entries (fixtures/frameworks/pyramid)', () => {
  let result: AnalysisResult;
  beforeAll(async () => {
    result = await analyzeProject(path.join(FIXTURES, 'frameworks', 'pyramid'));
  });

  it('finds the configurator (with-statement in main()), the includeme module, the view named by string, and every module config.scan() imports', () => {
    expect(rows(result)).toEqual([
      { path: 'myapp/__init__.py', framework: 'Pyramid', kind: 'app', description: 'Pyramid configurator `config` (built in `main()`) with 2 routes', line: 6 },
      { path: 'myapp/legacy.py', framework: 'Pyramid', kind: 'routes', description: 'Pyramid view `hello_world`', line: 1 },
      { path: 'myapp/routes.py', framework: 'Pyramid', kind: 'routes', description: 'Pyramid include `myapp.routes` with 2 routes', line: 1 },
      // scan() imports every module of the package, views or not.
      { path: 'myapp/views/__init__.py', framework: 'Pyramid', kind: 'routes', description: 'module scanned by Pyramid `config.scan()`', line: 1 },
      { path: 'myapp/views/api.py', framework: 'Pyramid', kind: 'routes', description: 'Pyramid views module with 2 views', line: 11 },
      { path: 'myapp/views/home.py', framework: 'Pyramid', kind: 'routes', description: 'Pyramid views module with 1 view', line: 4 },
    ]);
  });

  it('reports the pool behind the scanned view class as an error, through its module', () => {
    expect(result.findings.map((f) => [f.ruleId, f.level, f.path, f.reach.kind === 'entry' ? f.reach.entry.path : f.reach.kind])).toEqual([
      ['IL001', 'error', 'myapp/thumbnails.py', 'myapp/views/api.py'],
    ]);
  });
});

/**
 * `config.scan(ignore=[...])`, as warehouse writes it to keep its alembic env.py, its Celery app and
 * its WSGI module out of the scan. venusian (read from its source: not on this project's package
 * index) matches each string as a plain prefix of a module's dotted name, a leading dot relative to
 * the scanned package, and does not import what it matches.
 */
describe('config.scan(ignore=...)', () => {
  const project = (scan: string): Record<string, string> => ({
    'shop/__init__.py': `from pyramid.config import Configurator\n\n\ndef main(global_config, **settings):\n    config = Configurator(settings=settings)\n    ${scan}\n    return config.make_wsgi_app()\n`,
    'shop/views.py': '',
    'shop/migrations/__init__.py': '',
    'shop/migrations/env.py': 'from sqlalchemy import create_engine\n\nENGINE = create_engine("postgresql://db/shop")\n',
    'shop/celery.py': '',
    'shop/celery_beat.py': '',
    'shop/tests/__init__.py': '',
    'shop/tests/test_views.py': '',
  });
  const scanned = async (scan: string): Promise<string[]> =>
    (await analyzeProject(writeProject(project(scan)))).entries.filter((e) => e.description === 'module scanned by Pyramid `config.scan()`').map((e) => e.path);

  it('leaves out the modules an absolute or relative string names, and those below them, as prefixes', async () => {
    expect(await scanned('config.scan(ignore=["shop.migrations.env", "shop.celery", ".tests"])')).toEqual(['shop/migrations/__init__.py', 'shop/views.py']);
    // A string alone, and `scan(package, categories, onerror, ignore)` by position.
    expect(await scanned('config.scan("shop", None, None, ".migrations")')).toEqual(['shop/celery.py', 'shop/celery_beat.py', 'shop/tests/__init__.py', 'shop/tests/test_views.py', 'shop/views.py']);
  });

  it('reports nothing in what the scan leaves out, and scans everything when the ignores are not written out', async () => {
    const ignored = await analyzeProject(writeProject(project('config.scan(ignore=["shop.migrations.env"])')));
    expect(ignored.findings.filter((f) => f.path === 'shop/migrations/env.py' && f.level === 'error')).toEqual([]);
    expect(await scanned('config.scan(ignore=[re.compile("tests$").search])')).toHaveLength(7);
  });
});
