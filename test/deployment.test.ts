import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectValidSarif } from './sarifValidator.js';
import { analyzeProject, analyzerClosure, cpythonClosure, FIXTURES, PROJECT, runCli, scratchFolder, VENV_PYTHON, writeProject } from './support.js';

/**
 * What the deployment adds to findings: the app a server imports becomes an entry, messages say how
 * many processes hold a copy, and IL009 says what a fork does to what was created before it.
 */

const FORK = path.join(FIXTURES, 'deploy_fork');

describe('fixtures/deploy_fork: gunicorn preloads the app, then forks 4 workers', () => {
  it('reports each resource, and under IL009 what the fork does to it: a lost thread, a shared file, a pool that survives', async () => {
    const result = await analyzeProject(FORK);
    expect(result.findings.map((f) => [f.ruleId, f.level, `${f.path}:${f.span.line}`])).toEqual([
      ['IL008', 'error', 'shop/audit.py:4'],
      ['IL009', 'warning', 'shop/audit.py:4'],
      ['IL002', 'error', 'shop/heartbeat.py:16'],
      ['IL009', 'error', 'shop/heartbeat.py:16'],
      ['IL001', 'error', 'shop/search.py:4'],
      ['IL009', 'note', 'shop/search.py:4'],
    ]);
    const [, auditFork, , threadFork, executor, executorFork] = result.findings;
    expect(threadFork!.message).toBe(
      '`_heartbeat.start()` starts a thread in `shop.heartbeat` before the gunicorn master forks: the workers inherit the object but not its running threads, so nothing drives it.',
    );
    expect(threadFork!.deployment).toBe(
      'Gunicorn preloads the app in its master process, then forks the workers (`preload_app = True`, gunicorn.conf.py:4), so 4 gunicorn workers (gunicorn.conf.py:3) each get the object without its running threads.',
    );
    expect(threadFork!.cost).toBe(
      'Its threads were started in the master, and a fork copies only the thread that calls it: in every worker the object is there but nothing drives it (jobs never run, tasks never complete).',
    );
    expect(threadFork!.fix).toBe(
      'Create it in each worker after the fork (gunicorn `post_fork` or `post_worker_init`, Celery `worker_process_init`) or lazily on first use, not at import.',
    );
    // IL002 on the same thread says the same as IL009: a fork does not copy the running thread.
    expect(result.findings[2]!.message).toBe(
      '`_heartbeat.start()` starts a thread (created on line 15) while `shop.heartbeat` is imported, reached from the entry in `shop.wsgi`. 4 gunicorn workers are forked after it starts: its threads do not run in them (IL009).',
    );
    expect(result.findings[2]!.deployment).toBe(
      '4 gunicorn workers (gunicorn.conf.py:3) are forked from a master that imported the app and started this thread: a fork copies only the calling thread, so the workers inherit the object but none of its running threads (IL009).',
    );
    expect(auditFork!.cost).toContain("they share one descriptor and its offset, so their reads and writes move each other's position");
    expect(executorFork!.cost).toContain('It holds no thread or connection yet, so the copies work');
    expect(executor!.message).toBe(
      '`ThreadPoolExecutor(max_workers=2)` creates a thread pool while `shop.search` is imported, reached from the entry in `shop.wsgi`. 4 gunicorn workers each inherit it from the master and start their own on first use: up to 8 threads.',
    );
    expect(executor!.deployment).toContain(
      '4 gunicorn workers (gunicorn.conf.py:3) each inherit this thread pool from the master, which imported the app before forking them, and each starts its own on first use: up to 8 threads in all.',
    );
  });

  it('starts the IL009 chain at the app gunicorn imports (wsgi_app in gunicorn.conf.py), and points at the preload setting', async () => {
    const result = await analyzeProject(FORK);
    const fork = result.findings.find((f) => f.ruleId === 'IL009' && f.path === 'shop/heartbeat.py')!;
    expect(fork.reach.kind === 'entry' && fork.reach.entry.description).toBe('gunicorn app `shop.wsgi:application` (gunicorn.conf.py:2)');
    expect(fork.related.at(-1)).toMatchObject({ path: 'gunicorn.conf.py', span: { line: 4 } });
  });

  it('agrees with CPython: after a fork the started thread is dead, the unused executor works, the open file shares its offset', async () => {
    const run = spawnSync(
      'python3',
      [path.join(PROJECT, 'test', 'python', 'fork_probe.py'), FORK, 'shop.wsgi', 'shop.heartbeat._heartbeat', 'shop.search._executor', 'shop.audit._log'],
      { encoding: 'utf8', timeout: 60_000, env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } },
    );
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout);
    // threads-lost (IL009 error): alive in the master, not in the worker.
    expect(report.parent['shop.heartbeat._heartbeat']).toEqual({ kind: 'thread', alive: true });
    expect(report.child['shop.heartbeat._heartbeat']).toEqual({ alive: false });
    // lazy (IL009 note): no thread before the fork, and the worker's copy runs work on threads of its own.
    expect(report.parent['shop.search._executor']).toEqual({ kind: 'executor', threads: 0 });
    expect(report.child['shop.search._executor']).toEqual({ works: true, threads: 1 });
    // file-shared (IL009 warning): the worker's write moved the master's offset.
    expect(report.parent['shop.audit._log']).toEqual({ kind: 'file', offset: 0, offset_after_child: 21 });

    const result = await analyzeProject(FORK);
    const level = (file: string) => result.findings.find((f) => f.ruleId === 'IL009' && f.path === file)!.level;
    expect([level('shop/heartbeat.py'), level('shop/search.py'), level('shop/audit.py')]).toEqual(['error', 'note', 'warning']);
  });

  it('writes SARIF that passes the schema and GitHub checks', () => {
    const out = path.join(scratchFolder('importleak-sarif-'), 'fork.sarif');
    const run = runCli(['check', 'fixtures/deploy_fork', '--format', 'sarif', '--output', out]);
    expect(run.code).toBe(1);
    const sarif = expectValidSarif(readFileSync(out, 'utf8'), 'deploy_fork');
    expect(sarif.runs[0].results.filter((r: { ruleId: string }) => r.ruleId === 'IL009').map((r: { level: string }) => r.level)).toEqual(['warning', 'error', 'note']);
  });
});

describe('deployment read from a Procfile', () => {
  const app = {
    'proj/__init__.py': '',
    'proj/celery.py': 'from celery import Celery\napp = Celery("proj", include=["proj.tasks"])\n',
    'proj/tasks.py': 'from proj.celery import app\nfrom proj import clients\n\n@app.task\ndef ping():\n    return clients.db\n',
    'proj/clients.py': 'import psycopg2\ndb = psycopg2.connect("dbname=app")\n',
    'proj/web.py': 'from flask import Flask\napp = Flask(__name__)\n\n@app.route("/")\ndef index():\n    return "ok"\n',
  };

  it('counts the Celery children and reports the connection the prefork master opened as shared by them', async () => {
    const root = writeProject({ ...app, Procfile: 'web: gunicorn -w 2 proj.web:app\nworker: celery -A proj worker --concurrency 4\n' });
    const result = await analyzeProject(root);
    expect(result.findings.map((f) => [f.ruleId, f.level, f.path])).toEqual([
      ['IL005', 'error', 'proj/clients.py'],
      ['IL009', 'error', 'proj/clients.py'],
    ]);
    // Only the worker imports proj.clients: the 2 gunicorn workers do not count.
    expect(result.findings[0]!.message).toBe(
      '`psycopg2.connect("dbname=app")` creates a PostgreSQL connection while `proj.clients` is imported, reached from the entry in `proj.tasks`. 4 Celery worker children each inherit a copy from the master (IL009).',
    );
    expect(result.findings[0]!.deployment).toContain(
      '4 Celery worker children (`--concurrency`, Procfile:2) each inherit a copy of this PostgreSQL connection from the master, which imported the app before forking them',
    );
    expect(result.findings[1]!.message).toBe(
      '`psycopg2.connect("dbname=app")` creates a PostgreSQL connection in `proj.clients` before the Celery worker forks: every worker inherits the same open connection.',
    );
    expect(result.findings[1]!.deployment).toBe(
      'The Celery worker imports the app and its task modules, then forks its pool children (the default prefork pool, Procfile:2), so 4 Celery worker children (`--concurrency`, Procfile:2) each get a copy of it.',
    );
    expect(result.findings[1]!.cost).toContain('Its connection was opened in the master, so every worker inherits the same socket');
  });

  it('has nothing to say about forks when the pool does not fork (--pool solo)', async () => {
    const root = writeProject({ ...app, Procfile: 'worker: celery -A proj worker --pool solo\n' });
    const result = await analyzeProject(root);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['IL005']);
    expect(result.findings[0]!.message).toContain('`proj.tasks`. Deployed as one Celery worker process.');
    expect(result.findings[0]!.deployment).toBe('Deployed as one Celery worker process (Procfile:1), which creates this PostgreSQL connection.');
  });

  it('takes a Procfile line and a Dockerfile CMD for the same app as one role, not as processes to add up', async () => {
    const root = writeProject({
      ...app,
      'proj/web.py': 'from flask import Flask\nfrom proj import pool\napp = Flask(__name__)\n\n@app.route("/")\ndef index():\n    return "ok"\n',
      'proj/pool.py': 'from concurrent.futures import ThreadPoolExecutor\nPOOL = ThreadPoolExecutor(max_workers=5)\n',
      Procfile: 'web: gunicorn -w 2 proj.web:app\n',
      Dockerfile: 'FROM python:3.12-slim\nCMD ["gunicorn", "--workers", "3", "proj.web:app"]\n',
    });
    const result = await analyzeProject(root);
    const pool = result.findings.find((f) => f.path === 'proj/pool.py')!;
    expect(pool.message).toBe(
      '`ThreadPoolExecutor(max_workers=5)` creates a thread pool while `proj.pool` is imported, imported directly by the Flask app `app` with 1 route in `proj.web`. 3 gunicorn workers or 2 gunicorn workers each create it.',
    );
    expect(pool.deployment).toBe('3 gunicorn workers (Dockerfile:2) or 2 gunicorn workers (Procfile:1) each create this thread pool.');
  });

  it('is left out with IL009 ignored in the configuration', async () => {
    const root = writeProject({
      ...app,
      Procfile: 'worker: celery -A proj worker --concurrency 4\n',
      'pyproject.toml': '[tool.importleak]\nignore = ["IL009"]\n',
    });
    const run = runCli(['check', root, '--format', 'json']);
    expect(JSON.parse(run.stdout).findings.map((f: { rule: string }) => f.rule)).toEqual(['IL005']);
  });
});

describe('fixtures/deploy/combined: a preloading gunicorn and a prefork Celery worker import the same module', () => {
  it('gives the thread one IL009 finding that names both forking processes (one alert per line and rule in code scanning)', async () => {
    const result = await analyzeProject(path.join(FIXTURES, 'deploy', 'combined'));
    const forks = result.findings.filter((f) => f.ruleId === 'IL009');
    expect(forks.map((f) => [f.level, `${f.path}:${f.span.line}`])).toEqual([['error', 'lottery/db.py:5']]);
    expect(forks[0]!.message).toBe(
      '`_watchdog.start()` starts a thread in `lottery.db` before 2 processes of the deployment fork: the workers inherit the object but not its running threads, so nothing drives it.',
    );
    expect(forks[0]!.deployment).toContain('Gunicorn preloads the app in its master process, then forks the workers (`preload_app = True`, gunicorn.conf.py:6)');
    expect(forks[0]!.deployment).toContain('; and the Celery worker imports the app and its task modules, then forks its pool children (the default prefork pool, Procfile:2)');
    expect(forks[0]!.related.filter((r) => r.message.startsWith('forks after importing the app')).map((r) => `${r.path}:${r.span.line}`)).toEqual([
      'gunicorn.conf.py:6',
      'Procfile:2',
    ]);
  });
});

describe('a gunicorn.conf.py that names no app', () => {
  it('takes the web app found as what the preloading master imports', async () => {
    const root = writeProject({
      'gunicorn.conf.py': 'preload_app = True\nworkers = 2\n',
      'app/__init__.py': 'from flask import Flask\nfrom app import jobs\napp = Flask(__name__)\n',
      'app/jobs.py': 'import threading\nthreading.Thread(target=print).start()\n',
    });
    const result = await analyzeProject(root);
    expect(result.findings.map((f) => [f.ruleId, f.level])).toEqual([
      ['IL002', 'error'],
      ['IL009', 'error'],
    ]);
    expect(result.findings[1]!.deployment).toContain('(`preload_app = True`, gunicorn.conf.py:1), so 2 gunicorn workers (gunicorn.conf.py:2) each get the object without its running threads');
  });
});

describe('deployment files the platform would refuse', () => {
  it('are listed with file, line and cause; the scan goes on and exits 3', () => {
    const run = runCli(['check', 'fixtures/deploy/malformed']);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('fixtures/deploy/malformed/Dockerfile:2: deployment: gunicorn does not know the option "--wrokers" and refuses to start');
    expect(run.stdout).toContain('fixtures/deploy/malformed/fly.toml:3: deployment: TOML syntax error: illegal character in key');
    expect(run.stdout).toMatch(/No import-time resource leaks found \(3 Python files scanned, 1 entry, \d+ file problems \(see above\)\)\./);
  });
});

describe('without deployment files', () => {
  it('says what it assumes', () => {
    const root = writeProject({
      'app.py': 'from concurrent.futures import ThreadPoolExecutor\nfrom flask import Flask\napp = Flask(__name__)\nPOOL = ThreadPoolExecutor(2)\n\n@app.get("/")\ndef index():\n    return "ok"\n',
    });
    const run = runCli(['check', root]);
    expect(run.stdout.trimEnd().split('\n').slice(-2)).toEqual([
      'No deployment file found: assuming one process per worker.',
      'Found 1 error (1 Python file scanned, 1 entry).',
    ]);
    expect(run.stdout).not.toContain('gunicorn worker');
  });
});

describe('importleak entries', () => {
  it('lists every entry with its evidence, and what the deployment files say', () => {
    const run = runCli(['entries', 'fixtures/movie_lottery']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'Entries (5 in 5 files):',
        '  fixtures/movie_lottery/movie_lottery/__init__.py:13  [Flask] Flask app `app` (built in `create_app()`)',
        '      app = Flask(__name__)',
        '  fixtures/movie_lottery/movie_lottery/routes/api_routes.py:7  [Flask] Flask blueprint `api_bp` with 3 routes',
        '      api_bp = Blueprint("api", __name__, url_prefix="/api")',
        '  fixtures/movie_lottery/movie_lottery/routes/lottery_routes.py:7  [Flask] Flask blueprint `lottery_bp` with 2 routes',
        '      lottery_bp = Blueprint("lottery", __name__, url_prefix="/lottery")',
        '  fixtures/movie_lottery/movie_lottery/routes/main_routes.py:5  [Flask] Flask blueprint `main_bp` with 2 routes',
        '      main_bp = Blueprint("main", __name__)',
        '  fixtures/movie_lottery/wsgi.py:3  [gunicorn] gunicorn app `wsgi:app` (Procfile:1)',
        '      app = create_app()',
        '      loaded because of fixtures/movie_lottery/Procfile:1  gunicorn -c gunicorn.conf.py wsgi:app',
        '',
        'Deployment files read: fixtures/movie_lottery/Procfile, fixtures/movie_lottery/gunicorn.conf.py',
        '  fixtures/movie_lottery/Procfile:1 web: gunicorn `wsgi:app`',
        '      command: gunicorn -c gunicorn.conf.py wsgi:app',
        '      config: gunicorn.conf.py (gunicorn.conf.py)',
        '      workers 3 (gunicorn.conf.py:4, workers =)',
        '      bind 0.0.0.0:8000 (gunicorn.conf.py:3, bind =)',
        '      processes: 3 gunicorn workers (gunicorn.conf.py:4)',
        '      each worker process imports the app itself',
        '',
      ].join('\n'),
    );
  });

  it('gives the same as JSON, with every setting read and where', () => {
    const run = runCli(['entries', 'fixtures/deploy_fork', '--format', 'json']);
    const report = JSON.parse(run.stdout);
    expect(report.entries).toEqual([
      expect.objectContaining({ path: 'fixtures/deploy_fork/shop/wsgi.py', framework: 'gunicorn', description: 'gunicorn app `shop.wsgi:application` (gunicorn.conf.py:2)' }),
    ]);
    expect(report.deployment.processes).toEqual([
      expect.objectContaining({
        server: 'gunicorn',
        processModel: 'imported-then-forked',
        preload: expect.objectContaining({ value: true, line: 4, via: 'preload_app =' }),
        workers: expect.objectContaining({ value: 4, line: 3 }),
        processes: '4 gunicorn workers (gunicorn.conf.py:3)',
      }),
    ]);
  });
});

describe('the app a deployment names, imported by CPython', () => {
  it.each([
    ['movie_lottery', 'wsgi'],
    ['deploy_fork', 'shop.wsgi'],
  ])('fixtures/%s: importing the module of the app spec loads exactly the modules the analyzer says that entry reaches', async (fixture, module) => {
    const root = path.join(FIXTURES, fixture);
    const result = await analyzeProject(root);
    const entry = result.entries.find((e) => DEPLOY_SERVERS.includes(e.framework))!;
    expect(result.index.byPath.get(entry.path)!.name).toBe(module);
    expect(cpythonClosure(root, module, VENV_PYTHON)).toEqual(analyzerClosure(result, module));
  });
});

const DEPLOY_SERVERS = ['gunicorn', 'uvicorn', 'hypercorn', 'daphne', 'celery', 'waitress'];
