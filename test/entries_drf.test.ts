import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../src/pipeline.js';
import { analyzeProject, FIXTURES } from './support.js';

const rows = (result: AnalysisResult) =>
  result.entries.map((e) => ({ path: e.path, framework: e.framework, kind: e.kind, description: e.description, line: e.evidence.line }));

describe('Django REST framework entries (fixtures/frameworks/drf)', () => {
  let result: AnalysisResult;
  beforeAll(async () => {
    result = await analyzeProject(path.join(FIXTURES, 'frameworks', 'drf'));
  });

  it('finds the DRF router with its viewsets, in the app URLconf the project includes by string', () => {
    expect(rows(result)).toEqual([
      // INSTALLED_APPS names "api", which has no apps.py or models.py: django.setup() imports the package.
      { path: 'api/__init__.py', framework: 'Django', kind: 'app', description: 'Django app `api`', line: 1 },
      { path: 'api/urls.py', framework: 'Django', kind: 'routes', description: 'DRF router `router` with 2 viewsets', line: 7 },
      // include(router.urls) and include("rest_framework.urls") name no project module; the path() calls count.
      { path: 'api/urls.py', framework: 'Django', kind: 'routes', description: 'Django URLconf with 3 routes', line: 12 },
      { path: 'config/settings.py', framework: 'Django', kind: 'app', description: 'Django settings', line: 8 },
      { path: 'config/urls.py', framework: 'Django', kind: 'routes', description: 'Django root URLconf with 1 route', line: 4 },
    ]);
  });

  it('reports the pool behind the viewsets as an error, through the router', () => {
    expect(result.findings.map((f) => [f.ruleId, f.level, f.path, f.reach.kind === 'entry' ? f.reach.entry.description : f.reach.kind])).toEqual([
      ['IL001', 'error', 'api/avatars.py', 'DRF router `router` with 2 viewsets'],
    ]);
  });
});
