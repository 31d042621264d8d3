import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { GROUPS } from '../src/fidelity/diagnose.js';
import { measureTree } from '../src/fidelity/measure.js';
import { layoutsTree, stdlibTree, treeFiles } from '../src/fidelity/trees.js';
import { shortestChains } from '../src/graph/importGraph.js';
import { COMPILED_INIT_IMPORTS, compiledInitImports } from '../src/resolve/compiledStdlib.js';
import { analyze, type AnalysisResult } from '../src/pipeline.js';
import { analyzeProject, FIXTURES, probe, PROJECT, runCli, venvFile, writeProject } from './support.js';

/**
 * Resolution on real layouts (issue 12): folders without `__init__.py` inside packages, and several
 * services in one repository that each have their own `app` package. Each test states the names,
 * the findings and their chains, and asks CPython (Flask installed) what each start script imports.
 */

const fixture = (name: string): string => path.join(FIXTURES, 'resolution', name);

const names = (result: AnalysisResult): Record<string, string> => Object.fromEntries([...result.index.entries()].map((m) => [m.path, m.name]));

const findingRows = (result: AnalysisResult) =>
  result.findings.map((f) => ({
    rule: f.ruleId,
    path: f.path,
    line: f.span.line,
    module: f.module,
    chain: f.reach.kind === 'entry' ? f.reach.chain.map((hop) => `${hop.from} -> ${hop.to}:${hop.line}`) : f.reach.kind,
  }));

/** Project files `file` runs at import time per the analyzer, by path. */
const analyzerPaths = (result: AnalysisResult, file: string): string[] => [...shortestChains(result.graph, [file]).keys()].sort();

/**
 * Project files CPython runs when `module` is imported with `folder` (relative to the fixture) first
 * on sys.path: `python svc_b/run.py` puts svc_b/ there, `gunicorn plane.wsgi:app` the working
 * directory. Namespace packages run no file.
 */
function cpythonPaths(root: string, folder: string, module: string): string[] {
  const report = probe(path.join(root, folder), [module], [], venvFile('.venv-frameworks', 'bin', 'python'));
  expect(report.imported[module]).toEqual(expect.objectContaining({ ok: true }));
  return Object.values(report.loaded)
    .filter((file): file is string => file !== null)
    .map((file) => (folder === '.' ? file : `${folder}/${file}`))
    .sort();
}

describe('folders without __init__.py inside a package (fixtures/resolution/namespace_portions)', () => {
  let result: AnalysisResult;
  beforeAll(async () => {
    result = await analyzeProject(fixture('namespace_portions'));
  });

  it('names a file of a namespace portion from the root of the package around it, not by its file name', () => {
    expect(names(result)).toEqual({
      'netbox/extras/__init__.py': 'extras',
      'netbox/extras/ui/panels.py': 'extras.ui.panels',
      'netbox/web.py': 'web',
      'plane/__init__.py': 'plane',
      'plane/app/__init__.py': 'plane.app',
      'plane/app/views/__init__.py': 'plane.app.views',
      'plane/app/views/issue/base.py': 'plane.app.views.issue.base',
      'plane/app/views/issue/helpers.py': 'plane.app.views.issue.helpers',
      'plane/wsgi.py': 'plane.wsgi',
    });
  });

  it('`from .issue.base import` and `from extras.ui.panels import` resolve, and the pools are errors reached from the apps', () => {
    expect(findingRows(result)).toEqual([
      {
        rule: 'IL001',
        path: 'netbox/extras/ui/panels.py',
        line: 3,
        module: 'extras.ui.panels',
        chain: ['netbox/web.py -> netbox/extras/ui/panels.py:4'],
      },
      {
        rule: 'IL001',
        path: 'plane/app/views/issue/base.py',
        line: 5,
        module: 'plane.app.views.issue.base',
        chain: ['plane/wsgi.py -> plane/app/views/__init__.py:3', 'plane/app/views/__init__.py -> plane/app/views/issue/base.py:2'],
      },
    ]);
    expect(result.findings[1]!.message).toBe(
      '`ThreadPoolExecutor(max_workers=4)` creates a thread pool while `plane.app.views.issue.base` is imported, imported through 2 imports from the Flask app `app` with 1 route in `plane.wsgi`.',
    );
  });

  it('what each start script runs is what CPython runs (a relative import inside the portion included)', () => {
    const root = fixture('namespace_portions');
    expect(analyzerPaths(result, 'plane/wsgi.py')).toEqual([
      'plane/__init__.py',
      'plane/app/__init__.py',
      'plane/app/views/__init__.py',
      'plane/app/views/issue/base.py',
      'plane/app/views/issue/helpers.py',
      'plane/wsgi.py',
    ]);
    expect(analyzerPaths(result, 'plane/wsgi.py')).toEqual(cpythonPaths(root, '.', 'plane.wsgi'));
    expect(analyzerPaths(result, 'netbox/web.py')).toEqual(['netbox/extras/__init__.py', 'netbox/extras/ui/panels.py', 'netbox/web.py']);
    expect(analyzerPaths(result, 'netbox/web.py')).toEqual(cpythonPaths(root, 'netbox', 'web'));
  });

  it('names the module by its full dotted name in the text, JSON, SARIF and graph outputs', () => {
    const at = path.join('fixtures', 'resolution', 'namespace_portions');
    const text = runCli(['check', at]);
    expect(text.stdout).toContain('creates a thread pool while `plane.app.views.issue.base` is imported, imported through 2 imports from the Flask app `app` with 1 route in `plane.wsgi`.');
    const json = JSON.parse(runCli(['check', at, '--format', 'json']).stdout);
    expect(json.findings.map((f: { module: string }) => f.module)).toEqual(['extras.ui.panels', 'plane.app.views.issue.base']);
    const sarif = JSON.parse(runCli(['check', at, '--format', 'sarif']).stdout);
    expect(sarif.runs[0].results.map((r: { properties: { module: string } }) => r.properties.module)).toEqual(['extras.ui.panels', 'plane.app.views.issue.base']);
    const graph = JSON.parse(runCli(['graph', at, '--from', 'plane.app.views', '--format', 'json']).stdout);
    expect(graph.modules.map((m: { name: string }) => m.name)).toEqual(['plane', 'plane.app', 'plane.app.views', 'plane.app.views.issue.base', 'plane.app.views.issue.helpers']);
  });

  it('a short name of a portion file is nobody else\'s: `import utils` elsewhere stays external', async () => {
    const root = writeProject({
      'pkg/__init__.py': '',
      'pkg/tools/utils.py': 'U = 1\n',
      'main.py': 'import utils\nimport pkg.tools.utils\n',
      // Packages inside a namespace portion keep the short name for scripts run from the portion.
      'pkg/vendored/six/__init__.py': '',
      'pkg/vendored/run.py': 'import six\n',
    });
    const inline = await analyzeProject(root);
    expect(inline.index.byPath.get('pkg/tools/utils.py')!.names).toEqual(['pkg.tools.utils']);
    expect(inline.index.byPath.get('pkg/vendored/six/__init__.py')!.names).toEqual(['pkg.vendored.six', 'six']);
    expect(inline.resolved.get('main.py')!.map((r) => r.executes.map((e) => e.module.path))).toEqual([[], ['pkg/__init__.py', 'pkg/tools/utils.py']]);
    expect(inline.resolved.get('pkg/vendored/run.py')!.map((r) => r.executes.map((e) => e.module.path))).toEqual([['pkg/vendored/six/__init__.py']]);
  });
});

describe('several services in one repository (fixtures/resolution/services)', () => {
  const expected = [
    {
      rule: 'IL001',
      path: 'svc_a/app/request_handler.py',
      line: 5,
      module: 'app.request_handler',
      chain: ['svc_a/run.py -> svc_a/app/request_handler.py:4'],
    },
    {
      rule: 'IL002',
      path: 'svc_b/app/storage.py',
      line: 13,
      module: 'app.storage',
      // Through `routes/`, a folder without __init__.py, to svc_b's own storage, never svc_a's.
      chain: ['svc_b/run.py -> svc_b/app/request_handler.py:4', 'svc_b/app/request_handler.py -> svc_b/app/routes/orders.py:2', 'svc_b/app/routes/orders.py -> svc_b/app/storage.py:1'],
    },
  ];

  it('each service\'s `from app... import` resolves in its own folder, the one its start script puts on sys.path', async () => {
    const result = await analyzeProject(fixture('services'));
    expect(names(result)).toEqual({
      'svc_a/app/__init__.py': 'app',
      'svc_a/app/request_handler.py': 'app.request_handler',
      'svc_a/app/storage.py': 'app.storage',
      'svc_a/run.py': 'run',
      'svc_b/app/__init__.py': 'app',
      'svc_b/app/request_handler.py': 'app.request_handler',
      'svc_b/app/routes/orders.py': 'app.routes.orders',
      'svc_b/app/storage.py': 'app.storage',
      'svc_b/run.py': 'run',
    });
    expect(result.index.byPath.get('svc_b/app/routes/orders.py')!.root).toBe('svc_b');
    expect(findingRows(result)).toEqual(expected);
  });

  it('with both service folders configured as source roots, each importer still prefers its own', async () => {
    const result = await analyze({ root: fixture('services'), paths: ['.'], sourceRoots: ['svc_a', 'svc_b'] });
    expect(findingRows(result)).toEqual(expected);
    const orders = result.resolved.get('svc_b/app/routes/orders.py')!;
    expect(orders.map((r) => r.executes.map((e) => e.module.path))).toEqual([['svc_b/app/__init__.py', 'svc_b/app/storage.py']]);
  });

  it('CPython, starting each service, runs exactly the files the analyzer says, and makes the pool only in svc_a and the thread only in svc_b', async () => {
    const root = fixture('services');
    const result = await analyzeProject(root);
    for (const service of ['svc_a', 'svc_b']) {
      expect(analyzerPaths(result, `${service}/run.py`)).toEqual(cpythonPaths(root, service, 'run'));
    }
    expect(analyzerPaths(result, 'svc_b/run.py')).toEqual(['svc_b/app/__init__.py', 'svc_b/app/request_handler.py', 'svc_b/app/routes/orders.py', 'svc_b/app/storage.py', 'svc_b/run.py']);
    const python = venvFile('.venv-frameworks', 'bin', 'python');
    const a = probe(path.join(root, 'svc_a'), ['run'], [], python);
    const b = probe(path.join(root, 'svc_b'), ['run'], [], python);
    expect(a.instances['concurrent.futures.thread.ThreadPoolExecutor']).toBe(1);
    expect(a.threads_started).toEqual([]);
    expect(b.instances['concurrent.futures.thread.ThreadPoolExecutor']).toBe(0);
    expect(b.threads_started.map((t) => t.name)).toEqual(['store-refresher']);
  });
});

describe("a Django manage.py inside a package: its folder is on sys.path", () => {
  /**
   * jumpserver keeps its Django project in `apps/`, beside `apps/__init__.py`, with `apps/manage.py`:
   * run from there, `apps/` is sys.path[0], and its signal handlers' `from common.decorators import ...`
   * is `apps/common/decorators.py`, which starts a thread and makes a pool at import. Named
   * `apps.common.decorators` from the root alone, nothing reached it.
   */
  const project = {
    'Procfile': 'web: gunicorn --chdir apps proj.wsgi -w 3\n',
    'apps/__init__.py': '',
    'apps/manage.py': [
      'import os',
      'import sys',
      '',
      '',
      'def main():',
      '    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings")',
      '    from django.core.management import execute_from_command_line',
      '    execute_from_command_line(sys.argv)',
      '',
      '',
      'if __name__ == "__main__":',
      '    main()',
      '',
    ].join('\n'),
    'apps/proj/__init__.py': '',
    'apps/proj/settings.py': 'SECRET_KEY = "x"\nINSTALLED_APPS = ["shop.apps.ShopConfig"]\nROOT_URLCONF = "proj.urls"\n',
    'apps/proj/urls.py': 'urlpatterns = []\n',
    'apps/proj/wsgi.py': 'import os\nfrom django.core.wsgi import get_wsgi_application\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings")\napplication = get_wsgi_application()\n',
    'apps/shop/__init__.py': '',
    'apps/shop/apps.py': 'from django.apps import AppConfig\n\n\nclass ShopConfig(AppConfig):\n    name = "shop"\n\n    def ready(self):\n        from . import signal_handlers  # noqa: F401\n',
    'apps/shop/signal_handlers.py': 'from common.decorators import debounce\n\n\n@debounce\ndef on_save(sender, **kwargs):\n    pass\n',
    'apps/common/__init__.py': '',
    'apps/common/decorators.py': [
      'import threading',
      'from concurrent.futures import ThreadPoolExecutor',
      '',
      '',
      'def _loop():',
      '    threading.Event().wait()',
      '',
      '',
      '_loop_thread = threading.Thread(target=_loop, name="debouncer-loop", daemon=True)',
      '_loop_thread.start()',
      'executor = ThreadPoolExecutor(max_workers=10, thread_name_prefix="debouncer")',
      '',
      '',
      'def debounce(func):',
      '    return func',
      '',
    ].join('\n'),
  };

  it('names its files from there, as the project imports them, and reaches what they start, as CPython does', async () => {
    const root = writeProject(project);
    const result = await analyzeProject(root);
    expect(result.index.byPath.get('apps/common/decorators.py')!.name).toBe('common.decorators');
    expect(result.index.byPath.get('apps/proj/wsgi.py')!.name).toBe('proj.wsgi');
    expect(result.findings.map((f) => [f.ruleId, f.level, `${f.path}:${f.span.line}`, f.module, f.deployment])).toEqual([
      ['IL002', 'error', 'apps/common/decorators.py:10', 'common.decorators', '3 gunicorn workers (Procfile:1) each create this thread: 3 threads in all.'],
      ['IL001', 'error', 'apps/common/decorators.py:11', 'common.decorators', '3 gunicorn workers (Procfile:1) each create this thread pool: up to 30 threads in all.'],
    ]);
    // Through the app config Django sets up in every process that serves it (INSTALLED_APPS).
    expect(findingRows(result).map((row) => row.chain)).toEqual([
      ['apps/shop/apps.py -> apps/shop/signal_handlers.py:8', 'apps/shop/signal_handlers.py -> apps/common/decorators.py:1'],
      ['apps/shop/apps.py -> apps/shop/signal_handlers.py:8', 'apps/shop/signal_handlers.py -> apps/common/decorators.py:1'],
    ]);

    const cpython = probe(path.join(root, 'apps'), ['proj.wsgi'], ['common.decorators:executor'], venvFile('.venv-frameworks', 'bin', 'python'));
    expect(cpython.imported['proj.wsgi']).toEqual(expect.objectContaining({ ok: true }));
    expect(cpython.loaded).toHaveProperty('common.decorators', 'common/decorators.py');
    expect(cpython.threads_started).toEqual([{ name: 'debouncer-loop', target: 'common.decorators._loop' }]);
    expect(cpython.attrs['common.decorators:executor']).toMatchObject({ exists: true, max_workers: 10 });
  });

  it('is no source root when it imports nothing of Django, nor when no __init__.py is beside it', async () => {
    const notDjango = writeProject({ ...project, 'apps/manage.py': 'import sys\nprint(sys.argv)\n' });
    expect((await analyzeProject(notDjango)).index.byPath.get('apps/common/decorators.py')!.name).toBe('apps.common.decorators');
    const { 'apps/__init__.py': _, ...rest } = project;
    const natural = await analyzeProject(writeProject(rest));
    expect(natural.index.byPath.get('apps/common/decorators.py')!.name).toBe('common.decorators');
  });
});

describe('compiled standard-library modules that import Python modules as they initialise', () => {
  /** The CPython 3.8 … 3.13 installed: `python3.X` on PATH, or a pyenv version (the local `python3` at least). */
  const executable = (command: string, env: NodeJS.ProcessEnv = process.env): string | undefined => {
    const run = spawnSync(command, ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8', env });
    return run.status === 0 ? run.stdout.trim() : undefined;
  };
  const pyenvVersions = spawnSync('pyenv', ['versions', '--bare'], { encoding: 'utf8' }).stdout?.split('\n') ?? [];
  const interpreters = [8, 9, 10, 11, 12, 13]
    .map((minor) => {
      const pyenv = pyenvVersions.find((v) => v.startsWith(`3.${minor}.`));
      return { minor, python: executable(`python3.${minor}`) ?? (pyenv ? executable('python3', { ...process.env, PYENV_VERSION: pyenv }) : undefined) };
    })
    .filter((i): i is { minor: number; python: string } => i.python !== undefined);
  const local = Number(spawnSync('python3', ['-c', 'import sys; print(sys.version_info[1])'], { encoding: 'utf8' }).stdout.trim());

  it('has the local CPython among the versions it checks', () => {
    expect(interpreters.map((i) => i.minor)).toContain(local);
  });

  it.each(interpreters)('the table is what CPython 3.$minor imports while each of its compiled modules initialises', ({ minor, python }) => {
    const run = spawnSync(python, [path.join(PROJECT, 'test', 'python', 'compiled_init_imports.py')], { encoding: 'utf8', timeout: 120_000 });
    expect(run.status).toBe(0);
    const asked = JSON.parse(run.stdout) as { version: string; imports: Record<string, string[]>; missing: string[] };
    expect(asked.version).toBe(`3.${minor}`);
    const table = Object.fromEntries(Object.keys(COMPILED_INIT_IMPORTS).map((name) => [name, compiledInitImports(name, minor)]).filter(([, imports]) => imports!.length > 0));
    // A module this build leaves out (not compiled in) cannot be asked.
    for (const name of asked.missing) delete table[name];
    expect(table).toEqual(asked.imports);
  });

  it('the analyzer follows `from _decimal import *` into the modules the table says `_decimal` imports', async () => {
    const root = writeProject({
      'decimal.py': 'try:\n    from _decimal import *\nexcept ImportError:\n    from _pydecimal import *\n',
      '_pydecimal.py': 'import math\n',
      // Stand-ins for the standard library's modules, which the analyzer does not read.
      'numbers.py': 'class Number:\n    pass\n',
      'collections/__init__.py': 'from _collections_abc import *\n',
      'collections/abc.py': 'from _collections_abc import *\n',
    });
    const result = await analyzeProject(root);
    const edges = result.graph.importTimeEdges.get('decimal.py')!.map((e) => `${e.to} ${e.reason} line ${e.line}`);
    expect(edges).toEqual(['collections/__init__.py compiled-init line 2', 'collections/abc.py compiled-init line 2', 'numbers.py compiled-init line 2']);
  });

  it('in the standard library, no module CPython loads is missed for lack of the table any more', async () => {
    const tree = await measureTree(stdlibTree('python3', ['decimal', 'fractions', 'pickle', 'sqlite3', 'xml.etree', 'zoneinfo']), {
      probeScript: path.join(PROJECT, 'test', 'python', 'fidelity_probe.py'),
      concurrency: 2,
    });
    const missing = tree.measured.flatMap((m) => m.misses.filter((x) => x.side === 'missing').map((x) => x.group));
    // Before the table: 32 pairs imported by `_decimal`, `_zoneinfo`, `_sqlite3`, `_elementtree`.
    // What is left is sysconfig's `__import__` of a name computed at run time.
    expect(new Set(missing)).toEqual(new Set([GROUPS.computed]));
    expect(tree.measured.flatMap((m) => m.misses.filter((x) => x.group === GROUPS.extension))).toEqual([]);
  });
});

describe('the third fidelity tree: repository layouts (fixtures/resolution/monorepo, docs/fidelity.md)', () => {
  it('names each module from the folder its start script puts on sys.path', () => {
    const spec = layoutsTree(PROJECT);
    const tree = treeFiles(spec);
    expect(tree.modules.get('[services/svc_b] app.routes.orders')).toBe('services/svc_b/app/routes/orders.py');
    expect(tree.modules.get('[netbox] extras.ui.panels')).toBe('netbox/extras/ui/panels.py');
    expect(tree.modules.get('plane.bgtasks.email.worker')).toBe('plane/bgtasks/email/worker.py');
    expect(tree.names.get('services/svc_a/app/storage.py')).toBe('app.storage');
    expect(tree.homes.get('services/svc_a/app/storage.py')).toBe('services/svc_a');
  });

  it('holds the figures of docs/fidelity.md: every module CPython runs, and nothing else, for all 26 modules', async () => {
    const tree = await measureTree(layoutsTree(PROJECT), { probeScript: path.join(PROJECT, 'test', 'python', 'fidelity_probe.py'), concurrency: 2 });
    expect(tree.notImportable).toEqual([]);
    expect(tree.unindexed).toEqual([]);
    // Before issue 12: 52 of the 73 pairs (recall 71.2 %), portions named by their file name alone.
    expect(tree.figures).toEqual({ modules: 26, cpython: 73, analyzer: 73, hits: 73, recall: 1, precision: 1, perfectRecall: 26, perfectPrecision: 26 });
    const svcB = tree.measured.find((m) => m.target === '[services/svc_b] run')!;
    expect([svcB.cpython, svcB.hits]).toEqual([4, 4]);
  });
});
