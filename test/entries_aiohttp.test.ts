import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../src/pipeline.js';
import { AIOHTTP } from '../src/entries/frameworks/web.js';
import { missingFrameworkNames } from './frameworkNames.js';
import { analyzeProject, analyzerClosure, cpythonClosure, FIXTURES, venvFile } from './support.js';

const rows = (result: AnalysisResult) =>
  result.entries.map((e) => ({ path: e.path, framework: e.framework, kind: e.kind, description: e.description, line: e.evidence.line }));

describe('aiohttp entries (fixtures/frameworks/aiohttp)', () => {
  let result: AnalysisResult;
  beforeAll(async () => {
    result = await analyzeProject(path.join(FIXTURES, 'frameworks', 'aiohttp'));
  });

  it('finds the apps (main and sub-app), the RouteTableDef and the route-definition list, counting add_routes, router.add_* and web.* routes', () => {
    expect(rows(result)).toEqual([
      // web.get/post/view inside add_routes([...]), router.add_get, router.add_route; add_subapp is not a route.
      { path: 'server.py', framework: 'aiohttp', kind: 'app', description: 'aiohttp app `app` with 5 routes', line: 12 },
      { path: 'shop/admin.py', framework: 'aiohttp', kind: 'app', description: 'aiohttp app `admin_app` with 1 route', line: 9 },
      { path: 'shop/api.py', framework: 'aiohttp', kind: 'routes', description: 'aiohttp route definitions `api_routes` with 2 routes', line: 14 },
      { path: 'shop/views.py', framework: 'aiohttp', kind: 'routes', description: 'aiohttp route table `routes` with 3 routes', line: 6 },
    ]);
  });

  it('reports the pool behind the route table as an error, through it', () => {
    expect(result.findings.map((f) => [f.ruleId, f.level, f.path, f.reach.kind === 'entry' ? f.reach.entry.path : f.reach.kind])).toEqual([
      ['IL001', 'error', 'shop/catalog.py', 'shop/views.py'],
    ]);
  });
});

describe('aiohttp routes added by a function handed the app (fixtures/frameworks/aiohttp_dispatcher)', () => {
  let result: AnalysisResult;
  beforeAll(async () => {
    result = await analyzeProject(path.join(FIXTURES, 'frameworks', 'aiohttp_dispatcher'));
  });

  it('finds app.router.add_* in setup functions, add_route only where aiohttp is imported', () => {
    expect(rows(result)).toEqual([
      { path: 'api.py', framework: 'aiohttp', kind: 'routes', description: 'aiohttp router routes (registered in `setup_api()`) with 1 route', line: 10 },
      { path: 'main.py', framework: 'aiohttp', kind: 'app', description: 'aiohttp app `app`', line: 7 },
      { path: 'routes.py', framework: 'aiohttp', kind: 'routes', description: 'aiohttp router routes (registered in `setup_routes()`) with 3 routes', line: 5 },
    ]);
  });

  it('reports the pool behind the handlers as an error, through the routes module', () => {
    expect(result.findings.map((f) => [f.ruleId, f.level, f.path, f.reach.kind === 'entry' ? f.reach.entry.path : f.reach.kind])).toEqual([
      ['IL001', 'error', 'db.py', 'routes.py'],
    ]);
  });

  it('matches CPython: importing the app module loads exactly the modules the analyzer says', () => {
    const loaded = cpythonClosure(path.join(FIXTURES, 'frameworks', 'aiohttp_dispatcher'), 'main', venvFile('.venv-frameworks', 'bin', 'python'));
    expect(loaded).toEqual(['api', 'db', 'main', 'routes', 'views']);
    expect(analyzerClosure(result, 'main')).toEqual(loaded);
  });

  it('names classes and functions the installed aiohttp has', () => {
    expect(missingFrameworkNames([...AIOHTTP.objects.flatMap((o) => o.callees), ...AIOHTTP.routeFunctions!.callees])).toEqual([]);
  });
});
