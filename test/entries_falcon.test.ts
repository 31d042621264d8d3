import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../src/pipeline.js';
import { analyzeProject, FIXTURES } from './support.js';

const rows = (result: AnalysisResult) =>
  result.entries.map((e) => ({ path: e.path, framework: e.framework, kind: e.kind, description: e.description, line: e.evidence.line }));

describe('Falcon entries (fixtures/frameworks/falcon)', () => {
  let result: AnalysisResult;
  beforeAll(async () => {
    result = await analyzeProject(path.join(FIXTURES, 'frameworks', 'falcon'));
  });

  it('finds the WSGI and ASGI apps and the module that adds a route to the app made elsewhere', () => {
    expect(rows(result)).toEqual([
      { path: 'shop/app.py', framework: 'Falcon', kind: 'app', description: 'Falcon app `app` with 4 routes', line: 10 },
      { path: 'shop/asgi.py', framework: 'Falcon', kind: 'app', description: 'Falcon app `app` with 1 route', line: 10 },
      // `from shop.app import app` then app.add_route(...).
      { path: 'shop/reports.py', framework: 'Falcon', kind: 'routes', description: 'Falcon app `app` (from `shop.app`) with 1 route', line: 12 },
    ]);
  });

  it('reports the pool behind the route added in reports.py as an error, through that module', () => {
    expect(result.findings.map((f) => [f.ruleId, f.level, f.path, f.reach.kind === 'entry' ? f.reach.entry.path : f.reach.kind])).toEqual([
      ['IL001', 'error', 'shop/report_pool.py', 'shop/reports.py'],
    ]);
  });
});
