/**
 * How a project is deployed, read from the files the platform reads: which server or worker
 * starts, which module it imports, and how many processes and threads it runs. Plain data:
 * nothing here is ever executed, and every value says where it was read.
 */

/** The kind of file a process definition was read from. */
export type DeploySource =
  | 'gunicorn.conf.py'
  | 'Procfile'
  | 'Dockerfile'
  | 'docker-compose'
  | 'render.yaml'
  | 'fly.toml'
  | 'app.yaml'
  | 'systemd'
  /** A uWSGI ini file read on its own (`uwsgi.ini`), not named by any command. */
  | 'uwsgi.ini'
  /** A shell script that a command above runs (`ENTRYPOINT ["./start.sh"]`), read because it exists in the project. */
  | 'shell-script'
  /** A `[program:x]` of the supervisord config file a command above runs (`supervisord -c supervisord.conf`). */
  | 'supervisord'
  /** A command given to `readCommandLine` directly (a CLI flag, a test). */
  | 'command-line';

export type ServerKind = 'gunicorn' | 'uvicorn' | 'hypercorn' | 'daphne' | 'celery' | 'waitress' | 'flask' | 'python' | 'dramatiq' | 'huey' | 'rq' | 'uwsgi' | 'granian';

/** Where something was read: a path relative to the deployment root ('/'-separated) and a 1-based line. */
export interface Location {
  file: string;
  line: number;
}

/**
 * Which layer a setting came from. Tools apply them lowest first, the last one winning:
 * gunicorn reads `environment` defaults (WEB_CONCURRENCY) < its `config-file` < `environment` arguments
 * (GUNICORN_CMD_ARGS) < `command-line` flags.
 */
export type SettingOrigin = 'command-line' | 'config-file' | 'environment';

/**
 * One setting as the deployment states it: a literal `value`, or the `expression` as written when
 * it is only known at run time (`multiprocessing.cpu_count() * 2 + 1`, `${WEB_CONCURRENCY:-4}`).
 */
export type Setting<T> = Location & {
  origin: SettingOrigin;
  /** How it was spelled: `-w`, `--workers`, `workers =`, `WEB_CONCURRENCY`, `GUNICORN_CMD_ARGS --threads`. */
  via: string;
  /** Set inside an `if`/`try` block of a config file: the value holds only on that path. */
  conditional?: true;
} & ({ value: T } | { expression: string; optionsOf?: HeldOptions<T> });

/**
 * A setting the options a variable holds may give (`gunicorn $GUNICORN_OPTS app:app`, see
 * options.ts `optionsVariable`): what it is when the variable is unset (from the variable's default,
 * or from the options before it; absent: the tool's own default), else known only at run time.
 */
export interface HeldOptions<T> {
  variable: string;
  /** `${NAME:-default}`: set, the variable's value replaces the default whole. */
  hasDefault?: true;
  unset?: Setting<T>;
}

/** The application a server imports, as `module:attribute` names it. */
export interface AppSpec extends Location {
  /** As written: `pkg.wsgi:app`, `pkg:create_app('prod')`, `proj` (celery -A), `app.py` (python). */
  written: string;
  /**
   * `python manage.py ...` whose manage.py is in the project and runs no Django (redash's runs its
   * Flask command line, and `manage.py rq worker` is its RQ worker): a script, not a Django
   * management command. Set when the deployment is tied to the project's modules.
   */
  notDjango?: true;
  /** Dotted module name that is imported (`pkg.wsgi`). For `python path/app.py`, derived from the path. */
  module: string;
  /**
   * Dotted attribute looked up in the module. When none is written, the one the server looks up:
   * gunicorn's `application`. Celery, python and flask look it up by rules of their own: left out.
   */
  attribute?: string;
  /** The attribute is called to build the app: gunicorn `create_app()`, uvicorn `--factory`, waitress `--call`. */
  factory?: boolean;
  /** `python app.py` / `python -m pkg`: the module runs as `__main__`, so its `if __name__ == "__main__":` block runs too. */
  asMain?: true;
  /** `python path/to/app.py`: the script file, as written. */
  script?: string;
  /** `python manage.py migrate`: the first words after the script or module, as written (at most a few). */
  arguments?: string[];
  /**
   * Files looked for in the process's working directory, in order, when none is named: the first that
   * exists is the app's module (`fastapi run` without a path). `module` is then a placeholder.
   */
  candidates?: string[];
  /** Further modules the process imports after `module`: `dramatiq app.broker app.tasks`, an rq worker class of the project. */
  alsoImports?: string[];
  /**
   * The program run is a console script the project declares (`nautobot-server`, `/app/bin/radicale`):
   * it imports `module` and calls `attribute`. Where it is declared, and its reference as written there.
   */
  consoleScript?: Location & { name: string; reference: string };
}

export type CeleryPool = 'prefork' | 'threads' | 'solo' | 'gevent' | 'eventlet' | 'processes' | 'custom';

export interface CeleryOptions {
  /** `worker`, `beat`, `flower`...: what `celery` was asked to run. */
  subcommand: string;
  concurrency?: Setting<number>;
  pool?: Setting<CeleryPool | string>;
  /** `--autoscale=MAX,MIN`, as written. */
  autoscale?: Setting<string>;
  /** `celery worker -B`: an embedded beat scheduler in the same worker. */
  embeddedBeat?: Location;
}

/** Gunicorn's server hooks (settings whose value is a function), as defined in a config file. */
export type GunicornHookName =
  | 'on_starting'
  | 'on_reload'
  | 'when_ready'
  | 'pre_fork'
  | 'post_fork'
  | 'post_worker_init'
  | 'worker_int'
  | 'worker_abort'
  | 'pre_exec'
  | 'pre_request'
  | 'post_request'
  | 'child_exit'
  | 'worker_exit'
  | 'nworkers_changed'
  | 'on_exit'
  | 'ssl_context';

export interface GunicornHook extends Location {
  name: GunicornHookName;
}

/**
 * How the application module comes to be imported in the processes that serve it. This decides
 * whether a thread, pool or connection created at import time survives into the workers:
 * - `imported-then-forked`: one process imports the app, then forks workers that inherit its memory but
 *   not its threads (gunicorn `preload_app`, celery's prefork pool);
 * - `imported-in-each-worker`: every worker process imports the app itself (gunicorn without preload,
 *   uvicorn and hypercorn workers, which are spawned);
 * - `single-process`: the process that imports the app serves it (uvicorn with one worker, daphne,
 *   waitress, celery's solo/threads/gevent/eventlet pools, `python app.py`).
 * Left out when a setting it depends on is only known at run time.
 */
export type ProcessModel = 'imported-then-forked' | 'imported-in-each-worker' | 'single-process';

/** One way the app is served or a worker is started. */
export interface ServerProcess extends Location {
  source: DeploySource;
  /** The process's name where the format gives one: Procfile process type, compose service, render/fly/systemd name. */
  name?: string;
  server: ServerKind;
  /** The command as written (continuation lines folded). Absent for a config file read on its own. */
  command?: string;
  /** The command that ran the script this process was read from (`source: 'shell-script'`). */
  launchedBy?: Location & { source: DeploySource };
  /**
   * A process of a script that stays up: the script's last one (and the script does not go on to run
   * its arguments), or one it starts in the background (`&`). Any other `python` step of a script
   * runs before what follows it, and is taken to be one-off.
   */
  staysUp?: 'last' | 'background';
  /**
   * Started in one branch of an `if` of a script (`file`, the script; `line`, its `if`) whose other
   * branches start another server instead: the processes of one such `if` are alternatives.
   */
  choice?: Location & { branch: number };
  /**
   * Started by a uWSGI master from its `attach-daemon` (or `smart-attach-daemon`, `attach-control-daemon`)
   * option, which keeps it running (it is started again when it exits): a long-running process,
   * whatever its command.
   */
  daemon?: Location & { via: string; /** Given in an ini file's `if-*` block (`if-env = SMTPD_PORT`): started only when that is so. */ when?: string };
  appSpec?: AppSpec;
  workers?: Setting<number>;
  threads?: Setting<number>;
  /** Gunicorn `-k`, hypercorn `-k` (`asyncio`, `uvloop`, `trio`). */
  workerClass?: Setting<string>;
  /** Gunicorn `--preload` / `preload_app`; uWSGI's default, turned off by `lazy-apps` (read as `preload` false). */
  preload?: Setting<boolean>;
  /** uWSGI `master`: a master process loads the app (unless lazy) and forks the workers. */
  master?: Setting<boolean>;
  /** Granian `--interface`: `asgi`, `wsgi` or `rsgi` (its default). */
  interface?: Setting<string>;
  /** Uvicorn/hypercorn/gunicorn `--reload`: a reloader process restarts the server on changes. */
  reload?: Setting<boolean>;
  bind?: Setting<string[]>;
  celery?: CeleryOptions;
  /** `flask <command>`: `run` serves the app; any other command (`db upgrade`) loads it, runs once and exits. */
  flaskCommand?: string;
  /** A config file the server reads: gunicorn `-c`, or the `gunicorn.conf.py` it finds in its working directory. */
  configFile?: Location & {
    /** As written on the command line (`-c config/gunicorn.py`), or `./gunicorn.conf.py` when found by default. */
    written: string;
    /** The file read, relative to the root; absent when it is not in the project. */
    resolved?: string;
  };
  /** Gunicorn hooks defined in the config file. */
  hooks?: GunicornHook[];
  /** Where the command runs (`WORKDIR`, compose `working_dir`, systemd `WorkingDirectory=`, `cd x &&`, gunicorn `--chdir`), as written. */
  workingDirectory?: string;
  /** Extra import roots: gunicorn `--pythonpath`, uvicorn `--app-dir`. */
  pythonPath?: string[];
  /**
   * The project folders (relative to the root, '' for the root) the app is imported from, as its
   * `sys.path` has them: `pythonPath`, then the working directory, each found in the project through
   * the folder of the file that starts the process, its build context and `COPY`. The app spec's
   * module is looked for there first.
   */
  importRoots?: string[];
  processModel?: ProcessModel;
  /**
   * The server a `python` script starts from its own code (`uvicorn.run("app:app", workers=4)` in
   * its `__main__` block), with the call as written. Filled in by the analysis, which reads the
   * script (src/check/scriptServers.ts); the deployment readers never set it.
   */
  starts?: ServerProcess & { call: string };
  /** supervisord's `numprocs`: copies of this whole process that run side by side (absent: one). */
  copies?: Setting<number>;
}

/** A command that was read but starts no server we model (`./start.sh` not in the project, `npm start`). */
export interface UnrecognizedCommand extends Location {
  source: DeploySource;
  name?: string;
  /** The whole command, as written. */
  command: string;
  /** The program in it that we do not model (`npm`, `./start.sh`). */
  program: string;
}

/** Input that could not be read as the platform would: the file, the line when known, the cause. */
export interface DeployProblem {
  file: string;
  line?: number;
  message: string;
  /**
   * `outside-root`: a link out of the project, not read (a notice: the scan is complete without it);
   * `internal-error`: importleak's reader failed on the file (a bug). Default: a deployment problem.
   */
  kind?: 'outside-root' | 'internal-error';
}

export interface Deployment {
  processes: ServerProcess[];
  unrecognized: UnrecognizedCommand[];
  problems: DeployProblem[];
  /** Every file read, relative to the root, in the order read. */
  read: string[];
}
