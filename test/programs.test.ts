import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../src/pipeline.js';
import { analyze } from '../src/pipeline.js';
import { namedScripts } from '../src/check/namedScripts.js';
import { programOf } from '../src/check/programs.js';
import { validate } from '../src/config/config.js';
import { cpythonClosure, runCli, VENV_PYTHON, writeProject } from './support.js';

/**
 * Issue 11, items 1 and 2: programs are not libraries, and entries are what a deployed process
 * loads. The fixture has one deployed Flask app (gunicorn) and, around it, what real applications
 * carry: setup.py, a version script a Dockerfile RUN runs, argparse and smoke scripts, an alembic
 * env.py, manage.py, tests, a router only the tests register, a Celery task in a management command,
 * an app built in a test function, a bot a Procfile runs, and a module nothing imports.
 */
const FILES: Record<string, string> = {
  Procfile: 'web: gunicorn -w 4 myapp.web:app\nbot: python bot.py\n',
  Dockerfile: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN python tools/version.py > VERSION\nCMD ["gunicorn", "-w", "4", "myapp.web:app"]\n',
  'myapp/__init__.py': '',
  'myapp/web.py': 'from flask import Flask\n\nfrom myapp import db\n\napp = Flask(__name__)\n\n\n@app.route("/")\ndef index():\n    return db.NAME\n',
  'myapp/db.py': 'from concurrent.futures import ThreadPoolExecutor\n\nNAME = "db"\nPOOL = ThreadPoolExecutor(max_workers=4)\n',
  'myapp/orphan.py': 'from concurrent.futures import ThreadPoolExecutor\n\nPOOL = ThreadPoolExecutor(max_workers=2)\n',
  // Imported only by the router of the tests, by the management command, by the test-function app.
  'myapp/cache.py': 'import requests\n\nSESSION = requests.Session()\n',
  'myapp/sync_client.py': 'import requests\n\nSESSION = requests.Session()\n',
  'myapp/probe_client.py': 'import requests\n\nSESSION = requests.Session()\n',
  'myapp/celery_app.py': 'from celery import Celery\n\ncelery = Celery("myapp")\n',
  'myapp/management/__init__.py': '',
  'myapp/management/commands/__init__.py': '',
  'myapp/management/commands/sync.py':
    'import subprocess\n\nfrom myapp import sync_client\nfrom myapp.celery_app import celery\n\nREV = subprocess.check_output(["git", "rev-parse", "HEAD"])\n\n\n@celery.task\ndef sync():\n    return sync_client.SESSION\n',
  'myapp/selfcheck.py':
    'from flask import Flask\n\nfrom myapp import probe_client\n\n\ndef test_app_starts():\n    app = Flask(__name__)\n\n    @app.route("/ping")\n    def ping():\n        return str(probe_client.SESSION)\n\n    assert app\n',
  'myapp/pytest_plugin.py':
    'import pytest\nfrom flask import Flask\n\nfrom myapp import plugin_client\n\n\n@pytest.fixture\ndef app():\n    app = Flask(__name__)\n\n    @app.route("/x")\n    def x():\n        return str(plugin_client.SESSION)\n\n    return app\n',
  'myapp/plugin_client.py': 'import requests\n\nSESSION = requests.Session()\n',
  'tests/__init__.py': '',
  'tests/dummy_plugin/__init__.py': '',
  'tests/dummy_plugin/routes.py':
    'from flask import Blueprint\n\nfrom myapp import cache\n\nbp = Blueprint("dummy", __name__)\n\n\n@bp.route("/dummy")\ndef dummy():\n    return str(cache.SESSION)\n',
  'tests/test_web.py': 'import redis\n\nfrom myapp.web import app\n\nCLIENT = redis.Redis()\n\n\ndef test_index():\n    assert app.test_client().get("/").status_code == 200\n',
  // A test of the smoke script imports it: it stays a script.
  'tests/test_smoke.py': 'from scripts import smoke\n\n\ndef test_session():\n    assert smoke.SESSION\n',
  'conftest.py': 'import subprocess\n\nsubprocess.run(["true"])\n',
  'setup.py': 'import subprocess\n\nfrom setuptools import setup\n\nVERSION = subprocess.check_output(["git", "describe"]).decode()\nsetup(name="myapp", version=VERSION)\n',
  'manage.py': 'import subprocess\nimport sys\n\nsubprocess.run([sys.executable, "-m", "flask"] + sys.argv[1:])\n',
  'tools/version.py': 'import subprocess\n\nprint(subprocess.check_output(["git", "describe"]).decode())\n',
  'scripts/backfill.py':
    'import argparse\n\nimport requests\n\nparser = argparse.ArgumentParser()\nparser.add_argument("--since")\nARGS = parser.parse_args()\nSESSION = requests.Session()\n',
  'scripts/smoke.py': 'import requests\n\nSESSION = requests.Session()\n\nif __name__ == "__main__":\n    print(SESSION.get("http://localhost:8000/").status_code)\n',
  'migrations/env.py': 'from alembic import context\nfrom sqlalchemy import create_engine\n\nengine = create_engine(context.config.get_main_option("sqlalchemy.url"))\n',
  'bot.py': 'import requests\n\nSESSION = requests.Session()\n\nwhile True:\n    SESSION.get("https://example.org/updates")\n',
};

const rows = (result: AnalysisResult) => result.findings.map((f) => [f.ruleId, f.level, f.path, f.reach.kind === 'entry' ? f.reach.entry.description : f.reach.kind]);

describe('programs are not libraries; entries are what a deployed process loads', () => {
  let root: string;
  let result: AnalysisResult;
  beforeAll(async () => {
    root = writeProject(FILES);
    result = await analyze({ root, paths: ['.'] });
  });

  it('reports the deployed app\'s pool as an error, modules nothing deployed loads as warnings, scripts and tests not at all, the bot as a note', () => {
    expect(rows(result)).toEqual([
      // `python bot.py` in the Procfile: the bot's own session, in the one process that runs it.
      ['IL004', 'note', 'bot.py', 'python app `bot.py` (Procfile:2)'],
      // Only the test-only router imports it: no deployed process does.
      ['IL004', 'warning', 'myapp/cache.py', 'unreached'],
      ['IL001', 'error', 'myapp/db.py', 'Flask app `app` with 1 route'],
      ['IL001', 'warning', 'myapp/orphan.py', 'unreached'],
      // Only the app built in a pytest fixture imports it.
      ['IL004', 'warning', 'myapp/plugin_client.py', 'unreached'],
      // Only the app built in a test function imports it.
      ['IL004', 'warning', 'myapp/probe_client.py', 'unreached'],
      // Only the management command imports it.
      ['IL004', 'warning', 'myapp/sync_client.py', 'unreached'],
    ]);
  });

  it('says so in the text report: the bot as a note, no script named, the candidates counted apart', () => {
    const run = runCli(['check', root]);
    expect(run.code).toBe(1);
    for (const script of ['setup.py', 'manage.py', 'conftest.py', 'tools/version.py', 'scripts/', 'migrations/env.py', 'tests/']) expect(run.stdout).not.toContain(`${script}:`);
    expect(run.stdout).toMatch(/^bot\.py:3:\d+: IL004 \[note\] .* a program run on its own \(`python bot\.py` \(Procfile:2\)\): the resource belongs to that one process\./m);
    expect(run.stdout).toContain('Found 1 error, 5 warnings, 1 note (');
    expect(run.stdout).toMatch(/ scanned, \d+ entr(y|ies), 4 candidate entries/);
  });

  it('says why each file is a program, from evidence a reader can check', async () => {
    const scripts = await namedScripts(root, result.deployment?.deployment, result.index, new Set(result.summaries.keys()));
    const reasons = Object.fromEntries(
      [...result.summaries].map(([p, summary]) => [p, programOf(p, summary, result.graph, scripts)]).filter(([, program]) => program !== undefined),
    );
    // The smoke script is imported by its test, and is still a script.
    expect(result.graph.importedBy.get('scripts/smoke.py')?.map((e) => e.from)).toEqual(['tests/test_smoke.py']);
    expect(reasons).toEqual({
      'bot.py': { reason: '`python bot.py` (Procfile:2) runs it', server: '`python bot.py` (Procfile:2)' },
      'conftest.py': { reason: 'it is a pytest `conftest.py`, loaded by the test run' },
      'manage.py': { reason: 'it is `manage.py`, a command-line program' },
      'migrations/env.py': { reason: 'it is an alembic `env.py`, run by alembic' },
      'myapp/management/commands/sync.py': { reason: 'it is a Django management command, run by `manage.py`' },
      'scripts/backfill.py': { reason: 'its module body parses arguments (`argparse.ArgumentParser`, line 5)' },
      'scripts/smoke.py': { reason: 'it has an `if __name__ == "__main__":` block (line 5)' },
      'setup.py': { reason: 'it is `setup.py`, run by the packaging tools' },
      'tests/__init__.py': { reason: 'it is a test module, run by the test runner' },
      'tests/dummy_plugin/__init__.py': { reason: 'it is a test module, run by the test runner' },
      'tests/dummy_plugin/routes.py': { reason: 'it is a test module, run by the test runner' },
      'tests/test_smoke.py': { reason: 'it is a test module, run by the test runner' },
      'tests/test_web.py': { reason: 'it is a test module, run by the test runner' },
      'tools/version.py': { reason: 'Dockerfile:4 runs it' },
    });
  });

  it('lists the test router, the management-command task and the test-function app as candidate entries only', () => {
    // The same as in the reading of the issue: a test-only router, a task in a management command, an app in a test function or fixture.
    const candidates = result.entries.filter((e) => e.candidate).map((e) => [e.path, e.description, e.candidate]);
    expect(candidates).toEqual([
      ['myapp/management/commands/sync.py', expect.stringContaining('task'), 'it is in a Django management command, which only `manage.py` runs'],
      ['myapp/pytest_plugin.py', expect.stringContaining('Flask app'), 'it is built in the pytest fixture `app()`'],
      ['myapp/selfcheck.py', expect.stringContaining('Flask app'), 'it is built in the test function `test_app_starts()`'],
      ['tests/dummy_plugin/routes.py', expect.stringContaining('Flask blueprint'), 'it is in a test module, which only the test run imports'],
    ]);
    const text = runCli(['entries', root]);
    expect(text.stdout).toContain('candidate only: it is in a test module, which only the test run imports; no finding is an error through it');
    expect(text.stdout).not.toContain('are assumed');
    const json = JSON.parse(runCli(['entries', root, '--format', 'json']).stdout) as { entries: Array<{ path: string; candidate: string | null }>; assumed: boolean };
    expect(json.assumed).toBe(false);
    expect(json.entries.find((e) => e.path === 'myapp/web.py')?.candidate).toBeNull();
  });

  it('agrees with CPython: the deployed app loads neither the tests, the scripts nor the modules only they import', () => {
    expect(cpythonClosure(root, 'myapp.web', VENV_PYTHON)).toEqual(['myapp', 'myapp.db', 'myapp.web']);
  });

  it('makes the level of findings in modules nothing imports configurable (`unreached-level`)', async () => {
    const asNote = await analyze({ root, paths: ['.'], config: validate('importleak.toml', '', { 'unreached-level': 'note' }) });
    expect(rows(asNote).filter((r) => r[3] === 'unreached').map((r) => r[1])).toEqual(['note', 'note', 'note', 'note', 'note']);
    const off = await analyze({ root, paths: ['.'], config: validate('importleak.toml', '', { 'unreached-level': 'off' }) });
    expect(rows(off).map((r) => r[2])).toEqual(['bot.py', 'myapp/db.py']);
    expect(() => validate('importleak.toml', '', { 'unreached-level': 'error' })).toThrow('`unreached-level` must be "warning", "note" or "off", not string "error"');
  });
});

describe('a bare library of blueprints: no loader found', () => {
  it('keeps its route modules as entries and says they are assumed', async () => {
    const root = writeProject({
      'lib/__init__.py': '',
      'lib/views.py': 'from flask import Blueprint\n\nfrom lib import store\n\nbp = Blueprint("lib", __name__)\n\n\n@bp.route("/")\ndef index():\n    return store.NAME\n',
      'lib/store.py': 'from concurrent.futures import ThreadPoolExecutor\n\nNAME = "store"\nPOOL = ThreadPoolExecutor()\n',
    });
    const result = await analyze({ root, paths: ['.'] });
    expect(rows(result)).toEqual([['IL001', 'error', 'lib/store.py', 'Flask blueprint `bp` with 1 route']]);
    const text = runCli(['entries', root]).stdout;
    expect(text).toContain('No loader found (an app, an app factory, Django settings, a Celery app, a deployment app spec): the entries above are assumed to be loaded.');
    expect(JSON.parse(runCli(['entries', root, '--format', 'json']).stdout).assumed).toBe(true);
  });
});
