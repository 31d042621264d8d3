import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../src/pipeline.js';
import { TORNADO } from '../src/entries/frameworks/web.js';
import { missingFrameworkNames } from './frameworkNames.js';
import { analyzeProject, cpythonClosure, FIXTURES, venvFile } from './support.js';

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

describe('Tornado rule routing (fixtures/frameworks/tornado_rules)', () => {
  let result: AnalysisResult;
  beforeAll(async () => {
    result = await analyzeProject(path.join(FIXTURES, 'frameworks', 'tornado_rules'));
  });

  it('finds the RuleRouter with its Rule()s and add_rules(), the nested Applications, and the handler named by string in a Rule', () => {
    expect(rows(result)).toEqual([
      { path: 'reports.py', framework: 'Tornado', kind: 'routes', description: 'Tornado handler `ReportHandler` (named by string)', line: 1 },
      { path: 'server.py', framework: 'Tornado', kind: 'app', description: 'Tornado app `app1` with 1 route', line: 10 },
      { path: 'server.py', framework: 'Tornado', kind: 'app', description: 'Tornado app `app2` with 2 routes', line: 11 },
      { path: 'server.py', framework: 'Tornado', kind: 'app', description: 'Tornado rule router `router` with 3 routes', line: 15 },
      { path: 'server.py', framework: 'Tornado', kind: 'app', description: 'Tornado app with 1 route', line: 20 },
    ]);
  });

  it('reports the pool behind the handler named in a Rule as an error, through that module', () => {
    expect(result.findings.map((f) => [f.ruleId, f.level, f.path, f.reach.kind === 'entry' ? f.reach.entry.path : f.reach.kind])).toEqual([
      ['IL001', 'error', 'exporter.py', 'reports.py'],
    ]);
  });

  it('matches CPython: building the Rule imports the module its string names', () => {
    const loaded = cpythonClosure(path.join(FIXTURES, 'frameworks', 'tornado_rules'), 'server', venvFile('.venv-frameworks', 'bin', 'python'));
    expect(loaded).toEqual(['exporter', 'handlers', 'reports', 'server']);
  });

  it('names classes and functions the installed Tornado has', () => {
    expect(missingFrameworkNames([...TORNADO.objects.flatMap((o) => o.callees), ...TORNADO.routeFunctions!.callees])).toEqual([]);
  });
});
