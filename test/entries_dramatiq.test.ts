import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../src/pipeline.js';
import { analyzeProject, FIXTURES } from './support.js';

const rows = (result: AnalysisResult) =>
  result.entries.map((e) => ({ path: e.path, framework: e.framework, kind: e.kind, description: e.description, line: e.evidence.line }));

describe('Dramatiq entries (fixtures/frameworks/dramatiq)', () => {
  let result: AnalysisResult;
  beforeAll(async () => {
    result = await analyzeProject(path.join(FIXTURES, 'frameworks', 'dramatiq'));
  });

  it('finds the module of @dramatiq.actor functions, bare and called decorators alike', () => {
    expect(rows(result)).toEqual([
      { path: 'workers/emails.py', framework: 'Dramatiq', kind: 'routes', description: 'Dramatiq actors module with 2 actors', line: 8 },
    ]);
  });

  it('reports the pool behind the actors as an error, through the actors module', () => {
    expect(result.findings.map((f) => [f.ruleId, f.level, f.path, f.reach.kind === 'entry' ? f.reach.entry.path : f.reach.kind])).toEqual([
      ['IL001', 'error', 'workers/smtp.py', 'workers/emails.py'],
    ]);
  });
});
