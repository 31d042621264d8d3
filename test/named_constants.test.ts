import { describe, expect, it } from 'vitest';
import { analyzeProject, probe, writeProject } from './support.js';

/**
 * A pool sized by a module-level constant: changedetection.io writes `THREADPOOL_MAX_WORKERS = 3`,
 * then `ThreadPoolExecutor(max_workers=THREADPOOL_MAX_WORKERS)`. The cost names the constant and
 * the number it holds when the call runs, and the deployment multiplies that number; where the
 * name's value at the call is not certain (bound again in a branch, or a function's own name), the
 * name alone is said, as before.
 */
const project = (pool: string): Record<string, string> => ({
  Procfile: 'web: gunicorn -w 2 app:app\n',
  'app.py': 'from flask import Flask\n\nimport pool  # noqa: F401\n\napp = Flask(__name__)\n',
  'pool.py': `import os\nfrom concurrent.futures import ThreadPoolExecutor\n\n${pool}`,
});

async function pools(pool: string) {
  const result = await analyzeProject(writeProject(project(pool)));
  return result.findings.filter((f) => f.ruleId === 'IL001').map((f) => ({ line: f.span.line, cost: f.cost, deployment: f.deployment }));
}

describe('a pool size given by a module-level constant', () => {
  it('says the constant and its value, and multiplies the value by the workers', async () => {
    expect(await pools('POOL_SIZE = 3\nPOOL = ThreadPoolExecutor(max_workers=POOL_SIZE)\n')).toEqual([
      {
        line: 5,
        cost: 'It starts no thread until its first `submit()`; from then on up to `POOL_SIZE` (3) threads live for the life of each process that imported it.',
        deployment: '2 gunicorn workers (Procfile:1) each create this thread pool: up to 6 threads in all.',
      },
    ]);
  });

  it('agrees with CPython on the size of the pool', () => {
    const root = writeProject(project('POOL_SIZE = 3\nPOOL = ThreadPoolExecutor(max_workers=POOL_SIZE)\n'));
    expect(probe(root, ['pool'], ['pool:POOL']).attrs['pool:POOL']).toEqual({ exists: true, type: 'concurrent.futures.thread.ThreadPoolExecutor', max_workers: 3 });
  });

  it('takes the value the name holds at the call, not a later one', async () => {
    const [finding] = await pools('POOL_SIZE = 3\nPOOL = ThreadPoolExecutor(max_workers=POOL_SIZE)\nPOOL_SIZE = 8\n');
    expect(finding!.cost).toContain('up to `POOL_SIZE` (3) threads');
    const root = writeProject(project('POOL_SIZE = 3\nPOOL = ThreadPoolExecutor(max_workers=POOL_SIZE)\nPOOL_SIZE = 8\n'));
    expect(probe(root, ['pool'], ['pool:POOL']).attrs['pool:POOL']).toMatchObject({ max_workers: 3 });
  });

  it('says the name alone when a branch may bind it again, or its value is not a number', async () => {
    for (const pool of [
      'POOL_SIZE = 3\nif os.environ.get("BIG"):\n    POOL_SIZE = 12\nPOOL = ThreadPoolExecutor(max_workers=POOL_SIZE)\n',
      'POOL_SIZE = "3"\nPOOL = ThreadPoolExecutor(max_workers=POOL_SIZE)\n',
    ]) {
      const [finding] = await pools(pool);
      expect(finding!.cost, pool).toContain('up to `POOL_SIZE` threads');
      expect(finding!.deployment, pool).toBe('2 gunicorn workers (Procfile:1) each create this thread pool.');
    }
  });

  it('says the default of a name the environment may set (changedetection.io: `int(os.getenv("FETCH_WORKERS", "10"))`), and totals nothing', async () => {
    for (const read of ['int(os.getenv("POOL_SIZE", "3"))', 'int(os.environ.get("POOL_SIZE", 3))']) {
      const pool = `POOL_SIZE = ${read}\nPOOL = ThreadPoolExecutor(max_workers=POOL_SIZE)\n`;
      const [finding] = await pools(pool);
      expect(finding!.cost, pool).toContain('up to `POOL_SIZE` (3 unless POOL_SIZE is set) threads');
      expect(finding!.deployment, pool).toBe('2 gunicorn workers (Procfile:1) each create this thread pool.');
    }
    const root = writeProject(project('POOL_SIZE = int(os.getenv("POOL_SIZE", "3"))\nPOOL = ThreadPoolExecutor(max_workers=POOL_SIZE)\n'));
    expect(probe(root, ['pool'], ['pool:POOL']).attrs['pool:POOL']).toMatchObject({ max_workers: 3 });
    // Bound again below a branch: the name alone.
    const [rebound] = await pools('POOL_SIZE = int(os.getenv("POOL_SIZE", "3"))\nif os.environ.get("BIG"):\n    POOL_SIZE = 12\nPOOL = ThreadPoolExecutor(max_workers=POOL_SIZE)\n');
    expect(rebound!.cost).toContain('up to `POOL_SIZE` threads');
  });

  it('says the name alone inside a function whose own name it is', async () => {
    const [finding] = await pools('POOL_SIZE = 3\n\n\ndef make(POOL_SIZE=8):\n    return ThreadPoolExecutor(max_workers=POOL_SIZE)\n\n\nPOOL = make()\n');
    expect(finding!.cost).toContain('up to `POOL_SIZE` threads');
  });
});
