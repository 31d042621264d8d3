import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeProject, PROJECT, venvFile, writeProject } from './support.js';

/**
 * A client that nothing keeps is gone when the statement that makes it ends, and its pool's
 * connections close with it. Found on kitsune: a class body's
 * `hide_readout = redis_client("helpfulvotes").llen(key) == 0`, where `redis_client()` makes a
 * client, checks it with `redis.exists(...)` and returns it, was said to keep a connection open for
 * the life of each process and to hand one socket to every Celery worker; the comparison keeps a
 * truth value, and the client goes. The same helper's client kept in a module-level name stays.
 * A Redis server on loopback (test/python/redis_probe.py) tells which connections the import left
 * open, through the real redis-py of .venv-frameworks.
 */
const project = {
  'Procfile': 'worker: celery -A app worker -c 4\n',
  'app/__init__.py': '',
  'app/celery.py': 'from celery import Celery\napp = Celery("app")\napp.autodiscover_tasks(["app"])\n',
  'app/tasks.py': 'from app.celery import app\nfrom app.readouts import HIDE\n\n\n@app.task\ndef refresh():\n    return HIDE\n',
  'app/redis_utils.py': [
    'import os',
    '',
    'from redis import ConnectionError, Redis',
    '',
    '',
    'class RedisError(Exception):',
    '    pass',
    '',
    '',
    'def redis_client(name):',
    '    """A client of the server `name` names, checked: raises RedisError when redis is down."""',
    '    redis = Redis.from_url(os.environ["REDIS_URL"], decode_responses=True)',
    '    try:',
    '        redis.exists("dummy-key")',
    '    except ConnectionError:',
    '        raise RedisError(f"Unable to connect to redis backend: {name}")',
    '    return redis',
    '',
  ].join('\n'),
  'app/readouts.py': [
    'import os',
    '',
    'from redis import Redis',
    '',
    'from app.redis_utils import redis_client',
    '',
    'HIDE = redis_client("votes").llen("unhelpful") == 0',
    'if not Redis.from_url(os.environ["REDIS_URL"]).ping():',
    '    raise SystemExit("no redis")',
    '',
  ].join('\n'),
};

const DROPPED_CLIENT =
  'It is created and discarded during import (nothing keeps it), so it does not stay in the process; each process that imports the module still pays for making a Redis client, and for any connection or request it makes then, at start-up.';
const DROPPED_CONNECTION =
  'It is discarded with the statement that opens it (nothing keeps it or the client it is made on), so it does not stay open; each process that imports the module still connects at start-up, so the import is as slow as the server and fails when it is down.';
const forkedAfter = (what: string) => `4 Celery worker children (\`-c\`, Procfile:1) are forked from a master that made and dropped this ${what} while it imported the app: they inherit nothing of it.`;

interface RedisReport {
  open: string[][];
  closed: string[][];
  child?: 'new' | 'inherited' | 'none';
}

function redisProbe(root: string, module: string, fork?: string): RedisReport {
  const run = spawnSync(venvFile('.venv-frameworks', 'bin', 'python'), [path.join(PROJECT, 'test', 'python', 'redis_probe.py'), root, module, ...(fork ? ['--fork', fork] : [])], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
  });
  if (run.status !== 0) throw new Error(`redis_probe.py failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as RedisReport;
}

describe('a client nothing keeps, and the connection made on it', () => {
  it('are said made and dropped at import, with nothing for forked workers to inherit, as CPython shows', async () => {
    const root = writeProject(project);
    const cpython = redisProbe(root, 'app.readouts');
    // The comparison's client and the `not ...ping()` one closed their connections.
    expect(cpython).toEqual({ open: [], closed: [['EXISTS', 'LLEN'], ['PING']] });

    const result = await analyzeProject(root);
    expect(result.findings.map((f) => [f.ruleId, f.span.line, f.message, f.cost, f.deployment])).toEqual([
      [
        'IL004',
        7,
        '`redis_client("votes")` creates and discards a Redis client (`Redis.from_url(os.environ["REDIS_URL"],…` in `redis_client()`, `app.redis_utils` line 12) while `app.readouts` is imported, reached from the entry in `app.tasks`.',
        DROPPED_CLIENT,
        forkedAfter('Redis client'),
      ],
      [
        'IL005',
        7,
        '`redis_client("votes")` creates and discards a Redis connection (`redis.exists("dummy-key")` in `redis_client()`, `app.redis_utils` line 14) while `app.readouts` is imported, reached from the entry in `app.tasks`.',
        DROPPED_CONNECTION,
        forkedAfter('Redis connection'),
      ],
      [
        'IL004',
        8,
        '`Redis.from_url(os.environ["REDIS_URL"])` creates and discards a Redis client while `app.readouts` is imported, imported directly by the Celery tasks module with 1 task (autodiscovered by app `app`) in `app.tasks`.',
        DROPPED_CLIENT,
        forkedAfter('Redis client'),
      ],
      [
        'IL005',
        8,
        '`Redis.from_url(os.environ["REDIS_URL"]).ping()` creates and discards a Redis connection while `app.readouts` is imported, imported directly by the Celery tasks module with 1 task (autodiscovered by app `app`) in `app.tasks`.',
        DROPPED_CONNECTION,
        forkedAfter('Redis connection'),
      ],
    ]);
  });

  it('is kept when one call of the helper keeps it: reported there, and a forked worker opens its own connection, as CPython shows', async () => {
    const root = writeProject({ ...project, 'app/readouts.py': `${project['app/readouts.py']}CACHE = redis_client("cache")\n` });
    // After the fork, the worker's command goes over a connection of its own: redis-py noticed the new process.
    expect(redisProbe(root, 'app.readouts', 'CACHE')).toEqual({ open: [['EXISTS']], closed: [['EXISTS', 'LLEN'], ['PING']], child: 'new' });
    const result = await analyzeProject(root);
    // The helper's client is one creation site: reported where a call keeps it (line 10), not where one drops it (line 7).
    expect(result.findings.filter((f) => f.path === 'app/readouts.py' && f.span.line !== 8).map((f) => [f.ruleId, f.level, f.span.line, f.message.includes('creates and discards')])).toEqual([
      ['IL004', 'error', 10, false],
      ['IL005', 'error', 10, false],
      // One IL009, the connection's: the client holds it before the fork, so its own note ("holds no connection yet") is left out.
      ['IL009', 'note', 10, false],
    ]);
    const fork = result.findings.find((f) => f.ruleId === 'IL009' && f.resource.text.startsWith('redis.exists'))!;
    expect([fork.message, fork.cost]).toEqual([
      '`redis.exists("dummy-key")` creates a Redis connection in `app.readouts` before the Celery worker forks: each worker inherits it, sets it aside and opens its own on first use.',
      "Its connection was opened in the master; the client's pool notices it is in a new process and opens connections of its own there on first use, leaving the master's socket to the master, so the copies work: each worker holds connections of its own.",
    ]);
  });

  it('is a client still when a function keeps or hands on what the helper returns', async () => {
    const root = writeProject({
      ...project,
      'app/readouts.py': [
        'from app.redis_utils import redis_client',
        '',
        '',
        'def cached():',
        '    return redis_client("cache")',
        '',
        '',
        'def check():',
        '    client = redis_client("check")',
        '    client.ping()',
        '',
        '',
        'HIDE = cached().llen("unhelpful") == 0',
        'KEPT = cached()',
        'check()',
        '',
      ].join('\n'),
    });
    const result = await analyzeProject(root);
    // `cached()` returns what `redis_client()` returns, and line 14 keeps it (shown there); `check()` drops its own.
    expect(result.findings.filter((f) => f.ruleId === 'IL004').map((f) => [f.span.line, f.message.includes('creates and discards')])).toEqual([[14, false]]);
  });
});
