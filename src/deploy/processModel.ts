import type { ProcessModel, ServerProcess, Setting } from './types.js';

/**
 * How the serving processes come to have the app imported (see `ProcessModel`), from the settings
 * read and each tool's defaults:
 * - gunicorn forks its workers from the arbiter; with `preload_app` the arbiter imported the app first;
 * - uvicorn runs in one process unless `--workers` > 1 or `--reload`, whose processes are spawned
 *   (multiprocessing "spawn": each imports the app afresh);
 * - hypercorn spawns its workers the same way, and each Granian worker process loads the app itself;
 * - uWSGI loads the app, then forks its workers (unless `lazy-apps`);
 * - celery's worker imports the app, then its prefork pool (the default) forks the children;
 *   solo, threads, gevent and eventlet pools run tasks in that one process. A `worker_pool` set in the
 *   app's own configuration is not read here: the command-line default, prefork, is assumed;
 * - dramatiq forks its worker processes first, and each imports the modules named;
 * - huey's consumer imports the app, then runs threads or greenlets, or forks processes (`-k process`);
 * - an rq worker imports its settings, then (`rq.Worker`) forks a work horse for each job.
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
    case 'granian':
      return 'imported-in-each-worker';
    case 'uwsgi':
      return uwsgiModel(process);
    case 'celery': {
      if (process.celery?.subcommand !== 'worker') return 'single-process';
      if (!process.celery.pool) return 'imported-then-forked';
      const pool = valueOf(process.celery.pool);
      if (pool === 'prefork' || pool === 'processes') return 'imported-then-forked';
      if (pool === 'solo' || pool === 'threads' || pool === 'gevent' || pool === 'eventlet') return 'single-process';
      return undefined;
    }
    case 'dramatiq':
      // Each worker process imports the broker's module and the others itself, after the fork.
      return 'imported-in-each-worker';
    case 'huey': {
      if (!process.workerClass) return 'single-process';
      const type = valueOf(process.workerClass);
      if (type === undefined) return undefined;
      return type === 'process' ? 'imported-then-forked' : 'single-process';
    }
    case 'rq': {
      // `rq.Worker` forks a work horse for each job; `SimpleWorker` runs jobs in its own process.
      if (!process.workerClass) return 'imported-then-forked';
      const cls = valueOf(process.workerClass);
      if (cls === 'rq.Worker' || cls === 'rq.worker.Worker') return 'imported-then-forked';
      if (cls === 'rq.SimpleWorker' || cls === 'rq.worker.SimpleWorker') return 'single-process';
      return undefined;
    }
    case 'daphne':
    case 'waitress':
    case 'flask':
    case 'python':
      return 'single-process';
  }
}

/**
 * uWSGI loads the app in its first process and then forks the workers from it (the master, or the
 * first worker without one), unless `lazy-apps` makes each worker load it after the fork. One
 * process without a master forks nothing.
 */
function uwsgiModel(process: ServerProcess): ProcessModel | undefined {
  const workers = process.workers ? valueOf(process.workers) : 1;
  // Set in an ini file's `if-env` block (or another condition): known only at run time.
  const master = process.master ? (process.master.conditional ? undefined : valueOf(process.master)) : false;
  const preload = process.preload ? (process.preload.conditional ? undefined : valueOf(process.preload)) : true;
  if (master === undefined || preload === undefined) return undefined;
  // With a master, the workers are forked from it however many there are.
  if (!master && workers === undefined) return undefined;
  if (!master && workers! <= 1) return 'single-process';
  return preload ? 'imported-then-forked' : 'imported-in-each-worker';
}

function valueOf<T>(setting: Setting<T> | undefined): T | undefined {
  return setting && 'value' in setting ? setting.value : undefined;
}
