import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../src/pipeline.js';
import { analyzeProject, FIXTURES } from './support.js';

const rows = (result: AnalysisResult) =>
  result.entries.map((e) => ({ path: e.path, framework: e.framework, kind: e.kind, description: e.description, line: e.evidence.line }));

describe('Quart entries (fixtures/frameworks/quart)', () => {
  let result: AnalysisResult;
  beforeAll(async () => {
    result = await analyzeProject(path.join(FIXTURES, 'frameworks', 'quart'));
  });

  it('finds the app (routes, websockets, add_url_rule, add_websocket) and the blueprint routed in another file', () => {
    expect(rows(result)).toEqual([
      { path: 'api/routes.py', framework: 'Quart', kind: 'routes', description: 'Quart blueprint `bp` (from `api`) with 2 routes', line: 5 },
      { path: 'app.py', framework: 'Quart', kind: 'app', description: 'Quart app `app` with 4 routes', line: 6 },
    ]);
  });

  it('reports the pool behind the blueprint routes as an error, through them', () => {
    expect(result.findings.map((f) => [f.ruleId, f.level, f.path, f.reach.kind === 'entry' ? f.reach.entry.path : f.reach.kind])).toEqual([
      ['IL001', 'error', 'api/warmer.py', 'api/routes.py'],
    ]);
  });
});
