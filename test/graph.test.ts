import { describe, expect, it } from 'vitest';
import { modulesReaching, type ImportEdge } from '../src/graph/importGraph.js';
import { analyze } from '../src/pipeline.js';
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

describe('the import-time graph', () => {
  const files = {
    'main.py': ['import a.b.c', 'from a.b import d', 'from a import helpers', '', 'def create_app():', '    import a.late', '    return 1', '', 'def view():', '    import a.lazy', '', 'app = create_app()', ''].join('\n'),
    'a/__init__.py': '',
    'a/helpers.py': '',
    'a/late.py': '',
    'a/lazy.py': '',
    'a/b/__init__.py': '',
    'a/b/c.py': 'from . import d\n',
    'a/b/d.py': '',
  };

  it("makes a module's edges from its resolved imports each time they are read, in one order: statements by line, then those through calls, then the enclosing package", async () => {
    const { graph } = await analyze({ root: writeProject(files), paths: ['.'] });
    const shown = (e: ImportEdge): string => `${e.to} ${e.kind === 'import' ? e.reason : e.kind} ${e.line ?? '-'}${e.via ? ` via ${e.via.map((v) => v.target).join(',')}` : ''}`;
    const expected = [
      'a/__init__.py parent-package 1',
      'a/b/__init__.py parent-package 1',
      'a/b/c.py module 1',
      'a/__init__.py parent-package 2',
      'a/b/__init__.py module 2',
      'a/b/d.py submodule 2',
      'a/__init__.py module 3',
      'a/helpers.py submodule 3',
      'a/__init__.py parent-package 6 via create_app',
      'a/late.py module 6 via create_app',
    ];
    expect(graph.importTimeEdges.get('main.py')!.map(shown)).toEqual(expected);
    // Read again: the same edges, made again.
    expect(graph.importTimeEdges.get('main.py')!.map(shown)).toEqual(expected);
    expect(graph.importTimeEdges.get('a/b/c.py')!.map(shown)).toEqual(['a/__init__.py parent-package 1', 'a/b/__init__.py module 1', 'a/b/d.py submodule 1', 'a/b/__init__.py enclosing-package -']);
    expect(graph.lazyEdges.map((e) => `${e.from} ${shown(e)}`)).toEqual([
      'main.py a/__init__.py parent-package 6',
      'main.py a/late.py module 6',
      'main.py a/__init__.py parent-package 10',
      'main.py a/lazy.py module 10',
    ]);
  });

  it('reads importedBy as the reverse of the import-time edges, and knows the modules importing each without making their edges', async () => {
    const { graph } = await analyze({ root: writeProject(files), paths: ['.'] });
    const reverse = new Map<string, string[]>();
    for (const [from, edges] of graph.importTimeEdges) for (const edge of edges) reverse.set(edge.to, [...(reverse.get(edge.to) ?? []), `${from} ${edge.line ?? '-'}`]);
    expect([...graph.importedBy.keys()]).toEqual([...reverse.keys()]);
    for (const [to, list] of reverse) {
      expect(graph.importedBy.get(to)!.map((e) => `${e.from} ${e.line ?? '-'}`)).toEqual(list);
      expect(graph.importedBy.importers(to)).toEqual([...new Set(list.map((item) => item.split(' ')[0]))]);
    }
    expect(graph.importedBy.importers('a/b/d.py')).toEqual(['a/b/c.py', 'main.py']);
    expect(graph.importedBy.importers('main.py')).toEqual([]);
    expect(modulesReaching(graph, 'a/b/d.py')).toEqual(new Set(['a/b/d.py', 'a/b/c.py', 'main.py']));
  });
});
