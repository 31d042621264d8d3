import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shortestChains } from '../src/graph/importGraph.js';
import { defaultConfig } from '../src/config/config.js';
import { importText } from '../src/extract/summary.js';
import { analyze, type AnalysisResult } from '../src/pipeline.js';
import { analyzeProject, analyzerClosure, cpythonClosure, writeProject } from './support.js';

/**
 * Import resolution, one rule per test. Each test states the exact closure the analyzer computes
 * for `import <module>` and checks that CPython, importing the same module from the same root in a
 * fresh interpreter, loads exactly those project modules.
 */

/** Paths (not names) of the project files the analyzer says `import <file's module>` runs. */
function analyzerPaths(result: AnalysisResult, file: string): string[] {
  expect(result.index.byPath.has(file)).toBe(true);
  return [...shortestChains(result.graph, [file]).keys()].sort();
}

async function closures(files: Record<string, string>, module: string, probeRoot = ''): Promise<{ analyzer: string[]; cpython: string[]; result: AnalysisResult; root: string }> {
  const root = writeProject(files);
  const result = await analyzeProject(root);
  return { analyzer: analyzerClosure(result, module), cpython: cpythonClosure(root + probeRoot, module), result, root };
}

describe('module names', () => {
  it('1a. a file is named by its dotted path from the scan root', async () => {
    const { analyzer, cpython, result } = await closures(
      {
        'top.py': 'import pkg.sub.leaf\n',
        'pkg/__init__.py': '',
        'pkg/sub/__init__.py': '',
        'pkg/sub/leaf.py': 'X = 1\n',
        'pkg/unused.py': '',
      },
      'top',
    );
    const names = Object.fromEntries([...result.index.entries()].map((m) => [m.path, m.name]));
    expect(names).toEqual({
      'top.py': 'top',
      'pkg/__init__.py': 'pkg',
      'pkg/sub/__init__.py': 'pkg.sub',
      'pkg/sub/leaf.py': 'pkg.sub.leaf',
      'pkg/unused.py': 'pkg.unused',
    });
    expect(result.index.byPath.get('pkg/__init__.py')!.isPackage).toBe(true);
    expect(result.index.byPath.get('pkg/unused.py')!.isPackage).toBe(false);
    expect(analyzer).toEqual(['pkg', 'pkg.sub', 'pkg.sub.leaf', 'top']);
    expect(analyzer).toEqual(cpython);
  });

  it('1b. in a src/ layout, names start below src/', async () => {
    const { analyzer, cpython, result } = await closures(
      {
        'pyproject.toml': '[project]\nname = "mypkg"\nversion = "0"\n',
        'src/mypkg/__init__.py': '',
        'src/mypkg/core.py': 'X = 1\n',
        'src/mypkg/app.py': 'import mypkg.core\n',
        'src/mypkg/idle.py': '',
      },
      'mypkg.app',
      '/src',
    );
    expect(result.index.byPath.get('src/mypkg/core.py')!.name).toBe('mypkg.core');
    expect(result.index.byPath.get('src/mypkg/__init__.py')!.name).toBe('mypkg');
    expect(result.index.byPath.get('src/mypkg/app.py')!.name).toBe('mypkg.app');
    expect(analyzer).toEqual(['mypkg', 'mypkg.app', 'mypkg.core']);
    expect(analyzer).toEqual(cpython);
  });
});

describe('packages', () => {
  it('2. `import a.b.c` runs a/__init__.py, a/b/__init__.py and a/b/c.py', async () => {
    const { analyzer, cpython } = await closures(
      {
        'main.py': 'import a.b.c\n',
        'a/__init__.py': 'A = 1\n',
        'a/b/__init__.py': 'B = 1\n',
        'a/b/c.py': 'C = 1\n',
        'a/b/d.py': 'D = 1\n',
        'a/e.py': 'E = 1\n',
      },
      'main',
    );
    expect(analyzer).toEqual(['a', 'a.b', 'a.b.c', 'main']);
    expect(analyzer).toEqual(cpython);
  });

  it('2b. importing a package submodule directly runs its enclosing packages too', async () => {
    const { analyzer, cpython } = await closures(
      { 'a/__init__.py': '', 'a/b/__init__.py': '', 'a/b/c.py': 'C = 1\n', 'a/b/d.py': '' },
      'a.b.c',
    );
    expect(analyzer).toEqual(['a', 'a.b', 'a.b.c']);
    expect(analyzer).toEqual(cpython);
  });

  it('3. namespace packages (no __init__.py) resolve, and run no code of their own', async () => {
    const { analyzer, cpython, result } = await closures(
      {
        'main.py': 'import ns.sub.mod\n',
        'ns/sub/mod.py': 'from . import helper\n',
        'ns/sub/helper.py': 'H = 1\n',
        'ns/sub/other.py': '',
      },
      'main',
    );
    // Edges are by path, whatever the names are.
    expect(analyzerPaths(result, 'main.py')).toEqual(['main.py', 'ns/sub/helper.py', 'ns/sub/mod.py']);
    expect(result.index.byPath.get('ns/sub/mod.py')!.names).toContain('ns.sub.mod');
    expect(analyzer).toEqual(['main', 'ns.sub.helper', 'ns.sub.mod']);
    expect(analyzer).toEqual(cpython);
  });
});

describe('relative imports', () => {
  it('4. depth 1, 2 and 3, and `from .sibling import f`, anchor on the importer\'s package', async () => {
    const { analyzer, cpython } = await closures(
      {
        'app/__init__.py': '',
        'app/util/__init__.py': '',
        'app/util/w.py': 'W = 1\n',
        'app/util/unused.py': '',
        'app/core/__init__.py': '',
        'app/core/x.py': 'X = 1\n',
        'app/core/unused.py': '',
        'app/core/deep/__init__.py': 'from .pkginit import P\n',
        'app/core/deep/pkginit.py': 'P = 1\n',
        'app/core/deep/leaf.py': 'L = 1\n',
        'app/core/deep/sibling.py': 'def f():\n    return 1\n',
        'app/core/deep/unused.py': '',
        'app/core/deep/mod.py': [
          'from . import leaf',
          'from .. import x',
          'from ...util import w',
          'from .sibling import f',
          '',
        ].join('\n'),
      },
      'app.core.deep.mod',
    );
    expect(analyzer).toEqual([
      'app',
      'app.core',
      'app.core.deep',
      'app.core.deep.leaf',
      'app.core.deep.mod',
      'app.core.deep.pkginit',
      'app.core.deep.sibling',
      'app.core.x',
      'app.util',
      'app.util.w',
    ]);
    expect(analyzer).toEqual(cpython);
  });
});

describe('from-imports', () => {
  const files = {
    'a/__init__.py': '',
    'a/b/__init__.py': 'def helper():\n    return 1\n',
    'a/b/sub.py': 'S = 1\n',
    // Shadowed by the function of the same name in a/b/__init__.py: CPython never loads it.
    'a/b/helper.py': 'H = 1\n',
    'use_sub.py': 'from a.b import sub\n',
    'use_helper.py': 'from a.b import helper\n',
  };

  it('5a. `from a.b import c` runs a.b.c when c is a submodule', async () => {
    const { analyzer, cpython } = await closures(files, 'use_sub');
    expect(analyzer).toEqual(['a', 'a.b', 'a.b.sub', 'use_sub']);
    expect(analyzer).toEqual(cpython);
  });

  it('5b. `from a.b import c` does not run a/b/c.py when a/b/__init__.py defines c', async () => {
    const { analyzer, cpython } = await closures(files, 'use_helper');
    expect(analyzer).toEqual(['a', 'a.b', 'use_helper']);
    expect(analyzer).toEqual(cpython);
  });

  it('5c. `from a.b import c` does not run a/b/c.py when a/b/__init__.py binds c by an import', async () => {
    const { analyzer, cpython } = await closures(
      {
        'a/__init__.py': '',
        'a/b/__init__.py': 'from .impl import helper\n',
        'a/b/impl.py': 'def helper():\n    return 1\n',
        'a/b/helper.py': 'H = 1\n',
        'use_helper.py': 'from a.b import helper\n',
      },
      'use_helper',
    );
    expect(analyzer).toEqual(['a', 'a.b', 'a.b.impl', 'use_helper']);
    expect(analyzer).toEqual(cpython);
  });

  const star = {
    'plain/__init__.py': 'P = 1\n',
    'plain/sub.py': 'S = 1\n',
    'listed/__init__.py': '__all__ = ["sub", "VALUE"]\nVALUE = 1\n',
    'listed/sub.py': 'S = 1\n',
    'listed/other.py': '',
    'star_plain.py': 'from plain import *\n',
    'star_listed.py': 'from listed import *\n',
  };

  it('6a. `from pkg import *` runs pkg and, without __all__, none of its submodules', async () => {
    const { analyzer, cpython } = await closures(star, 'star_plain');
    expect(analyzer).toEqual(['plain', 'star_plain']);
    expect(analyzer).toEqual(cpython);
  });

  it('6b. `from pkg import *` also runs the submodules pkg.__all__ names', async () => {
    const { analyzer, cpython } = await closures(star, 'star_listed');
    expect(analyzer).toEqual(['listed', 'listed.sub', 'star_listed']);
    expect(analyzer).toEqual(cpython);
  });

  it('6c. a name in __all__ that pkg/__init__.py defines is not loaded as a submodule by `import *`', async () => {
    const { analyzer, cpython } = await closures(
      {
        'pkg/__init__.py': '__all__ = ["helper"]\n\ndef helper():\n    return 1\n',
        'pkg/helper.py': 'H = 1\n',
        'star.py': 'from pkg import *\n',
      },
      'star',
    );
    expect(analyzer).toEqual(['pkg', 'star']);
    expect(analyzer).toEqual(cpython);
  });
});

describe('dynamic imports', () => {
  it('7. literal import_module / __import__ at module level are edges; inside a function they are not', async () => {
    const { analyzer, cpython, result } = await closures(
      {
        'pkg/__init__.py': '',
        'pkg/plugin.py': 'X = 1\n',
        'pkg/other.py': 'X = 1\n',
        'pkg/rel.py': 'X = 1\n',
        'pkg/lazy.py': 'X = 1\n',
        'pkg/main.py': [
          'import importlib',
          'from importlib import import_module',
          '',
          'importlib.import_module("pkg.plugin")',
          '__import__("pkg.other")',
          'import_module(".rel", package=__package__)',
          '',
          'def later():',
          '    return importlib.import_module("pkg.lazy")',
          '',
        ].join('\n'),
      },
      'pkg.main',
    );
    expect(analyzer).toEqual(['pkg', 'pkg.main', 'pkg.other', 'pkg.plugin', 'pkg.rel']);
    expect(analyzer).toEqual(cpython);
    const lazy = result.graph.lazyEdges.filter((e) => e.from === 'pkg/main.py');
    // `import_module("pkg.lazy")` would run pkg (already loaded by then) and pkg.lazy, when `later()` is called.
    expect(lazy.map((e) => [e.to, e.reason, e.line, e.scope])).toEqual([
      ['pkg/__init__.py', 'parent-package', 9, { kind: 'function', function: 'later' }],
      ['pkg/lazy.py', 'module', 9, { kind: 'function', function: 'later' }],
    ]);
  });
});

describe('dynamic imports, relative to a literal package', () => {
  it('7b. `import_module(".x", package="pkg")` is an import-time edge to pkg.x', async () => {
    const { analyzer, cpython } = await closures(
      {
        'pkg/__init__.py': '',
        'pkg/x.py': 'X = 1\n',
        'main.py': 'import importlib\nimportlib.import_module(".x", package="pkg")\n',
      },
      'main',
    );
    expect(analyzer).toEqual(['main', 'pkg', 'pkg.x']);
    expect(analyzer).toEqual(cpython);
  });
});

describe('what runs at import time', () => {
  const files = {
    'pkg/__init__.py': '',
    // never at import time
    'pkg/in_function.py': '',
    'pkg/tc_plain.py': '',
    'pkg/tc_alias.py': '',
    'pkg/tc_module.py': '',
    'pkg/main_only.py': '',
    // at import time
    'pkg/tc_else.py': '',
    'pkg/tried.py': '',
    'pkg/fallback.py': '',
    'pkg/in_if.py': '',
    'pkg/in_else.py': '',
    'pkg/in_with.py': '',
    'pkg/in_for.py': '',
    'pkg/in_while.py': '',
    'pkg/in_class.py': '',
    'pkg/mod.py': [
      'import contextlib',
      'import sys',
      'import typing as t',
      'from typing import TYPE_CHECKING',
      'from typing import TYPE_CHECKING as TC',
      '',
      'def load():',
      '    import pkg.in_function',
      '    return pkg.in_function',
      '',
      'if TYPE_CHECKING:',
      '    import pkg.tc_plain',
      'if TC:',
      '    import pkg.tc_alias',
      'else:',
      '    import pkg.tc_else',
      'if t.TYPE_CHECKING:',
      '    from pkg import tc_module',
      'if __name__ == "__main__":',
      '    import pkg.main_only',
      '',
      'try:',
      '    import pkg.tried',
      'except ImportError:',
      '    pass',
      'try:',
      '    import importleak_no_such_module_anywhere',
      'except ImportError:',
      '    import pkg.fallback',
      '',
      'if sys.version_info >= (3,):',
      '    import pkg.in_if',
      'if sys.platform == "no-such-platform":',
      '    import json',
      'else:',
      '    from pkg import in_else',
      'with contextlib.suppress(Exception):',
      '    import pkg.in_with',
      'for _ in range(1):',
      '    import pkg.in_for',
      'while True:',
      '    import pkg.in_while',
      '    break',
      '',
      'class Holder:',
      '    import pkg.in_class',
      '',
    ].join('\n'),
  };

  it('8. function bodies, TYPE_CHECKING (plain, aliased, typing.X) and __main__ guards are not import time; try/if/else/with/for/while/class bodies are', async () => {
    const { analyzer, cpython } = await closures(files, 'pkg.mod');
    expect(analyzer).toEqual([
      'pkg',
      'pkg.fallback',
      'pkg.in_class',
      'pkg.in_else',
      'pkg.in_for',
      'pkg.in_if',
      'pkg.in_while',
      'pkg.in_with',
      'pkg.mod',
      'pkg.tc_else',
      'pkg.tried',
    ]);
    expect(analyzer).toEqual(cpython);
  });

  it('8b. the function-level import is a lazy edge with its line and function name', async () => {
    const root = writeProject(files);
    const result = await analyzeProject(root);
    const lazy = result.graph.lazyEdges.filter((e) => e.from === 'pkg/mod.py');
    const scope = { kind: 'function', function: 'load' };
    expect(lazy.map((e) => ({ to: e.to, reason: e.reason, line: e.line, scope: e.scope, text: e.text }))).toEqual([
      { to: 'pkg/__init__.py', reason: 'parent-package', line: 8, scope, text: 'import pkg.in_function' },
      { to: 'pkg/in_function.py', reason: 'module', line: 8, scope, text: 'import pkg.in_function' },
    ]);
    // ...and not an import-time edge of the module.
    expect((result.graph.importTimeEdges.get('pkg/mod.py') ?? []).map((e) => e.to)).not.toContain('pkg/in_function.py');
  });
});

describe('external modules', () => {
  it('9. stdlib imports stay external and add nothing to the closure', async () => {
    const { analyzer, cpython, result } = await closures(
      {
        'main.py': 'import json, os.path\nfrom collections import OrderedDict\nimport xml.etree.ElementTree as ET\nfrom concurrent import futures\n',
        'helper.py': '',
      },
      'main',
    );
    expect(analyzer).toEqual(['main']);
    expect(analyzer).toEqual(cpython);
    const resolved = result.resolved.get('main.py')!;
    expect(resolved.map((r) => r.absolute)).toEqual(['json', 'os.path', 'collections', 'xml.etree.ElementTree', 'concurrent']);
    expect(resolved.every((r) => r.executes.length === 0)).toBe(true);
  });
});

describe('cycles', () => {
  it('10. a imports b, b imports a: the closure terminates and matches CPython', async () => {
    const files = {
      'a.py': 'import b\nA = 1\n',
      'b.py': 'import a\nB = 1\n',
      'c.py': 'import a\n',
      'pkg/__init__.py': 'from . import x\n',
      'pkg/x.py': 'from pkg import y\n',
      'pkg/y.py': 'import pkg\n',
    };
    const cycle = await closures(files, 'c');
    expect(cycle.analyzer).toEqual(['a', 'b', 'c']);
    expect(cycle.analyzer).toEqual(cycle.cpython);
    const inPackage = await closures(files, 'pkg.y');
    expect(inPackage.analyzer).toEqual(['pkg', 'pkg.x', 'pkg.y']);
    expect(inPackage.analyzer).toEqual(inPackage.cpython);
  });
});

describe('script folders', () => {
  it('11. two script folders with their own utils.py: each script reaches its neighbour', async () => {
    const root = writeProject({
      'tools/build.py': 'import utils\n',
      'tools/utils.py': 'T = 1\n',
      'scripts/deploy.py': 'import utils\n',
      'scripts/utils.py': 'S = 1\n',
    });
    const result = await analyzeProject(root);
    expect(result.index.byPath.get('tools/utils.py')!.name).toBe('utils');
    expect(result.index.byPath.get('scripts/utils.py')!.name).toBe('utils');
    expect(analyzerPaths(result, 'tools/build.py')).toEqual(['tools/build.py', 'tools/utils.py']);
    expect(analyzerPaths(result, 'scripts/deploy.py')).toEqual(['scripts/deploy.py', 'scripts/utils.py']);
  });
});

describe('conditions evaluated for the target (issue 5)', () => {
  const files = {
    'pkg/__init__.py': '',
    ...Object.fromEntries(['win', 'linux', 'other', 'nt', 'posix', 'new', 'old', 'py2', 'never', 'zero', 'falsy', 'statica', 'lazy', 'tc_or'].map((m) => [`pkg/${m}.py`, ''])),
    'main.py': [
      'import os',
      'import sys',
      'from typing import TYPE_CHECKING',
      'if sys.platform == "win32":',
      '    import pkg.win',
      'elif sys.platform.startswith("linux"):',
      '    import pkg.linux',
      'else:',
      '    import pkg.other',
      'if os.name == "nt":',
      '    import pkg.nt',
      "elif 'posix' in sys.builtin_module_names:",
      '    import pkg.posix',
      'if sys.version_info >= (3, 8):',
      '    import pkg.new',
      'else:',
      '    import pkg.old',
      'if sys.version_info[0] == 2:',
      '    import pkg.py2',
      'if False:',
      '    import pkg.never',
      'if 0:',
      '    import pkg.zero',
      '_false = 0',
      'if _false:',
      '    import pkg.falsy',
      '# Celery and Kombu: true for type checkers, made false at run time.',
      'STATICA_HACK = True',
      "globals()['kcah_acitats'[::-1].upper()] = False",
      'if STATICA_HACK:',
      '    import pkg.statica',
      'def install_lazy_importer():',
      '    return True',
      '# anyio: for type checkers, and at run time only when lazy imports cannot be set up.',
      'if TYPE_CHECKING or not install_lazy_importer():',
      '    import pkg.tc_or',
      '',
    ].join('\n'),
  };

  it('12a. on Linux: only the branches true for sys.platform, os.name, sys.version_info and constants run, as in CPython', async () => {
    const { analyzer, cpython, result } = await closures(files, 'main');
    expect(analyzer).toEqual(['main', 'pkg', 'pkg.linux', 'pkg.new', 'pkg.posix']);
    if (process.platform === 'linux') expect(analyzer).toEqual(cpython);
    const scopes = result.summaries.get('main.py')!.imports.filter((r) => r.module.startsWith('pkg.')).map((r) => `${r.module}:${r.scope.kind}`);
    expect(scopes).toEqual([
      'pkg.win:unreachable',
      'pkg.linux:module',
      'pkg.other:unreachable',
      'pkg.nt:unreachable',
      'pkg.posix:module',
      'pkg.new:module',
      'pkg.old:unreachable',
      'pkg.py2:unreachable',
      'pkg.never:unreachable',
      'pkg.zero:unreachable',
      'pkg.falsy:unreachable',
      'pkg.statica:unreachable',
      'pkg.tc_or:type-checking',
    ]);
    const win = result.summaries.get('main.py')!.imports.find((r) => r.module === 'pkg.win')!;
    // The target is the local python3's (the one `cpythonClosure` compares with, on Linux).
    const local = spawnSync('python3', ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], { encoding: 'utf8' }).stdout.trim();
    expect(win.scope).toEqual({ kind: 'unreachable', condition: `\`sys.platform == "win32"\` is false for Python ${local} on linux` });
  });

  it('12b. --platform win32 / python-version: the other branches run', async () => {
    const root = writeProject(files);
    const config = { ...defaultConfig(), platform: 'win32' as const, pythonVersion: [3, 7] as const };
    const result = await analyze({ root, paths: ['.'], config });
    expect(analyzerClosure(result, 'main')).toEqual(['main', 'pkg', 'pkg.nt', 'pkg.old', 'pkg.win']);
  });

  it('12c. a condition that depends on run time keeps both branches; a name bound twice or declared global is not a constant', async () => {
    const { analyzer } = await closures(
      {
        'pkg/__init__.py': '',
        'pkg/a.py': '',
        'pkg/b.py': '',
        'pkg/c.py': '',
        'pkg/d.py': '',
        'main.py': [
          'import os',
          'FLAG = False',
          'def enable():',
          '    global FLAG',
          '    FLAG = True',
          'if os.environ.get("X"):',
          '    import pkg.a',
          'else:',
          '    import pkg.b',
          'if FLAG:',
          '    import pkg.c',
          'OTHER = False',
          'if os.environ.get("Y"):',
          '    OTHER = True',
          'if OTHER:',
          '    import pkg.d',
          '',
        ].join('\n'),
      },
      'main',
    );
    expect(analyzer).toEqual(['main', 'pkg', 'pkg.a', 'pkg.b', 'pkg.c', 'pkg.d']);
  });

  it('12d. in a function run at import, a branch false for the target does not run either', async () => {
    const { analyzer, cpython } = await closures(
      {
        'pkg/__init__.py': '',
        'pkg/mac.py': '',
        'pkg/any.py': '',
        'main.py': 'import sys\ndef setup():\n    if sys.platform == "darwin":\n        import pkg.mac\n    import pkg.any\nsetup()\n',
      },
      'main',
    );
    expect(analyzer).toEqual(['main', 'pkg', 'pkg.any']);
    if (process.platform === 'linux') expect(analyzer).toEqual(cpython);
  });
});

describe('import fallbacks (issue 5)', () => {
  it('13. `except ImportError:` imports run only when the `try` import may fail: project and stdlib modules are found, third-party ones not known', async () => {
    const { analyzer, cpython, result } = await closures(
      {
        'pkg/__init__.py': '',
        'pkg/present.py': 'X = 1\n',
        ...Object.fromEntries([1, 2, 3, 4, 5, 6].map((n) => [`pkg/fallback${n}.py`, ''])),
        'main.py': [
          'try:',
          '    import pkg.present',
          'except ImportError:',
          '    import pkg.fallback1',
          'try:',
          '    from json import loads',
          'except (ImportError, AttributeError):',
          '    import pkg.fallback2',
          'try:',
          '    import importleak_not_installed_anywhere',
          'except ImportError:',
          '    import pkg.fallback3',
          'try:',
          '    from pkg.present import not_defined',
          'except ImportError:',
          '    import pkg.fallback4',
          'try:',
          '    import pkg.present',
          'except ImportError:',
          '    try:',
          '        import importleak_not_installed_either',
          '    except ImportError:',
          '        import pkg.fallback5',
          'try:',
          '    import pkg.present',
          'except ValueError:',
          '    import pkg.fallback6',
          '',
        ].join('\n'),
      },
      'main',
    );
    // fallback6: `except ValueError` is not an import fallback; the analyzer keeps it (CPython did not run it).
    expect(analyzer).toEqual(['main', 'pkg', 'pkg.fallback3', 'pkg.fallback4', 'pkg.fallback6', 'pkg.present']);
    expect(cpython).toEqual(['main', 'pkg', 'pkg.fallback3', 'pkg.fallback4', 'pkg.present']);
    const fallback1 = result.resolved.get('main.py')!.find((r) => importText(r.record) === 'import pkg.fallback1')!;
    expect(fallback1.notRun).toBe('fallback in `except ImportError` (line 4): the `try` branch (line 1) succeeds, since `import pkg.present` finds its module');
  });

  it('13b. a stdlib module the target does not have (tomllib before 3.11) makes the fallback run', async () => {
    const root = writeProject({ 'pkg/__init__.py': '', 'pkg/tomli.py': '', 'main.py': 'try:\n    import tomllib\nexcept ImportError:\n    import pkg.tomli\n' });
    const old = await analyze({ root, paths: ['.'], config: { ...defaultConfig(), pythonVersion: [3, 10] } });
    expect(analyzerClosure(old, 'main')).toEqual(['main', 'pkg', 'pkg.tomli']);
    const current = await analyze({ root, paths: ['.'], config: { ...defaultConfig(), pythonVersion: [3, 11] } });
    expect(analyzerClosure(current, 'main')).toEqual(['main']);
  });
});

describe('names CPython gives files (issue 5)', () => {
  it('14a. a file in a folder without __init__.py does not shadow a stdlib module for importers elsewhere', async () => {
    const { analyzer, cpython, result } = await closures(
      {
        'app.py': 'import re\nimport types\nimport vendor.util.helpers\n',
        'vendor/util/re.py': 'X = 1\n',
        'vendor/util/types.py': 'Y = 1\n',
        'vendor/util/helpers.py': 'import re\n',
      },
      'app',
    );
    expect(analyzer).toEqual(['app', 'vendor.util.helpers']);
    expect(analyzer).toEqual(cpython);
    expect(result.resolved.get('vendor/util/helpers.py')![0]!.executes).toEqual([]);
  });

  it('14b. a package folder wins over a module file of the same name, as in CPython\'s FileFinder', async () => {
    const { analyzer, cpython } = await closures(
      {
        'foo/__init__.py': 'import pkg.a\n',
        'foo.py': 'import pkg.b\n',
        'pkg/__init__.py': '',
        'pkg/a.py': '',
        'pkg/b.py': '',
        'main.py': 'import foo\n',
      },
      'main',
    );
    expect(analyzer).toEqual(['foo', 'main', 'pkg', 'pkg.a']);
    expect(analyzer).toEqual(cpython);
  });

  it('14c. `from __future__ import x` is a run-time import of `__future__`: CPython loads a project file of that name', async () => {
    const { analyzer, cpython } = await closures(
      {
        '__future__.py': 'all_feature_names = []\nannotations = None\n',
        'main.py': 'from __future__ import annotations\n',
      },
      'main',
    );
    expect(analyzer).toEqual(['__future__', 'main']);
    expect(analyzer).toEqual(cpython);
  });
});

describe('PEP 810 lazy imports (issue 5)', () => {
  it('15. `lazy import x` / `lazy from x import y` (3.15) are not import time; tree-sitter-python 0.25 parses them with an ERROR for `lazy`', async () => {
    const root = writeProject({
      'pkg/__init__.py': '',
      'pkg/a.py': '',
      'pkg/b.py': '',
      'main.py': 'lazy import pkg.a\nlazy from pkg import b\n',
    });
    const result = await analyzeProject(root);
    expect(analyzerClosure(result, 'main')).toEqual(['main']);
    expect(result.summaries.get('main.py')!.imports.map((r) => `${importText(r)}:${r.scope.kind}`)).toEqual(['import pkg.a:lazy-import', 'from pkg import b:lazy-import']);
    expect(result.graph.lazyEdges.map((e) => `${e.from}->${e.to}`)).toEqual(['main.py->pkg/__init__.py', 'main.py->pkg/a.py', 'main.py->pkg/__init__.py', 'main.py->pkg/b.py']);
    // Before 3.15 CPython cannot parse the file: that is still reported.
    expect(result.diagnostics.filter((d) => d.kind === 'syntax-error').map((d) => d.line)).toEqual([1, 2]);
  });
});

describe('lazy attributes: module __getattr__ (PEP 562) (issue 5)', () => {
  const files = {
    'lazypkg/__init__.py': [
      'from typing import TYPE_CHECKING',
      'if TYPE_CHECKING:',
      '    from .heavy import Heavy',
      '    from .light import Light',
      'def __getattr__(name):',
      '    import importlib',
      "    module = {'Heavy': '.heavy', 'Light': '.light'}[name]",
      '    return getattr(importlib.import_module(module, __name__), name)',
      '',
    ].join('\n'),
    'lazypkg/heavy.py': 'class Heavy: pass\n',
    'lazypkg/light.py': 'class Light: pass\n',
    'anyiolike/__init__.py': 'from typing import TYPE_CHECKING\nfrom ._lazy import install\nif TYPE_CHECKING or not install(globals()):\n    from .impl import Thing\n',
    'anyiolike/_lazy.py': [
      'import importlib',
      'def install(g):',
      '    def __getattr__(name):',
      "        return getattr(importlib.import_module('.impl', g['__name__']), name)",
      "    g['__getattr__'] = __getattr__",
      '    return True',
      '',
    ].join('\n'),
    'anyiolike/impl.py': 'class Thing: pass\n',
    'uses_heavy.py': 'from lazypkg import Heavy\n',
    'imports_only.py': 'import anyiolike\n',
    'uses_thing.py': 'from anyiolike import Thing\n',
  };

  it('16. `from pkg import name` runs the module pkg\'s __getattr__ imports name from; `import pkg` alone does not', async () => {
    const root = writeProject(files);
    const result = await analyzeProject(root);
    for (const [module, expected] of [
      ['uses_heavy', ['lazypkg', 'lazypkg.heavy', 'uses_heavy']],
      ['imports_only', ['anyiolike', 'anyiolike._lazy', 'imports_only']],
      ['uses_thing', ['anyiolike', 'anyiolike._lazy', 'anyiolike.impl', 'uses_thing']],
    ] as const) {
      expect(analyzerClosure(result, module)).toEqual(expected);
      expect(cpythonClosure(root, module)).toEqual(expected);
    }
    expect(result.graph.importTimeEdges.get('uses_heavy.py')!.map((e) => `${e.to}:${e.reason}`)).toEqual(['lazypkg/__init__.py:module', 'lazypkg/heavy.py:lazy-attribute']);
  });
});

describe('computed imports over a literal loop (issue 5)', () => {
  it('17. `for name in ("a", "b"): __import__(name)` imports each item, as requests/packages.py does', async () => {
    const { analyzer, cpython } = await closures(
      {
        'pkg/__init__.py': '',
        'pkg/a.py': '',
        'pkg/b.py': '',
        'pkg/c.py': '',
        'main.py': 'import importlib\nfor name in ("pkg.a", "pkg.b"):\n    __import__(name)\nfor other in [x for x in ("pkg.c",) if False]:\n    importlib.import_module(other)\n',
      },
      'main',
    );
    expect(analyzer).toEqual(['main', 'pkg', 'pkg.a', 'pkg.b']);
    expect(analyzer).toEqual(cpython);
  });
});

describe('computed import names over known items (issue 5)', () => {
  it("17b. `%`, f-strings, `+` and `str.format` over literal loops, module-level lists and another module's `__all__`", async () => {
    const { analyzer, cpython } = await closures(
      {
        'pkg/__init__.py': '',
        'pkg/dialects/__init__.py': '__all__ = ("one", "two")\n',
        'pkg/dialects/one.py': '',
        'pkg/dialects/two.py': '',
        'pkg/dialects/three.py': '',
        'pkg/mods/__init__.py': '',
        'pkg/mods/a.py': '',
        'pkg/mods/b.py': '',
        'pkg/mods/c.py': '',
        'pkg/mods/e.py': '',
        'pkg/mods/f.py': '',
        'main.py': [
          'import importlib',
          'from pkg import dialects',
          'NAMES = ["a", "b"]',
          'for d in dialects.__all__:',
          '    importlib.import_module("pkg.dialects.%s" % d)',
          'for n in NAMES:',
          '    importlib.import_module(f"pkg.mods.{n}")',
          'for n in ("c",):',
          '    __import__("pkg.mods." + n)',
          'def load():',
          '    for n in ("e",):',
          '        importlib.import_module("{}.{}".format("pkg.mods", n))',
          'def never():',
          '    for n in ("f",):',
          '        importlib.import_module("pkg.mods." + n)',
          'load()',
          '',
        ].join('\n'),
      },
      'main',
    );
    expect(analyzer).toEqual(['main', 'pkg', 'pkg.dialects', 'pkg.dialects.one', 'pkg.dialects.two', 'pkg.mods', 'pkg.mods.a', 'pkg.mods.b', 'pkg.mods.c', 'pkg.mods.e']);
    expect(analyzer).toEqual(cpython);
  });
});

describe("a package's modules imported by listing its folder (calibre-web's metadata providers)", () => {
  it('17c. `os.listdir`, `glob`, `Path.iterdir` and `pkgutil.iter_modules`, the name made from each entry: every module of the package', async () => {
    const { analyzer, cpython } = await closures(
      {
        'shop/__init__.py': '',
        // A namespace package, as calibre-web's cps/metadata_provider is: no __init__.py.
        'shop/providers/amazon.py': '',
        'shop/providers/douban.py': '',
        'shop/providers/nested/__init__.py': '',
        'shop/importers/__init__.py': '',
        'shop/importers/csv_file.py': '',
        'shop/importers/json_file.py': '',
        'shop/exporters/__init__.py': '',
        'shop/exporters/pdf.py': '',
        'shop/tasks/__init__.py': [
          'import importlib',
          'import pkgutil',
          '',
          'for _, name, _ in pkgutil.iter_modules(__path__):',
          '    importlib.import_module(f"{__name__}.{name}")',
          '',
        ].join('\n'),
        'shop/tasks/cleanup.py': '',
        'shop/tasks/reports/__init__.py': '',
        'shop/unused/__init__.py': '',
        'shop/unused/never.py': '',
        'shop/loader.py': [
          'import glob',
          'import importlib',
          'import os',
          'from pathlib import Path',
          '',
          'meta_dir = os.path.join(os.path.dirname(__file__), "providers")',
          'modules = os.listdir(meta_dir)',
          'for f in modules:',
          '    if os.path.isfile(os.path.join(meta_dir, f)) and f.endswith(".py"):',
          '        a = os.path.basename(f)[:-3]',
          '        importlib.import_module("shop.providers." + a)',
          'here = os.path.dirname(__file__)',
          'for path in sorted(glob.glob(os.path.join(here, "importers", "*.py"))):',
          '    name = os.path.splitext(os.path.basename(path))[0]',
          '    if name != "__init__":',
          '        importlib.import_module("." + name, "shop.importers")',
          'for entry in Path(here, "exporters").iterdir():',
          '    if entry.suffix == ".py" and entry.stem != "__init__":',
          '        importlib.import_module(f"shop.exporters.{entry.stem}")',
          'import shop.tasks',
          '',
          'def never():',
          '    for f in os.listdir(here):',
          '        importlib.import_module("shop.unused." + f[:-3])',
          '',
        ].join('\n'),
      },
      'shop.loader',
    );
    expect(analyzer).toEqual([
      'shop',
      'shop.exporters',
      'shop.exporters.pdf',
      'shop.importers',
      'shop.importers.csv_file',
      'shop.importers.json_file',
      'shop.loader',
      'shop.providers.amazon',
      'shop.providers.douban',
      'shop.tasks',
      'shop.tasks.cleanup',
      'shop.tasks.reports',
    ]);
    expect(analyzer).toEqual(cpython);
  });
});

describe('calls followed for import edges (issue 5)', () => {
  it('18a. a function reached first on a long call path still has its calls followed from a short one', async () => {
    const { analyzer, cpython } = await closures(
      {
        'pkg/__init__.py': '',
        'pkg/m.py': '',
        'main.py': [
          'def a():',
          '    b()',
          'def b():',
          '    c()',
          'def c():',
          '    d()',
          'def d():',
          '    import pkg.m',
          'a()',
          'c()',
          '',
        ].join('\n'),
      },
      'main',
    );
    // a → b → c → d is 4 calls deep, beyond the depth of 3; c → d from line 10 is 2.
    expect(analyzer).toEqual(['main', 'pkg', 'pkg.m']);
    expect(analyzer).toEqual(cpython);
  });

  it('18b. a def replaced by an import from an underscore-named module outside the tree (a C accelerator, PEP 399) is followed as its stand-in', async () => {
    const { analyzer, cpython } = await closures(
      {
        'pkg/__init__.py': '',
        'pkg/lines.py': '',
        'pkg/other.py': '',
        'pkg/shows.py': 'def show(message):\n    pass\n',
        'pkg/dumped.py': '',
        'pkg/warn.py': [
          'def _format():',
          '    import pkg.lines',
          'def warn(message):',
          '    _format()',
          'def show(message):',
          '    import pkg.other',
          'try:',
          '    from _importleak_no_such_accelerator import warn',
          'except ImportError:',
          '    pass',
          'from .shows import show',
          'def dumps(value):',
          '    import pkg.dumped',
          'from json import dumps',
          'def deprecated(name):',
          '    warn(name)',
          '    dumps(name)',
          '',
        ].join('\n'),
        'main.py': 'import pkg.warn as w\nw.deprecated("x")\nw.show("x")\n',
      },
      'main',
    );
    // `show` is rebound to a project function, which has no import, and `dumps` to a module that is
    // no accelerator (no leading underscore): neither def stands in.
    expect(analyzer).toEqual(['main', 'pkg', 'pkg.lines', 'pkg.shows', 'pkg.warn']);
    expect(analyzer).toEqual(cpython);
  });

  it("18c. `f.register(...)` runs the inner function `register` of f's decorator, and the inner functions it calls", async () => {
    const { analyzer, cpython } = await closures(
      {
        'pkg/__init__.py': '',
        'pkg/kinds.py': '',
        'pkg/unused.py': '',
        'pkg/dispatch.py': [
          'def dispatcher(func):',
          '    def _check(cls):',
          '        import pkg.kinds',
          '    def register(cls, f=None):',
          '        _check(cls)',
          '        return f',
          '    def clear():',
          '        import pkg.unused',
          '    def wrapper(*args):',
          '        return func(*args)',
          '    wrapper.register = register',
          '    wrapper.clear = clear',
          '    return wrapper',
          '',
        ].join('\n'),
        'main.py': 'from pkg.dispatch import dispatcher\n\n@dispatcher\ndef f(x):\n    pass\n\nf.register(int, len)\n',
      },
      'main',
    );
    expect(analyzer).toEqual(['main', 'pkg', 'pkg.dispatch', 'pkg.kinds']);
    expect(analyzer).toEqual(cpython);
  });
});

describe('registries filled at import time and imported from (issue 5)', () => {
  // SQLAlchemy's `preloaded`: decorators register module names; package inits import those under a prefix.
  const files = {
    'pkg/util/__init__.py': 'from . import preloaded as preloaded\nfrom .preloaded import preload_module as preload_module\n',
    'pkg/util/preloaded.py': [
      'import sys',
      'class _ModuleRegistry:',
      '    def __init__(self, prefix="pkg."):',
      '        self.module_registry = set()',
      '        self.prefix = prefix',
      '    def preload_module(self, *deps):',
      '        self.module_registry.update(deps)',
      '        return lambda fn: fn',
      '    def import_prefix(self, path):',
      '        for module in self.module_registry:',
      '            key = module.split(self.prefix)[-1].replace(".", "_")',
      '            if (not path or module.startswith(path)) and key not in self.__dict__:',
      '                __import__(module, globals(), locals())',
      '                self.__dict__[key] = sys.modules[module]',
      '_reg = _ModuleRegistry()',
      'preload_module = _reg.preload_module',
      'import_prefix = _reg.import_prefix',
      '',
    ].join('\n'),
    'pkg/__init__.py': 'from . import util as _util\nfrom . import core\nfrom . import sql\n\ndef __go(lcls):\n    _util.preloaded.import_prefix("pkg")\n\n__go(locals())\n',
    'pkg/core.py': 'from . import util\n\n@util.preload_module("pkg.helpers.one")\ndef f():\n    return util.preloaded.helpers_one\n',
    'pkg/sql/__init__.py': 'from .. import util\nfrom . import elements\nutil.preloaded.import_prefix("pkg.sql")\n',
    'pkg/sql/elements.py': 'from ..util import preload_module\n\n@preload_module("pkg.sql.extra", "pkg.helpers.two")\ndef g():\n    pass\n',
    'pkg/sql/extra.py': '',
    'pkg/helpers/__init__.py': '',
    'pkg/helpers/one.py': '',
    'pkg/helpers/two.py': '',
    'pkg/helpers/never.py': '',
    'pkg/late.py': 'from . import util\n\n@util.preload_module("pkg.helpers.never")\ndef h():\n    pass\n',
    // A module-global list, filled one name at a time and imported from by a loader.
    'plugins/__init__.py': [
      'import importlib',
      '_PLUGINS = []',
      'def register(name):',
      '    _PLUGINS.append(name)',
      'def load_all():',
      '    for name in sorted(_PLUGINS):',
      '        importlib.import_module(f"plugins.builtin.{name}")',
      '',
    ].join('\n'),
    'plugins/builtin/__init__.py': '',
    'plugins/builtin/csv.py': '',
    'plugins/builtin/xml.py': '',
    'plugins/builtin/unused.py': '',
    'app.py': 'import plugins\nplugins.register("csv")\nplugins.register("xml")\nplugins.load_all()\n',
    // The loop at module level, after the module's own registrations.
    'inline.py': 'import importlib\nfrom plugins import register\nSEEN = []\ndef remember(name):\n    SEEN.append(name)\nremember("plugins.builtin.csv")\nfor name in SEEN:\n    importlib.import_module(name)\n',
    'app_without_register.py': 'import plugins\nplugins.load_all()\n',
  };

  it('19. names registered with literal strings by the modules that ran are imported; a prefix argument filters them', async () => {
    const root = writeProject(files);
    const result = await analyzeProject(root);
    const expected: Record<string, string[]> = {
      // pkg.sql's own import_prefix("pkg.sql") loads pkg.sql.extra only; pkg's loads pkg.helpers.* registered so far.
      'pkg.sql': ['pkg', 'pkg.core', 'pkg.helpers', 'pkg.helpers.one', 'pkg.helpers.two', 'pkg.sql', 'pkg.sql.elements', 'pkg.sql.extra', 'pkg.util', 'pkg.util.preloaded'],
      // pkg.late registers after pkg has run: pkg.helpers.never is never imported.
      'pkg.late': ['pkg', 'pkg.core', 'pkg.helpers', 'pkg.helpers.one', 'pkg.helpers.two', 'pkg.late', 'pkg.sql', 'pkg.sql.elements', 'pkg.sql.extra', 'pkg.util', 'pkg.util.preloaded'],
      app: ['app', 'plugins', 'plugins.builtin', 'plugins.builtin.csv', 'plugins.builtin.xml'],
      app_without_register: ['app_without_register', 'plugins'],
      inline: ['inline', 'plugins', 'plugins.builtin', 'plugins.builtin.csv'],
    };
    for (const [module, modules] of Object.entries(expected)) {
      expect(analyzerClosure(result, module), module).toEqual(modules);
      expect(cpythonClosure(root, module), module).toEqual(modules);
    }
    // The edge shows the import statement and the calls that reach it.
    const edge = result.graph.importTimeEdges.get('pkg/__init__.py')!.find((e) => e.to === 'pkg/helpers/one.py')!;
    expect(edge).toMatchObject({ line: 13, text: '__import__(module, globals(), locals())', at: 'pkg/util/preloaded.py' });
    expect(edge.via!.map((v) => v.target)).toEqual(['__go', '_ModuleRegistry.import_prefix']);
    expect(result.summaries.get('pkg/util/preloaded.py')!.registryAdders).toEqual([
      { function: '_ModuleRegistry.preload_module', registry: '_ModuleRegistry.module_registry', parameter: 0, takes: 'each-argument' },
    ]);
  });
});

describe('lazy attributes through star imports (issue 5)', () => {
  it('16b. `from pkg import name` where pkg binds name for type checkers by `from .types import *`: its __getattr__ imports .types', async () => {
    const { analyzer, cpython } = await closures(
      {
        'lazystar/__init__.py': [
          'from typing import TYPE_CHECKING',
          'if TYPE_CHECKING:',
          '    from .types import *',
          '    from .other import *',
          "_dynamic = {'Strict': '.types', 'Loose': '.other'}",
          'def __getattr__(name):',
          '    import importlib',
          '    return getattr(importlib.import_module(_dynamic[name], __name__), name)',
          '',
        ].join('\n'),
        'lazystar/types.py': "__all__ = ['Strict']\nclass Strict: pass\n",
        'lazystar/other.py': 'class Loose: pass\nclass _Hidden: pass\n',
        'main.py': 'from lazystar import Strict\n',
      },
      'main',
    );
    expect(analyzer).toEqual(['lazystar', 'lazystar.types', 'main']);
    expect(analyzer).toEqual(cpython);
  });
});

describe('class statements run their metaclass and __init_subclass__ (issue 5)', () => {
  it('20. `class M(Base)` runs the metaclass `__new__`/`__init__` (own or a base\'s) and the bases\' `__init_subclass__`; `C()` runs `C.__new__`', async () => {
    const files = {
      'pkg/__init__.py': '',
      'pkg/meta_new.py': '',
      'pkg/meta_init.py': '',
      'pkg/subclass_hook.py': '',
      'pkg/created.py': '',
      'pkg/never.py': '',
      'pkg/base.py': [
        'class Meta(type):',
        '    def __new__(mcs, name, bases, ns):',
        '        import pkg.meta_new',
        '        return super().__new__(mcs, name, bases, ns)',
        '    def __init__(cls, name, bases, ns):',
        '        import pkg.meta_init',
        '        super().__init__(name, bases, ns)',
        '    def __call__(cls, *args):',
        '        import pkg.never',
        'class Model(metaclass=Meta):',
        '    pass',
        'class Plugin:',
        '    def __init_subclass__(cls, **kwargs):',
        '        import pkg.subclass_hook',
        'class Singleton:',
        '    def __new__(cls):',
        '        import pkg.created',
        '        return super().__new__(cls)',
        '',
      ].join('\n'),
      // Defines the metaclass, the hook and __new__ without using them at import: nothing runs.
      'defines_only.py': 'from pkg.base import Meta, Plugin, Singleton\n',
      'uses_model.py': 'from pkg.base import Model\n\nclass Poll(Model):\n    pass\n',
      'uses_plugin.py': 'from pkg.base import Plugin\n\nclass Csv(Plugin):\n    pass\n',
      'uses_singleton.py': 'from pkg.base import Singleton\n\nONE = Singleton()\n',
    };
    const root = writeProject(files);
    const result = await analyzeProject(root);
    const expected: Record<string, string[]> = {
      // pkg.base's own `class Model(metaclass=Meta)` runs Meta.__new__ and Meta.__init__.
      defines_only: ['defines_only', 'pkg', 'pkg.base', 'pkg.meta_init', 'pkg.meta_new'],
      uses_model: ['pkg', 'pkg.base', 'pkg.meta_init', 'pkg.meta_new', 'uses_model'],
      uses_plugin: ['pkg', 'pkg.base', 'pkg.meta_init', 'pkg.meta_new', 'pkg.subclass_hook', 'uses_plugin'],
      uses_singleton: ['pkg', 'pkg.base', 'pkg.created', 'pkg.meta_init', 'pkg.meta_new', 'uses_singleton'],
    };
    for (const [module, modules] of Object.entries(expected)) {
      expect(analyzerClosure(result, module), module).toEqual(modules);
      expect(cpythonClosure(root, module), module).toEqual(modules);
    }
    const hook = result.graph.importTimeEdges.get('uses_plugin.py')!.find((e) => e.to === 'pkg/subclass_hook.py')!;
    expect(hook.via!.map((v) => `${v.line}: ${v.text} → ${v.target}`)).toEqual(['3: class Csv(Plugin): → Plugin.__init_subclass__']);
  });
});
