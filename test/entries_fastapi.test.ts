import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../src/pipeline.js';
import { analyzeProject, FIXTURES, writeProject } from './support.js';

const rows = (result: AnalysisResult) =>
  result.entries.map((e) => ({ path: e.path, framework: e.framework, kind: e.kind, description: e.description, line: e.evidence.line }));

describe('FastAPI entries (fixtures/frameworks/fastapi)', () => {
  let result: AnalysisResult;
  beforeAll(async () => {
    result = await analyzeProject(path.join(FIXTURES, 'frameworks', 'fastapi'));
  });

  it('finds the apps (main and the mounted sub-app) and every router with routes, nested and cross-file ones included', () => {
    expect(rows(result)).toEqual([
      // `from . import router` then `@router.post(...)`: the router is made in the package __init__.
      { path: 'app/internal/admin.py', framework: 'FastAPI', kind: 'routes', description: 'FastAPI router `router` (from `app.internal`) with 1 route', line: 4 },
      // @app.get and app.mount; include_router is not a route.
      { path: 'app/main.py', framework: 'FastAPI', kind: 'app', description: 'FastAPI app `app` with 2 routes', line: 8 },
      // add_api_route and @router.websocket.
      { path: 'app/routers/comments.py', framework: 'FastAPI', kind: 'routes', description: 'FastAPI router `router` with 2 routes', line: 5 },
      { path: 'app/routers/items.py', framework: 'FastAPI', kind: 'routes', description: 'FastAPI router `router` with 2 routes', line: 6 },
      { path: 'app/routers/users.py', framework: 'FastAPI', kind: 'routes', description: 'FastAPI router `router` with 3 routes', line: 3 },
      { path: 'app/subapi.py', framework: 'FastAPI', kind: 'app', description: 'FastAPI app `subapp` with 1 route', line: 4 },
    ]);
  });

  it('reports the pool as an error reached through the nested router that imports it', () => {
    expect(result.findings.map((f) => [f.ruleId, f.level, f.path, f.reach.kind === 'entry' ? f.reach.entry.path : f.reach.kind])).toEqual([
      ['IL001', 'error', 'app/routers/search_backend.py', 'app/routers/comments.py'],
    ]);
    expect(result.findings[0]!.message).toContain('imported directly by the FastAPI router `router` with 2 routes in `app.routers.comments`');
  });

  it('does not count a router with no route of its own as an entry', async () => {
    const root = writeProject({
      'api.py': 'from fastapi import APIRouter\nfrom routes import v1\n\nrouter = APIRouter()\nrouter.include_router(v1.router)\n',
      'routes/__init__.py': '',
      'routes/v1.py': 'from fastapi import APIRouter\nrouter = APIRouter()\n\n@router.api_route("/x", methods=["GET", "POST"])\ndef x():\n    pass\n',
    });
    expect(rows(await analyzeProject(root))).toEqual([
      { path: 'routes/v1.py', framework: 'FastAPI', kind: 'routes', description: 'FastAPI router `router` with 1 route', line: 2 },
    ]);
  });
});
