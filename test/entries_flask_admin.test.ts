import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../src/pipeline.js';
import { analyzeProject, FIXTURES } from './support.js';

const rows = (result: AnalysisResult) =>
  result.entries.map((e) => ({ path: e.path, framework: e.framework, kind: e.kind, description: e.description, line: e.evidence.line }));

describe('Flask-Admin entries (fixtures/frameworks/flask_admin)', () => {
  let result: AnalysisResult;
  beforeAll(async () => {
    result = await analyzeProject(path.join(FIXTURES, 'frameworks', 'flask_admin'));
  });

  it('finds the views added to the Admin (add_view, add_views), and the view classes (model views through a project base, @expose routes counted)', () => {
    expect(rows(result)).toEqual([
      { path: 'app.py', framework: 'Flask', kind: 'app', description: 'Flask app `app`', line: 9 },
      { path: 'app.py', framework: 'Flask-Admin', kind: 'routes', description: 'Flask-Admin `admin` (from `extensions`) with 6 views', line: 11 },
      { path: 'files.py', framework: 'Flask-Admin', kind: 'routes', description: 'Flask-Admin view `UploadsAdmin`', line: 4 },
      { path: 'views.py', framework: 'Flask-Admin', kind: 'routes', description: 'Flask-Admin views `SecureModelView`, `UserView`, `ReportView` with 2 routes', line: 9 },
    ]);
  });

  it('reports the pool behind an exposed view as an error, through the views module', () => {
    expect(result.findings.map((f) => [f.ruleId, f.level, f.path, f.reach.kind === 'entry' ? f.reach.entry.path : f.reach.kind])).toEqual([
      ['IL001', 'error', 'reports.py', 'views.py'],
    ]);
  });
});
