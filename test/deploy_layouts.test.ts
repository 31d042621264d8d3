import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDeployment, type Deployment, type ServerProcess } from '../src/deploy/index.js';
import { analyzeProject, FIXTURES, probe, writeProject } from './support.js';

/**
 * Issue 12, "Deployment files as they are written": where the app a process imports really is.
 * A process runs in a folder (the Procfile's, a `--chdir`, a container's WORKDIR filled by `COPY`),
 * and its app spec names a module from there, not from the project root.
 */

const fixture = (name: string): string => path.join(FIXTURES, 'deploy', name);

/** One process: where it is defined, what it runs, the folder it runs in and the project folders it imports from. */
function view(p: ServerProcess): string {
  const launched = p.launchedBy ? ` (launched by ${p.launchedBy.file}:${p.launchedBy.line})` : '';
  const name = p.name ? ` [${p.name}]` : '';
  const app = p.appSpec ? ` ${p.appSpec.written}` : '';
  const cwd = p.workingDirectory !== undefined ? ` cwd=${p.workingDirectory}` : '';
  const roots = p.importRoots ? ` roots=${p.importRoots.map((r) => r || '.').join(',')}` : '';
  return `${p.file}:${p.line}${launched}${name}: ${p.server}${app}${cwd}${roots}`;
}

const views = (deployment: Deployment): string[] => deployment.processes.map(view);

describe('fixtures/deploy/services: four services, each started from its own folder', () => {
  it('reads each process with the project folders its app is imported from', async () => {
    const deployment = await readDeployment(fixture('services'));
    expect(deployment.problems).toEqual([]);
    expect(views(deployment)).toEqual([
      // `web: gunicorn prediction.main:app` in backend/Procfile: Heroku runs it in backend/.
      'backend/Procfile:1 [web]: gunicorn prediction.main:app roots=backend',
      // `--chdir src`: gunicorn changes directory and puts it first on sys.path.
      'billing/Procfile:1 [web]: gunicorn prediction.main:app cwd=src roots=billing/src',
      'broken/Procfile:1 [web]: gunicorn shipping.main:app roots=broken',
      // `--app-dir server`: uvicorn inserts it on sys.path before the working directory.
      'frontend/Procfile:1 [web]: uvicorn asgi:app roots=frontend/server,frontend',
    ]);
  });

  it('ties each resource to the service that imports it, and says which app spec names no module', async () => {
    const result = await analyzeProject(fixture('services'));
    const chain = (f: (typeof result.findings)[number]): string => (f.reach.kind === 'entry' ? f.reach.chain.map((e) => `${e.from}:${e.line} → ${e.to}`).join(', ') : '');
    expect(result.findings.map((f) => [f.ruleId, `${f.path}:${f.span.line}`, chain(f), f.deployment])).toEqual([
      [
        'IL001',
        'backend/prediction/model.py:3',
        'backend/prediction/main.py:1 → backend/prediction/model.py',
        '2 gunicorn workers (backend/Procfile:1) each create this thread pool: up to 4 threads in all.',
      ],
      [
        'IL001',
        'billing/src/prediction/ledger.py:3',
        'billing/src/prediction/main.py:1 → billing/src/prediction/ledger.py',
        '3 gunicorn workers (billing/Procfile:1) each create this thread pool: up to 12 threads in all.',
      ],
      ['IL001', 'frontend/server/renderer.py:3', 'frontend/server/asgi.py:1 → frontend/server/renderer.py', '2 uvicorn workers (frontend/Procfile:1) each create this thread pool: up to 2 threads in all.'],
    ]);
    expect(result.diagnostics.filter((d) => d.kind === 'deployment')).toEqual([
      {
        kind: 'deployment',
        path: 'broken/Procfile',
        line: 1,
        message:
          "gunicorn app `shipping.main:app`: no module `shipping.main` in the files scanned (looked in broken/, then the project's source roots); what this process imports is not counted",
      },
    ]);
  });

  it('agrees with CPython: from each service folder `prediction.main` is that service\'s module and imports its own resource', () => {
    const billing = probe(fixture('services/billing/src'), ['prediction.main'], ['prediction.ledger:LEDGER']);
    expect(billing.imported['prediction.main']!.ok).toBe(true);
    expect(billing.loaded).toEqual({ prediction: 'prediction/__init__.py', 'prediction.main': 'prediction/main.py', 'prediction.ledger': 'prediction/ledger.py' });
    expect(billing.attrs['prediction.ledger:LEDGER']).toMatchObject({ exists: true, max_workers: 4 });
    const backend = probe(fixture('services/backend'), ['prediction.main'], ['prediction.model:POOL']);
    expect(backend.loaded).toEqual({ prediction: 'prediction/__init__.py', 'prediction.main': 'prediction/main.py', 'prediction.model': 'prediction/model.py' });
    expect(backend.attrs['prediction.model:POOL']).toMatchObject({ exists: true, max_workers: 2 });
  });
});

describe('fixtures/deploy/multistage: a multi-stage Dockerfile, its scripts copied into the image, and compose targets', () => {
  it('runs the final stage by default, a compose `build.target` stage otherwise, and follows COPY to the scripts and the app', async () => {
    const deployment = await readDeployment(fixture('multistage'));
    expect(deployment.problems).toEqual([]);
    expect(deployment.unrecognized).toEqual([]);
    expect(deployment.read).toEqual(['Dockerfile', 'docker/entrypoint.sh', 'docker-compose.yml', 'docker/start-beat.sh']);
    expect(views(deployment)).toEqual([
      // The last stage (web): `ENTRYPOINT ["./entrypoint.sh"]` is /srv/entrypoint.sh, which
      // `COPY docker/entrypoint.sh ./entrypoint.sh` took from docker/; /srv holds `COPY shop/ ./shop/`.
      'docker/entrypoint.sh:4 (launched by Dockerfile:13) [web]: gunicorn shop.wsgi:app cwd=/srv roots=.',
      // `target: worker` and no command: the worker stage's CMD, with base's WORKDIR.
      'docker-compose.yml:9 [worker]: celery shop.tasks cwd=/srv roots=.',
      // `COPY docker/*.sh /usr/local/bin/` in the base stage: the entrypoint is docker/start-beat.sh.
      'docker/start-beat.sh:2 (launched by docker-compose.yml:14) [beat]: celery shop.tasks cwd=/srv roots=.',
      // `working_dir: /srv/shop` is the copy of shop/: `console:app` is shop/console.py.
      'docker-compose.yml:20 [console]: gunicorn console:app cwd=/srv/shop roots=shop',
    ]);
    const [web, worker] = deployment.processes;
    // ENV of the stage it is built on: WEB_CONCURRENCY=2 is read, and `--workers 4` overrides it.
    expect(web!.workers).toEqual({ file: 'docker/entrypoint.sh', line: 4, origin: 'command-line', via: '--workers', value: 4 });
    expect(worker!.command).toBe('CMD ["celery", "-A", "shop.tasks", "worker", "--concurrency", "3"] (target worker)');
    expect(worker!.celery?.concurrency).toMatchObject({ file: 'docker-compose.yml', line: 9, value: 3 });
  });

  it('counts each process of the image for what it imports', async () => {
    const result = await analyzeProject(fixture('multistage'));
    const console = result.findings.find((f) => f.path === 'shop/console.py')!;
    expect(console.reach.kind === 'entry' && console.reach.entry.description).toBe('gunicorn app `console:app` (docker-compose.yml:20)');
    // No `--workers`: the base stage's WEB_CONCURRENCY=2.
    expect(console.deployment).toBe('2 gunicorn workers (Dockerfile:6) each create this thread: 2 threads in all.');
    const search = result.findings.find((f) => f.path === 'shop/search.py' && f.ruleId === 'IL001')!;
    expect(search.deployment).toBe(
      'Each process of the deployment has its own: 4 gunicorn workers (docker/entrypoint.sh:4) (up to 8 threads), 3 Celery worker children (`--concurrency`, docker-compose.yml:9) (forked from a master that imported the app) (up to 6 threads) and one Celery beat process, which runs no task (docker/start-beat.sh:2) (up to 2 threads).',
    );
  });
});

/** A process's settings, each with how it was spelled and where. */
function settings(p: ServerProcess): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['workers', 'threads', 'master', 'preload', 'interface'] as const) {
    const setting = p[key];
    if (setting) out[key] = `${'value' in setting ? JSON.stringify(setting.value) : `\`${setting.expression}\``} ← ${setting.via} @${setting.file}:${setting.line}`;
  }
  if (p.configFile) out.config = `${p.configFile.written} → ${p.configFile.resolved ?? 'not found'}`;
  if (p.processModel) out.model = p.processModel;
  return out;
}

describe('compose `build: {context, dockerfile, target}` and `working_dir`', () => {
  const project = writeProject;

  it('takes COPY sources from the build context, and the working directory to the folder copied there', async () => {
    const root = project({
      'deploy/docker-compose.yml':
        'services:\n  api:\n    build:\n      context: ../services/api\n      dockerfile: ../../deploy/api.Dockerfile\n    working_dir: /opt/api\n    command: ["sh", "-c", "./boot.sh"]\n',
      // The Dockerfile alone has no CMD: only the compose service starts something.
      'deploy/api.Dockerfile': 'FROM python:3.12-slim\nWORKDIR /code\nCOPY . /opt/api\n',
      'services/api/boot.sh': '#!/bin/sh\nexec gunicorn --workers 2 main:app\n',
      'services/api/main.py': 'def app(environ, start_response):\n    start_response("200 OK", [])\n    return [b""]\n',
      // Another main.py that a lookup from the project root would find first.
      'main.py': 'print("a script")\n',
    });
    const deployment = await readDeployment(root);
    expect(deployment.problems).toEqual([]);
    expect(views(deployment)).toEqual(['services/api/boot.sh:2 (launched by deploy/docker-compose.yml:7) [api]: gunicorn main:app cwd=/opt/api roots=services/api']);
    const result = await analyzeProject(root);
    expect(result.entries.filter((e) => e.framework === 'gunicorn').map((e) => `${e.path}: ${e.description}`)).toEqual([
      'services/api/main.py: gunicorn app `main:app` (services/api/boot.sh:2)',
    ]);
  });

  it('replaces ENV variables in COPY and WORKDIR as Docker does (`COPY ./docker/entry.sh $APP_HOME/run.sh`, mealie\'s layout)', async () => {
    const root = project({
      'docker/Dockerfile':
        'FROM python:3.12-slim AS base\nENV APP_HOME="/app"\n\nFROM base AS production\nCOPY ./recipes ${APP_HOME}/recipes\nCOPY ./docker/entry.sh $APP_HOME/run.sh\n' +
        'WORKDIR $APP_HOME\nENTRYPOINT ["/app/run.sh"]\n',
      'docker/docker-compose.yml': 'services:\n  web:\n    build:\n      context: ../\n      target: production\n      dockerfile: ./docker/Dockerfile\n',
      'docker/entry.sh': '#!/bin/bash\ncd /app\nexec gunicorn --workers 3 recipes.web:app\n',
      'recipes/__init__.py': '',
      'recipes/web.py': 'def app(environ, start_response):\n    return [b""]\n',
    });
    const deployment = await readDeployment(root);
    // The compose service runs the image's ENTRYPOINT, built from the repository root (line 5: its `target:`).
    expect(views(deployment)).toEqual(['docker/entry.sh:3 (launched by docker/docker-compose.yml:5) [web]: gunicorn recipes.web:app cwd=/app roots=.']);
    // Read from its own folder, the Dockerfile's ENTRYPOINT names a script its context lacks; the
    // compose service says what the image runs, so that is not listed as a program importleak does not model.
    expect(deployment.unrecognized).toEqual([]);
    const result = await analyzeProject(root);
    expect(result.entries.filter((e) => e.framework === 'gunicorn').map((e) => `${e.path}: ${e.description}`)).toEqual([
      'recipes/web.py: gunicorn app `recipes.web:app` (docker/entry.sh:3)',
    ]);
  });

  it('follows `COPY --from=<stage>` back through that stage\'s own COPY', async () => {
    const root = project({
      Dockerfile:
        'FROM python:3.12 AS build\nWORKDIR /build\nCOPY services/ ./\nCOPY scripts/serve.sh /opt/bin/serve.sh\n\n' +
        'FROM python:3.12-slim\nCOPY --from=build /build/orders /srv/orders\nCOPY --from=build /opt/bin/serve.sh /usr/local/bin/\nCOPY --from=python:3.12 /usr/bin/env /usr/bin/env\n' +
        'WORKDIR /srv/orders\nENTRYPOINT ["/usr/local/bin/serve.sh"]\n',
      'scripts/serve.sh': '#!/bin/sh\nexec gunicorn --workers 3 api:app\n',
      'services/orders/api.py': 'def app(environ, start_response):\n    return [b""]\n',
      'api.py': 'print("not this one")\n',
    });
    const deployment = await readDeployment(root);
    expect(deployment.problems).toEqual([]);
    expect(views(deployment)).toEqual(['scripts/serve.sh:2 (launched by Dockerfile:11): gunicorn api:app cwd=/srv/orders roots=services/orders']);
  });

  it('says when `build.target` names no stage of the Dockerfile, and reads nothing of that service', async () => {
    const root = project({
      Dockerfile: 'FROM python:3.12-slim AS base\nWORKDIR /app\nCOPY . .\n\nFROM base AS web\nCMD ["gunicorn", "app:app"]\n',
      'compose.yaml': 'services:\n  web:\n    build:\n      context: .\n      target: wbe\n',
      'app.py': 'def app(environ, start_response):\n    return [b""]\n',
    });
    const deployment = await readDeployment(root);
    expect(deployment.problems).toEqual([{ file: 'compose.yaml', line: 5, message: 'build target "wbe": Dockerfile has no stage of that name; docker compose refuses to build it' }]);
    expect(views(deployment)).toEqual(['Dockerfile:6 [web]: gunicorn app:app cwd=/app roots=.']);
  });

  // The compose specification: `${VAR-default}` is the default when VAR is unset, `${VAR:-default}`
  // when it is unset or empty; compose takes VAR from the environment and the project's `.env`.
  it("reads `target: ${TARGET-testing}` as the stage of its default (mathesar's dev compose file), and a target known only where compose runs as no stage", async () => {
    const files = {
      Dockerfile: 'FROM python:3.12-slim AS base\nWORKDIR /app\nCOPY . .\n\nFROM base AS testing\nCMD ["gunicorn", "-w", "2", "app:app"]\n\nFROM base AS production\nCMD ["gunicorn", "app:app"]\n',
      'app.py': 'def app(environ, start_response):\n    return [b""]\n',
    };
    for (const target of ['${TARGET-testing}', '${TARGET:-testing}']) {
      const deployment = await readDeployment(project({ ...files, 'compose.yaml': `services:\n  web:\n    build:\n      context: .\n      target: ${target}\n` }));
      expect(deployment.problems, target).toEqual([]);
      expect(views(deployment), target).toContain('compose.yaml:5 [web]: gunicorn app:app cwd=/app roots=.');
      expect(deployment.processes.find((p) => p.file === 'compose.yaml')!.workers, target).toMatchObject({ value: 2 });
    }
    const unknown = await readDeployment(project({ ...files, 'compose.yaml': 'services:\n  web:\n    build:\n      context: .\n      target: ${TARGET}\n' }));
    expect(unknown.problems).toEqual([]);
    expect(unknown.processes.filter((p) => p.file === 'compose.yaml')).toEqual([]);
    const missing = await readDeployment(project({ ...files, 'compose.yaml': 'services:\n  web:\n    build:\n      context: .\n      target: ${TARGET-tsting}\n' }));
    expect(missing.problems).toEqual([{ file: 'compose.yaml', line: 5, message: 'build target "tsting" (the default of ${TARGET-tsting}): Dockerfile has no stage of that name; docker compose refuses to build it' }]);
  });
});

describe('a Dockerfile in a subfolder, built from the project root (linkding: `docker build -f docker/default.Dockerfile .`)', () => {
  it('takes the root for its build context when what it copies is there and not beside it', async () => {
    const root = writeProject({
      'docker/default.Dockerfile':
        'FROM python:3.13-slim AS linkding\nWORKDIR /etc/linkding\nCOPY pyproject.toml ./\nCOPY . .\nCMD ["./bootstrap.sh"]\n\nFROM linkding AS linkding-plus\nCOPY scripts/setup.sh .\n',
      'pyproject.toml': '[project]\nname = "site"\n',
      'scripts/setup.sh': '#!/bin/sh\n',
      'bootstrap.sh': '#!/bin/sh\npython manage.py migrate\nexec gunicorn -w 2 site_app.wsgi\n',
      'site_app/__init__.py': '',
      'site_app/wsgi.py': 'def application(environ, start_response):\n    return []\n',
      'manage.py': 'print("manage")\n',
    });
    const deployment = await readDeployment(root);
    expect(deployment.problems).toEqual([]);
    expect(views(deployment)).toEqual([
      'bootstrap.sh:2 (launched by docker/default.Dockerfile:5) [linkding-plus]: python manage.py cwd=/etc/linkding roots=.',
      'bootstrap.sh:3 (launched by docker/default.Dockerfile:5) [linkding-plus]: gunicorn site_app.wsgi cwd=/etc/linkding roots=.',
    ]);
  });

  it('reads a lower-case `.dockerfile` as a Dockerfile, and the entrypoint script it copies (searxng: `container/dist.dockerfile`)', async () => {
    const root = writeProject({
      'container/dist.dockerfile': 'FROM python:3.13-slim\nWORKDIR /usr/local/searxng\nCOPY ./container/ ./\nCOPY ./searx/ ./searx/\nENTRYPOINT ["/usr/local/searxng/entrypoint.sh"]\n',
      'container/entrypoint.sh': '#!/bin/sh\nexec /usr/local/searxng/.venv/bin/granian searx.webapp:app\n',
      'searx/__init__.py': '',
      'searx/webapp.py': 'def app(environ, start_response):\n    return []\n',
    });
    const deployment = await readDeployment(root);
    expect(deployment.problems).toEqual([]);
    expect(views(deployment)).toEqual(['container/entrypoint.sh:2 (launched by container/dist.dockerfile:5): granian searx.webapp:app cwd=/usr/local/searxng']);
  });

  it('keeps its own folder for the context when what it copies is there', async () => {
    const root = writeProject({
      'docker/Dockerfile': 'FROM python:3.13-slim\nWORKDIR /app\nCOPY start.sh .\nCMD ["./start.sh"]\n',
      'docker/start.sh': '#!/bin/sh\nexec gunicorn -w 2 app:application\n',
      // The same name at the root, which a root context would have taken.
      'start.sh': '#!/bin/sh\nexec gunicorn -w 9 other:application\n',
    });
    const deployment = await readDeployment(root);
    expect(views(deployment)).toEqual(['docker/start.sh:2 (launched by docker/Dockerfile:4): gunicorn app:application cwd=/app']);
  });
});

describe('fixtures/deploy/uwsgi: an ini file named by a Dockerfile, one read on its own, and a Procfile command line', () => {
  it('reads module, wsgi-file, callable, processes, threads, master and lazy-apps, and where each process imports from', async () => {
    const deployment = await readDeployment(fixture('uwsgi'));
    expect(deployment.problems).toEqual([]);
    expect(views(deployment)).toEqual([
      // `chdir = %d../src`: %d is the ini's folder, deploy/, in /app where `COPY . .` put the project.
      'Dockerfile:4: uwsgi portal.wsgi cwd=/app/src roots=src',
      // `--pythonpath src` first on sys.path, then the Procfile's folder.
      'Procfile:1 [web]: uwsgi portal.wsgi:app roots=src,.',
      'lazy.uwsgi.ini:2: uwsgi src/portal/wsgi.py roots=.',
    ]);
    expect(deployment.processes.map((p) => p.appSpec && `${p.appSpec.module}:${p.appSpec.attribute} @${p.appSpec.file}:${p.appSpec.line}`)).toEqual([
      'portal.wsgi:app @deploy/uwsgi.ini:4',
      'portal.wsgi:app @Procfile:1',
      'src.portal.wsgi:app @lazy.uwsgi.ini:2',
    ]);
    expect(deployment.processes.map(settings)).toEqual([
      {
        workers: '4 ← processes = @deploy/uwsgi.ini:7',
        threads: '2 ← threads = @deploy/uwsgi.ini:8',
        master: 'true ← master = @deploy/uwsgi.ini:6',
        config: 'deploy/uwsgi.ini → deploy/uwsgi.ini',
        // No lazy-apps: the master loads the app, then forks the 4 workers.
        model: 'imported-then-forked',
      },
      // No master, but 2 processes: the first loads the app and forks the second.
      { workers: '2 ← --processes @Procfile:1', model: 'imported-then-forked' },
      {
        workers: '3 ← processes = @lazy.uwsgi.ini:5',
        master: 'true ← master = @lazy.uwsgi.ini:4',
        preload: 'false ← lazy-apps = @lazy.uwsgi.ini:6',
        config: 'lazy.uwsgi.ini → lazy.uwsgi.ini',
        model: 'imported-in-each-worker',
      },
    ]);
  });

  it('reads uWSGI command lines: short options, flags, a bare ini argument, and one process without a master', async () => {
    const deployment = await readDeployment(fixture('uwsgi'), [], {
      commands: ['uwsgi -M -p 8 --lazy-apps -w portal.wsgi:app --chdir src', 'uwsgi --http=:8000 --wsgi-file src/portal/wsgi.py --callable app', 'uwsgi lazy.uwsgi.ini --processes 5'],
    });
    expect(deployment.problems).toEqual([]);
    expect(deployment.processes.map((p) => [view(p), settings(p)])).toEqual([
      [
        '(command line):1: uwsgi portal.wsgi:app cwd=src roots=src',
        { workers: '8 ← -p @(command line):1', master: 'true ← -M @(command line):1', preload: 'false ← --lazy-apps @(command line):1', model: 'imported-in-each-worker' },
      ],
      ['(command line):1: uwsgi src/portal/wsgi.py roots=.', { model: 'single-process' }],
      // The command line's `--processes 5` wins over the ini's 3.
      [
        '(command line):1: uwsgi src/portal/wsgi.py roots=.',
        {
          workers: '5 ← --processes @(command line):1',
          master: 'true ← master = @lazy.uwsgi.ini:4',
          preload: 'false ← lazy-apps = @lazy.uwsgi.ini:6',
          config: 'lazy.uwsgi.ini → lazy.uwsgi.ini',
          model: 'imported-in-each-worker',
        },
      ],
    ]);
  });

  it('reads `if-not-env = UWSGI_PROCESSES` blocks as the variable, else the count; other `if-*` blocks as conditions (healthchecks\' docker/uwsgi.ini)', async () => {
    const root = writeProject({
      'uwsgi.ini':
        '[uwsgi]\nmaster\nif-not-env = UWSGI_PROCESSES\nprocesses = 4\nendif =\nif-not-env = UWSGI_THREADS\nthreads = 100\nendif =\n' +
        'if-env = DEV_ENV\npython-autoreload = 1\nendif =\nmodule = hc.wsgi:application\n',
      'dev/uwsgi.ini': '[uwsgi]\nmaster\nprocesses = 2\nif-env = DEV_ENV\nlazy-apps = true\nendif =\nmodule = hc.dev:application\n',
      'hc/dev.py': 'def application(environ, start_response):\n    return [b""]\n',
      'hc/__init__.py': '',
      'hc/wsgi.py': 'from concurrent.futures import ThreadPoolExecutor\n\npool = ThreadPoolExecutor(max_workers=2)\n\ndef application(environ, start_response):\n    return [b""]\n',
    });
    const deployment = await readDeployment(root);
    expect(deployment.problems).toEqual([]);
    expect(deployment.processes.map((p) => [p.file, settings(p)])).toEqual([
      // `lazy-apps` only when DEV_ENV is set: whether the app is imported before the fork is not known.
      [
        'dev/uwsgi.ini',
        { workers: '2 ← processes = @dev/uwsgi.ini:3', master: 'true ← master = @dev/uwsgi.ini:2', preload: 'false ← lazy-apps = (if-env = DEV_ENV) @dev/uwsgi.ini:5', config: 'uwsgi.ini → dev/uwsgi.ini' },
      ],
      [
        'uwsgi.ini',
        {
          // uWSGI reads UWSGI_PROCESSES as its `processes` option: the block is for when it is not set.
          workers: '`${UWSGI_PROCESSES:-4}` ← processes = (if-not-env = UWSGI_PROCESSES) @uwsgi.ini:4',
          threads: '`${UWSGI_THREADS:-100}` ← threads = (if-not-env = UWSGI_THREADS) @uwsgi.ini:7',
          master: 'true ← master = @uwsgi.ini:2',
          config: 'uwsgi.ini → uwsgi.ini',
          // With a master, the workers are forked from it, however many there are.
          model: 'imported-then-forked',
        },
      ],
    ]);
    const result = await analyzeProject(root);
    expect(result.findings.filter((f) => f.ruleId === 'IL001').map((f) => f.deployment)).toEqual([
      '4 uWSGI workers unless UWSGI_PROCESSES is set (uwsgi.ini:4) each inherit this thread pool from the master, which imported the app before forking them, and each starts its own on first use.',
    ]);
  });

  it('says what the uWSGI fork does to a resource created at import, in each deployment', async () => {
    const result = await analyzeProject(fixture('uwsgi'));
    expect(result.findings.map((f) => [f.ruleId, f.level, `${f.path}:${f.span.line}`])).toEqual([
      ['IL001', 'error', 'src/portal/search.py:3'],
      ['IL009', 'note', 'src/portal/search.py:3'],
    ]);
    const [pool, fork] = result.findings;
    expect(pool!.deployment).toBe(
      'Each process has its own, in whichever of these deployments runs: 4 uWSGI workers (deploy/uwsgi.ini:7) (forked from a master that imported the app) (up to 8 threads) (Dockerfile); or 2 uWSGI workers (Procfile:1) (forked from a master that imported the app) (up to 4 threads) (Procfile); or 3 uWSGI workers (lazy.uwsgi.ini:5) (up to 6 threads) (lazy.uwsgi.ini).',
    );
    // One role (uWSGI on portal.wsgi) defined three ways: the first forking definition is named.
    expect(fork!.message).toBe(
      '`ThreadPoolExecutor(max_workers=2)` creates a thread pool in `portal.search` before the uWSGI master forks: each worker inherits an unstarted copy and starts its own on first use.',
    );
    expect(fork!.deployment).toBe(
      "The first uWSGI process loads the app, then forks the workers (uWSGI's default without `lazy-apps`; `master = true`, deploy/uwsgi.ini:6), so 4 uWSGI workers (deploy/uwsgi.ini:7) each get a copy of it.",
    );
  });

  it('agrees with CPython: from the folder `chdir` names, `portal.wsgi` imports the pool', () => {
    const report = probe(fixture('uwsgi/src'), ['portal.wsgi'], ['portal.search:POOL']);
    expect(report.loaded).toEqual({ portal: 'portal/__init__.py', 'portal.wsgi': 'portal/wsgi.py', 'portal.search': 'portal/search.py' });
    expect(report.attrs['portal.search:POOL']).toMatchObject({ exists: true, max_workers: 2 });
  });
});

describe('fixtures/deploy/granian: Granian from a Procfile and from a systemd unit', () => {
  it('reads --interface, --workers, --working-dir and GRANIAN_WORKERS, and the unit\'s WorkingDirectory', async () => {
    const deployment = await readDeployment(fixture('granian'));
    expect(deployment.problems).toEqual([]);
    expect(views(deployment)).toEqual([
      // `--working-dir app` goes first on sys.path.
      'Procfile:1 [web]: granian main:api roots=app,.',
      // WorkingDirectory=/srv/shop/app is the checkout's app/ folder.
      'deploy/legacy.service:7 [legacy.service]: granian legacy cwd=/srv/shop/app roots=app',
    ]);
    expect(deployment.processes.map((p) => [`${p.appSpec?.module}:${p.appSpec?.attribute}`, settings(p)])).toEqual([
      ['main:api', { workers: '3 ← --workers @Procfile:1', interface: '"asgi" ← --interface @Procfile:1', model: 'imported-in-each-worker' }],
      // No attribute written: Granian looks up `app`.
      ['legacy:app', { workers: '2 ← GRANIAN_WORKERS @deploy/legacy.service:6', interface: '"wsgi" ← --interface @deploy/legacy.service:7', model: 'imported-in-each-worker' }],
    ]);
  });

  it('counts the Granian workers that each import the module that starts a thread', async () => {
    const result = await analyzeProject(fixture('granian'));
    expect(result.findings.map((f) => [f.ruleId, `${f.path}:${f.span.line}`, f.deployment])).toEqual([
      [
        'IL002',
        'app/cache.py:13',
        'Each process has its own, in whichever of these deployments runs: 3 Granian workers (Procfile:1) (3 threads) (Procfile); or 2 Granian workers (deploy/legacy.service:6) (2 threads) (deploy/legacy.service).',
      ],
    ]);
  });

  it('agrees with CPython: importing `legacy` from app/ starts the refresh thread', () => {
    const report = probe(fixture('granian/app'), ['legacy']);
    expect(report.loaded).toEqual({ legacy: 'legacy.py', cache: 'cache.py' });
    expect(report.threads_started).toEqual([{ name: expect.any(String), target: 'cache._refresh' }]);
  });
});

describe('two images of one repository, each serving its own FastAPI app', () => {
  it('counts a resource of one app in that app\'s processes only, and an entry no app imports in every server', async () => {
    const root = writeProject({
      'backend/Dockerfile': 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . /app\nCMD ["uvicorn", "web.main:app", "--workers", "4"]\n',
      'backend/web/__init__.py': '',
      'backend/web/main.py': 'from concurrent.futures import ThreadPoolExecutor\nfrom fastapi import FastAPI\npool = ThreadPoolExecutor(max_workers=8)\napp = FastAPI()\n',
      // An app that no process names or imports: as an entry reached by name (Django's urls, a
      // blueprint imported inside an app factory), every server is taken to load it.
      'backend/web/extra.py': 'from concurrent.futures import ThreadPoolExecutor\nfrom fastapi import FastAPI\npool = ThreadPoolExecutor(max_workers=2)\nadmin = FastAPI()\n',
      'loadtest/mock_llm/Dockerfile': 'FROM python:3.12-slim\nWORKDIR /app\nCOPY ./mock_llm /app/mock_llm\nCMD ["uvicorn", "mock_llm.app:app"]\n',
      'loadtest/mock_llm/__init__.py': '',
      'loadtest/mock_llm/app.py': 'from fastapi import FastAPI\napp = FastAPI()\n',
    });
    const result = await analyzeProject(root);
    expect(result.findings.map((f) => [`${f.path}:${f.span.line}`, f.deployment])).toEqual([
      ['backend/web/extra.py:3', 'Each process has its own, in whichever of these deployments runs: 4 uvicorn workers (backend/Dockerfile:4) (up to 8 threads) (backend/Dockerfile); or one uvicorn process (loadtest/mock_llm/Dockerfile:4) (up to 2 threads) (loadtest/mock_llm/Dockerfile).'],
      // The load-test image's `mock_llm.app` imports nothing of `web`: only the backend's 4 workers.
      ['backend/web/main.py:3', '4 uvicorn workers (backend/Dockerfile:4) each create this thread pool: up to 32 threads in all.'],
    ]);
  });
});
