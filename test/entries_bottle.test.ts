import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../src/pipeline.js';
import { analyzeProject, FIXTURES } from './support.js';

const rows = (result: AnalysisResult) =>
  result.entries.map((e) => ({ path: e.path, framework: e.framework, kind: e.kind, description: e.description, line: e.evidence.line }));

describe('Bottle entries (fixtures/frameworks/bottle)', () => {
  let result: AnalysisResult;
  beforeAll(async () => {
    result = await analyzeProject(path.join(FIXTURES, 'frameworks', 'bottle'));
  });

  it('finds the explicit apps, the default app, and the module of default-app @route handlers', () => {
    expect(rows(result)).toEqual([
      { path: 'api.py', framework: 'Bottle', kind: 'app', description: 'Bottle app `api_app` with 1 route', line: 4 },
      { path: 'app.py', framework: 'Bottle', kind: 'app', description: 'Bottle app `app` with 4 routes', line: 7 },
      // `app.merge(default_app())`: the default app is fetched (and so made) here.
      { path: 'app.py', framework: 'Bottle', kind: 'app', description: 'Bottle default app', line: 31 },
      { path: 'legacy.py', framework: 'Bottle', kind: 'routes', description: 'Bottle default-app routes with 1 route', line: 7 },
    ]);
  });

  it('reports the pool behind the default-app routes as an error, through them', () => {
    expect(result.findings.map((f) => [f.ruleId, f.level, f.path, f.reach.kind === 'entry' ? f.reach.entry.path : f.reach.kind])).toEqual([
      ['IL001', 'error', 'archive.py', 'legacy.py'],
    ]);
  });
});
