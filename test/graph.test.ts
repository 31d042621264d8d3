import { describe, expect, it } from 'vitest';
import { runCli, writeProject } from './support.js';

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
        fromFile: 'fixtures/movie_lottery/movie_lottery/routes/api_routes.py',
        toFile: 'fixtures/movie_lottery/movie_lottery/utils/magnet_search.py',
        importTime: true,
        kind: 'import',
        path: 'fixtures/movie_lottery/movie_lottery/routes/api_routes.py',
        line: 5,
        statement: 'from ..utils.magnet_search import get_search_status, start_background_search',
      },
      {
        from: 'run',
        to: 'movie_lottery.routes.api_routes',
        fromFile: 'fixtures/movie_lottery/run.py',
        toFile: 'fixtures/movie_lottery/movie_lottery/routes/api_routes.py',
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
        fromFile: 'fixtures/movie_lottery/wsgi.py',
        toFile: 'fixtures/movie_lottery/movie_lottery/routes/api_routes.py',
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
    expect(dot.stdout).toContain('"fixtures/movie_lottery/wsgi.py" [label="wsgi", tooltip="fixtures/movie_lottery/wsgi.py"];');
    expect(dot.stdout).toContain('"fixtures/movie_lottery/wsgi.py" -> "fixtures/movie_lottery/movie_lottery/routes/api_routes.py" [label="line 19 via create_app()"];');
  });

  it('keeps two files that bear the same module name apart (node ids by file)', () => {
    const root = writeProject({
      'app/__init__.py': 'from .views.issue import base\nfrom .views.page import base as page_base\n',
      'app/views/issue/base.py': 'import os\n',
      'app/views/page/base.py': 'import sys\n',
    });
    const view = JSON.parse(runCli(['graph', '.', '--format', 'json'], root).stdout);
    expect(view.modules.map((m: { path: string }) => m.path)).toEqual(['app/__init__.py', 'app/views/issue/base.py', 'app/views/page/base.py']);
    const mermaid = runCli(['graph', '.'], root).stdout.split('\n');
    const nodes = mermaid.filter((l) => /^ {2}m\d+\[/.test(l));
    expect(nodes).toHaveLength(3);
    expect(new Set(nodes.map((l) => l.trim().split('[')[0])).size).toBe(3);
    const edges = mermaid.filter((l) => l.includes('-->'));
    expect(new Set(edges.map((l) => l.trim().split(' ').at(-1))).size).toBe(2);
  });

  it('a module that is not in the project is a usage error', () => {
    const run = runCli(['graph', 'fixtures/movie_lottery', '--from', 'nope.mod']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('importleak: no module named "nope.mod" in the project\n');
  });
});
