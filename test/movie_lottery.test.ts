import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../src/rules/rules.js';
import { expectValidSarif } from './sarifValidator.js';
import { runCli, scratchFolder } from './support.js';

/**
 * The incident importleak exists for: a Flask app whose API blueprint imports a module that
 * builds a ThreadPoolExecutor at import time, so every gunicorn worker pays for it at boot.
 */
describe('importleak check fixtures/movie_lottery', () => {
  it('reports the executor as an error, with the import chain from the blueprint that reaches it', () => {
    const run = runCli(['check', 'fixtures/movie_lottery']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        'fixtures/movie_lottery/movie_lottery/utils/magnet_search.py:11:20: IL001 [error] `ThreadPoolExecutor(max_workers=3)` creates a thread pool while `movie_lottery.utils.magnet_search` is imported, reached from the entry in `movie_lottery.routes.api_routes`. 3 gunicorn workers each create it: up to 9 threads.',
        '  import chain from the Flask blueprint `api_bp` with 3 routes (fixtures/movie_lottery/movie_lottery/routes/api_routes.py:7):',
        '    fixtures/movie_lottery/movie_lottery/routes/api_routes.py:5  from ..utils.magnet_search import get_search_status, start_background_search',
        '    fixtures/movie_lottery/movie_lottery/utils/magnet_search.py:11  _search_executor = ThreadPoolExecutor(max_workers=3)',
        '  cost: It starts no thread until its first `submit()`; from then on up to 3 threads live for the life of each process that imported it.',
        '  deployment: 3 gunicorn workers (gunicorn.conf.py:4) each create this thread pool: up to 9 threads in all.',
        '  fix: Create it on first use (a getter that builds it once, e.g. behind `functools.cache`), or in a post-fork hook, not at module level.',
        '',
        'Deployment read: gunicorn `wsgi:app` (Procfile:1): 3 gunicorn workers (gunicorn.conf.py:4).',
        'Found 1 error (13 Python files scanned, 5 entries).',
        '',
      ].join('\n'),
    );
  });

  it('finds the Flask entries (the app factory and the three blueprints with routes) and the app the Procfile serves', () => {
    const run = runCli(['check', 'fixtures/movie_lottery', '--format', 'json']);
    const report = JSON.parse(run.stdout);
    expect(report.entries.map((e: { path: string; description: string; line: number }) => [e.path, e.description, e.line])).toEqual([
      ['fixtures/movie_lottery/movie_lottery/__init__.py', 'Flask app `app` (built in `create_app()`)', 13],
      ['fixtures/movie_lottery/movie_lottery/routes/api_routes.py', 'Flask blueprint `api_bp` with 3 routes', 7],
      ['fixtures/movie_lottery/movie_lottery/routes/lottery_routes.py', expect.stringMatching(/^Flask blueprint `lottery_bp` with \d routes?$/), expect.any(Number)],
      ['fixtures/movie_lottery/movie_lottery/routes/main_routes.py', expect.stringMatching(/^Flask blueprint `main_bp` with \d routes?$/), expect.any(Number)],
      ['fixtures/movie_lottery/wsgi.py', 'gunicorn app `wsgi:app` (Procfile:1)', 3],
    ]);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({
      rule: 'IL001',
      level: 'error',
      path: 'fixtures/movie_lottery/movie_lottery/utils/magnet_search.py',
      line: 11,
      column: 20,
      module: 'movie_lottery.utils.magnet_search',
      resource: {
        callee: 'concurrent.futures.ThreadPoolExecutor',
        text: 'ThreadPoolExecutor(max_workers=3)',
        boundTo: '_search_executor',
      },
      reach: 'entry',
      // The blueprint, and the app gunicorn serves (wsgi.py calls create_app(), which imports the blueprints).
      entriesReaching: 2,
      chain: [
        { path: 'fixtures/movie_lottery/movie_lottery/routes/api_routes.py', line: 7, message: 'entry: Flask blueprint `api_bp` with 3 routes' },
        { path: 'fixtures/movie_lottery/movie_lottery/routes/api_routes.py', line: 5, code: 'from ..utils.magnet_search import get_search_status, start_background_search' },
        { path: 'fixtures/movie_lottery/movie_lottery/utils/magnet_search.py', line: 11, code: '_search_executor = ThreadPoolExecutor(max_workers=3)' },
      ],
    });
    expect(report.findings[0].fingerprint).toMatch(/^[0-9a-f]+:1$/);
  });

  it('writes SARIF that passes the SARIF schema and the GitHub code-scanning checks', () => {
    const out = path.join(scratchFolder('importleak-sarif-'), 'out.sarif');
    const run = runCli(['check', 'fixtures/movie_lottery', '--format', 'sarif', '--output', out]);
    expect(run.code).toBe(1);
    const sarif = expectValidSarif(readFileSync(out, 'utf8'), 'movie_lottery');
    const run0 = sarif.runs[0];
    expect(run0.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(loadRules().map((r) => r.id));
    expect(run0.tool.driver.rules[0].help.markdown).toContain('## Why is this bad?');
    const result = run0.results[0];
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'fixtures/movie_lottery/movie_lottery/utils/magnet_search.py', uriBaseId: '%SRCROOT%' },
      region: { startLine: 11, startColumn: 20, endLine: 11, endColumn: 53 },
    });
    const steps = result.codeFlows[0].threadFlows[0].locations.map(
      (l: { location: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } } }) =>
        `${l.location.physicalLocation.artifactLocation.uri}:${l.location.physicalLocation.region.startLine}`,
    );
    expect(steps).toEqual([
      'fixtures/movie_lottery/movie_lottery/routes/api_routes.py:7',
      'fixtures/movie_lottery/movie_lottery/routes/api_routes.py:5',
      'fixtures/movie_lottery/movie_lottery/utils/magnet_search.py:11',
    ]);
  });

  it('gives no error on the fixed app (executor behind a lazily-initialised getter)', () => {
    const run = runCli(['check', 'fixtures/movie_lottery_fixed', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).findings).toEqual([]);
  });

  it('downgrades to a warning, naming the lazy import, when the import moved into the views', () => {
    const run = runCli(['check', 'fixtures/movie_lottery_lazy_import']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'fixtures/movie_lottery_lazy_import/movie_lottery/utils/magnet_search.py:11:20: IL001 [warning] `ThreadPoolExecutor(max_workers=3)` creates a thread pool while `movie_lottery.utils.magnet_search` is imported, but only a lazy import in `movie_lottery.routes.api_routes` (line 24) reaches it.\n  reached only through a lazy import:',
    );
    expect(runCli(['check', 'fixtures/movie_lottery_lazy_import', '--fail-on', 'warning']).code).toBe(1);
  });

  it('reports paths relative to where it runs, and module names from the project root', () => {
    const run = runCli(['check', '.', '--format', 'json'], path.resolve('fixtures/movie_lottery'));
    const report = JSON.parse(run.stdout);
    expect(report.findings[0].path).toBe('movie_lottery/utils/magnet_search.py');
    expect(report.findings[0].module).toBe('movie_lottery.utils.magnet_search');
  });
});
