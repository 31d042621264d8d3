import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TWISTED, TWISTED_RESOURCES } from '../src/entries/frameworks/twisted.js';
import type { AnalysisResult } from '../src/pipeline.js';
import { missingFrameworkNames } from './frameworkNames.js';
import { analyzeProject, analyzerClosure, cpythonClosure, FIXTURES, venvFile } from './support.js';

const rows = (result: AnalysisResult) =>
  result.entries.map((e) => ({ path: e.path, framework: e.framework, kind: e.kind, description: e.description, line: e.evidence.line }));

describe('Twisted web entries (fixtures/frameworks/twisted)', () => {
  let result: AnalysisResult;
  beforeAll(async () => {
    result = await analyzeProject(path.join(FIXTURES, 'frameworks', 'twisted'));
  });

  it('finds the Site, the resource tree built with putChild, and the Resource subclasses (through a project base class too)', () => {
    expect(rows(result)).toEqual([
      { path: 'api.py', framework: 'Twisted', kind: 'routes', description: 'Twisted resource class `StatusResource`', line: 4 },
      { path: 'base.py', framework: 'Twisted', kind: 'routes', description: 'Twisted resource class `JSONResource`', line: 7 },
      { path: 'pages.py', framework: 'Twisted', kind: 'routes', description: 'Twisted resource classes `Home`, `About`', line: 4 },
      { path: 'reports.py', framework: 'Twisted', kind: 'routes', description: 'Twisted resource class `ReportsPage`', line: 6 },
      { path: 'website.py', framework: 'Twisted', kind: 'routes', description: 'Twisted resource `root` with 5 children', line: 11 },
      { path: 'website.py', framework: 'Twisted', kind: 'app', description: 'Twisted site `site`', line: 17 },
    ]);
  });

  it('reports the pool behind a resource as an error, through the module defining it', () => {
    expect(result.findings.map((f) => [f.ruleId, f.level, f.path, f.reach.kind === 'entry' ? f.reach.entry.path : f.reach.kind])).toEqual([
      ['IL001', 'error', 'renderer.py', 'reports.py'],
    ]);
  });

  it('names classes the installed Twisted has', () => {
    expect(missingFrameworkNames([...TWISTED.objects.flatMap((o) => o.callees), ...TWISTED_RESOURCES.bases])).toEqual([]);
  });

  it('matches CPython: importing the website module loads exactly the modules the analyzer says', () => {
    const root = path.join(FIXTURES, 'frameworks', 'twisted');
    const python = venvFile('.venv-frameworks', 'bin', 'python');
    const loaded = cpythonClosure(root, 'website', python);
    expect(loaded).toEqual(['api', 'base', 'pages', 'renderer', 'reports', 'website']);
    expect(analyzerClosure(result, 'website')).toEqual(loaded);
  });
});
