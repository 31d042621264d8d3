import { spawnSync } from 'node:child_process';
import { chmodSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { deploymentSummary } from '../src/check/deployment.js';
import { readDeployment, SERVER_DEFAULTS, type Deployment, type HeldOptions, type ServerProcess, type Setting } from '../src/deploy/index.js';
import { analyzeProject, FIXTURES, PROJECT, scratchFolder, venvFile, writeProject } from './support.js';

const fixture = (name: string): string => path.join(FIXTURES, 'deploy', name);

/** `4 ← --workers @Procfile:2`: a setting's value (or `expression`), how it was spelled and where. */
function settingView(setting: Setting<unknown>): string {
  const shown = 'value' in setting ? JSON.stringify(setting.value) : `\`${setting.expression}\``;
  return `${shown} ← ${setting.via} @${setting.file}:${setting.line}${setting.conditional ? ' (conditional)' : ''}`;
}

/** One process as a flat record, keys only where the deployment says something. */
function view(p: ServerProcess): Record<string, string> {
  const out: Record<string, string> = { at: `${p.file}:${p.line}`, source: p.source, server: p.server };
  if (p.name) out.name = p.name;
  if (p.launchedBy) out.launchedBy = `${p.launchedBy.file}:${p.launchedBy.line}`;
  if (p.appSpec) {
    const a = p.appSpec;
    out.app = `${a.module}${a.attribute ? `:${a.attribute}` : ''}${a.factory ? '()' : ''}${a.asMain ? ' as __main__' : ''} @${a.file}:${a.line}`;
  }
  for (const key of ['workers', 'threads', 'workerClass', 'preload', 'reload', 'bind'] as const) {
    const setting = p[key] as Setting<unknown> | undefined;
    if (setting) out[key] = settingView(setting);
  }
  if (p.celery) {
    out.celery = p.celery.subcommand;
    if (p.celery.concurrency) out.concurrency = settingView(p.celery.concurrency);
    if (p.celery.pool) out.pool = settingView(p.celery.pool);
    if (p.celery.autoscale) out.autoscale = settingView(p.celery.autoscale);
    if (p.celery.embeddedBeat) out.beat = `@${p.celery.embeddedBeat.file}:${p.celery.embeddedBeat.line}`;
  }
  if (p.configFile) out.config = `${p.configFile.written} → ${p.configFile.resolved ?? 'not found'}`;
  if (p.hooks) out.hooks = p.hooks.map((h) => `${h.name}@${h.file}:${h.line}`).join(', ');
  if (p.workingDirectory !== undefined) out.cwd = p.workingDirectory;
  if (p.pythonPath) out.pythonPath = p.pythonPath.join(',');
  if (p.processModel) out.model = p.processModel;
  return out;
}

const views = (deployment: Deployment): Array<Record<string, string>> => deployment.processes.map(view);
/** A word as a POSIX shell reads it back: quoted when it holds more than the plain characters. */
const shellQuote = (word: string): string => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);
const problems = (deployment: Deployment): string[] => deployment.problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`);

describe('each format, read as its platform reads it', () => {
  it('Procfile: one shell command a process type, gunicorn.conf.py looked for in the app root', async () => {
    const deployment = await readDeployment(fixture('procfile'));
    expect(deployment.read).toEqual(['Procfile']);
    expect(problems(deployment)).toEqual([]);
    expect(deployment.unrecognized).toEqual([]);
    expect(views(deployment)).toEqual([
      {
        at: 'Procfile:2',
        source: 'Procfile',
        name: 'web',
        server: 'gunicorn',
        app: 'myapp.wsgi:app @Procfile:2',
        workers: '4 ← --workers @Procfile:2',
        threads: '2 ← --threads @Procfile:2',
        workerClass: '"gthread" ← -k @Procfile:2',
        preload: 'true ← --preload @Procfile:2',
        bind: '`0.0.0.0:$PORT` ← --bind @Procfile:2',
        model: 'imported-then-forked',
      },
      {
        at: 'Procfile:3',
        source: 'Procfile',
        name: 'worker',
        server: 'celery',
        app: 'myapp.tasks @Procfile:3',
        celery: 'worker',
        concurrency: '8 ← --concurrency @Procfile:3',
        pool: '"threads" ← -P @Procfile:3',
        model: 'single-process',
      },
      {
        at: 'Procfile:4',
        source: 'Procfile',
        name: 'clock',
        server: 'gunicorn',
        app: 'myapp.wsgi:create_app() @Procfile:4',
        workers: '3 ← WEB_CONCURRENCY @Procfile:4',
        model: 'imported-in-each-worker',
      },
      {
        at: 'Procfile:5',
        source: 'Procfile',
        name: 'release',
        server: 'python',
        app: 'manage as __main__ @Procfile:5',
        model: 'single-process',
      },
    ]);
  });

  it('the full record of one process: origins, lines and the command as written', async () => {
    const [web] = (await readDeployment(fixture('procfile'))).processes;
    expect(web).toEqual({
      file: 'Procfile',
      line: 2,
      source: 'Procfile',
      name: 'web',
      server: 'gunicorn',
      command: 'gunicorn myapp.wsgi:app --workers 4 --threads=2 -k gthread --preload --bind=0.0.0.0:$PORT',
      appSpec: { file: 'Procfile', line: 2, written: 'myapp.wsgi:app', module: 'myapp.wsgi', attribute: 'app' },
      workers: { file: 'Procfile', line: 2, origin: 'command-line', via: '--workers', value: 4 },
      threads: { file: 'Procfile', line: 2, origin: 'command-line', via: '--threads', value: 2 },
      workerClass: { file: 'Procfile', line: 2, origin: 'command-line', via: '-k', value: 'gthread' },
      preload: { file: 'Procfile', line: 2, origin: 'command-line', via: '--preload', value: true },
      bind: { file: 'Procfile', line: 2, origin: 'command-line', via: '--bind', expression: '0.0.0.0:$PORT' },
      // gunicorn imports the app from where it runs: the Procfile's folder.
      importRoots: [''],
      processModel: 'imported-then-forked',
    });
  });

  it('gunicorn.conf.py on its own: settings gunicorn takes (exact lower-case names), wsgi_app, hooks', async () => {
    const deployment = await readDeployment(fixture('gunicorn_conf'));
    expect(deployment.read).toEqual(['gunicorn.conf.py']);
    expect(problems(deployment)).toEqual([]);
    expect(views(deployment)).toEqual([
      {
        at: 'gunicorn.conf.py:10',
        source: 'gunicorn.conf.py',
        server: 'gunicorn',
        app: 'app.main:create_app() @gunicorn.conf.py:10',
        workers: '`multiprocessing.cpu_count() * 2 + 1` ← workers = @gunicorn.conf.py:5',
        threads: '4 ← threads = @gunicorn.conf.py:6',
        workerClass: '"gthread" ← worker_class = @gunicorn.conf.py:7',
        preload: 'true ← preload_app = @gunicorn.conf.py:8',
        reload: 'true ← reload = @gunicorn.conf.py:13 (conditional)',
        bind: '["0.0.0.0:8000","unix:/tmp/app.sock"] ← bind = @gunicorn.conf.py:9',
        config: 'gunicorn.conf.py → gunicorn.conf.py',
        hooks: 'when_ready@gunicorn.conf.py:16, post_fork@gunicorn.conf.py:20, post_worker_init@gunicorn.conf.py:24',
        model: 'imported-then-forked',
      },
    ]);
  });

  it('Dockerfile: the final stage, exec and shell forms, continuations, comments inside them, ENV and WORKDIR', async () => {
    const deployment = await readDeployment(fixture('dockerfile'));
    expect(deployment.read).toEqual(['Dockerfile', 'deploy/gunicorn.py', 'Dockerfile.worker']);
    expect(problems(deployment)).toEqual([]);
    expect(views(deployment)).toEqual([
      {
        at: 'Dockerfile:12',
        source: 'Dockerfile',
        name: 'production',
        server: 'gunicorn',
        app: 'app.wsgi:application @Dockerfile:15',
        // ENV in the `base` stage is inherited by `production`; the config file does not set workers.
        workers: '5 ← WEB_CONCURRENCY @Dockerfile:4',
        threads: '2 ← threads = @deploy/gunicorn.py:2',
        bind: '["0.0.0.0:8000"] ← bind = @deploy/gunicorn.py:1',
        config: '/app/deploy/gunicorn.py → deploy/gunicorn.py',
        cwd: '/app',
        model: 'imported-in-each-worker',
      },
      {
        at: 'Dockerfile.worker:5',
        source: 'Dockerfile',
        server: 'celery',
        app: 'app.celery:app @Dockerfile.worker:5',
        celery: 'worker',
        concurrency: '6 ← CELERY_WORKER_CONCURRENCY @Dockerfile.worker:4',
        pool: '"gevent" ← --pool @Dockerfile.worker:6',
        cwd: '/srv',
        model: 'single-process',
      },
    ]);
    expect(deployment.processes[0]!.configFile).toEqual({ file: 'Dockerfile', line: 13, written: '/app/deploy/gunicorn.py', resolved: 'deploy/gunicorn.py' });
  });

  it('docker compose: string and list commands, sh -c, service environment, the built image', async () => {
    const deployment = await readDeployment(fixture('compose'));
    expect(deployment.read).toEqual(['Dockerfile', 'docker-compose.yml']);
    expect(problems(deployment)).toEqual([]);
    expect(views(deployment)).toEqual([
      { at: 'Dockerfile:4', source: 'Dockerfile', server: 'gunicorn', app: 'proj.wsgi:application @Dockerfile:4', cwd: '/app', model: 'imported-in-each-worker' },
      { at: 'docker-compose.yml:5', source: 'docker-compose', name: 'web', server: 'python', app: 'manage as __main__ @docker-compose.yml:5', cwd: '/app', model: 'single-process' },
      {
        at: 'docker-compose.yml:6',
        source: 'docker-compose',
        name: 'web',
        server: 'gunicorn',
        app: 'proj.asgi:application @docker-compose.yml:6',
        workers: '3 ← -w @docker-compose.yml:6',
        workerClass: '"uvicorn.workers.UvicornWorker" ← -k @docker-compose.yml:6',
        cwd: '/app',
        model: 'imported-in-each-worker',
      },
      {
        at: 'docker-compose.yml:11',
        source: 'docker-compose',
        name: 'worker',
        server: 'celery',
        app: 'proj @docker-compose.yml:11',
        celery: 'worker',
        concurrency: '2 ← -c @docker-compose.yml:11',
        // The command line beats CELERY_WORKER_POOL from the environment.
        pool: '"prefork" ← --pool @docker-compose.yml:11',
        cwd: '/app',
        model: 'imported-then-forked',
      },
      { at: 'docker-compose.yml:16', source: 'docker-compose', name: 'beat', server: 'celery', app: 'proj @docker-compose.yml:16', celery: 'beat', cwd: '/app', model: 'single-process' },
      {
        at: 'docker-compose.yml:20',
        source: 'docker-compose',
        name: 'api',
        server: 'uvicorn',
        app: 'api.main:create_app() @docker-compose.yml:20',
        workers: '4 ← --workers @docker-compose.yml:20',
        cwd: '/code/api',
        model: 'imported-in-each-worker',
      },
      { at: 'docker-compose.yml:23', source: 'docker-compose', name: 'ws', server: 'daphne', app: 'proj.asgi:application @docker-compose.yml:23', model: 'single-process' },
    ]);
  });

  it('docker compose: a service that takes its command from an anchor through a merge key, and a list command shown as Docker writes it', async () => {
    const root = writeProject({
      'compose.yaml': [
        'x-web: &web',
        '  image: myapp',
        '  command: gunicorn --preload -w 8 app.wsgi:app',
        'x-env: &env',
        '  environment:',
        '    WEB_CONCURRENCY: "5"',
        'services:',
        '  web:',
        '    <<: *web',
        '  api:',
        '    <<: [*env, *web]',
        '    command:',
        '      - uvicorn',
        '      # the API',
        '      - app.api:app',
        '',
      ].join('\n'),
      'app/__init__.py': '',
      'app/wsgi.py': 'app = None\n',
      'app/api.py': 'app = None\n',
    });
    const deployment = await readDeployment(root);
    expect(problems(deployment)).toEqual([]);
    expect(views(deployment)).toEqual([
      { at: 'compose.yaml:3', source: 'docker-compose', name: 'web', server: 'gunicorn', app: 'app.wsgi:app @compose.yaml:3', workers: '8 ← -w @compose.yaml:3', preload: 'true ← --preload @compose.yaml:3', model: 'imported-then-forked' },
      // Its own command over the anchor's; the environment from the first map merged.
      { at: 'compose.yaml:13', source: 'docker-compose', name: 'api', server: 'uvicorn', app: 'app.api:app @compose.yaml:15', workers: '5 ← WEB_CONCURRENCY @compose.yaml:6', model: 'imported-in-each-worker' },
    ]);
    expect(deployment.processes.map((p) => p.command)).toEqual(['gunicorn --preload -w 8 app.wsgi:app', '["uvicorn", "app.api:app"]']);
  });

  it('render.yaml: startCommand through a shell, with envVars expanded', async () => {
    const deployment = await readDeployment(fixture('render'));
    expect(problems(deployment)).toEqual([]);
    expect(views(deployment)).toEqual([
      {
        at: 'render.yaml:6',
        source: 'render.yaml',
        name: 'django-web',
        server: 'gunicorn',
        app: 'mysite.wsgi:application @render.yaml:6',
        workers: '4 ← --workers @render.yaml:6',
        model: 'imported-in-each-worker',
      },
      {
        at: 'render.yaml:17',
        source: 'render.yaml',
        name: 'tasks',
        server: 'celery',
        app: 'mysite @render.yaml:17',
        celery: 'worker',
        concurrency: '`${CELERY_CONCURRENCY:-2}` ← --concurrency @render.yaml:17',
        autoscale: '"10,3" ← --autoscale @render.yaml:17',
        model: 'imported-then-forked',
      },
    ]);
  });

  it('fly.toml: [processes] run as CMD under the image ENTRYPOINT (tini), python -m celery', async () => {
    const deployment = await readDeployment(fixture('fly'));
    expect(problems(deployment)).toEqual([]);
    expect(views(deployment)).toEqual([
      { at: 'Dockerfile:5', source: 'Dockerfile', server: 'hypercorn', app: 'lottery.asgi:app @Dockerfile:5', cwd: '/app', model: 'imported-in-each-worker' },
      {
        at: 'fly.toml:11',
        source: 'fly.toml',
        name: 'app',
        server: 'hypercorn',
        app: 'lottery.asgi:app @fly.toml:11',
        workers: '2 ← --workers @fly.toml:11',
        workerClass: '"uvloop" ← --worker-class @fly.toml:11',
        bind: '["0.0.0.0:8080"] ← --bind @fly.toml:11',
        cwd: '/app',
        model: 'imported-in-each-worker',
      },
      {
        at: 'fly.toml:12',
        source: 'fly.toml',
        name: 'worker',
        server: 'celery',
        app: 'lottery @fly.toml:12',
        celery: 'worker',
        pool: '"solo" ← -P @fly.toml:12',
        cwd: '/app',
        model: 'single-process',
      },
    ]);
  });

  it("app.yaml: entrypoint through a shell; App Engine's default gunicorn when there is none", async () => {
    const deployment = await readDeployment(fixture('app_engine'));
    expect(problems(deployment)).toEqual([]);
    expect(views(deployment)).toEqual([
      {
        at: 'app.yaml:2',
        source: 'app.yaml',
        server: 'gunicorn',
        app: 'main:app @app.yaml:2',
        workers: '2 ← -w @app.yaml:2',
        threads: '8 ← --threads @app.yaml:2',
        bind: '`:$PORT` ← -b @app.yaml:2',
        model: 'imported-in-each-worker',
      },
      {
        at: 'default_entrypoint/app.yaml:1',
        source: 'app.yaml',
        name: 'default',
        server: 'gunicorn',
        app: 'main:app @default_entrypoint/app.yaml:1',
        bind: '`:$PORT` ← -b @default_entrypoint/app.yaml:1',
        model: 'imported-in-each-worker',
      },
    ]);
    expect(deployment.processes[1]!.command).toBeUndefined();
  });

  it('systemd: ExecStart split by systemd, ${VAR} from Environment=, GUNICORN_CMD_ARGS, WorkingDirectory=', async () => {
    const deployment = await readDeployment(fixture('systemd'));
    expect(problems(deployment)).toEqual([]);
    expect(views(deployment)).toEqual([
      {
        at: 'myapp.service:9',
        source: 'systemd',
        name: 'myapp.service',
        server: 'gunicorn',
        app: 'myapp.wsgi:application @myapp.service:9',
        workers: '6 ← --workers @myapp.service:9',
        threads: '3 ← GUNICORN_CMD_ARGS --threads @myapp.service:8',
        preload: 'true ← GUNICORN_CMD_ARGS --preload @myapp.service:8',
        bind: '["unix:/run/myapp.sock"] ← --bind @myapp.service:9',
        cwd: '/srv/myapp',
        model: 'imported-then-forked',
      },
      {
        at: 'worker.service:2',
        source: 'systemd',
        name: 'worker.service',
        server: 'waitress',
        app: 'myapp:make_app() @worker.service:2',
        threads: '12 ← --threads @worker.service:2',
        model: 'single-process',
      },
    ]);
  });
});

describe("Celery's -A: a module, or a module's attribute", () => {
  it('takes `-A app.instance.celery` for the attribute `celery` of `app.instance` when no such module exists, as find_app does (open-event-server)', async () => {
    const root = writeProject({
      Procfile: 'worker: celery -A app.instance.celery worker -c 2\n',
      'app/__init__.py': '',
      'app/tasks.py': 'from concurrent.futures import ThreadPoolExecutor\nfrom celery import Celery\ncelery = Celery("app")\nPOOL = ThreadPoolExecutor(2)\n\n\n@celery.task\ndef ping():\n    return 1\n',
      'app/instance.py': 'from app import tasks\ncelery = tasks.celery\n',
    });
    // Celery's own lookup: `app.instance`, then its attribute `celery`.
    const python = venvFile('.venv-frameworks', 'bin', 'python');
    const run = spawnSync(python, ['-c', 'import sys\nfrom celery.app.utils import find_app\napp = find_app("app.instance.celery")\nprint(app.main, sorted(m for m in sys.modules if m == "app" or m.startswith("app.")))'], { cwd: root, encoding: 'utf8' });
    expect(run.stdout.trim()).toBe("app ['app', 'app.instance', 'app.tasks']");
    const result = await analyzeProject(root);
    expect(problems(result.deployment!.deployment)).toEqual([]);
    expect(result.diagnostics.filter((d) => d.kind !== 'limit').map((d) => d.message)).toEqual([]);
    expect(result.findings.map((f) => [f.ruleId, `${f.path}:${f.span.line}`, f.deployment])).toEqual([
      ['IL001', 'app/tasks.py:4', '2 Celery worker children (`-c`, Procfile:1) each inherit this thread pool from the master, which imported the app before forking them, and each starts its own on first use: up to 4 threads in all.'],
      [
        'IL009',
        'app/tasks.py:4',
        'The Celery worker imports the app and its task modules, then forks its pool children (the default prefork pool, Procfile:1), so 2 Celery worker children (`-c`, Procfile:1) each get a copy of it.',
      ],
    ]);
  });
});

describe('systemd: $VAR and ${VAR} in ExecStart=', () => {
  it('splits an unbraced $VAR that is a word of its own at whitespace, and keeps ${VAR} one word (systemd.service(5))', async () => {
    const root = writeProject({
      'web.service': '[Service]\nEnvironment="GUNICORN_OPTS=--workers 5 --timeout 30" "APP=app:app"\nExecStart=/usr/bin/gunicorn $GUNICORN_OPTS ${APP}\n',
      'app.py': 'def app(environ, start_response):\n    return []\n',
    });
    const deployment = await readDeployment(root);
    expect(problems(deployment)).toEqual([]);
    const [gunicorn] = deployment.processes;
    expect([gunicorn!.appSpec?.written, gunicorn!.workers && 'value' in gunicorn!.workers ? gunicorn!.workers.value : undefined]).toEqual(['app:app', 5]);
  });
});

describe('systemd units as paperless-ngx writes them', () => {
  it('leaves out comment lines inside a continued ExecStart, and reads `[ -n "$V" ] && export X=$V` as X unless V is set', async () => {
    const root = writeProject({
      'paperless-webserver.service': [
        '[Service]',
        'WorkingDirectory=/opt/paperless/src',
        '# a comment that ends with a backslash is not continued \\',
        'Environment=GRANIAN_WORKERS=1',
        "ExecStart=/bin/sh -c '\\",
        '  # Workers: PAPERLESS_WEBSERVER_WORKERS, else 1 \\',
        '  [ -n "$PAPERLESS_WEBSERVER_WORKERS" ] && export GRANIAN_WORKERS=$PAPERLESS_WEBSERVER_WORKERS; \\',
        '  exec granian --interface asginl --ws "paperless.asgi:application"\'',
        '',
      ].join('\n'),
      'src/paperless/__init__.py': '',
      'src/paperless/asgi.py': 'application = None\n',
    });
    const deployment = await readDeployment(root);
    expect(problems(deployment)).toEqual([]);
    expect(views(deployment)).toEqual([
      {
        at: 'paperless-webserver.service:5',
        source: 'systemd',
        name: 'paperless-webserver.service',
        server: 'granian',
        app: 'paperless.asgi:application @paperless-webserver.service:5',
        workers: '`${PAPERLESS_WEBSERVER_WORKERS:-1}` ← GRANIAN_WORKERS @paperless-webserver.service:5',
        cwd: '/opt/paperless/src',
        model: 'imported-in-each-worker',
      },
    ]);
  });
});

describe("an entrypoint script as CTFd's: `WORKERS=${WORKERS:-1}` at the top, a ping step, then `exec gunicorn --workers $WORKERS`", () => {
  const project = (assignment: string) => ({
    Dockerfile: 'FROM python:3.11\nWORKDIR /opt/CTFd\nCOPY . /opt/CTFd\nENTRYPOINT ["/opt/CTFd/docker-entrypoint.sh"]\n',
    'docker-entrypoint.sh': [
      '#!/bin/bash',
      'set -euo pipefail',
      '',
      assignment,
      'SKIP_DB_PING=${SKIP_DB_PING:-false}',
      '',
      'if [ $WORKERS -gt 1 ]; then',
      '    echo "more than 1 worker"',
      'fi',
      'if [[ "$SKIP_DB_PING" == "false" ]]; then',
      '  python ping.py',
      'fi',
      "exec gunicorn 'app:create_app()' \\",
      "    --bind '0.0.0.0:8000' \\",
      '    --workers $WORKERS',
      '',
    ].join('\n'),
    'ping.py': 'import time\n',
    'app.py': 'from flask import Flask\n\n\ndef create_app():\n    return Flask(__name__)\n',
  });

  it('reads the workers as the default the script gives the variable, and the ping as a step before the server', async () => {
    const root = writeProject(project('WORKERS=${WORKERS:-1}'));
    const result = await analyzeProject(root);
    expect(deploymentSummary(result.deployment)).toBe(
      'deployment read: python `ping.py` (docker-entrypoint.sh:11): a one-off step of the script, not a server; ' +
        'gunicorn `app:create_app()` (docker-entrypoint.sh:13): 1 gunicorn worker unless WORKERS is set (docker-entrypoint.sh:15)',
    );
  });

  it('keeps `$WORKERS` as written when the script gives it another variable\'s default, or a value known only at run time', async () => {
    for (const assignment of ['WORKERS=${GUNICORN_WORKERS:-1}\nGUNICORN_WORKERS=4', 'WORKERS=$(nproc)']) {
      const root = writeProject(project(assignment));
      const [gunicorn] = (await readDeployment(root)).processes.filter((p) => p.server === 'gunicorn');
      expect(gunicorn!.workers, assignment).toMatchObject({ expression: '$WORKERS' });
    }
    const root = writeProject(project('WORKERS=${GUNICORN_WORKERS:-2}'));
    const [gunicorn] = (await readDeployment(root)).processes.filter((p) => p.server === 'gunicorn');
    expect(gunicorn!.workers).toMatchObject({ expression: '${GUNICORN_WORKERS:-2}' });
  });
});

describe("scripts whose python program is what they run (openlibrary's docker/*-start.sh)", () => {
  it('counts the last command and one started with `&` as processes; a step before them, or in a function, stays a step', async () => {
    const root = writeProject({
      'docker-compose.yml':
        'services:\n  affiliate:\n    build: .\n    command: docker/affiliate-start.sh\n  updater:\n    build: .\n    command: docker/updater-start.sh\n  home:\n    build: .\n    command: docker/home-start.sh\n',
      'docker/affiliate-start.sh': '#!/bin/bash\n\npython --version\npython scripts/affiliate_server.py "$AFFILIATE_CONFIG" 0.0.0.0:31337\n',
      'docker/updater-start.sh':
        '#!/bin/bash\npython scripts/migrate_state.py\necho "Starting trending updater"\npython scripts/trending_updater.py "$OL_CONFIG" &\n\necho "Starting updater"\npython scripts/updater.py "$OL_CONFIG" \\\n    --state-file /data/state\nwait\n',
      'docker/home-start.sh': '#!/bin/bash\nseed() {\n    python scripts/copydocs.py "/languages/*"\n}\nseed &\nmake reindex-solr\n',
      'scripts/affiliate_server.py': 'import sys\n',
      'scripts/migrate_state.py': 'import sys\n',
      'scripts/trending_updater.py': 'import sys\n',
      'scripts/updater.py': 'import sys\n',
      'scripts/copydocs.py': 'import sys\n',
    });
    const result = await analyzeProject(root);
    expect(result.deployment!.deployment.processes.map((p) => `${p.file}:${p.line} ${p.appSpec?.written} ${p.staysUp ?? 'step'}`)).toEqual([
      'docker/affiliate-start.sh:4 scripts/affiliate_server.py last',
      'docker/updater-start.sh:2 scripts/migrate_state.py step',
      'docker/updater-start.sh:4 scripts/trending_updater.py background',
      'docker/updater-start.sh:7 scripts/updater.py last',
      'docker/home-start.sh:3 scripts/copydocs.py step',
    ]);
    expect(deploymentSummary(result.deployment)).toBe(
      'deployment read: python `scripts/affiliate_server.py` (docker/affiliate-start.sh:4): one python process (docker/affiliate-start.sh:4); ' +
        'python `scripts/migrate_state.py` (docker/updater-start.sh:2): a one-off step of the script, not a server; ' +
        'python `scripts/trending_updater.py` (docker/updater-start.sh:4): one python process (docker/updater-start.sh:4); ' +
        'python `scripts/updater.py` (docker/updater-start.sh:7): one python process (docker/updater-start.sh:7); ' +
        'python `scripts/copydocs.py` (docker/home-start.sh:3): a one-off step of the script, not a server',
    );
  });
});

describe('an entrypoint script that runs the branch of `case "$1"` its command selects, as redash\'s does', () => {
  it('gives the image\'s CMD the server branch and a compose service\'s `command: manage version` the manage branch only', async () => {
    const root = writeProject({
      Dockerfile: 'FROM python:3.12\nCOPY . /app\nWORKDIR /app\nENTRYPOINT ["/app/bin/docker-entrypoint"]\nCMD ["server"]\n',
      'bin/docker-entrypoint': [
        '#!/bin/bash',
        'case "$1" in',
        '  server)',
        '    exec gunicorn -w 4 app.wsgi:app',
        '    ;;',
        '  manage)',
        '    shift',
        '    exec python -m flask --app app.wsgi "$@"',
        '    ;;',
        '  *)',
        '    exec "$@"',
        '    ;;',
        'esac',
        '',
      ].join('\n'),
      '.ci/compose.ci.yaml': 'services:\n  redash:\n    build: ../\n    command: manage version\n  worker:\n    build: ../\n    command: celery -A app.tasks worker -c 2\n',
      'app/__init__.py': '',
      'app/wsgi.py': 'app = None\n',
      'app/tasks.py': 'app = None\n',
    });
    const deployment = await readDeployment(root);
    expect(problems(deployment)).toEqual([]);
    expect(deployment.processes.map((p) => `${p.file}:${p.line} ${p.name ?? ''} ${p.server}${p.flaskCommand ? ` ${p.flaskCommand}` : ''} ← ${p.launchedBy ? `${p.launchedBy.file}:${p.launchedBy.line}` : ''}`)).toEqual([
      'bin/docker-entrypoint:4  gunicorn ← Dockerfile:4',
      // `manage version`, `shift`, then `"$@"`: `flask version`, a command that runs once and serves nothing.
      'bin/docker-entrypoint:8 redash flask version ← .ci/compose.ci.yaml:4',
      '.ci/compose.ci.yaml:7 worker celery ← ',
    ]);
  });
});

describe('supervisord, run by an image (redash\'s RQ workers, onyx\'s Celery workers)', () => {
  it('reads each [program:x] the config file starts, split without a shell, with its directory, environment and numprocs', async () => {
    const root = writeProject({
      Dockerfile: 'FROM python:3.12\nWORKDIR /app\nCOPY . /app\nCMD ["supervisord", "-c", "/app/deploy/supervisord.conf"]\n',
      'deploy/supervisord.conf': [
        '[supervisord]',
        'nodaemon=true',
        '',
        '[program:web]',
        'command=gunicorn -w %(ENV_WEB_WORKERS)s app.wsgi:app  ; the web server',
        'directory=/app',
        'environment=WEB_CONCURRENCY="5",',
        '    DEBUG="0"',
        '',
        '[program:worker]',
        'command=celery -A app.tasks worker',
        '    -c 2',
        'numprocs=2',
        'process_name=%(program_name)s_%(process_num)02d',
        '',
        '[program:manual]',
        'command=gunicorn -w 9 app.wsgi:app',
        'autostart=false',
        '',
      ].join('\n'),
      'app/__init__.py': '',
      'app/wsgi.py': 'from concurrent.futures import ThreadPoolExecutor\nfrom flask import Flask\nPOOL = ThreadPoolExecutor(2)\napp = Flask(__name__)\n',
      'app/tasks.py': 'from concurrent.futures import ThreadPoolExecutor\nfrom celery import Celery\nPOOL = ThreadPoolExecutor(2)\napp = Celery("app")\n\n\n@app.task\ndef add(x, y):\n    return x + y\n',
    });
    const deployment = await readDeployment(root);
    expect(problems(deployment)).toEqual([]);
    expect(deployment.read).toEqual(['Dockerfile', 'deploy/supervisord.conf']);
    expect(views(deployment)).toEqual([
      // `%(ENV_WEB_WORKERS)s` is supervisord's environment variable, known at run time.
      { at: 'deploy/supervisord.conf:5', source: 'supervisord', name: 'web', server: 'gunicorn', app: 'app.wsgi:app @deploy/supervisord.conf:5', workers: '`${WEB_WORKERS}` ← -w @deploy/supervisord.conf:5', launchedBy: 'Dockerfile:4', cwd: '/app', model: 'imported-in-each-worker' },
      {
        at: 'deploy/supervisord.conf:11',
        source: 'supervisord',
        name: 'worker',
        server: 'celery',
        app: 'app.tasks @deploy/supervisord.conf:11',
        celery: 'worker',
        concurrency: '2 ← -c @deploy/supervisord.conf:11',
        launchedBy: 'Dockerfile:4',
        cwd: '/app',
        model: 'imported-then-forked',
      },
    ]);
    expect(deployment.processes.map((p) => p.copies && `${p.copies.via} ${'value' in p.copies ? p.copies.value : ''} @${p.copies.line}`)).toEqual([undefined, 'numprocs = 2 @13']);
    const result = await analyzeProject(root);
    expect(result.findings.map((f) => [f.ruleId, `${f.path}:${f.span.line}`, f.deployment])).toEqual([
      ['IL001', 'app/tasks.py:3', '2 copies (`numprocs`, deploy/supervisord.conf:13) of 2 Celery worker children (`-c`, deploy/supervisord.conf:11) each inherit this thread pool from the master, which imported the app before forking them, and each starts its own on first use: up to 8 threads in all.'],
      [
        'IL009',
        'app/tasks.py:3',
        'The Celery worker imports the app and its task modules, then forks its pool children (the default prefork pool, deploy/supervisord.conf:11), so 2 copies (`numprocs`, deploy/supervisord.conf:13) of 2 Celery worker children (`-c`, deploy/supervisord.conf:11) each get a copy of it.',
      ],
      ['IL001', 'app/wsgi.py:3', '`${WEB_WORKERS}` gunicorn workers (deploy/supervisord.conf:5) each create this thread pool.'],
    ]);
  });

  it.each<[string, string]>([
    ['ENV WORKERS_COUNT=3\n', '3 copies (`numprocs`, worker.conf:3) of 2 Celery worker children (`-c`, worker.conf:2)'],
    ['', '`%(ENV_WORKERS_COUNT)s` copies (`numprocs`, worker.conf:3) of 2 Celery worker children (`-c`, worker.conf:2)'],
  ])("takes `numprocs=%%(ENV_X)s` (redash's RQ workers) from the environment supervisord runs in: %j", async (env, count) => {
    const root = writeProject({
      Dockerfile: `FROM python:3.12\nWORKDIR /app\nCOPY . /app\n${env}CMD ["supervisord", "-c", "/app/worker.conf"]\n`,
      'worker.conf': '[program:worker]\ncommand=celery -A app.tasks worker -c 2\nnumprocs=%(ENV_WORKERS_COUNT)s\nprocess_name=%(program_name)s-%(process_num)s\n',
      'app/__init__.py': '',
      'app/tasks.py': 'from celery import Celery\napp = Celery("app")\n\n\n@app.task\ndef add(x, y):\n    return x + y\n',
    });
    const result = await analyzeProject(root);
    expect(deploymentSummary(result.deployment)).toBe(`deployment read: Celery worker \`app.tasks\` (worker.conf:2): ${count}, forked after the app is imported`);
  });
});

describe('how each platform combines what it reads', () => {
  it('Dockerfile: `# escape=`, a shell-form ENTRYPOINT (CMD ignored), heredocs, ENV that refers to ENV', async () => {
    const root = writeProject({
      Dockerfile: [
        '# escape=`',
        'FROM python:3.12 AS app',
        'ENV BASE=4 WORKERS=$BASE',
        'RUN <<EOF',
        'CMD this line is heredoc text',
        'EOF',
        'ENTRYPOINT exec gunicorn -w $WORKERS `',
        '    app:app',
        'CMD ["ignored:app"]',
        '',
      ].join('\n'),
    });
    const deployment = await readDeployment(root);
    expect(problems(deployment)).toEqual([]);
    expect(views(deployment)).toEqual([{ at: 'Dockerfile:7', source: 'Dockerfile', name: 'app', server: 'gunicorn', app: 'app:app @Dockerfile:8', workers: '4 ← -w @Dockerfile:7', model: 'imported-in-each-worker' }]);
  });

  it('compose: `entrypoint:` replaces the image ENTRYPOINT and its CMD; compose.yaml is found too', async () => {
    const root = writeProject({
      Dockerfile: 'FROM python\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["gunicorn", "app:app"]\n',
      'compose.yaml': 'services:\n  web:\n    build: .\n    entrypoint: ["uvicorn"]\n    command: ["app:app", "--workers", "2"]\n',
    });
    const deployment = await readDeployment(root);
    expect(views(deployment).map((v) => `${v.at} ${v.server} ${v.app ?? ''} ${v.workers ?? ''}`)).toEqual([
      // /entrypoint.sh is not in the project: what it is given is read as what it runs.
      'Dockerfile:3 gunicorn app:app @Dockerfile:3 ',
      'compose.yaml:4 uvicorn app:app @compose.yaml:5 2 ← --workers @compose.yaml:5',
    ]);
  });

  it('fly.toml: `[experimental] cmd` when there are no [processes]; [env] feeds WEB_CONCURRENCY', async () => {
    const root = writeProject({ 'fly.toml': 'app = "x"\n\n[env]\n  WEB_CONCURRENCY = "6"\n\n[experimental]\n  cmd = ["gunicorn", "app:app"]\n' });
    const deployment = await readDeployment(root);
    expect(views(deployment)).toEqual([{ at: 'fly.toml:7', source: 'fly.toml', server: 'gunicorn', app: 'app:app @fly.toml:7', workers: '6 ← WEB_CONCURRENCY @fly.toml:4', model: 'imported-in-each-worker' }]);
  });

  it('a script that starts nothing we know, and one that is missing, are unrecognized', async () => {
    const root = writeProject({ Procfile: 'web: ./bin/start\nworker: ./bin/missing.sh\n', 'bin/start': '#!/bin/sh\nnode server.js\n' });
    const deployment = await readDeployment(root);
    expect(deployment.processes).toEqual([]);
    expect(deployment.unrecognized.map((u) => `${u.file}:${u.line} ${u.name} ${u.program}`)).toEqual(['Procfile:1 web ./bin/start', 'Procfile:2 worker ./bin/missing.sh']);
  });
});

describe('a realistic project: Procfile, gunicorn.conf.py with preload_app, compose with a celery worker', () => {
  it('reads every way the app starts, the shared config file and the entrypoint script', async () => {
    const deployment = await readDeployment(fixture('combined'));
    expect(deployment.read).toEqual(['Dockerfile', 'docker-entrypoint.sh', 'gunicorn.conf.py', 'Procfile', 'docker-compose.yml']);
    expect(problems(deployment)).toEqual([]);
    expect(deployment.unrecognized).toEqual([]);
    const sharedConfig = {
      workers: '`int(os.environ.get("WEB_CONCURRENCY", 4))` ← workers = @gunicorn.conf.py:5',
      preload: 'true ← preload_app = @gunicorn.conf.py:6',
      bind: '`"0.0.0.0:" + os.environ.get("PORT", "8000")` ← bind = @gunicorn.conf.py:4',
      config: './gunicorn.conf.py → gunicorn.conf.py',
      hooks: 'post_fork@gunicorn.conf.py:10',
      model: 'imported-then-forked',
    };
    expect(views(deployment)).toEqual([
      // ENTRYPOINT ["./docker-entrypoint.sh"]: the script runs a migration, then `exec "$@"` runs CMD.
      {
        at: 'docker-entrypoint.sh:5',
        source: 'shell-script',
        server: 'python',
        launchedBy: 'Dockerfile:4',
        app: 'lottery.migrate as __main__ @docker-entrypoint.sh:5',
        cwd: '/app',
        model: 'single-process',
      },
      { at: 'Dockerfile:5', source: 'Dockerfile', server: 'gunicorn', app: 'lottery.wsgi:app @Dockerfile:5', ...sharedConfig, cwd: '/app' },
      { at: 'Procfile:1', source: 'Procfile', name: 'web', server: 'gunicorn', app: 'lottery.wsgi:app @Procfile:1', ...sharedConfig },
      { at: 'Procfile:2', source: 'Procfile', name: 'worker', server: 'celery', app: 'lottery.tasks @Procfile:2', celery: 'worker', model: 'imported-then-forked' },
      // compose's `command:` runs under the image's ENTRYPOINT, so through the script too: launched at the service's
      // `command:` line (the ENTRYPOINT's own line, 4, is the Dockerfile's).
      {
        at: 'docker-entrypoint.sh:5',
        source: 'shell-script',
        name: 'worker',
        server: 'python',
        launchedBy: 'docker-compose.yml:10',
        app: 'lottery.migrate as __main__ @docker-entrypoint.sh:5',
        cwd: '/app',
        model: 'single-process',
      },
      {
        at: 'docker-compose.yml:10',
        source: 'docker-compose',
        name: 'worker',
        server: 'celery',
        app: 'lottery.tasks @docker-compose.yml:10',
        celery: 'worker',
        concurrency: '4 ← --concurrency @docker-compose.yml:10',
        pool: '"prefork" ← --pool @docker-compose.yml:10',
        cwd: '/app',
        model: 'imported-then-forked',
      },
    ]);
  });
});

describe('bad input never stops the read', () => {
  it('syntax errors, bad values and unknown options become problems naming file, line and cause; the rest is read', async () => {
    const deployment = await readDeployment(fixture('malformed'));
    expect(deployment.read).toEqual(['Dockerfile', 'gunicorn.conf.py', 'Procfile', 'app.yaml', 'docker-compose.yml', 'fly.toml', 'render.yaml', 'syntax/gunicorn.conf.py']);
    expect(problems(deployment)).toEqual([
      'Dockerfile:2: gunicorn does not know the option "--wrokers" and refuses to start',
      'gunicorn.conf.py:1: workers = -2: must be positive; gunicorn refuses to start',
      'gunicorn.conf.py:2: threads = "many": not an integer; gunicorn refuses to start',
      'gunicorn.conf.py:3: preload_app = 1: not a boolean; gunicorn refuses to start',
      'Procfile:1: not a `<process type>: <command>` line; Heroku ignores it',
      'Procfile:2: gunicorn --workers "four": not an integer; gunicorn refuses to start',
      'Procfile:3: uvicorn cannot import "app": it must be in format "<module>:<attribute>"',
      'app.yaml:1: no `entrypoint:` and no main.py beside app.yaml: App Engine has no app to start',
      'docker-compose.yml:4: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]; nothing was read from this file',
      'fly.toml:3: TOML syntax error: illegal character in key',
      'render.yaml:4: unterminated double quote: the command cannot run, so nothing of it was read',
      'render.yaml:7: celery worker -P "fork": not one of prefork, eventlet, gevent, solo, processes, threads, custom; celery refuses to start',
      'syntax/gunicorn.conf.py:2: syntax error: unexpected "= (4"; the server fails loading this config file ("Failed to read config file"), so none of its settings were read',
    ]);
    expect(views(deployment)).toEqual([
      // After the misspelt option, the word that names an app is still the app meant.
      { at: 'Dockerfile:2', source: 'Dockerfile', server: 'gunicorn', app: 'app:app @Dockerfile:2', workerClass: '"gevent" ← worker_class = @gunicorn.conf.py:4', config: './gunicorn.conf.py → gunicorn.conf.py', model: 'imported-in-each-worker' },
      { at: 'Procfile:2', source: 'Procfile', name: 'web', server: 'gunicorn', app: 'app:app @Procfile:2', workerClass: '"gevent" ← worker_class = @gunicorn.conf.py:4', config: './gunicorn.conf.py → gunicorn.conf.py', model: 'imported-in-each-worker' },
      { at: 'Procfile:3', source: 'Procfile', name: 'api', server: 'uvicorn', model: 'single-process' },
      { at: 'render.yaml:7', source: 'render.yaml', name: 'jobs', server: 'celery', app: 'app @render.yaml:7', celery: 'worker', model: 'imported-then-forked' },
      { at: 'syntax/gunicorn.conf.py:1', source: 'gunicorn.conf.py', server: 'gunicorn', config: 'gunicorn.conf.py → syntax/gunicorn.conf.py', model: 'imported-in-each-worker' },
    ]);
  });

  it('an unreadable file, a missing one and a file of no known kind', async () => {
    const root = writeProject({ Procfile: 'web: gunicorn app:app\n', 'notes.txt': 'hello\n' });
    symlinkSync(path.join(root, 'nowhere'), path.join(root, 'Dockerfile'));
    const deployment = await readDeployment(root, ['Procfile', 'Dockerfile', 'compose.yaml', 'notes.txt']);
    expect(problems(deployment)).toEqual([
      'notes.txt: not a deployment file importleak reads (Procfile, Dockerfile, compose, render.yaml, fly.toml, app.yaml, *.service, gunicorn config, uWSGI ini)',
      'Dockerfile: cannot read: no such file or directory',
      'compose.yaml: cannot read: no such file or directory',
    ]);
    expect(views(deployment)).toEqual([{ at: 'Procfile:1', source: 'Procfile', name: 'web', server: 'gunicorn', app: 'app:app @Procfile:1', model: 'imported-in-each-worker' }]);
  });

  it('gunicorn -c naming a file the project does not have, and no app at all', async () => {
    const root = writeProject({ Procfile: 'web: gunicorn -c config/prod.py\n' });
    const deployment = await readDeployment(root);
    expect(problems(deployment)).toEqual([
      'Procfile:1: gunicorn -c config/prod.py: no such file in the project, so its settings could not be read',
      'Procfile:1: gunicorn has no application to load: none on the command line and no `wsgi_app` in its config file ("No application module specified")',
    ]);
  });

  it('exec form is not a shell: `$WORKERS` reaches gunicorn as it is written', async () => {
    const root = writeProject({ Dockerfile: 'FROM python\nENV WORKERS=4\nCMD ["gunicorn", "-w", "$WORKERS", "app:app"]\n' });
    const deployment = await readDeployment(root);
    expect(problems(deployment)).toEqual(['Dockerfile:3: gunicorn -w "$WORKERS": not an integer; gunicorn refuses to start']);
  });

  it('`&&` in a compose command that is not run by a shell', async () => {
    const root = writeProject({ 'docker-compose.yml': 'services:\n  web:\n    image: python\n    command: python manage.py migrate && gunicorn app:app\n' });
    const deployment = await readDeployment(root);
    expect(problems(deployment)).toEqual([
      'docker-compose.yml:4: `&&` is passed to the program as an argument: docker compose runs this command without a shell (write it as sh -c "...")',
    ]);
    expect(views(deployment).map((v) => v.server)).toEqual(['python']);
  });
});

describe('command lines: quoting, wrappers, environment prefixes, flag spellings', () => {
  const root = scratchFolder('importleak-deploy-');
  const readCommand = async (command: string): Promise<Deployment> => readDeployment(root, [], { commands: [command] });
  const at = '(command line):1';

  it.each<[string, Array<Record<string, string>>]>([
    ['gunicorn --bind=0.0.0.0:8000 -w4 --thr 3 app:app', [{ server: 'gunicorn', app: `app:app @${at}`, workers: `4 ← -w @${at}`, threads: `3 ← --thr @${at}`, bind: `["0.0.0.0:8000"] ← --bind @${at}` }]],
    ['gunicorn -w=2 -b 127.0.0.1:1 -b unix:/s app:app', [{ server: 'gunicorn', app: `app:app @${at}`, workers: `2 ← -w @${at}`, bind: `["127.0.0.1:1","unix:/s"] ← -b @${at}` }]],
    ['WEB_CONCURRENCY=3 gunicorn app.wsgi', [{ server: 'gunicorn', app: `app.wsgi:application @${at}`, workers: `3 ← WEB_CONCURRENCY @${at}` }]],
    ['WEB_CONCURRENCY=3 gunicorn -w 2 app:app', [{ server: 'gunicorn', app: `app:app @${at}`, workers: `2 ← -w @${at}` }]],
    ['GUNICORN_CMD_ARGS="--threads 4 -w 3 --preload" gunicorn -w 2 app:app', [{ server: 'gunicorn', app: `app:app @${at}`, workers: `2 ← -w @${at}`, threads: `4 ← GUNICORN_CMD_ARGS --threads @${at}`, preload: `true ← GUNICORN_CMD_ARGS --preload @${at}` }]],
    ['exec gunicorn "app.main:create_app(\'prod\', debug=False)"', [{ server: 'gunicorn', app: `app.main:create_app() @${at}` }]],
    ['gunicorn --workers ${WEB_CONCURRENCY:-4} app:app', [{ server: 'gunicorn', app: `app:app @${at}`, workers: `\`\${WEB_CONCURRENCY:-4}\` ← --workers @${at}` }]],
    ['export W=5; gunicorn -w $W app:app', [{ server: 'gunicorn', app: `app:app @${at}`, workers: `5 ← -w @${at}` }]],
    [
      'sh -c "python manage.py migrate && exec gunicorn -k \'uvicorn.workers.UvicornWorker\' proj.asgi:app"',
      [
        { server: 'python', app: `manage as __main__ @${at}` },
        { server: 'gunicorn', app: `proj.asgi:app @${at}`, workerClass: `"uvicorn.workers.UvicornWorker" ← -k @${at}` },
      ],
    ],
    ["bash -lc 'cd src && gunicorn --chdir api wsgi'", [{ server: 'gunicorn', app: `wsgi:application @${at}`, cwd: 'src/api' }]],
    ['env -i DJANGO_SETTINGS_MODULE=x WEB_CONCURRENCY=5 python -m gunicorn proj.wsgi', [{ server: 'gunicorn', app: `proj.wsgi:application @${at}`, workers: `5 ← WEB_CONCURRENCY @${at}` }]],
    ['tini -- ddtrace-run newrelic-admin run-program poetry run gunicorn app:app 2>&1', [{ server: 'gunicorn', app: `app:app @${at}` }]],
    ['uv run --with gunicorn /usr/local/bin/gunicorn app:app', [{ server: 'gunicorn', app: `app:app @${at}` }]],
    ['opentelemetry-instrument --traces_exporter console gunicorn app:app', [{ server: 'gunicorn', app: `app:app @${at}` }]],
    ['uvicorn app.main:app --reload --app-dir src', [{ server: 'uvicorn', app: `app.main:app @${at}`, reload: `true ← --reload @${at}`, pythonPath: 'src' }]],
    ['uvicorn --factory app.main:create_app --workers=2', [{ server: 'uvicorn', app: `app.main:create_app() @${at}`, workers: `2 ← --workers @${at}` }]],
    ['UVICORN_WORKERS=3 WEB_CONCURRENCY=2 uvicorn app:app', [{ server: 'uvicorn', app: `app:app @${at}`, workers: `3 ← UVICORN_WORKERS @${at}` }]],
    ['python3 -u -m uvicorn app:api.app', [{ server: 'uvicorn', app: `app:api.app @${at}` }]],
    ["hypercorn -w 3 -k trio 'src/app.py:create_app()'", [{ server: 'hypercorn', app: `app:create_app() @${at}`, workers: `3 ← -w @${at}`, workerClass: `"trio" ← -k @${at}`, pythonPath: 'src' }]],
    ['hypercorn wsgi:proj.wsgi:application', [{ server: 'hypercorn', app: `proj.wsgi:application @${at}` }]],
    ['daphne -b 0.0.0.0 -p 8001 proj.asgi:application', [{ server: 'daphne', app: `proj.asgi:application @${at}` }]],
    ['waitress-serve --port=8080 --threads 6 --call app:create_app', [{ server: 'waitress', app: `app:create_app() @${at}`, threads: `6 ← --threads @${at}` }]],
    ['celery -A proj worker -c4 -Peventlet --autoscale=10,3 -B', [{ server: 'celery', app: `proj @${at}`, celery: 'worker', concurrency: `4 ← -c @${at}`, pool: `"eventlet" ← -P @${at}`, autoscale: `"10,3" ← --autoscale @${at}`, beat: `@${at}` }]],
    ['CELERY_WORKER_CONCURRENCY=0 celery --app=proj.celery:app worker', [{ server: 'celery', app: `proj.celery:app @${at}`, celery: 'worker' }]],
    ['APP=proj celery worker --pool threads', [{ server: 'celery', app: `proj @${at}`, celery: 'worker', pool: `"threads" ← --pool @${at}` }]],
    ['flask --app hello run --port 5000', [{ server: 'flask', app: `hello @${at}` }]],
    ["FLASK_APP='hello:create_app()' flask run", [{ server: 'flask', app: `hello:create_app() @${at}` }]],
    ['python app/main.py --port 8000', [{ server: 'python', app: `app.main as __main__ @${at}` }]],
    // The FastAPI CLI: uvicorn's processes, the app found from the path (module placeholder `main` when none is given).
    ['fastapi run --workers 4', [{ server: 'uvicorn', app: `main:app @${at}`, workers: `4 ← --workers @${at}` }]],
    ['fastapi run src/api/main.py --app api --port 80', [{ server: 'uvicorn', app: `src.api.main:api @${at}` }]],
    ['fastapi dev app', [{ server: 'uvicorn', app: `app:app @${at}`, reload: `true ← fastapi dev @${at}` }]],
    ['fastapi dev --no-reload app/main.py', [{ server: 'uvicorn', app: `app.main:app @${at}`, reload: `false ← --no-reload @${at}` }]],
    ['WEB_CONCURRENCY=3 python -m fastapi run -e backend.main:application', [{ server: 'uvicorn', app: `backend.main:application @${at}`, workers: `3 ← WEB_CONCURRENCY @${at}` }]],
  ])('%s', async (command, expected) => {
    const deployment = await readCommand(command);
    expect(problems(deployment).filter((p) => !p.includes('no application'))).toEqual([]);
    expect(views(deployment).map(({ at: _at, source: _source, model: _model, ...rest }) => rest)).toEqual(expected);
  });

  it.each([
    ['gunicorn --work 2 app:app', '(command line):1: gunicorn: the abbreviation "--work" matches several options ("ambiguous option"), so it refuses to start'],
    ['celery worker -A proj', '(command line):1: `celery worker -A ...`: Celery 5 refuses -A/--app after the subcommand (write `celery -A proj worker`); read as if it were before'],
    ['waitress-serve app:app --threads 8', '(command line):1: waitress-serve reads options only before the application; "--threads" and what follows make it refuse to start ("Specify one application only")'],
    ['uvicorn -c=4 app:app', '(command line):1: uvicorn does not know the option "-c=4" and refuses to start'],
    ["gunicorn 'app:create_app(' ", '(command line):1: gunicorn cannot load "app:create_app(": not `module`, `module:name` or `module:factory(...)`'],
    ['gunicorn "app:app', '(command line):1: unterminated double quote: the command cannot run, so nothing of it was read'],
  ])('refused: %s', async (command, problem) => {
    expect(problems(await readCommand(command))).toContain(problem);
  });

  it('programs that start nothing we model are listed as unrecognized, shell builtins are not', async () => {
    const deployment = await readCommand('set -e; npm start; python -c "import app"; fastapi deploy');
    expect(deployment.processes).toEqual([]);
    expect(deployment.unrecognized.map((u) => `${u.file}:${u.line} ${u.program}`)).toEqual(['(command line):1 npm', '(command line):1 python', '(command line):1 fastapi']);
    // A traefik service's `command:`: options for its image's ENTRYPOINT, no program to name.
    const options = await readCommand('--providers.docker --entrypoints.http.address=:80');
    expect([options.processes, options.unrecognized]).toEqual([[], []]);
  });

  it('`fastapi run` without a path serves the first of main.py, app.py, api.py, app/main.py... in its working directory (the FastAPI full-stack template)', async () => {
    const root = writeProject({
      'backend/Dockerfile': 'FROM python:3.14\nWORKDIR /app/backend/\nCOPY ./app /app/backend/app\nCMD ["fastapi", "run", "--workers", "4"]\n',
      'backend/app/__init__.py': '',
      'backend/app/db.py': 'from sqlalchemy import create_engine\n\nengine = create_engine("postgresql://db/app")\n',
      'backend/app/main.py': 'from fastapi import FastAPI\n\nfrom app.db import engine\n\napp = FastAPI()\n',
      // Not in the working directory: not the one fastapi-cli finds.
      'main.py': 'print("a script")\n',
    });
    const result = await analyzeProject(root);
    expect(result.entries.filter((e) => e.framework === 'uvicorn').map((e) => `${e.path}: ${e.description}`)).toEqual(['backend/app/main.py: uvicorn app `fastapi run` (backend/Dockerfile:4)']);
    expect(result.findings.map((f) => [f.ruleId, `${f.path}:${f.span.line}`, f.deployment])).toEqual([['IL004', 'backend/app/db.py:3', '4 uvicorn workers (backend/Dockerfile:4) each create this database engine.']]);
    const none = await analyzeProject(writeProject({ Procfile: 'web: fastapi run\n', 'server.py': '' }));
    expect(none.diagnostics.filter((d) => d.kind === 'deployment').map((d) => `${d.path}:${d.line} ${d.message}`)).toEqual([
      "Procfile:1 uvicorn app `fastapi run`: none of `main.py`, `app.py`, `api.py`, `app/main.py`, `app/app.py`, `app/api.py` in the files scanned (looked in the project root, then the project's source roots); what this process imports is not counted",
    ]);
  });
});

/**
 * The real tools, asked the same questions: gunicorn's `--print-config` shows the settings it resolved
 * (config file, GUNICORN_CMD_ARGS, WEB_CONCURRENCY and flags applied in its own order); uvicorn's click
 * command and Config show how it reads its options and environment (test/setup-python.sh installs them).
 */
describe('what gunicorn and uvicorn themselves resolve', () => {
  // gunicorn and uvicorn: test/python/requirements-deploy.txt, installed by test/setup-python.sh.
  let gunicorn = '';
  let python = '';
  beforeAll(() => {
    gunicorn = venvFile('.venv-deploy', 'bin', 'gunicorn');
    python = venvFile('.venv-deploy', 'bin', 'python');
  });

  /** The environment of the test run, without the variables these tools read. */
  const cleanEnv = (): NodeJS.ProcessEnv => {
    const env = { ...process.env };
    for (const name of ['WEB_CONCURRENCY', 'GUNICORN_CMD_ARGS', 'PORT', 'UVICORN_WORKERS', 'UVICORN_RELOAD', 'UVICORN_APP']) delete env[name];
    return env;
  };
  const commandOf = (tool: string, args: string[], env: Record<string, string>): string =>
    [...Object.entries(env).map(([k, v]) => `${k}=${shellQuote(v)}`), tool, ...args.map(shellQuote)].join(' ');
  const only = async (root: string, command: string): Promise<ServerProcess> => {
    const deployment = await readDeployment(root, [], { commands: [command] });
    expect(deployment.processes).toHaveLength(1);
    return deployment.processes[0]!;
  };
  const valueOr = <T,>(setting: Setting<T> | undefined, fallback: T): T | 'expression' => (!setting ? fallback : 'value' in setting ? setting.value : 'expression');
  const pyRepr = (value: unknown): string =>
    Array.isArray(value) ? `[${value.map((v) => `'${v}'`).join(', ')}]` : typeof value === 'boolean' ? (value ? 'True' : 'False') : value === undefined || value === null ? 'None' : String(value);
  const defaultOf = (server: string, setting: string): unknown => SERVER_DEFAULTS.find((d) => d.server === server && d.setting === setting)!.value;

  it.each<[string, string[], Record<string, string>]>([
    ['procfile', ['myapp.wsgi:app', '--workers', '4', '--threads=2', '-k', 'gthread', '--preload', '--bind=0.0.0.0:8000'], {}],
    ['procfile', ['-w=4', '--thr', '5', 'myapp.wsgi:app'], {}],
    ['procfile', ['-w4', '-b', '127.0.0.1:1', '-b', 'unix:/tmp/x.sock', 'myapp.wsgi:app'], {}],
    ['procfile', ['myapp.wsgi:app'], { WEB_CONCURRENCY: '3' }],
    ['procfile', ['-w', '2', 'myapp.wsgi:app'], { WEB_CONCURRENCY: '3', GUNICORN_CMD_ARGS: '--threads 4 -w 7 --preload' }],
    ['gunicorn_conf', [], {}],
    ['gunicorn_conf', ['--threads', '9', '-k', 'sync'], {}],
    ['dockerfile', ['--config', 'deploy/gunicorn.py', 'app.wsgi'], { WEB_CONCURRENCY: '5' }],
    ['dockerfile', ['app.wsgi'], { GUNICORN_CMD_ARGS: '-c deploy/gunicorn.py --preload' }],
    ['combined', ['lottery.wsgi:app'], {}],
  ])('gunicorn in %s: %j with %j', async (dir, args, env) => {
    const root = fixture(dir);
    const ours = await only(root, commandOf('gunicorn', args, env));
    const run = spawnSync(gunicorn, [...args, '--print-config'], { cwd: root, env: { ...cleanEnv(), ...env }, encoding: 'utf8', timeout: 30_000 });
    const printed = new Map([...run.stdout.matchAll(/^(\w+)\s+= (.*)$/gm)].map((m) => [m[1]!, m[2]!]));
    expect(printed.size, run.stderr).toBeGreaterThan(50);
    const expected: Record<string, unknown> = {
      workers: valueOr(ours.workers, defaultOf('gunicorn', 'workers')),
      threads: valueOr(ours.threads, defaultOf('gunicorn', 'threads')),
      worker_class: valueOr(ours.workerClass, defaultOf('gunicorn', 'workerClass')),
      preload_app: valueOr(ours.preload, defaultOf('gunicorn', 'preload')),
      bind: valueOr(ours.bind, ['127.0.0.1:8000']),
      wsgi_app: ours.appSpec && ours.appSpec.file !== '(command line)' ? ours.appSpec.written : undefined,
      config: ours.configFile?.written ?? defaultOf('gunicorn', 'configFile'),
    };
    for (const [key, value] of Object.entries(expected)) {
      if (value === 'expression') continue; // known only at run time: gunicorn computed some value
      expect(`${key} = ${printed.get(key)}`).toBe(`${key} = ${pyRepr(value)}`);
    }
  });

  it('`python -m gunicorn.app.wsgiapp` is gunicorn, with its options (warehouse\'s Procfile)', async () => {
    const root = fixture('procfile');
    const args = ['--workers', '3', '--preload', 'myapp.wsgi:app'];
    const ours = await only(root, ['python', '-m', 'gunicorn.app.wsgiapp', ...args].join(' '));
    expect(ours).toMatchObject({ server: 'gunicorn', appSpec: { written: 'myapp.wsgi:app' }, workers: { value: 3 }, preload: { value: true } });
    const run = spawnSync(python, ['-m', 'gunicorn.app.wsgiapp', ...args, '--print-config'], { cwd: root, env: cleanEnv(), encoding: 'utf8', timeout: 30_000 });
    expect(run.stdout, run.stderr).toMatch(/^workers\s+= 3$/m);
    expect(run.stdout).toMatch(/^preload_app\s+= True$/m);
  });

  it('string values in a config file are converted as gunicorn converts them; upper-case names are ignored', async () => {
    const root = writeProject({
      'gunicorn.conf.py': 'WORKERS = 3\nworkers = "0x10"\npreload_app = "TRUE"\nbind = "0.0.0.0:9"\nthreads = True\n',
      'app.py': 'def app(environ, start_response):\n    return []\n',
    });
    const ours = await only(root, 'gunicorn app:app');
    expect([ours.workers, ours.preload, ours.bind, ours.threads].map((s) => (s && 'value' in s ? s.value : undefined))).toEqual([16, true, ['0.0.0.0:9'], 1]);
    const run = spawnSync(gunicorn, ['app:app', '--print-config'], { cwd: root, env: cleanEnv(), encoding: 'utf8', timeout: 30_000 });
    expect(run.stdout).toMatch(/^workers\s+= 16$/m);
    expect(run.stdout).toMatch(/^preload_app\s+= True$/m);
    expect(run.stdout).toMatch(/^bind\s+= \['0\.0\.0\.0:9'\]$/m);
    expect(run.stdout).toMatch(/^threads\s+= 1$/m);
  });

  it('a config file gunicorn refuses is one we report problems for', async () => {
    const root = fixture('malformed');
    const deployment = await readDeployment(root, [], { commands: ['gunicorn app:app'] });
    expect(problems(deployment).filter((p) => p.startsWith('gunicorn.conf.py'))).toHaveLength(3);
    const run = spawnSync(gunicorn, ['app:app', '--check-config'], { cwd: root, env: cleanEnv(), encoding: 'utf8', timeout: 30_000 });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/Invalid value for workers: -2/);
  });

  const UVICORN_PROBE = [
    'import json, sys',
    'from uvicorn.main import main',
    'from uvicorn.config import Config',
    "ctx = main.make_context('uvicorn', sys.argv[1:])",
    'p = ctx.params',
    "c = Config(p['app'], workers=p['workers'], reload=p['reload'], factory=p['factory'])",
    "print(json.dumps({'app': p['app'], 'workers': c.workers, 'reload': c.reload, 'factory': c.factory}))",
  ].join('\n');

  it.each<[string[], Record<string, string>]>([
    [['api.main:create_app', '--factory', '--workers', '4'], {}],
    [['--workers=2', 'app:api.app'], {}],
    [['app:app'], { WEB_CONCURRENCY: '2' }],
    [['app:app'], { UVICORN_WORKERS: '3', WEB_CONCURRENCY: '2' }],
    [['app:app', '--reload'], {}],
    [['app:app'], {}],
  ])('uvicorn %j with %j', async (args, env) => {
    const ours = await only(PROJECT, commandOf('uvicorn', args, env));
    const run = spawnSync(python, ['-c', UVICORN_PROBE, ...args], { env: { ...cleanEnv(), ...env }, encoding: 'utf8', timeout: 30_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      app: ours.appSpec?.written,
      workers: valueOr(ours.workers, defaultOf('uvicorn', 'workers')),
      reload: valueOr(ours.reload, false),
      factory: ours.appSpec?.factory ?? false,
    });
  });
});

/**
 * `python -m debugpy [switches] TARGET ARGS` runs TARGET under the debugger, in the same process.
 * debugpy's own command-line reader (debugpy/server/cli.py, in .venv-deploy) says what it runs; the
 * deployment reads that command as it reads python running the same target with the same arguments,
 * and reads nothing when debugpy runs nothing (it attaches to another process, or refuses).
 */
describe('what debugpy runs', () => {
  const PROBE = [
    'import json, sys',
    "sys.argv = ['debugpy', *sys.argv[1:]]",
    'from debugpy._vendored import force_pydevd  # as debugpy/__main__.py does first',
    'from debugpy.server import cli',
    'try:',
    '    cli.parse_args()',
    'except ValueError as error:',
    "    print(json.dumps({'refused': str(error)}))",
    'else:',
    "    print(json.dumps({'kind': cli.options.target_kind, 'target': cli.options.target, 'args': sys.argv[1:]}))",
  ].join('\n');
  let python = '';
  let root = '';
  beforeAll(() => {
    python = venvFile('.venv-deploy', 'bin', 'python');
    root = writeProject({ 'manage.py': 'import sys\n', 'shop/__init__.py': '', 'shop/cli.py': 'print("cli")\n' });
  });
  const read = async (command: string): Promise<Deployment> => readDeployment(root, [], { commands: [command] });

  it.each([
    '--listen 0.0.0.0:5678 -m shop.cli runserver 0.0.0.0:8080',
    '--listen 5678 --wait-for-client --log-to /tmp/logs manage.py runserver --noreload',
    '--connect 127.0.0.1:5678 --configure-subProcess false -m celery -A shop worker -c 3',
    '--listen 5678 --log-to-stderr -m gunicorn -w 2 shop.wsgi:app',
    '--listen 5678 --pid 42',
    '--listen=5678 -m shop.cli',
    '--listen 5678 --wait -m shop.cli',
  ])('python -m debugpy %s', async (line) => {
    const args = line.split(' ');
    const env = { ...process.env };
    delete env.DEBUGPY_EXTRA_ARGV;
    const run = spawnSync(python, ['-c', PROBE, ...args], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    const said = JSON.parse(run.stdout.trim().split('\n').pop()!) as { refused?: string; kind?: string; target?: string; args?: string[] };
    const ours = await read(['python', '-m', 'debugpy', ...args].join(' '));
    if (said.kind === 'module' || said.kind === 'file') {
      const direct = await read(['python', ...(said.kind === 'module' ? ['-m'] : []), said.target!, ...said.args!].join(' '));
      expect(direct.processes).toHaveLength(1);
      expect(views(ours)).toEqual(views(direct));
      expect(ours.processes[0]!.appSpec?.arguments ?? []).toEqual(direct.processes[0]!.appSpec?.arguments ?? []);
    } else {
      // `--pid`: it attaches to another process; refused: it exits. No process of the project either way.
      expect(said.kind === 'pid' || said.refused !== undefined, run.stdout).toBe(true);
      expect(ours.processes).toEqual([]);
      expect(ours.unrecognized.map((u) => u.program)).toEqual(['python -m debugpy']);
    }
  });
});

/**
 * `watchmedo auto-restart [options] -- COMMAND ARGS` (watchdog) runs COMMAND in a subprocess, without
 * a shell, and again when a watched file changes: that subprocess is the process that imports the
 * project. watchmedo's own argparse parser (in .venv-deploy) says which command it runs; the deployment
 * reads the same as that command run directly, and nothing when watchmedo refuses its command line.
 */
describe('what watchmedo auto-restart runs', () => {
  const PROBE = [
    'import json, sys',
    'from watchdog.watchmedo import cli',
    'try:',
    "    args = cli.parse_args(['auto-restart', *sys.argv[1:]])",
    'except SystemExit:',
    "    print(json.dumps({'refused': True}))",
    'else:',
    "    print(json.dumps({'command': [args.command, *args.command_args]}))",
  ].join('\n');
  let python = '';
  let root = '';
  beforeAll(() => {
    python = venvFile('.venv-deploy', 'bin', 'python');
    root = writeProject({ 'manage.py': 'import sys\n', 'shop/__init__.py': '', 'shop/wsgi.py': 'app = None\n', 'shop/celery.py': 'app = None\n' });
  });
  const read = async (words: readonly string[]): Promise<Deployment> => readDeployment(root, [], { commands: [words.map(shellQuote).join(' ')] });

  it.each([
    // nautobot's development compose file (its worker runs through its console script there).
    '--directory ./ --pattern *.py --recursive -- celery -A shop worker -l INFO --events',
    // DefectDojo's entrypoint-celery-worker-dev.sh.
    '--directory=./ --pattern=*.py;*.tpl --recursive -- celery --app=shop worker --concurrency=2',
    '-R -d . gunicorn shop.wsgi:app',
    '-DRd. --recur --signal SIGTERM -- python manage.py runserver',
    '-R celery -A shop worker',
    '--pat *.py -- celery -A shop worker',
    '-R',
  ])('watchmedo auto-restart %s', async (line) => {
    const args = line.split(' ');
    const run = spawnSync(python, ['-c', PROBE, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    const said = JSON.parse(run.stdout) as { refused?: true; command?: string[] };
    const ours = await read(['watchmedo', 'auto-restart', ...args]);
    if (said.command) {
      const direct = await read(said.command);
      expect(direct.processes).toHaveLength(1);
      expect(views(ours)).toEqual(views(direct));
    } else {
      expect(ours.processes).toEqual([]);
      expect(ours.unrecognized.map((u) => u.program)).toEqual(['watchmedo']);
    }
  });
});

/**
 * A variable's value in a shell command is split into words when the expansion is not quoted
 * (`gunicorn $GUNICORN_OPTS app:app`). The script runs under `sh` with a `gunicorn` (or `uvicorn`)
 * first on PATH that hands its arguments to the real one in .venv-deploy, which prints what it would
 * run with: the count read here is the one it prints, or, when the options come from a variable the
 * deployment does not set (openlibrary's `${GUNICORN_OPTS:- --reload --workers 4 --timeout 180}`),
 * the one it prints with the variable unset, said to hold unless the variable is set.
 */
describe('options held in a variable, split into words as the shell splits them', () => {
  let shims = '';
  beforeAll(() => {
    const gunicorn = venvFile('.venv-deploy', 'bin', 'gunicorn');
    const python = venvFile('.venv-deploy', 'bin', 'python');
    const probe = "import sys\nfrom uvicorn.main import main\nfrom uvicorn.config import Config\np = main.make_context('uvicorn', sys.argv[1:]).params\nprint('workers', Config(p['app'], workers=p['workers']).workers)\n";
    shims = writeProject({
      gunicorn: `#!/bin/sh\nexec ${shellQuote(gunicorn)} "$@" --print-config\n`,
      uvicorn: `#!/bin/sh\nexec ${shellQuote(python)} -c ${shellQuote(probe)} "$@"\n`,
    });
    for (const tool of ['gunicorn', 'uvicorn']) chmodSync(path.join(shims, tool), 0o755);
  });

  /**
   * `sh start.sh ARGS` in `root`, with `bin` (the shims) first on PATH, `env` added, and none of the
   * variables these scripts and tools read left from the test run's own environment.
   */
  const runScript = (root: string, { args = [], env = {}, bin = shims }: { args?: string[]; env?: Record<string, string>; bin?: string } = {}) => {
    const clean = { ...process.env };
    for (const name of ['WEB_CONCURRENCY', 'GUNICORN_CMD_ARGS', 'UVICORN_WORKERS', 'GUNICORN_OPTS', 'UVICORN_OPTS', 'NUM', 'EXTRA_ARGS']) delete clean[name];
    return spawnSync('sh', ['start.sh', ...args], { cwd: root, env: { ...clean, PATH: `${bin}:${process.env.PATH}`, ...env }, encoding: 'utf8', timeout: 30_000 });
  };
  /** The worker count the tool itself ends up with when `sh` runs the script, with `env` added. */
  const printedWorkers = (root: string, env: Record<string, string> = {}, args: string[] = []): number => {
    const run = runScript(root, { env, args });
    const workers = /^workers\s+=?\s*(\d+)$/m.exec(run.stdout);
    expect(workers, `${run.stdout}\n${run.stderr}`).not.toBeNull();
    return Number(workers![1]);
  };
  const served = async (script: string): Promise<{ root: string; process: ServerProcess; problems: string[] }> => {
    const root = writeProject({ 'start.sh': `#!/bin/sh\n${script}\n`, 'app.py': 'def app(environ, start_response):\n    return []\n' });
    const deployment = await readDeployment(root, [], { commands: ['sh start.sh'] });
    const servers = deployment.processes.filter((p) => p.server === 'gunicorn' || p.server === 'uvicorn');
    expect(servers).toHaveLength(1);
    return { root, process: servers[0]!, problems: problems(deployment) };
  };

  it.each([
    'OPTS="--workers 5 --timeout 30"\nexec gunicorn $OPTS app:app',
    'OPTS=" -w 2   --threads 4 "\nexec gunicorn $OPTS app:app',
    'EMPTY=""\nexec gunicorn $EMPTY -w 3 app:app',
    'W="6 app:app"\nexec gunicorn --workers $W',
    'OPTS="--workers=7"\nexec uvicorn ${OPTS} app:app',
  ])('a value the script sets: %j', async (script) => {
    const { root, process: server, problems: found } = await served(script);
    expect(found).toEqual([]);
    expect(server.appSpec?.written).toBe('app:app');
    expect(server.workers).toMatchObject({ value: printedWorkers(root) });
  });

  it.each<[string, number | undefined]>([
    ['exec gunicorn ${GUNICORN_OPTS:- --reload --workers 4 --timeout 180} --bind :8080 app:app', 4],
    ['exec gunicorn $GUNICORN_OPTS --bind :8080 app:app', undefined],
    ['exec gunicorn -w 3 $GUNICORN_OPTS app:app', 3],
    ['exec uvicorn ${UVICORN_OPTS:---workers 2} app:app', 2],
  ])('a variable the deployment does not set: %j', async (script, unset) => {
    const { root, process: server } = await served(script);
    const variable = /\$\{?(\w+)/.exec(script.replace('exec ', ''))![1]!;
    expect(server.workers).toMatchObject({ via: `$${variable}`, optionsOf: { variable } });
    const held = (server.workers as { optionsOf: HeldOptions<number> }).optionsOf;
    expect(held.unset && 'value' in held.unset ? held.unset.value : undefined).toBe(unset);
    // Unset, the tool runs with the count said; set, its options decide.
    expect(printedWorkers(root)).toBe(unset ?? 1);
    expect(printedWorkers(root, { [variable]: '--workers 9' })).toBe(9);
  });

  it('an option after the variable still decides, and a variable that names no options is one word', async () => {
    const after = await served('exec gunicorn $GUNICORN_OPTS -w 3 app:app');
    expect(after.process.workers).toMatchObject({ value: 3, via: '-w' });
    expect(printedWorkers(after.root, { GUNICORN_OPTS: '--workers 9' })).toBe(3);
    const app = await served('exec gunicorn -w 2 $APP_MODULE');
    expect(app.process.workers).toMatchObject({ value: 2 });
  });

  it("uWSGI, as DefectDojo's entrypoint runs it: `--processes \"${NUM:-4}\"`, then `$EXTRA_ARGS`, which can give --processes again", async () => {
    const root = writeProject({
      'start.sh': '#!/bin/sh\nexec uwsgi --master --module app:application --processes "${NUM:-4}" $EXTRA_ARGS\n',
      'app.py': 'def application(environ, start_response):\n    return []\n',
      // What the shell hands uWSGI: one argument a line (uWSGI takes the last --processes given).
      'bin/uwsgi': '#!/bin/sh\nprintf "%s\\n" "$@"\n',
    });
    chmodSync(path.join(root, 'bin', 'uwsgi'), 0o755);
    const argv = (env: Record<string, string>): string[] => runScript(root, { env, bin: path.join(root, 'bin') }).stdout.trim().split('\n');
    expect(argv({}).slice(-2)).toEqual(['--processes', '4']);
    expect(argv({ EXTRA_ARGS: '--processes 8 --enable-threads' }).slice(-4)).toEqual(['4', '--processes', '8', '--enable-threads']);
    writeFileSync(path.join(root, 'Procfile'), 'web: sh start.sh\n');
    const result = await analyzeProject(root);
    const [uwsgi] = result.deployment!.deployment.processes.filter((p) => p.server === 'uwsgi');
    expect(uwsgi!.workers).toMatchObject({ expression: '$EXTRA_ARGS', optionsOf: { variable: 'EXTRA_ARGS', unset: { expression: '${NUM:-4}' } } });
    expect(deploymentSummary(result.deployment)).toBe(
      'deployment read: uWSGI `app:application` (start.sh:2): 4 uWSGI workers unless NUM is set, or EXTRA_ARGS holds options that say another number (start.sh:2), forked after the app is imported',
    );
  });

  it.each<[string, string, string, string[], string]>([
    [
      'exec celery -A proj worker ${CELERY_OPTS:- -c 2 --loglevel info}',
      '',
      '2 Celery worker children unless CELERY_OPTS is set, whose options can say another number (start.sh:2)',
      ['-c', '2', '--loglevel', 'info'],
      '-c 8',
    ],
    // Unset, the app's own worker_concurrency holds (celeryConfig.ts).
    ['exec celery -A proj worker $CELERY_OPTS', 'app.conf.worker_concurrency = 3\n', '3 Celery worker children unless CELERY_OPTS holds options that say another number (start.sh:2)', [], '-c 8'],
  ])('Celery: %j', async (script, conf, count, unsetArgs, setTo) => {
    const root = writeProject({
      'start.sh': `#!/bin/sh\n${script}\n`,
      'Procfile': 'worker: sh start.sh\n',
      'proj/__init__.py': '',
      'proj/celery.py': `from celery import Celery\napp = Celery("proj")\n${conf}`,
      'proj/tasks.py': 'from proj.celery import app\n\n\n@app.task\ndef ping():\n    return 1\n',
      // What the shell hands celery: one argument a line.
      'bin/celery': '#!/bin/sh\nprintf "%s\\n" "$@"\n',
    });
    chmodSync(path.join(root, 'bin', 'celery'), 0o755);
    const argv = (env: Record<string, string>): string[] => runScript(root, { env: { CELERY_OPTS: '', ...env }, bin: path.join(root, 'bin') }).stdout.trim().split('\n').slice(3);
    // `CELERY_OPTS=` (empty) is unset for `:-`, and gives no word when unquoted.
    expect(argv({})).toEqual(unsetArgs);
    expect(argv({ CELERY_OPTS: setTo })).toEqual(setTo.split(' '));
    const result = await analyzeProject(root);
    expect(deploymentSummary(result.deployment)).toBe(`deployment read: Celery worker \`proj\` (start.sh:2): ${count}, forked after the app is imported`);
  });

  it.each<[string, string, string[]]>([
    ['exec gunicorn app:app "$@"', 'ENTRYPOINT ["./start.sh"]\nCMD ["--workers", "4"]', ['--workers', '4']],
    ['case "$1" in\n  web) shift; exec gunicorn app:app "$@" ;;\nesac', 'ENTRYPOINT ["./start.sh"]\nCMD ["web", "-w", "5"]', ['web', '-w', '5']],
    ['shift 2\nexec gunicorn "$@" app:app', 'ENTRYPOINT ["./start.sh", "a", "b"]\nCMD ["-w", "3"]', ['a', 'b', '-w', '3']],
    ['exec gunicorn app:app "$@"', 'ENTRYPOINT ["./start.sh"]', []],
  ])("a script's `\"$@\"` is the arguments its command gives it: %j with %j", async (script, docker, args) => {
    const root = writeProject({
      'start.sh': `#!/bin/sh\n${script}\n`,
      Dockerfile: `FROM python:3.12\nWORKDIR /app\nCOPY . .\n${docker}\n`,
      'app.py': 'def app(environ, start_response):\n    return []\n',
    });
    const deployment = await readDeployment(root);
    const [gunicorn] = deployment.processes.filter((p) => p.server === 'gunicorn');
    expect(gunicorn!.appSpec?.written).toBe('app:app');
    expect(gunicorn!.workers && 'value' in gunicorn!.workers ? gunicorn!.workers.value : 1).toBe(printedWorkers(root, {}, args));
  });

  it('says the count holds unless the variable is set, and gives no total', async () => {
    const root = writeProject({
      Procfile: 'web: sh start.sh\n',
      'start.sh': '#!/bin/sh\nexec gunicorn ${GUNICORN_OPTS:- --reload --workers 4 --timeout 180} app:app\n',
      'app.py': 'from concurrent.futures import ThreadPoolExecutor\npool = ThreadPoolExecutor(max_workers=3)\n\ndef app(environ, start_response):\n    return []\n',
    });
    const result = await analyzeProject(root);
    expect(deploymentSummary(result.deployment)).toBe(
      'deployment read: gunicorn `app:app` (start.sh:2): 4 gunicorn workers unless GUNICORN_OPTS is set, whose options can say another number (start.sh:2)',
    );
    expect(result.findings.map((f) => f.deployment)).toEqual(['4 gunicorn workers unless GUNICORN_OPTS is set, whose options can say another number (start.sh:2) each create this thread pool.']);
  });
});
