import { describe, expect, it } from 'vitest';
import { runCli } from './support.js';

describe('importleak graph', () => {
  it('--to shows every module that runs the target at import time, with the line of each import', () => {
    const run = runCli(['graph', 'fixtures/movie_lottery', '--to', 'movie_lottery.utils.magnet_search', '--format', 'json']);
    expect(run.code).toBe(0);
    const view = JSON.parse(run.stdout);
    expect(view.modules.map((m: { name: string }) => m.name)).toEqual(['movie_lottery.routes.api_routes', 'movie_lottery.utils.magnet_search', 'run', 'wsgi']);
    expect(view.edges).toEqual([
      {
        from: 'movie_lottery.routes.api_routes',
        to: 'movie_lottery.utils.magnet_search',
        importTime: true,
        kind: 'import',
        path: 'fixtures/movie_lottery/movie_lottery/routes/api_routes.py',
        line: 5,
        statement: 'from ..utils.magnet_search import get_search_status, start_background_search',
      },
      {
        from: 'run',
        to: 'movie_lottery.routes.api_routes',
        importTime: true,
        kind: 'import',
        path: 'fixtures/movie_lottery/movie_lottery/__init__.py',
        line: 19,
        statement: 'from .routes.api_routes import api_bp',
        via: ['create_app'],
      },
      {
        from: 'wsgi',
        to: 'movie_lottery.routes.api_routes',
        importTime: true,
        kind: 'import',
        path: 'fixtures/movie_lottery/movie_lottery/__init__.py',
        line: 19,
        statement: 'from .routes.api_routes import api_bp',
        via: ['create_app'],
      },
    ]);
  });

  it('--from with --lazy shows function-level imports as dashed edges (mermaid) and dot', () => {
    const mermaid = runCli(['graph', 'fixtures/movie_lottery_lazy_import', '--from', 'movie_lottery.routes.api_routes', '--lazy']);
    expect(mermaid.code).toBe(0);
    expect(mermaid.stdout.split('\n')[0]).toBe('flowchart LR');
    expect(mermaid.stdout).toMatch(/m\d+ -\.->\|"line 24 in search_magnet\(\)"\| m\d+/);
    expect(mermaid.stdout).not.toMatch(/--> .*magnet_search/);
    const dot = runCli(['graph', 'fixtures/movie_lottery', '--from', 'wsgi', '--format', 'dot']);
    expect(dot.stdout).toContain('"wsgi" -> "movie_lottery.routes.api_routes" [label="line 19 via create_app()"];');
  });

  it('a module that is not in the project is a usage error', () => {
    const run = runCli(['graph', 'fixtures/movie_lottery', '--from', 'nope.mod']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('importleak: no module named "nope.mod" in the project\n');
  });
});
