import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../src/pipeline.js';
import { analyzeProject, FIXTURES } from './support.js';

const rows = (result: AnalysisResult) =>
  result.entries.map((e) => ({ path: e.path, framework: e.framework, kind: e.kind, description: e.description, line: e.evidence.line }));

describe('Tornado entries (fixtures/frameworks/tornado)', () => {
  let result: AnalysisResult;
  beforeAll(async () => {
    result = await analyzeProject(path.join(FIXTURES, 'frameworks', 'tornado'));
  });

  it('finds the Application (tuples, url() and add_handlers), the url() list, and the handler modules named by string', () => {
    expect(rows(result)).toEqual([
      { path: 'admin.py', framework: 'Tornado', kind: 'routes', description: 'Tornado handler `AdminHandler` (named by string)', line: 1 },
      { path: 'app.py', framework: 'Tornado', kind: 'app', description: 'Tornado app `app` (built in `make_app()`) with 5 routes', line: 12 },
      { path: 'legacy/views.py', framework: 'Tornado', kind: 'routes', description: 'Tornado handler `LegacyHandler` (named by string)', line: 1 },
      { path: 'pages.py', framework: 'Tornado', kind: 'routes', description: 'Tornado handler `AboutHandler` (named by string)', line: 1 },
      { path: 'urls.py', framework: 'Tornado', kind: 'routes', description: 'Tornado URL list `api_handlers` with 2 routes', line: 17 },
    ]);
  });

  it('reports the pool behind a handler named only by string as an error, through that module', () => {
    expect(result.findings.map((f) => [f.ruleId, f.level, f.path, f.reach.kind === 'entry' ? f.reach.entry.path : f.reach.kind])).toEqual([
      ['IL001', 'error', 'renderer.py', 'pages.py'],
    ]);
  });
});
