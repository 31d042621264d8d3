import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../src/pipeline.js';
import { analyzeProject, FIXTURES } from './support.js';

const rows = (result: AnalysisResult) =>
  result.entries.map((e) => ({ path: e.path, framework: e.framework, kind: e.kind, description: e.description, line: e.evidence.line }));

describe('Litestar entries (fixtures/frameworks/litestar)', () => {
  let result: AnalysisResult;
  beforeAll(async () => {
    result = await analyzeProject(path.join(FIXTURES, 'frameworks', 'litestar'));
  });

  it('finds the app and the modules of @get/@post handlers (functions and Controller methods); a Router of handlers declared elsewhere is not one', () => {
    expect(rows(result)).toEqual([
      { path: 'app.py', framework: 'Litestar', kind: 'app', description: 'Litestar app `app` with 1 route', line: 13 },
      // Controller methods decorated with @get/@post.
      { path: 'controllers.py', framework: 'Litestar', kind: 'routes', description: 'Litestar route handlers with 3 routes', line: 7 },
      { path: 'handlers.py', framework: 'Litestar', kind: 'routes', description: 'Litestar route handlers with 2 routes', line: 6 },
    ]);
  });

  it('reports the pool behind the handlers module as an error, through it', () => {
    expect(result.findings.map((f) => [f.ruleId, f.level, f.path, f.reach.kind === 'entry' ? f.reach.entry.path : f.reach.kind])).toEqual([
      ['IL001', 'error', 'stats.py', 'handlers.py'],
    ]);
  });
});
