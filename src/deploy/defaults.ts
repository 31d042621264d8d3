import type { ServerKind } from './types.js';

/**
 * What a server does when the deployment leaves a setting out: the values later stages assume for a
 * `ServerProcess` field that is absent. Each says where it comes from, so it can be checked again when
 * a tool changes.
 */
export interface ServerDefault {
  server: ServerKind;
  setting: 'workers' | 'threads' | 'workerClass' | 'preload' | 'concurrency' | 'pool' | 'configFile' | 'appAttribute';
  /** The value, or how it is found at run time. */
  value: number | string | boolean;
  /** Environment variables read before the default applies, in order. */
  environment?: string[];
  source: string;
}

export const SERVER_DEFAULTS: readonly ServerDefault[] = [
  { server: 'gunicorn', setting: 'workers', value: 1, environment: ['WEB_CONCURRENCY'], source: 'gunicorn/config.py Workers: default = int(os.environ.get("WEB_CONCURRENCY", 1)) (gunicorn 26.2.0)' },
  { server: 'gunicorn', setting: 'threads', value: 1, source: 'gunicorn/config.py WorkerThreads.default; threads > 1 with the sync class runs gthread (Config.worker_class)' },
  { server: 'gunicorn', setting: 'workerClass', value: 'sync', source: 'gunicorn/config.py WorkerClass.default' },
  { server: 'gunicorn', setting: 'preload', value: false, source: 'gunicorn/config.py PreloadApp.default' },
  { server: 'gunicorn', setting: 'configFile', value: './gunicorn.conf.py', environment: ['GUNICORN_CMD_ARGS'], source: 'gunicorn/app/base.py load_config: -c, else -c in GUNICORN_CMD_ARGS, else gunicorn.conf.py in the working directory' },
  { server: 'gunicorn', setting: 'appAttribute', value: 'application', source: 'gunicorn/util.py import_app: "module" alone looks up `application`' },
  { server: 'uvicorn', setting: 'workers', value: 1, environment: ['UVICORN_WORKERS', 'WEB_CONCURRENCY'], source: 'uvicorn/main.py --workers (click, auto_envvar_prefix UVICORN) and uvicorn/config.py: WEB_CONCURRENCY when unset, else 1 (uvicorn 0.54.0)' },
  { server: 'hypercorn', setting: 'workers', value: 1, source: 'hypercorn/config.py Config.workers; workers are started with multiprocessing "spawn" (hypercorn/run.py)' },
  { server: 'hypercorn', setting: 'workerClass', value: 'asyncio', source: 'hypercorn/config.py Config.worker_class' },
  { server: 'hypercorn', setting: 'appAttribute', value: 'app', source: 'hypercorn/utils.py load_application: "module" alone evaluates `app`' },
  { server: 'waitress', setting: 'threads', value: 4, source: 'waitress/adjustments.py Adjustments.threads' },
  { server: 'celery', setting: 'concurrency', value: 'number of CPUs', environment: ['CELERY_WORKER_CONCURRENCY'], source: 'celery/bin/worker.py -c: `value or app.conf.worker_concurrency`; worker_concurrency None means os.cpu_count() (celery 5.6.3)' },
  { server: 'celery', setting: 'pool', value: 'prefork', environment: ['CELERY_WORKER_POOL'], source: 'celery/bin/worker.py -P default "prefork", replaced by app.conf.worker_pool when the app sets one' },
];
