import type { ServerKind } from './types.js';

/**
 * What a server does when the deployment leaves a setting out: the values later stages assume for a
 * `ServerProcess` field that is absent. Each says where it comes from, so it can be checked again when
 * a tool changes.
 */
export interface ServerDefault {
  server: ServerKind;
  setting: 'workers' | 'threads' | 'workerClass' | 'preload' | 'master' | 'interface' | 'concurrency' | 'pool' | 'configFile' | 'appAttribute';
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
  { server: 'uwsgi', setting: 'workers', value: 1, source: 'uWSGI docs, Options: processes (alias workers) spawns that many workers; one when unset' },
  { server: 'uwsgi', setting: 'master', value: false, source: 'uWSGI docs, Options: master is off unless enabled' },
  { server: 'uwsgi', setting: 'preload', value: true, source: 'uWSGI docs, Things to know: the app is loaded in the first process, then forked, unless lazy-apps' },
  { server: 'uwsgi', setting: 'appAttribute', value: 'application', source: 'uWSGI docs, Options: callable defaults to `application`' },
  { server: 'granian', setting: 'workers', value: 1, environment: ['GRANIAN_WORKERS'], source: 'granian/cli.py --workers: click.IntRange(1), default 1 (auto_envvar_prefix GRANIAN)' },
  { server: 'granian', setting: 'interface', value: 'rsgi', environment: ['GRANIAN_INTERFACE'], source: 'granian/cli.py --interface: default Interfaces.RSGI' },
  { server: 'granian', setting: 'appAttribute', value: 'app', source: 'granian/_internal.py load_target: `name or "app"`' },
  { server: 'waitress', setting: 'threads', value: 4, source: 'waitress/adjustments.py Adjustments.threads' },
  { server: 'celery', setting: 'concurrency', value: 'number of CPUs', environment: ['CELERY_WORKER_CONCURRENCY'], source: 'celery/bin/worker.py -c: `value or app.conf.worker_concurrency`; worker_concurrency None means os.cpu_count() (celery 5.6.3)' },
  { server: 'dramatiq', setting: 'workers', value: 'number of CPUs', source: 'dramatiq/cli.py --processes: default multiprocessing.cpu_count()' },
  { server: 'dramatiq', setting: 'threads', value: 8, source: 'dramatiq/cli.py --threads: default 8' },
  { server: 'huey', setting: 'workers', value: 1, source: 'huey/consumer_options.py config_defaults: workers 1' },
  { server: 'huey', setting: 'workerClass', value: 'thread', source: 'huey/consumer_options.py config_defaults: worker_type WORKER_THREAD' },
  { server: 'rq', setting: 'workerClass', value: 'rq.Worker', environment: ['RQ_WORKER_CLASS'], source: 'rq/cli/helpers.py --worker-class: default DEFAULT_WORKER_CLASS, which forks a work horse per job' },
  { server: 'celery', setting: 'pool', value: 'prefork', environment: ['CELERY_WORKER_POOL'], source: 'celery/bin/worker.py -P default "prefork", replaced by app.conf.worker_pool when the app sets one' },
];
