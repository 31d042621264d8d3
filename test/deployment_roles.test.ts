import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { deploymentSummary, expressionCount } from '../src/check/deployment.js';
import { readDeployment } from '../src/deploy/index.js';
import { analyzeProject, cpythonClosure, venvFile, writeProject } from './support.js';

/**
 * Issue 11, "A process counts only for what its app reaches": each process of the deployment is
 * tied to what it loads, and a finding is multiplied only by the processes that import its module.
 * A Django project as the issue describes it: gunicorn serves the app, `manage.py migrate` and a
 * `manage.py document_consumer` command run beside it, a bot runs `python other/bot.py` with its own
 * modules, and Celery runs a worker and a beat scheduler.
 */
const django = {
  'manage.py':
    'import os\nimport sys\n\n\ndef main():\n    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_app.settings")\n' +
    '    from django.core.management import execute_from_command_line\n    execute_from_command_line(sys.argv)\n\n\nif __name__ == "__main__":\n    main()\n',
  'site_app/__init__.py': 'from .celery import app as celery_app\n',
  'site_app/settings.py': 'ROOT_URLCONF = "site_app.urls"\nINSTALLED_APPS = ["docs"]\n',
  'site_app/urls.py': 'from django.urls import path\nfrom docs import views\n\nurlpatterns = [path("", views.index)]\n',
  'site_app/wsgi.py':
    'import os\nfrom django.core.wsgi import get_wsgi_application\n\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_app.settings")\napplication = get_wsgi_application()\n',
  'site_app/celery.py': 'from celery import Celery\n\napp = Celery("site_app")\napp.autodiscover_tasks()\n',
  'docs/__init__.py': '',
  'docs/views.py': 'from django.http import HttpResponse\nfrom docs import search\n\n\ndef index(request):\n    return HttpResponse(search.POOL.submit(len, "x").result())\n',
  'docs/search.py': 'from concurrent.futures import ThreadPoolExecutor\n\nPOOL = ThreadPoolExecutor(max_workers=2)\n',
  'docs/tasks.py': 'from celery import shared_task\nfrom docs import search\n\n\n@shared_task\ndef reindex():\n    return search.POOL.submit(len, "x").result()\n',
  'other/__init__.py': '',
  'other/bot.py': 'from other import chat\n\n\ndef main():\n    chat.POOL.submit(print, "hello")\n\n\nif __name__ == "__main__":\n    main()\n',
  'other/chat.py': 'from concurrent.futures import ThreadPoolExecutor\n\nPOOL = ThreadPoolExecutor(max_workers=1)\n',
};

const PROCFILE =
  'web: gunicorn -w 3 site_app.wsgi\n' +
  'release: python manage.py migrate\n' +
  'consumer: python manage.py document_consumer\n' +
  'bot: python other/bot.py\n' +
  'worker: celery -A site_app worker --concurrency 2\n' +
  'beat: celery -A site_app beat\n';

describe('a Procfile with a web server, management commands, a bot, a Celery worker and beat', () => {
  it('multiplies the search pool by the gunicorn workers and the Celery children only: not by migrate, document_consumer, the bot or beat', async () => {
    const root = writeProject({ ...django, Procfile: PROCFILE });
    const result = await analyzeProject(root);
    const search = result.findings.find((f) => f.path === 'docs/search.py' && f.ruleId === 'IL001')!;
    expect(search.deployment).toContain(
      'Each process of the deployment has its own: 3 gunicorn workers (Procfile:1) (up to 6 threads) and 2 Celery worker children (`--concurrency`, Procfile:5) (forked from a master that imported the app) (up to 4 threads).',
    );
    for (const finding of result.findings.filter((f) => f.path === 'docs/search.py')) {
      expect(`${finding.message} ${finding.deployment ?? ''}`).not.toMatch(/Procfile:[2346]\b/);
    }
  });

  it('blames the bot, and only the bot, for what its own module graph creates', async () => {
    const root = writeProject({ ...django, Procfile: PROCFILE });
    const result = await analyzeProject(root);
    for (const finding of result.findings.filter((f) => f.path === 'other/chat.py')) {
      expect(`${finding.message} ${finding.deployment ?? ''}`).not.toMatch(/Procfile:[12356]\b/);
      expect(finding.deployment).toContain('one python process (Procfile:4)');
    }
  });

  it('agrees with CPython on what the bot and the beat scheduler import: neither imports docs.search', () => {
    const root = writeProject(django);
    expect(cpythonClosure(root, 'other.bot')).toEqual(['other', 'other.bot', 'other.chat']);
    const beat = cpythonClosure(root, 'site_app', venvFile('.venv-frameworks', 'bin', 'python'));
    expect(beat).toEqual(['site_app', 'site_app.celery']);
  });

  it('says what each process is in the deployment summary: commands are not servers, beat runs no task', async () => {
    const root = writeProject({ ...django, Procfile: PROCFILE });
    const result = await analyzeProject(root);
    expect(deploymentSummary(result.deployment)).toBe(
      'deployment read: gunicorn `site_app.wsgi` (Procfile:1): 3 gunicorn workers (Procfile:1); ' +
        'python `manage.py migrate` (Procfile:2): a management command, not a server; ' +
        'python `manage.py document_consumer` (Procfile:3): a management command, not a server; ' +
        'python `other/bot.py` (Procfile:4): one python process (Procfile:4); ' +
        'Celery worker `site_app` (Procfile:5): 2 Celery worker children (`--concurrency`, Procfile:5), forked after the app is imported; ' +
        'Celery beat `site_app` (Procfile:6): one Celery beat process, which runs no task (Procfile:6)',
    );
  });
});

describe('a task-queue worker run as a management command (netbox: `manage.py rqworker` from a systemd unit)', () => {
  /**
   * The worker's command is the project's own (netbox subclasses django-rq's); here it reports what
   * the process has imported when the command runs, so CPython can say what the worker loads.
   */
  const worker = {
    ...django,
    'docs/models.py': 'from docs import cache\n',
    'docs/cache.py': 'from concurrent.futures import ThreadPoolExecutor\n\nCACHE_POOL = ThreadPoolExecutor(max_workers=1)\n',
    'docs/management/__init__.py': '',
    'docs/management/commands/__init__.py': '',
    'docs/management/commands/rqworker.py':
      'import json\nimport sys\n\nfrom django.core.management.base import BaseCommand\n\n\nclass Command(BaseCommand):\n' +
      '    def add_arguments(self, parser):\n        parser.add_argument("queues", nargs="*")\n\n' +
      '    def handle(self, *args, **options):\n        print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in ("docs", "site_app"))))\n',
    Procfile: 'web: gunicorn -w 3 site_app.wsgi\n',
  };
  const unit = (args: string): string => `[Service]\nWorkingDirectory=/opt/app\nExecStart=/opt/app/venv/bin/python3 /opt/app/manage.py rqworker ${args}\n`;

  it('counts one process for what Django setup and the system checks import: the models and the URLconf', async () => {
    const root = writeProject({ ...worker, 'contrib/app-rq.service': unit('high default low') });
    const result = await analyzeProject(root);
    const byPath = (file: string) => result.findings.find((f) => f.path === file && f.ruleId === 'IL001')!.deployment;
    expect(byPath('docs/cache.py')).toBe(
      'Each process has its own, in whichever of these deployments runs: 3 gunicorn workers (Procfile:1) (up to 3 threads) (Procfile); or one `manage.py rqworker` worker process (contrib/app-rq.service:3) (up to 1 thread) (contrib/app-rq.service).',
    );
    expect(byPath('docs/search.py')).toBe(
      'Each process has its own, in whichever of these deployments runs: 3 gunicorn workers (Procfile:1) (up to 6 threads) (Procfile); or one `manage.py rqworker` worker process (contrib/app-rq.service:3) (up to 2 threads) (contrib/app-rq.service).',
    );
  });

  it('with --skip-checks, not for what only the URLconf reaches', async () => {
    const root = writeProject({ ...worker, 'contrib/app-rq.service': unit('--skip-checks high') });
    const result = await analyzeProject(root);
    const byPath = (file: string) => result.findings.find((f) => f.path === file && f.ruleId === 'IL001')!.deployment;
    expect(byPath('docs/cache.py')).toContain('or one `manage.py rqworker` worker process (contrib/app-rq.service:3) (up to 1 thread)');
    expect(byPath('docs/search.py')).toBe('3 gunicorn workers (Procfile:1) each create this thread pool: up to 6 threads in all.');
  });

  it('in an entrypoint script: the worker command counts, a runserver branch is a development server, a python step is a step (wger, CTFd)', async () => {
    const root = writeProject({
      ...worker,
      Procfile: 'web: ./entrypoint.sh\nworker: ./worker.sh\n',
      'entrypoint.sh':
        '#!/bin/bash\npython manage.py migrate\npython wait_for_db.py\nif [[ "$USE_GUNICORN" == "True" ]]; then\n    gunicorn -w 3 site_app.wsgi\nelse\n    python manage.py runserver 0.0.0.0:8000\nfi\n',
      'worker.sh': '#!/bin/bash\nset -e\nexec python manage.py rqworker default\n',
      'wait_for_db.py': 'import time\n',
    });
    const result = await analyzeProject(root);
    expect(deploymentSummary(result.deployment)).toBe(
      'deployment read: python `manage.py migrate` (entrypoint.sh:2): a management command, not a server; ' +
        'python `wait_for_db.py` (entrypoint.sh:3): a one-off step of the script, not a server; ' +
        'gunicorn `site_app.wsgi` (entrypoint.sh:5): 3 gunicorn workers (entrypoint.sh:5); ' +
        'python `manage.py runserver` (entrypoint.sh:7): one Django development server process (entrypoint.sh:7); ' +
        'python `manage.py rqworker` (worker.sh:3): one `manage.py rqworker` worker process (worker.sh:3)',
    );
    const cache = result.findings.find((f) => f.path === 'docs/cache.py' && f.ruleId === 'IL001')!;
    expect(cache.deployment).toBe('Each process of the deployment has its own: 3 gunicorn workers (entrypoint.sh:5) (up to 3 threads) and one `manage.py rqworker` worker process (worker.sh:3) (up to 1 thread).');
  });

  it('counts each management command a uWSGI master keeps running (`attach-daemon`), as healthchecks runs its alert sender', async () => {
    const root = writeProject({
      ...worker,
      Procfile: 'web: uwsgi --ini docker/uwsgi.ini\n',
      'docker/uwsgi.ini':
        '[uwsgi]\nmaster\nprocesses = 2\nmodule = site_app.wsgi:application\nattach-daemon = ./manage.py sendalerts --skip-checks\n' +
        'smart-attach-daemon = /tmp/reports.pid ./manage.py sendreports --loop\nif-env = SMTPD_PORT\nattach-daemon = ./manage.py smtpd --port %(_) --skip-checks\nendif =\n',
    });
    const result = await analyzeProject(root);
    // `%(_)` is uWSGI's placeholder, filled in before the shell runs the command.
    expect(deploymentSummary(result.deployment)).toBe(
      'deployment read: uWSGI `site_app.wsgi:application` (Procfile:1): 2 uWSGI workers (docker/uwsgi.ini:3), forked after the app is imported; python `./manage.py sendalerts` (docker/uwsgi.ini:5): one `manage.py sendalerts` daemon of the uWSGI master (`attach-daemon =`, docker/uwsgi.ini:5); python `./manage.py sendreports` (docker/uwsgi.ini:6): one `manage.py sendreports` daemon of the uWSGI master (`smart-attach-daemon =`, docker/uwsgi.ini:6); python `./manage.py smtpd` (docker/uwsgi.ini:8): one `manage.py smtpd` daemon of the uWSGI master (`attach-daemon =` under `if-env = SMTPD_PORT`, docker/uwsgi.ini:8)',
    );
    const byPath = (file: string) => result.findings.find((f) => f.path === file && f.ruleId === 'IL001')!.deployment;
    // The models are Django setup's: every daemon has the pool. The URLconf's only where the system checks run (not `--skip-checks`).
    expect(byPath('docs/cache.py')).toBe(
      'Each process of the deployment has its own: 2 uWSGI workers (docker/uwsgi.ini:3) (forked from a master that imported the app) (up to 2 threads), one `manage.py sendalerts` daemon of the uWSGI master (`attach-daemon =`, docker/uwsgi.ini:5) (up to 1 thread), one `manage.py sendreports` daemon of the uWSGI master (`smart-attach-daemon =`, docker/uwsgi.ini:6) (up to 1 thread) and one `manage.py smtpd` daemon of the uWSGI master (`attach-daemon =` under `if-env = SMTPD_PORT`, docker/uwsgi.ini:8) (up to 1 thread).',
    );
    expect(byPath('docs/search.py')).toBe(
      'Each process of the deployment has its own: 2 uWSGI workers (docker/uwsgi.ini:3) (up to 4 threads) and one `manage.py sendreports` daemon of the uWSGI master (`smart-attach-daemon =`, docker/uwsgi.ini:6) (up to 2 threads).',
    );
  });

  it('reads `./manage.py rqworker` as python runs it, and `rqworker` beside `rqscheduler` as two processes', async () => {
    const root = writeProject({ ...worker, Procfile: 'web: gunicorn -w 3 site_app.wsgi\nworker: ./manage.py rqworker high\nscheduler: ./manage.py rqscheduler\n' });
    const result = await analyzeProject(root);
    const cache = result.findings.find((f) => f.path === 'docs/cache.py' && f.ruleId === 'IL001')!;
    expect(cache.deployment).toBe(
      'Each process of the deployment has its own: 3 gunicorn workers (Procfile:1) (up to 3 threads), one `manage.py rqworker` worker process (Procfile:2) (up to 1 thread) and one `manage.py rqscheduler` worker process (Procfile:3) (up to 1 thread).',
    );
  });

  it('agrees with the real Django: the checks import the URLconf and its views, --skip-checks does not', () => {
    const root = writeProject(worker);
    const python = venvFile('.venv-frameworks', 'bin', 'python');
    const run = (...args: string[]): string[] => {
      const done = spawnSync(python, ['manage.py', 'rqworker', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
      expect(done.stderr).toBe('');
      return JSON.parse(done.stdout) as string[];
    };
    const project = ['docs', 'docs.cache', 'docs.management', 'docs.management.commands', 'docs.management.commands.rqworker', 'docs.models', 'site_app', 'site_app.celery', 'site_app.settings'];
    expect(run('high', 'default')).toEqual([...project, 'docs.search', 'docs.views', 'site_app.urls'].sort());
    expect(run('--skip-checks', 'high')).toEqual(project);
  });
});

describe('a program from outside the project', () => {
  it('is not blamed: a log viewer a systemd unit runs with python imports nothing of the app', async () => {
    const root = writeProject({
      ...django,
      Procfile: 'web: gunicorn -w 3 site_app.wsgi\n',
      'deploy/log-viewer.service': '[Service]\nExecStart=/usr/bin/python3 /usr/local/bin/log-viewer.py --follow /var/log/app.log\n',
    });
    const result = await analyzeProject(root);
    const search = result.findings.find((f) => f.path === 'docs/search.py' && f.ruleId === 'IL001')!;
    expect(search.deployment).toContain('3 gunicorn workers (Procfile:1) each create this thread pool: up to 6 threads in all.');
    expect(search.deployment).not.toContain('log-viewer');
  });
});

describe('alternative deployment files', () => {
  it('joins a dev and a prod Dockerfile with "or": one of them runs, and runserver is a development server', async () => {
    const root = writeProject({
      ...django,
      'Dockerfile.dev': 'FROM python:3.12-slim\nCMD python manage.py runserver 0.0.0.0:8000\n',
      Dockerfile: 'FROM python:3.12-slim\nCMD ["gunicorn", "--workers", "4", "site_app.wsgi"]\n',
    });
    const result = await analyzeProject(root);
    const search = result.findings.find((f) => f.path === 'docs/search.py' && f.ruleId === 'IL001')!;
    expect(search.deployment).toContain(
      'Each process has its own, in whichever of these deployments runs: 4 gunicorn workers (Dockerfile:2) (up to 8 threads) (Dockerfile); or one Django development server process (Dockerfile.dev:2) (up to 2 threads) (Dockerfile.dev).',
    );
  });

  it('keeps "and" for the services of one compose file, with the Dockerfile it builds', async () => {
    const root = writeProject({
      ...django,
      Dockerfile: 'FROM python:3.12-slim\nCMD ["gunicorn", "--workers", "4", "site_app.wsgi"]\n',
      'docker-compose.yml': 'services:\n  web:\n    build: .\n  worker:\n    build: .\n    command: celery -A site_app worker --concurrency 2 --pool solo\n',
    });
    const result = await analyzeProject(root);
    const search = result.findings.find((f) => f.path === 'docs/search.py' && f.ruleId === 'IL001')!;
    expect(search.deployment).toContain(
      'Each process of the deployment has its own: 4 gunicorn workers (Dockerfile:2) (up to 8 threads) and one Celery worker process (docker-compose.yml:6) (up to 2 threads).',
    );
  });
});

describe('the servers of an if/else in a script', () => {
  const asgi = 'import os\nfrom django.core.asgi import get_asgi_application\n\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_app.settings")\napplication = get_asgi_application()\n';
  const searchFinding = async (startScript: string) => {
    const root = writeProject({ ...django, 'site_app/asgi.py': asgi, Procfile: 'web: ./start.sh\n', 'start.sh': startScript });
    const result = await analyzeProject(root);
    return { result, search: result.findings.find((f) => f.path === 'docs/search.py' && f.ruleId === 'IL001')! };
  };

  it('are joined with "or" when each branch starts one: uvicorn --reload in development, else gunicorn (openlibrary)', async () => {
    const { result, search } = await searchFinding(
      '#!/bin/sh\nset -e\npython manage.py migrate\nif [ "${LOCAL_DEV:-false}" = "true" ]; then\n  exec uvicorn site_app.asgi:application --reload\nelse\n  exec gunicorn --workers 4 site_app.wsgi\nfi\n',
    );
    expect(result.deployment!.deployment.processes.map((p) => [p.server, p.line, p.choice])).toEqual([
      ['python', 3, undefined],
      ['uvicorn', 5, { file: 'start.sh', line: 4, branch: 0 }],
      ['gunicorn', 7, { file: 'start.sh', line: 4, branch: 1 }],
    ]);
    // Before: "Each process of the deployment has its own: one uvicorn server process ... and 4 gunicorn workers".
    expect(search.deployment).toBe('One uvicorn server process, restarted on code changes (`--reload`, start.sh:5) or 4 gunicorn workers (start.sh:7) each create this thread pool.');
  });

  it('are joined with "or" in an if written on one line, and an elif is one more alternative', async () => {
    const { result } = await searchFinding(
      '#!/bin/sh\nif [ "$MODE" = dev ]; then exec uvicorn site_app.asgi:application --reload; elif [ "$MODE" = worker ]; then exec celery -A site_app worker; else exec gunicorn -w 4 site_app.wsgi; fi\n',
    );
    expect(result.deployment!.deployment.processes.map((p) => [p.server, p.choice?.branch])).toEqual([
      ['uvicorn', 0],
      ['celery', 1],
      ['gunicorn', 2],
    ]);
  });

  it('keep "and" when a branch starts more than one: a worker in the background, then the server', async () => {
    const { result, search } = await searchFinding(
      '#!/bin/sh\nif [ "${LOCAL_DEV:-false}" = "true" ]; then\n  exec uvicorn site_app.asgi:application --reload\nelse\n  celery -A site_app worker --concurrency 2 &\n  exec gunicorn --workers 4 site_app.wsgi\nfi\n',
    );
    expect(result.deployment!.deployment.processes.every((p) => p.choice === undefined)).toBe(true);
    expect(search.deployment).toBe(
      'Each process of the deployment has its own: one uvicorn server process, restarted on code changes (`--reload`, start.sh:3) (up to 2 threads), ' +
        '2 Celery worker children (`--concurrency`, start.sh:5) (forked from a master that imported the app) (up to 4 threads) and 4 gunicorn workers (start.sh:6) (up to 8 threads).',
    );
  });

  it('keep "and" for a server in the condition of an if: it runs whichever branch follows', async () => {
    const { result } = await searchFinding(
      '#!/bin/sh\nif gunicorn --check-config site_app.wsgi; then\n  exec gunicorn --workers 4 site_app.wsgi\nelse\n  exec uvicorn site_app.asgi:application\nfi\n',
    );
    expect(result.deployment!.deployment.processes.map((p) => [p.server, p.line, p.choice?.branch])).toEqual([
      ['gunicorn', 2, undefined],
      ['gunicorn', 3, 0],
      ['uvicorn', 5, 1],
    ]);
  });
});

describe('command lines read as the shell and the programs read them', () => {
  it('folds a multi-line compose command to one line, and takes an outside program for what it is', async () => {
    const root = writeProject({
      'app/__init__.py': '',
      'app/wsgi.py': 'def application(environ, start_response):\n    return []\n',
      'docker-compose.yml':
        'services:\n' +
        '  web:\n' +
        '    command: >\n' +
        '      wait-for-it ${DB_HOST:-postgres}:5432 --\n' +
        '      gunicorn\n' +
        '      --workers 2\n' +
        '      app.wsgi\n' +
        '  cache:\n' +
        '    command: redis-server --save 60 1\n' +
        '  db:\n' +
        '    command: ./wait-for-it.sh ${DB_HOST:-postgres}:5432\n' +
        '  ssh:\n' +
        '    command: /usr/sbin/sshd -D\n' +
        '  queue:\n' +
        '    command: /opt/bin/run-queue --prefetch-multiplier=1\n',
    });
    const deployment = await readDeployment(root);
    expect(deployment.processes.map((p) => [p.name, p.server, p.appSpec?.written])).toEqual([['web', 'gunicorn', 'app.wsgi']]);
    expect(deployment.unrecognized.map((u) => [u.name, u.program])).toEqual([
      ['cache', 'redis-server'],
      ['ssh', '/usr/sbin/sshd'],
      ['queue', '/opt/bin/run-queue'],
    ]);
    const result = await analyzeProject(root);
    expect(deploymentSummary(result.deployment)).toBe('deployment read: gunicorn `app.wsgi` (docker-compose.yml:4): 2 gunicorn workers (docker-compose.yml:4)');
    const entry = result.entries.find((e) => e.framework === 'gunicorn')!;
    expect(entry.registeredBy!.text).toBe('> wait-for-it ${DB_HOST:-postgres}:5432 -- gunicorn --workers 2 app.wsgi');
  });

  it('quotes the line of the script a process was read from, as it is in the file', async () => {
    const root = writeProject({
      'babybuddy/__init__.py': '',
      'babybuddy/wsgi.py': 'def application(environ, start_response):\n    return []\n',
      Procfile: 'web: ./Procfile.sh\n',
      'Procfile.sh': '#!/bin/sh\nset -e\npython manage.py migrate\n\nexec gunicorn babybuddy.wsgi:application --timeout 30 --log-file -\n',
    });
    const result = await analyzeProject(root);
    const entry = result.entries.find((e) => e.framework === 'gunicorn')!;
    expect(entry.registeredBy).toEqual({ path: 'Procfile.sh', line: 5, column: 1, text: 'exec gunicorn babybuddy.wsgi:application --timeout 30 --log-file -' });
  });
});

describe('the deployment summary', () => {
  it('says files were read, and that no server was recognised in them, rather than that none was found', async () => {
    const root = writeProject({ 'app.py': 'x = 1\n', Procfile: 'web: npm start\n' });
    const result = await analyzeProject(root);
    expect(deploymentSummary(result.deployment)).toBe('deployment files read (Procfile), but no server or worker recognised in them: assuming one process per worker');
  });

  it('says no deployment file was found only when none was read', async () => {
    const root = writeProject({ 'app.py': 'x = 1\n' });
    expect(deploymentSummary((await analyzeProject(root)).deployment)).toBe('no deployment file found: assuming one process per worker');
  });

  it('names each process once, however often the same line is reached', async () => {
    const root = writeProject({
      'app/__init__.py': '',
      'app/wsgi.py': 'def application(environ, start_response):\n    return []\n',
      'start.sh': '#!/bin/sh\nexec gunicorn -w 2 app.wsgi\n',
      Procfile: 'web: ./start.sh\nweb2: ./start.sh\n',
    });
    const result = await analyzeProject(root);
    expect(deploymentSummary(result.deployment)).toBe('deployment read: gunicorn `app.wsgi` (start.sh:2): 2 gunicorn workers (start.sh:2)');
  });
});

describe('worker counts the environment decides', () => {
  it('reads `int(os.environ.get("GUNICORN_WORKERS", 6))` as 6 unless GUNICORN_WORKERS is set', async () => {
    expect(expressionCount('int(os.environ.get("GUNICORN_WORKERS", 6))', 'gunicorn worker')).toBe('6 gunicorn workers unless GUNICORN_WORKERS is set');
    expect(expressionCount("os.getenv('WEB_CONCURRENCY', '4')", 'gunicorn worker')).toBe('4 gunicorn workers unless WEB_CONCURRENCY is set');
    expect(expressionCount('${CELERY_CONCURRENCY:-1}', 'Celery worker child')).toBe('1 Celery worker child unless CELERY_CONCURRENCY is set');
    expect(expressionCount('multiprocessing.cpu_count() * 2 + 1', 'gunicorn worker')).toBe('`multiprocessing.cpu_count() * 2 + 1` gunicorn workers');
    const root = writeProject({
      'app/__init__.py': '',
      'app/wsgi.py': 'def application(environ, start_response):\n    return []\n',
      'gunicorn.conf.py': 'import os\nworkers = int(os.environ.get("GUNICORN_WORKERS", 6))\n',
      Procfile: 'web: gunicorn app.wsgi\n',
    });
    const result = await analyzeProject(root);
    expect(deploymentSummary(result.deployment)).toBe('deployment read: gunicorn `app.wsgi` (Procfile:1): 6 gunicorn workers unless GUNICORN_WORKERS is set (gunicorn.conf.py:2)');
  });
});

describe('flask commands other than `flask run`', () => {
  it('are commands that load the app and exit, not servers: only gunicorn counts (microblog\'s Procfile and boot.sh)', async () => {
    const root = writeProject({
      'microblog.py': 'from app import create_app\n\napp = create_app()\n',
      'app/__init__.py':
        'from flask import Flask\nfrom app import search\n\n\ndef create_app():\n    app = Flask(__name__)\n    return app\n',
      'app/search.py': 'from concurrent.futures import ThreadPoolExecutor\n\nPOOL = ThreadPoolExecutor(max_workers=2)\n',
      Procfile: 'web: flask db upgrade; flask --env-file .flaskenv translate compile; gunicorn -w 3 microblog:app\ndev: flask --app microblog run --port 5000\n',
      '.env': 'FLASK_APP=microblog.py\n',
    });
    const result = await analyzeProject(root);
    expect(deploymentSummary(result.deployment)).toBe(
      'deployment read: flask db (Procfile:1): a Flask command, not a server; flask translate (Procfile:1): a Flask command, not a server; ' +
        'gunicorn `microblog:app` (Procfile:1): 3 gunicorn workers (Procfile:1); flask run `microblog` (Procfile:2): one flask run process (Procfile:2)',
    );
  });
});

describe('a script whose `__main__` block calls a function that imports the app (changedetection.io: `changedetectionio.main()`)', () => {
  const project = {
    Procfile: 'web: python run.py\n',
    'run.py': 'import shop\n\nif __name__ == "__main__":\n    shop.main()\n',
    'shop/__init__.py': 'def main():\n    from shop.app import app\n\n    return app\n\n\ndef unused():\n    from shop import reports  # noqa: F401\n',
    'shop/app.py': 'from flask import Flask\n\nfrom shop import search  # noqa: F401\n\napp = Flask(__name__)\n',
    'shop/search.py': 'from concurrent.futures import ThreadPoolExecutor\n\nPOOL = ThreadPoolExecutor(max_workers=2)\n',
    'shop/reports.py': 'from concurrent.futures import ThreadPoolExecutor\n\nREPORTS = ThreadPoolExecutor(max_workers=5)\n',
  };

  it('counts the process for what that function imports, and not for what another function would', async () => {
    const result = await analyzeProject(writeProject(project));
    const deploymentOf = (file: string) => result.findings.find((f) => f.path === file && f.ruleId === 'IL001')!.deployment;
    expect(deploymentOf('shop/search.py')).toBe('Deployed as one python process (Procfile:1), which creates this thread pool: up to 2 threads.');
    expect(deploymentOf('shop/reports.py')).toBeUndefined();
  });

  it('agrees with CPython: running the script imports shop.app and shop.search, not shop.reports', () => {
    const root = writeProject(project);
    const run = spawnSync(
      venvFile('.venv-frameworks', 'bin', 'python'),
      ['-c', 'import json, runpy, sys; runpy.run_path("run.py", run_name="__main__"); print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] == "shop")))'],
      { cwd: root, encoding: 'utf8', timeout: 60_000 },
    );
    expect(JSON.parse(run.stdout), run.stderr).toEqual(['shop', 'shop.app', 'shop.search']);
  });
});

/**
 * redash's manage.py runs its Flask command line, not Django's: `./manage.py rq worker` is its RQ
 * worker, a process that imports the app for as long as it runs, not a Django management command that
 * runs and exits. A manage.py that imports nothing of django (nor does a project module it imports)
 * is a script, counted for what it imports; Django's manage.py, with the same words, stays a command.
 */
describe("a manage.py that runs no Django (redash's `./manage.py rq worker`)", () => {
  const project = {
    'manage.py': 'from shop.cli import manager\n\nif __name__ == "__main__":\n    manager()\n',
    'shop/__init__.py': 'from concurrent.futures import ThreadPoolExecutor\n\nPOOL = ThreadPoolExecutor(max_workers=2)\n',
    'shop/cli.py': 'import click\n\nimport shop  # noqa: F401\n\n\n@click.group()\ndef manager():\n    pass\n',
    'shop/wsgi.py': 'from flask import Flask\n\nimport shop  # noqa: F401\n\napp = Flask(__name__)\n',
    Procfile: 'web: gunicorn -w 3 shop.wsgi:app\nworker: python manage.py rq worker\n',
  };

  it('counts the worker for what its manage.py imports, and names its words in the summary', async () => {
    const result = await analyzeProject(writeProject(project));
    expect(deploymentSummary(result.deployment)).toBe(
      'deployment read: gunicorn `shop.wsgi:app` (Procfile:1): 3 gunicorn workers (Procfile:1); python `manage.py rq worker` (Procfile:2): one python process (Procfile:2)',
    );
    const pool = result.findings.find((f) => f.path === 'shop/__init__.py' && f.ruleId === 'IL001')!;
    expect(pool.deployment).toBe('Each process of the deployment has its own: 3 gunicorn workers (Procfile:1) (up to 6 threads) and one python process (Procfile:2) (up to 2 threads).');
  });

  it("keeps Django's manage.py with the same words a management command", async () => {
    const result = await analyzeProject(writeProject({ ...django, Procfile: 'worker: python manage.py rq worker\n' }));
    expect(deploymentSummary(result.deployment)).toBe('deployment read: python `manage.py rq` (Procfile:1): a management command, not a server');
  });

  it('agrees with CPython: importing that manage.py imports the app package and nothing of django', () => {
    const loaded = cpythonClosure(writeProject(project), 'manage', venvFile('.venv-frameworks', 'bin', 'python'));
    expect(loaded).toEqual(['manage', 'shop', 'shop.cli']);
    const all = spawnSync(venvFile('.venv-frameworks', 'bin', 'python'), ['-c', 'import sys, manage; print(any(m == "django" or m.startswith("django.") for m in sys.modules))'], { cwd: writeProject(project), encoding: 'utf8' });
    expect(all.stdout.trim(), all.stderr).toBe('False');
  });
});
