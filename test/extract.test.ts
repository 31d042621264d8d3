import { beforeAll, describe, expect, it } from 'vitest';
import type { Parser } from 'web-tree-sitter';
import { extractModule } from '../src/extract/extract.js';
import { pythonParser } from '../src/extract/parser.js';
import { summaryLookup } from '../src/extract/lookup.js';
import { functionLines, importText, type ModuleSummary } from '../src/extract/summary.js';

let parser: Parser;
beforeAll(async () => {
  parser = await pythonParser();
});

const extract = (source: string, path = 'mod.py'): ModuleSummary => extractModule(parser, path, source);

/** `callee@line` for every call that runs at import time. */
const importTimeCalls = (source: string): string[] =>
  extract(source)
    .calls.filter((c) => c.scope.kind === 'module')
    .map((c) => `${c.callee ?? c.calleeText}@${c.span.line}`);

const importScopes = (source: string): string[] =>
  extract(source).imports.map((i) => `${i.module}:${i.scope.kind === 'function' ? `function ${i.scope.function}` : i.scope.kind}`);

describe('what runs at import time', () => {
  it.each([
    ['module body', 'import threading\nthreading.Thread()\n', ['threading.Thread@2']],
    ['if / elif / else bodies', 'import os\nif a:\n    os.a()\nelif b:\n    os.b()\nelse:\n    os.c()\n', ['os.a@3', 'os.b@5', 'os.c@7']],
    ['try / except / else / finally', 'import os\ntry:\n    os.a()\nexcept (os.E) as e:\n    os.b()\nelse:\n    os.c()\nfinally:\n    os.d()\n', ['os.a@3', 'os.b@5', 'os.c@7', 'os.d@9']],
    ['with items and body', 'import os\nwith os.a() as x:\n    os.b()\n', ['os.a@2', 'os.b@3']],
    ['for / while bodies and else', 'import os\nfor i in os.a():\n    os.b()\nelse:\n    os.c()\nwhile os.d():\n    os.e()\n', ['os.a@2', 'os.b@3', 'os.c@5', 'os.d@6', 'os.e@7']],
    ['match cases', 'import os\nmatch os.a():\n    case 1:\n        os.b()\n    case _:\n        os.c()\n', ['os.a@2', 'os.b@4', 'os.c@6']],
    ['class bodies, nested too', 'import os\nclass A:\n    x = os.a()\n    class B:\n        y = os.b()\n', ['os.a@3', 'os.b@5']],
    ['decorator expressions of module- and class-level defs', 'import os\n@os.deco()\ndef f(): pass\nclass A:\n    @os.cdeco()\n    def m(self): pass\n', ['os.deco@2', 'os.cdeco@5']],
    ['default argument values of module- and class-level defs', 'import os\ndef f(a=os.a()): pass\nclass A:\n    def m(self, b=os.b()): pass\n', ['os.a@2', 'os.b@4']],
    ['comprehensions and nested calls, innermost first', 'import os\nx = [os.a(i) for i in os.b()]\ny = os.c(os.d())\n', ['os.a@2', 'os.b@2', 'os.d@3', 'os.c@3']],
  ])('%s', (_, source, expected) => {
    expect(importTimeCalls(source)).toEqual(expected);
  });

  it.each([
    ['function bodies', 'import os\ndef f():\n    os.a()\n'],
    ['method bodies', 'import os\nclass A:\n    def m(self):\n        os.a()\n'],
    ['lambda bodies', 'import os\nf = lambda: os.a()\n'],
    ['if TYPE_CHECKING:', 'from typing import TYPE_CHECKING\nimport os\nif TYPE_CHECKING:\n    os.a()\n'],
    ['if TYPE_CHECKING: imported under another name', 'from typing import TYPE_CHECKING as TC\nimport os\nif TC:\n    os.a()\n'],
    ['if typing.TYPE_CHECKING: through a module alias', 'import typing as t\nimport os\nif t.TYPE_CHECKING:\n    os.a()\n'],
    ['if __name__ == "__main__":', 'import os\nif __name__ == "__main__":\n    os.a()\n'],
    ["if '__main__' == __name__:", "import os\nif '__main__' == __name__:\n    os.a()\n"],
  ])('not %s', (_, source) => {
    expect(importTimeCalls(source).filter((c) => c.startsWith('os.'))).toEqual([]);
  });

  it('keeps the else branch of a TYPE_CHECKING / __main__ guard', () => {
    expect(importTimeCalls('from typing import TYPE_CHECKING\nimport os\nif TYPE_CHECKING:\n    os.a()\nelse:\n    os.b()\n')).toEqual(['os.b@6']);
  });

  it('records every import with its line, names, and whether it runs at import time', () => {
    const source = [
      'import a.b.c as abc',
      'from ..utils.magnet_search import get_search_status, start_background_search as start',
      'from typing import TYPE_CHECKING',
      'if TYPE_CHECKING:',
      '    import typed_only',
      'def view():',
      '    from .lazy import thing',
      'class K:',
      '    def m(self):',
      '        import inner',
      'if __name__ == "__main__":',
      '    import script_only',
      'try:',
      '    import ujson as json',
      'except ImportError:',
      '    import json',
    ].join('\n');
    const summary = extract(source);
    expect(summary.imports[0]).toMatchObject({ kind: 'import', module: 'a.b.c', level: 0, alias: 'abc', span: { line: 1 } });
    expect(summary.imports[1]).toMatchObject({
      kind: 'from',
      module: 'utils.magnet_search',
      level: 2,
      names: [{ name: 'get_search_status' }, { name: 'start_background_search', alias: 'start' }],
      span: { line: 2 },
    });
    // Module-level statements in source order, then function bodies (read once the module is bound).
    expect(importScopes(source)).toEqual([
      'a.b.c:module',
      'utils.magnet_search:module',
      'typing:module',
      'typed_only:type-checking',
      'script_only:main-guard',
      'ujson:module',
      'json:module',
      'lazy:function view',
      'inner:function K.m',
    ]);
  });

  it('gives each import statement as written, keeping the text only where it is not the plain form of the record', () => {
    const source = [
      'import a.b.c as abc',
      'from ..utils import x, y as z',
      'from . import *',
      'import os, sys',
      'from pkg import (\n    one,\n    two,\n)',
      'import  spaced',
      'import importlib',
      'importlib.import_module("pkg.plugins")',
    ].join('\n');
    const imports = extract(source).imports;
    expect(imports.map(importText)).toEqual([
      'import a.b.c as abc',
      'from ..utils import x, y as z',
      'from . import *',
      'import os, sys',
      'import os, sys',
      'from pkg import ( one, two, )',
      'import  spaced',
      'import importlib',
      'importlib.import_module("pkg.plugins")',
    ]);
    // The plain ones are written from the record; the others keep what the file has.
    expect(imports.map((i) => i.written)).toEqual([undefined, undefined, undefined, 'import os, sys', 'import os, sys', 'from pkg import ( one, two, )', 'import  spaced', undefined, 'importlib.import_module("pkg.plugins")']);
  });

  it('lists each function with the line of its def (the module body first, then function bodies), and finds the first of a name', () => {
    const summary = extract('def f():\n    def inner(): pass\nclass K:\n    @staticmethod\n    def m(): pass\nasync def g(): pass\ndef f(): pass\n');
    expect([...functionLines(summary.functions)]).toEqual([
      ['f', 1],
      ['K.m', 5],
      ['g', 6],
      ['f', 7],
      ['f.inner', 2],
    ]);
    const lookup = summaryLookup(summary);
    expect(['f', 'f.inner', 'K.m', 'g', 'K', 'inner', 'h'].map((name) => lookup.functionLine(name))).toEqual([1, 2, 5, 6, undefined, undefined, undefined]);
    expect(extract('x = 1\n').functions).toBe('');
  });

  it('finds the first class of a name, among a few classes and among many', () => {
    for (const count of [3, 40]) {
      const source = Array.from({ length: count }, (_, i) => `class C${i}:\n    pass\n`).join('') + 'class C1(Base):\n    pass\n';
      const lookup = summaryLookup(extract(source));
      expect([lookup.classNamed('C0')?.span.line, lookup.classNamed('C1')?.span.line, lookup.classNamed('C1')?.bases, lookup.classNamed('C99')]).toEqual([1, 3, [], undefined]);
    }
  });

  it('finds functions by name in a module of thousands of them', () => {
    const source = Array.from({ length: 3000 }, (_, i) => `def f${i}(): pass\n`).join('') + 'def f10(): pass\n';
    const summary = extract(source);
    expect(summary.functions.length).toBeGreaterThan(4096);
    const lookup = summaryLookup(summary);
    expect([lookup.functionLine('f0'), lookup.functionLine('f10'), lookup.functionLine('f2999'), lookup.functionLine('f3000')]).toEqual([1, 11, 3000, undefined]);
  });

  it('records literal importlib.import_module / __import__ calls as imports', () => {
    const summary = extract('import importlib\nimportlib.import_module("pkg.plugins")\n__import__("pkg.other")\nimportlib.import_module(".rel", package=__package__)\nimportlib.import_module(name)\n', 'pkg/mod.py');
    expect(summary.imports.filter((i) => i.kind === 'dynamic').map((i) => [i.module, i.level])).toEqual([
      ['pkg.plugins', 0],
      ['pkg.other', 0],
      ['rel', 1],
    ]);
  });
});

describe('qualified names of callees', () => {
  const callees = (source: string): Array<string | undefined> => extract(source).calls.map((c) => c.callee);

  it.each([
    ['import concurrent.futures as cf\ncf.ThreadPoolExecutor()\n', 'concurrent.futures.ThreadPoolExecutor'],
    ['import concurrent.futures\nconcurrent.futures.ThreadPoolExecutor()\n', 'concurrent.futures.ThreadPoolExecutor'],
    ['from concurrent.futures import ThreadPoolExecutor as TPE\nTPE()\n', 'concurrent.futures.ThreadPoolExecutor'],
    ['from concurrent import futures\nfutures.ThreadPoolExecutor()\n', 'concurrent.futures.ThreadPoolExecutor'],
    ['import threading as th\nth.Thread()\n', 'threading.Thread'],
    ['f = open("x")\n', 'builtins.open'],
  ])('%s', (source, expected) => {
    expect(callees(source)).toEqual([expected]);
  });

  it('a local class called Thread is not threading.Thread', () => {
    const summary = extract('class Thread:\n    pass\nThread()\n');
    expect(summary.calls[0]).toMatchObject({ callee: 'Thread', calleeIsLocal: true });
  });

  it('a later local definition shadows an import; a parameter shadows a module-level name', () => {
    expect(callees('from threading import Thread\nclass Thread: pass\nThread()\n')).toEqual(['Thread']);
    const inFunction = extract('from threading import Thread\ndef f(Thread):\n    Thread()\n').calls;
    expect(inFunction[0]!.callee).toBeUndefined();
  });

  it('links `.start()` to the call that made the object, by name and by chaining', () => {
    const summary = extract('import threading\nt = threading.Thread(target=f)\nt.start()\nthreading.Thread().start()\n');
    const [create1, start1, create2, start2] = summary.calls;
    expect(create1).toMatchObject({ callee: 'threading.Thread', boundTo: 't' });
    expect(start1!.receiver).toEqual({ callId: create1!.id, method: 'start', via: 'name', name: 't' });
    expect(create2!.callee).toBe('threading.Thread');
    expect(start2!.receiver).toEqual({ callId: create2!.id, method: 'start', via: 'chain' });
  });

  it('records class bases through imports, for subclass matching', () => {
    const summary = extract('import threading\nclass Poller(threading.Thread):\n    pass\n');
    expect(summary.classes).toEqual([expect.objectContaining({ name: 'Poller', bases: ['threading.Thread'] })]);
  });
});

describe('syntax errors', () => {
  it('reports where the source is broken and still extracts the rest', () => {
    const summary = extract('import os\nPOOL = os.a()\ndef broken(:\n    pass\nLATER = os.b()\n');
    expect(summary.syntaxProblems.length).toBeGreaterThan(0);
    expect(summary.syntaxProblems[0]!.span.line).toBe(3);
    expect(summary.calls.filter((c) => c.scope.kind === 'module').map((c) => c.callee)).toContain('os.a');
  });
});

describe('conditions evaluated for the target (issue 5)', () => {
  const target = { version: [3, 11] as const, platform: 'linux' as const };
  /** The scope kind of `import pkg.x` under `if <condition>:` (with the prelude's imports and names). */
  const scopeUnder = (condition: string): string => {
    const source = `import os, sys, platform\nfrom typing import TYPE_CHECKING\nPY2 = sys.version_info[0] == 2\nWIN = sys.platform.startswith("win")\nif ${condition}:\n    import pkg.x\n`;
    const record = extractModule(parser, 'mod.py', source, target).imports.find((r) => r.module === 'pkg.x')!;
    return record.scope.kind;
  };
  it.each([
    ['sys.version_info >= (3, 11)', 'module'],
    ['sys.version_info[:2] >= (3, 12)', 'unreachable'],
    ['sys.version_info < (3, 8)', 'unreachable'],
    ['sys.version_info == (3, 11)', 'unreachable'],
    ['sys.version_info >= (3, 11, 2)', 'module'],
    ['sys.version_info.minor >= 11', 'module'],
    ['PY2', 'unreachable'],
    ['not PY2 and not WIN', 'module'],
    ['sys.platform in ("win32", "cygwin")', 'unreachable'],
    ['sys.platform.startswith(("linux", "freebsd"))', 'module'],
    ['platform.system() == "Windows"', 'unreachable'],
    ['os.name == "nt" or sys.platform == "darwin"', 'unreachable'],
    ['sys.implementation.name == "pypy"', 'unreachable'],
    ['not TYPE_CHECKING', 'module'],
    ['TYPE_CHECKING or sys.version_info < (3, 9)', 'unreachable'],
    ['TYPE_CHECKING or os.environ.get("X")', 'type-checking'],
    ['None', 'unreachable'],
    ['""', 'unreachable'],
    ['os.environ.get("X")', 'module'],
    ['sys.platform == PLATFORM', 'module'],
  ])('`if %s:` → %s', (condition, kind) => {
    expect(scopeUnder(condition)).toBe(kind);
  });

  it('an `else` after a true condition is unreachable, an `else` after false ones runs, and the reason names the condition', () => {
    const summary = extractModule(parser, 'mod.py', 'import sys\nif sys.platform == "linux":\n    import a\nelif x:\n    import b\nelse:\n    import c\nif sys.platform == "win32":\n    import d\nelse:\n    import e\n', target);
    expect(summary.imports.map((r) => `${r.module}:${r.scope.kind}`)).toEqual(['sys:module', 'a:module', 'b:unreachable', 'c:unreachable', 'd:unreachable', 'e:module']);
    expect(summary.imports[2]!.scope).toEqual({ kind: 'unreachable', condition: '`sys.platform == "linux"` is true for Python 3.11 on linux, so the branches after it do not run' });
  });

  it('calls under an unreachable branch are not import-time calls; the calls in its condition are', () => {
    const summary = extractModule(parser, 'mod.py', 'import platform, threading\nif platform.system() == "Windows":\n    threading.Thread().start()\n', target);
    expect(summary.imports.find((r) => r.module === 'threading')!.scope.kind).toBe('module');
    expect(summary.calls.filter((c) => c.scope.kind === 'module').map((c) => c.callee)).toEqual(['platform.system']);
  });

  it('`from __future__ import x` is recorded as an import of `__future__`; `except ImportError` imports carry their fallback', () => {
    const summary = extractModule(parser, 'mod.py', 'from __future__ import annotations\ntry:\n    import a\nexcept ImportError:\n    import b\n', target);
    expect(summary.imports.map((r) => [r.kind, r.module, r.names.map((n) => n.name).join(','), r.fallback ?? null])).toEqual([
      ['from', '__future__', 'annotations', null],
      ['import', 'a', '', null],
      ['import', 'b', '', { tryLine: 2, handler: 'except ImportError', tryImports: [1] }],
    ]);
  });

  it('PEP 810 `lazy import` (3.15): tree-sitter-python 0.25 parses `lazy` as an ERROR; the import is recorded as lazy, not import time', () => {
    const summary = extractModule(parser, 'mod.py', 'lazy import json\ndef f():\n    lazy from a import b\n', target);
    expect(summary.imports.map((r) => r.scope)).toEqual([{ kind: 'lazy-import' }, { kind: 'lazy-import', function: 'f' }]);
    expect(summary.syntaxProblems.map((p) => p.span.line)).toEqual([1, 3]);
  });
});

describe('computed import names (issue 5)', () => {
  const dynamic = (source: string): Array<[string, string]> =>
    extract(source)
      .imports.filter((i) => i.kind === 'dynamic')
      .map((i) => [i.module, i.itemsOf ? `${'.'.repeat(i.itemsOf.level)}${i.itemsOf.module}.__all__` : i.eachSubmodule ? `each of its ${i.eachSubmodule}` : '']);

  it.each([
    ['`%` over a literal loop', 'import importlib\nfor d in ("a", "b"):\n    importlib.import_module("pkg.%s" % d)\n', [['pkg.a', ''], ['pkg.b', '']]],
    ['`%` with a tuple', 'import importlib\nfor d in ["a"]:\n    importlib.import_module("%s.%s" % ("pkg", d))\n', [['pkg.a', '']]],
    ['f-string', 'import importlib\nfor d in ["a", "b"]:\n    importlib.import_module(f"pkg.{d}.impl")\n', [['pkg.a.impl', ''], ['pkg.b.impl', '']]],
    ['`+`', 'for d in ("a",):\n    __import__("pkg." + d)\n', [['pkg.a', '']]],
    ['str.format, positional and numbered', 'import importlib\nfor d in ("a",):\n    importlib.import_module("{}.{}".format("pkg", d))\n    importlib.import_module("{1}.{0}".format(d, "pkg"))\n', [['pkg.a', ''], ['pkg.a', '']]],
    ['a module-level name bound to a literal list, in a function', 'import importlib\nNAMES = ["a", "b"]\ndef load():\n    for n in NAMES:\n        importlib.import_module("pkg." + n)\n', [['pkg.a', ''], ['pkg.b', '']]],
    ["another module's `__all__`", 'import importlib\nfrom ... import dialects\nfor d in dialects.__all__:\n    importlib.import_module("pkg.dialects.%s" % d)\n', [['pkg.dialects.*', '...dialects.__all__']]],
    ["a folder's listing", 'import importlib, os\nfor d in os.listdir("."):\n    importlib.import_module("pkg.%s" % d[:-3])\n', [['pkg.*', 'each of its files']]],
    ["pkgutil's modules, relative to the package", 'import importlib, pkgutil\nfor _, n, _ in pkgutil.iter_modules(__path__):\n    importlib.import_module("." + n, __package__)\n', [['*', 'each of its modules']]],
  ])('%s: one dynamic import per value', (_label, source, expected) => {
    expect(dynamic(source)).toEqual(expected);
  });

  it.each([
    ['a name bound at run time', 'import importlib\nfor d in names():\n    importlib.import_module("pkg.%s" % d)\n'],
    ["a folder's entries as top-level modules, two listings in one name", 'import importlib, os\nfor d in os.listdir("."):\n    importlib.import_module(d[:-3])\n    for e in os.listdir(d):\n        importlib.import_module(d + "." + e)\n'],
    ['a format spec, a conversion, %r', 'import importlib\nfor d in ("a",):\n    importlib.import_module(f"pkg.{d!r}")\n    importlib.import_module(f"pkg.{d:>3}")\n    importlib.import_module("pkg.%r" % d)\n'],
    ['a name bound twice, read in a function', 'import importlib\nN = ["a"]\nN = ["b"]\ndef f():\n    for n in N:\n        importlib.import_module("pkg." + n)\n'],
    ['an `__all__` item used twice', 'import importlib\nfrom pkg import d\nfor x in d.__all__:\n    importlib.import_module(f"pkg.{x}.{x}")\n'],
  ])('%s: nothing is recorded', (_label, source) => {
    expect(dynamic(source)).toEqual([]);
  });
});

describe('registries (issue 5)', () => {
  const registry = (source: string) => {
    const summary = extract(source);
    return {
      adders: summary.registryAdders ?? [],
      imports: summary.imports.filter((i) => i.registryOf).map((i) => ({ module: i.module, ...i.registryOf })),
      bound: summary.boundMethods ?? [],
    };
  };

  it('a method that adds `*deps` to `self.x`, and one that imports each item under a `startswith(prefix)` test', () => {
    const source = [
      'class Registry:',
      '    def __init__(self):',
      '        self.names = set()',
      '    def add(self, *deps):',
      '        self.names.update(deps)',
      '    def load(self, path, *, quiet=False):',
      '        for name in self.names.copy():',
      '            if name.startswith(path):',
      '                __import__(name)',
      '_r = Registry()',
      'add = _r.add',
      '',
    ].join('\n');
    expect(registry(source)).toEqual({
      adders: [{ function: 'Registry.add', registry: 'Registry.names', parameter: 0, takes: 'each-argument' }],
      imports: [{ module: '*', registry: 'Registry.names', prefixParameter: { index: 0, name: 'path' } }],
      bound: [{ name: 'add', callId: 0, method: 'add' }],
    });
  });

  it.each([
    ['append to a module list, f-string of each item', 'import importlib\nPLUGINS = []\ndef register(kind, name):\n    PLUGINS.append(name)\ndef load():\n    for p in sorted(PLUGINS):\n        importlib.import_module(f"app.plugins.{p}")\n', 1, 'argument', 'app.plugins.*'],
    ['extend with a list argument', 'SEEN = []\ndef remember(names):\n    SEEN.extend(names)\ndef load():\n    for n in SEEN:\n        __import__(n)\n', 0, 'items', '*'],
    ['a static method has no `self` to leave out', 'REG = []\nclass R:\n    @staticmethod\n    def add(name):\n        REG.append(name)\n', 0, 'argument', undefined],
    ['a value that is not a parameter is not an adder', 'REG = []\ndef add(name):\n    REG.append(name.lower())\n', undefined, undefined, undefined],
  ])('%s', (_label, source, parameter, takes, module) => {
    const found = registry(source);
    expect(found.adders.map((a) => [a.parameter, a.takes])).toEqual(parameter === undefined ? [] : [[parameter, takes]]);
    expect(found.imports.map((i) => i.module)).toEqual(module === undefined ? [] : [module]);
  });

  it('a loop over a module global that nothing adds to records no import', () => {
    expect(registry('N = []\nN = ["b"]\ndef f():\n    for n in N:\n        __import__(n)\n').imports).toEqual([]);
  });
});

describe('literal assignments (how settings and config modules are written)', () => {
  const assigned = (source: string) => extract(source).assignments.map(({ name, value, unread, extends: extending }) => ({ name, value, ...(unread ? { unread } : {}), ...(extending ? { extends: true } : {}) }));

  it('keeps the string items of a list built with `+` or `*`, and the other parts as written', () => {
    expect(assigned('A = ["a"]\nB = A + ["b", *extra] + env.list("X")\nC += ("c",)\nD = "x" + y\nE = [("k", "v")]\nF -= ["f"]\n')).toEqual([
      { name: 'A', value: ['a'] },
      { name: 'B', value: ['b'], unread: ['A', '*extra', 'env.list("X")'] },
      { name: 'C', value: ['c'], extends: true },
    ]);
  });

  it('keeps class-body assignments under the class name', () => {
    expect(assigned('class Base:\n    APPS = ["a", *more]\n    NAME = "n"\n')).toEqual([
      { name: 'Base.APPS', value: ['a'], unread: ['*more'] },
      { name: 'Base.NAME', value: 'n' },
    ]);
  });
});
