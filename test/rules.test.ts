import { describe, expect, it } from 'vitest';
import { loadRules } from '../src/rules/rules.js';
import { analyzeProject, runCli, writeProject } from './support.js';

/**
 * ESLint RuleTester style: snippets that must fire (with the exact message, then the cost and the
 * fix, each a field of the finding since issue 11) and must not.
 */
async function findingsOf(source: string): Promise<Array<{ rule: string; line: number; message: string }>> {
  const result = await analyzeProject(writeProject({ 'mod.py': source }));
  return result.findings.map((f) => ({ rule: f.ruleId, line: f.span.line, message: [f.message, f.cost, f.fix].filter((t) => t !== undefined).join(' ') }));
}

const UNREACHED = 'but no entry found imports it at start-up';
const IL001_FIX =
  'Create it on first use (a getter that builds it once, e.g. behind `functools.cache`), or in a post-fork hook, not at module level.';
const IL002_FIX =
  'Start it from a function the server calls once per process (gunicorn `post_fork`, Celery `worker_process_init`, an app factory or a lifespan handler), or lazily on first use.';
const THREAD_COST =
  'The thread runs from that moment in each process that imported the module; under gunicorn `preload_app` or Celery prefork it is started in the master and is simply absent from the forked workers.';

describe('IL001 executor created at import time', () => {
  it.each([
    [
      'from concurrent.futures import ThreadPoolExecutor\nPOOL = ThreadPoolExecutor(max_workers=4)\n',
      2,
      `\`ThreadPoolExecutor(max_workers=4)\` creates a thread pool while \`mod\` is imported, ${UNREACHED}. It starts no thread until its first \`submit()\`; from then on up to 4 threads live for the life of each process that imported it. ${IL001_FIX}`,
    ],
    [
      'import concurrent.futures as cf\nPOOL = cf.ThreadPoolExecutor()\n',
      2,
      `\`cf.ThreadPoolExecutor()\` creates a thread pool while \`mod\` is imported, ${UNREACHED}. It starts no thread until its first \`submit()\`; from then on up to \`min(32, os.cpu_count() + 4)\` (the default) threads live for the life of each process that imported it. ${IL001_FIX}`,
    ],
    [
      'import os\nfrom concurrent.futures import ThreadPoolExecutor\nPOOL = ThreadPoolExecutor(int(os.environ["N"]))\n',
      3,
      `\`ThreadPoolExecutor(int(os.environ["N"]))\` creates a thread pool while \`mod\` is imported, ${UNREACHED}. It starts no thread until its first \`submit()\`; from then on up to \`int(os.environ["N"])\` threads live for the life of each process that imported it. ${IL001_FIX}`,
    ],
    [
      'from concurrent.futures import ProcessPoolExecutor\nPOOL = ProcessPoolExecutor(2)\n',
      2,
      `\`ProcessPoolExecutor(2)\` creates a process pool while \`mod\` is imported, ${UNREACHED}. On its first \`submit()\` it starts up to 2 child processes (all of them at once under the \`fork\` start method) plus a management thread, in each process that imported it. ${IL001_FIX}`,
    ],
    [
      'import multiprocessing\nPOOL = multiprocessing.Pool(processes=8)\n',
      2,
      `\`multiprocessing.Pool(processes=8)\` creates a process pool while \`mod\` is imported, ${UNREACHED}. It starts 8 worker processes and 3 handler threads as soon as it is created, in each process that imported it. ${IL001_FIX}`,
    ],
    [
      'from multiprocessing.pool import ThreadPool\nPOOL = ThreadPool(5)\n',
      2,
      `\`ThreadPool(5)\` creates a thread pool while \`mod\` is imported, ${UNREACHED}. It starts 5 worker threads and 3 handler threads as soon as it is created, in each process that imported it. ${IL001_FIX}`,
    ],
    [
      'from concurrent.futures import ThreadPoolExecutor\nclass Service:\n    pool = ThreadPoolExecutor(2)\n',
      3,
      `\`ThreadPoolExecutor(2)\` creates a thread pool in the body of class \`Service\` while \`mod\` is imported, ${UNREACHED}. It starts no thread until its first \`submit()\`; from then on up to 2 threads live for the life of each process that imported it. ${IL001_FIX}`,
    ],
    [
      'from concurrent.futures import ThreadPoolExecutor\ndef run(job, pool=ThreadPoolExecutor(2)):\n    return pool.submit(job)\n',
      2,
      `\`ThreadPoolExecutor(2)\` creates a thread pool as the default value of \`pool\` in \`def run\` (evaluated once, when the def runs) while \`mod\` is imported, ${UNREACHED}. It starts no thread until its first \`submit()\`; from then on up to 2 threads live for the life of each process that imported it. ${IL001_FIX}`,
    ],
  ])('fires on %j', async (source, line, message) => {
    expect(await findingsOf(source)).toEqual([{ rule: 'IL001', line, message }]);
  });

  it.each([
    ['inside a function', 'from concurrent.futures import ThreadPoolExecutor\ndef get():\n    return ThreadPoolExecutor(2)\n'],
    [
      'behind a lazily-initialised global',
      'from concurrent.futures import ThreadPoolExecutor\n_pool = None\ndef pool():\n    global _pool\n    if _pool is None:\n        _pool = ThreadPoolExecutor(2)\n    return _pool\n',
    ],
    ['behind functools.cache', 'import functools\nfrom concurrent.futures import ThreadPoolExecutor\n@functools.cache\ndef pool():\n    return ThreadPoolExecutor(2)\n'],
    ['a with block that shuts it down before import ends', 'from concurrent.futures import ThreadPoolExecutor\nwith ThreadPoolExecutor(2) as ex:\n    list(ex.map(str, range(3)))\n'],
    ['under if __name__ == "__main__"', 'from concurrent.futures import ThreadPoolExecutor\nif __name__ == "__main__":\n    POOL = ThreadPoolExecutor(2)\n'],
    ['under if TYPE_CHECKING', 'from typing import TYPE_CHECKING\nfrom concurrent.futures import ThreadPoolExecutor\nif TYPE_CHECKING:\n    POOL = ThreadPoolExecutor(2)\n'],
    ['a local class of the same name', 'class ThreadPoolExecutor:\n    pass\nPOOL = ThreadPoolExecutor()\n'],
    ['an unrelated module with the same attribute name', 'import mylib\nPOOL = mylib.ThreadPoolExecutor(2)\n'],
  ])('does not fire %s', async (_, source) => {
    expect(await findingsOf(source)).toEqual([]);
  });
});

describe('IL002 thread started at import time', () => {
  it.each([
    [
      'import threading\nthreading.Thread(target=print, daemon=True).start()\n',
      2,
      `\`threading.Thread(target=print, daemon=True).start()\` starts a thread while \`mod\` is imported, ${UNREACHED}. ${THREAD_COST} ${IL002_FIX}`,
    ],
    [
      'from threading import Thread\n_poller = Thread(target=print)\n_poller.start()\n',
      3,
      `\`_poller.start()\` starts a thread (created on line 2) while \`mod\` is imported, ${UNREACHED}. ${THREAD_COST} ${IL002_FIX}`,
    ],
    [
      'import threading\nclass Poller(threading.Thread):\n    def run(self):\n        pass\nPoller().start()\n',
      5,
      `\`Poller().start()\` starts a thread while \`mod\` is imported, ${UNREACHED}. ${THREAD_COST} ${IL002_FIX}`,
    ],
    [
      'import threading\ndef tick():\n    pass\nt = threading.Timer(30, tick)\nt.start()\n',
      5,
      `\`t.start()\` starts a timer thread (created on line 4) while \`mod\` is imported, ${UNREACHED}. The timer's thread runs from that moment in each process that imported the module and calls \`tick\` after 30 seconds; under gunicorn \`preload_app\` or Celery prefork it is started in the master and never fires in the forked workers. ${IL002_FIX}`,
    ],
  ])('fires on %j', async (source, line, message) => {
    expect(await findingsOf(source)).toEqual([{ rule: 'IL002', line, message }]);
  });

  it.each([
    ['created but never started', 'import threading\nt = threading.Thread(target=print)\n'],
    ['started inside a function', 'import threading\nt = threading.Thread(target=print)\ndef go():\n    t.start()\n'],
    ['a local class called Thread', 'class Thread:\n    def start(self):\n        pass\nThread().start()\n'],
    ['started under if __name__ == "__main__"', 'import threading\nif __name__ == "__main__":\n    threading.Thread(target=print).start()\n'],
  ])('does not fire when %s', async (_, source) => {
    expect(await findingsOf(source)).toEqual([]);
  });
});

describe('rules are documented data', () => {
  it('every rule file has the four documentation sections and at least one qualified name', () => {
    for (const rule of loadRules()) {
      expect(rule.docs.whatItDoes.length).toBeGreaterThan(20);
      expect(rule.docs.whyIsThisBad.length).toBeGreaterThan(20);
      expect(rule.docs.example).toContain('```python');
      expect(rule.docs.useInstead).toContain('```python');
      for (const m of rule.matches) {
        // A qualified name (`*` stands for one segment), or methods called on another rule's objects.
        if (m.methods) expect(m.on!.length, `${rule.id}: methods without 'on'`).toBeGreaterThan(0);
        else expect(m.callee, rule.id).toMatch(/^[A-Za-z_]\w*(\.(\*|[A-Za-z_]\w*))+$/);
      }
    }
  });

  it('`importleak rules` lists them and `importleak explain` prints the documentation', () => {
    const list = runCli(['rules']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('IL001  executor-at-import');
    expect(list.stdout).toContain('IL002  thread-started-at-import');
    const explain = runCli(['explain', 'IL001']);
    expect(explain.code).toBe(0);
    expect(explain.stdout).toContain('Why is this bad?:');
    expect(explain.stdout).toContain('concurrent.futures.ThreadPoolExecutor');
    expect(runCli(['explain', 'IL999']).code).toBe(2);
  });
});
