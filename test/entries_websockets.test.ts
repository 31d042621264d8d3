import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { WEBSOCKETS } from '../src/entries/frameworks/websockets.js';
import type { AnalysisResult } from '../src/pipeline.js';
import { missingFrameworkNames } from './frameworkNames.js';
import { analyzeProject, analyzerClosure, cpythonClosure, FIXTURES, venvFile } from './support.js';

const rows = (result: AnalysisResult) =>
  result.entries.map((e) => ({ path: e.path, framework: e.framework, kind: e.kind, description: e.description, line: e.evidence.line }));

describe('websockets entries (fixtures/frameworks/websockets)', () => {
  let result: AnalysisResult;
  beforeAll(async () => {
    result = await analyzeProject(path.join(FIXTURES, 'frameworks', 'websockets'));
  });

  it('finds the servers started with serve() (asyncio and threading) and with route()', () => {
    expect(rows(result)).toEqual([
      { path: 'router.py', framework: 'websockets', kind: 'app', description: 'websockets router `server` (built in `main()`)', line: 16 },
      { path: 'server.py', framework: 'websockets', kind: 'app', description: 'websockets server `server` (built in `main()`)', line: 10 },
      { path: 'sync_server.py', framework: 'websockets', kind: 'app', description: 'websockets server `server` (built in `run()`)', line: 10 },
    ]);
  });

  it('reports the pool behind a routed handler as an error, through the router module', () => {
    expect(result.findings.map((f) => [f.ruleId, f.level, f.path, f.reach.kind === 'entry' ? f.reach.entry.path : f.reach.kind])).toEqual([
      ['IL001', 'error', 'history.py', 'router.py'],
    ]);
  });

  it('names functions the installed websockets has (and the check does fail on one it lacks)', () => {
    const names = WEBSOCKETS.objects.flatMap((o) => o.callees);
    expect(missingFrameworkNames([...names, 'websockets.asyncio.server.no_such_serve'])).toEqual(['websockets.asyncio.server.no_such_serve']);
  });

  it('matches CPython: importing the router module loads exactly the modules the analyzer says', () => {
    const root = path.join(FIXTURES, 'frameworks', 'websockets');
    const loaded = cpythonClosure(root, 'router', venvFile('.venv-frameworks', 'bin', 'python'));
    expect(loaded).toEqual(['chat', 'history', 'router']);
    expect(analyzerClosure(result, 'router')).toEqual(loaded);
  });
});
