import type { ProcessModel, ServerProcess, Setting } from './types.js';

/**
 * How the serving processes come to have the app imported (see `ProcessModel`), from the settings
 * read and each tool's defaults:
 * - gunicorn forks its workers from the arbiter; with `preload_app` the arbiter imported the app first;
 * - uvicorn runs in one process unless `--workers` > 1 or `--reload`, whose processes are spawned
 *   (multiprocessing "spawn": each imports the app afresh);
 * - hypercorn spawns its workers the same way;
 * - celery's worker imports the app, then its prefork pool (the default) forks the children;
 *   solo, threads, gevent and eventlet pools run tasks in that one process. A `worker_pool` set in the
 *   app's own configuration is not read here: the command-line default, prefork, is assumed.
 */
export function processModelOf(process: ServerProcess): ProcessModel | undefined {
  switch (process.server) {
    case 'gunicorn': {
      const preload = valueOf(process.preload);
      if (preload === undefined && process.preload) return undefined;
      return preload ? 'imported-then-forked' : 'imported-in-each-worker';
    }
    case 'uvicorn': {
      const reload = valueOf(process.reload);
      const workers = valueOf(process.workers);
      if (reload === true || (workers !== undefined && workers > 1)) return 'imported-in-each-worker';
      if ((process.workers && workers === undefined) || (process.reload && reload === undefined)) return undefined;
      return 'single-process';
    }
    case 'hypercorn':
      return 'imported-in-each-worker';
    case 'celery': {
      if (process.celery?.subcommand !== 'worker') return 'single-process';
      if (!process.celery.pool) return 'imported-then-forked';
      const pool = valueOf(process.celery.pool);
      if (pool === 'prefork' || pool === 'processes') return 'imported-then-forked';
      if (pool === 'solo' || pool === 'threads' || pool === 'gevent' || pool === 'eventlet') return 'single-process';
      return undefined;
    }
    case 'daphne':
    case 'waitress':
    case 'flask':
    case 'python':
      return 'single-process';
  }
}

function valueOf<T>(setting: Setting<T> | undefined): T | undefined {
  return setting && 'value' in setting ? setting.value : undefined;
}
