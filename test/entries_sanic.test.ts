import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../src/pipeline.js';
import { analyzeProject, FIXTURES } from './support.js';

const rows = (result: AnalysisResult) =>
  result.entries.map((e) => ({ path: e.path, framework: e.framework, kind: e.kind, description: e.description, line: e.evidence.line }));

describe('Sanic entries (fixtures/frameworks/sanic)', () => {
  let result: AnalysisResult;
  beforeAll(async () => {
    result = await analyzeProject(path.join(FIXTURES, 'frameworks', 'sanic'));
  });

  it('finds the app and the blueprints, including one whose routes are registered in another file', () => {
    expect(rows(result)).toEqual([
      { path: 'blueprints/orders.py', framework: 'Sanic', kind: 'routes', description: 'Sanic blueprint `bp` with 3 routes', line: 7 },
      { path: 'blueprints/user_views.py', framework: 'Sanic', kind: 'routes', description: 'Sanic blueprint `bp` (from `blueprints.users`) with 1 route', line: 6 },
      // route, get, websocket, add_route(View.as_view()), static.
      { path: 'server.py', framework: 'Sanic', kind: 'app', description: 'Sanic app `app` with 5 routes', line: 8 },
    ]);
  });

  it('reports the pool behind the orders blueprint as an error, through it', () => {
    expect(result.findings.map((f) => [f.ruleId, f.level, f.path, f.reach.kind === 'entry' ? f.reach.entry.path : f.reach.kind])).toEqual([
      ['IL001', 'error', 'blueprints/fulfilment.py', 'blueprints/orders.py'],
    ]);
  });
});
