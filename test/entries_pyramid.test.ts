import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../src/pipeline.js';
import { analyzeProject, FIXTURES } from './support.js';

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
