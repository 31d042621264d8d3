import { describe, expect, it } from 'vitest';
import { analyzeProject, probe, writeProject } from './support.js';

/**
 * Calls inside a method that run another method: `super().__init__()` runs the base's, and a
 * `__new__` that calls a method on the instance it makes runs that method. Found on onyx: three
 * metrics collectors whose `__init__` calls `super().__init__(cache_ttl)`, which makes a thread pool,
 * and a `RedisPool` singleton whose `__new__` runs `cls._instance._init_pools()`. CPython counts the
 * pools each module's import leaves; the analyzer reports each.
 */
const POOL = 'from concurrent.futures import ThreadPoolExecutor\n';
const layouts: Array<[string, string]> = [
  ['super().__init__() in a subclass', `${POOL}class Base:\n    def __init__(self, ttl=1):\n        self.pool = ThreadPoolExecutor(1)\nclass Sub(Base):\n    def __init__(self):\n        super().__init__(2)\nCOLLECTOR = Sub()\n`],
  ['super(Sub, self).__init__() in a subclass', `${POOL}class Base:\n    def __init__(self):\n        self.pool = ThreadPoolExecutor(1)\nclass Sub(Base):\n    def __init__(self):\n        super(Sub, self).__init__()\nCOLLECTOR = Sub()\n`],
  [
    'a singleton whose __new__ calls a method on cls._instance',
    `${POOL}class Pools:\n    _instance = None\n    def __new__(cls):\n        if not cls._instance:\n            cls._instance = super().__new__(cls)\n            cls._instance._init()\n        return cls._instance\n    def _init(self):\n        self.pool = ThreadPoolExecutor(2)\nPOOLS = Pools()\n`,
  ],
  ['a __new__ that calls a method on the instance it makes', `${POOL}class Pools:\n    def __new__(cls):\n        inst = object.__new__(cls)\n        inst._init()\n        return inst\n    def _init(self):\n        self.pool = ThreadPoolExecutor(2)\nPOOLS = Pools()\n`],
];

describe('methods that other methods run', () => {
  it.each(layouts)('%s', async (_, source) => {
    const root = writeProject({ 'mod.py': source });
    const result = await analyzeProject(root);
    const lastLine = source.trimEnd().split('\n').length;
    expect(result.findings.map((f) => [f.ruleId, f.span.line])).toEqual([['IL001', lastLine]]);
    expect(probe(root, ['mod']).instances['concurrent.futures.thread.ThreadPoolExecutor']).toBe(1);
  });

  it('leaves a method called on another object in __new__ alone', async () => {
    const root = writeProject({ 'mod.py': `${POOL}class Other:\n    def _init(self):\n        pass\nclass Pools:\n    def __new__(cls):\n        other = Other()\n        other._init()\n        return object.__new__(cls)\n    def _init(self):\n        self.pool = ThreadPoolExecutor(2)\nPOOLS = Pools()\n` });
    expect((await analyzeProject(root)).findings).toEqual([]);
    expect(probe(root, ['mod']).instances['concurrent.futures.thread.ThreadPoolExecutor'] ?? 0).toBe(0);
  });
});
