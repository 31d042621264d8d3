import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../src/pipeline.js';
import { analyzeProject, FIXTURES, writeProject } from './support.js';

const rows = (result: AnalysisResult) =>
  result.entries.map((e) => ({ path: e.path, framework: e.framework, kind: e.kind, description: e.description, line: e.evidence.line }));

describe('Starlette entries (fixtures/frameworks/starlette)', () => {
  let result: AnalysisResult;
  beforeAll(async () => {
    result = await analyzeProject(path.join(FIXTURES, 'frameworks', 'starlette'));
  });

  it('finds the app, the Router, and the route lists in their own modules', () => {
    expect(rows(result)).toEqual([
      { path: 'api.py', framework: 'Starlette', kind: 'routes', description: 'Starlette router `router` with 1 route', line: 10 },
      // Mount(...) inside Starlette(routes=...), and app.add_route.
      { path: 'app.py', framework: 'Starlette', kind: 'app', description: 'Starlette app `app` with 2 routes', line: 14 },
      // Route, Route, Mount, WebSocketRoute.
      { path: 'routing.py', framework: 'Starlette', kind: 'routes', description: 'Starlette route list `routes` with 4 routes', line: 25 },
      { path: 'users.py', framework: 'Starlette', kind: 'routes', description: 'Starlette route list `routes` with 2 routes', line: 16 },
    ]);
  });

  it('reports the pool as an error reached through the route list that imports it', () => {
    expect(result.findings.map((f) => [f.ruleId, f.level, f.path, f.reach.kind === 'entry' ? f.reach.entry.description : f.reach.kind])).toEqual([
      ['IL001', 'error', 'directory.py', 'Starlette route list `routes` with 2 routes'],
    ]);
  });

  it('counts routes given inline to Starlette(routes=[...]) as the app\'s', async () => {
    const root = writeProject({
      'main.py':
        'from starlette.applications import Starlette\nfrom starlette.routing import Route, WebSocketRoute\n\nasync def home(request):\n    pass\n\napp = Starlette(routes=[\n    Route("/", home),\n    WebSocketRoute("/ws", home),\n])\n',
    });
    expect(rows(await analyzeProject(root))).toEqual([
      { path: 'main.py', framework: 'Starlette', kind: 'app', description: 'Starlette app `app` with 2 routes', line: 7 },
    ]);
  });
});
