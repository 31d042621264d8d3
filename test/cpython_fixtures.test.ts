import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../src/pipeline.js';
import { analyzeProject, analyzerClosure, FIXTURES, probe, requireVenv, VENV_PYTHON } from './support.js';

/**
 * CPython is the judge: import what the analyzer says is reached, in a venv with Flask, and check
 * that the resource it reports really exists after the import, and that the fixes do not create it.
 */
describe('CPython confirms the movie_lottery findings', () => {
  beforeAll(() => requireVenv());

  const fixture = (name: string): string => path.join(FIXTURES, name);

  it('importing the blueprint module creates the reported ThreadPoolExecutor(max_workers=3)', async () => {
    const result = await analyzeProject(fixture('movie_lottery'));
    const [finding] = result.findings;
    expect(finding).toBeDefined();
    const entryModule = result.index.byPath.get(finding!.reach.kind === 'entry' ? finding!.reach.entry.path : '')!.name;
    const attr = `${finding!.module}:${finding!.resource.boundTo}`;
    const report = probe(fixture('movie_lottery'), [entryModule], [attr], VENV_PYTHON);

    expect(report.imported[entryModule]).toEqual(expect.objectContaining({ ok: true }));
    expect(report.attrs[attr]).toEqual({ exists: true, type: 'concurrent.futures.thread.ThreadPoolExecutor', max_workers: 3 });
    expect(report.instances['concurrent.futures.thread.ThreadPoolExecutor']).toBe(1);
  });

  it('what the analyzer says the entry reaches at import time is exactly what CPython loads', async () => {
    const result = await analyzeProject(fixture('movie_lottery'));
    const report = probe(fixture('movie_lottery'), ['movie_lottery.routes.api_routes'], [], VENV_PYTHON);
    const loaded = Object.entries(report.loaded).filter(([, file]) => file !== null).map(([name]) => name).sort();
    expect(analyzerClosure(result, 'movie_lottery.routes.api_routes')).toEqual(loaded);
  });

  it('the fixed app creates no executor when the entry (or the whole app, via wsgi) is imported', async () => {
    const result = await analyzeProject(fixture('movie_lottery_fixed'));
    expect(result.findings).toEqual([]);
    const report = probe(fixture('movie_lottery_fixed'), ['movie_lottery.routes.api_routes', 'wsgi'], [], VENV_PYTHON);
    expect(report.imported['wsgi']).toEqual(expect.objectContaining({ ok: true }));
    expect(report.instances['concurrent.futures.thread.ThreadPoolExecutor']).toBe(0);
    expect(report.threads_started).toEqual([]);
  });

  it('with the import moved into the views, importing the blueprint does not load magnet_search (hence a warning only)', async () => {
    const result: AnalysisResult = await analyzeProject(fixture('movie_lottery_lazy_import'));
    expect(result.findings.map((f) => [f.ruleId, f.level, f.reach.kind])).toEqual([['IL001', 'warning', 'lazy']]);
    const report = probe(fixture('movie_lottery_lazy_import'), ['movie_lottery.routes.api_routes'], [], VENV_PYTHON);
    expect(Object.keys(report.loaded)).not.toContain('movie_lottery.utils.magnet_search');
    expect(report.instances['concurrent.futures.thread.ThreadPoolExecutor']).toBe(0);
  });
});
