import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { MAX_FINDING_MESSAGE } from '../src/check/findings.js';
import { analyzeProject, probe, runCli, venvFile, writeProject } from './support.js';
import { expectValidSarif } from './sarifValidator.js';

/**
 * Issue 11, "Short, exact messages": the message says what is created, where, what reaches it and
 * how many processes pay, briefly; the cost, the deployment and the fix are fields of the finding.
 * What the message and the cost claim follows the code.
 */
describe('short messages', () => {
  it('keeps a long call, a deep module name and a long entry description within bounds, in every format', async () => {
    const deep = 'platform_service/integrations/payments/providers/legacy_gateway_adapters';
    const root = writeProject({
      'platform_service/__init__.py': '',
      'platform_service/integrations/__init__.py': '',
      'platform_service/integrations/payments/__init__.py': '',
      'platform_service/integrations/payments/providers/__init__.py': '',
      [`${deep}.py`]: `import requests\nSESSION = requests.Session(${Array.from({ length: 30 }, (_, i) => `a${i}=${i}`).join(', ')})\n`,
      'web.py': `from flask import Flask\nimport ${deep.replace(/\//g, '.')}\napp = Flask(__name__)\n`,
      Procfile: 'web: gunicorn -w 4 web:app\n',
    });
    const result = await analyzeProject(root);
    const [finding] = result.findings;
    expect(finding!.message).toBe(
      // The call is cut, the module's dotted name is not, and the count of processes fits.
      '`requests.Session(a0=0, a1=1, a2=2, a3=3…` creates an HTTP session while `platform_service.integrations.payments.providers.legacy_gateway_adapters` is imported, reached from the entry in `web`. 4 gunicorn workers each create it.',
    );
    expect(finding!.message.length).toBeLessThanOrEqual(MAX_FINDING_MESSAGE);
    expect(finding!.deployment).toBe('4 gunicorn workers (Procfile:1) each create this HTTP session.');
    expect(finding!.fix).toBe(
      'Create the client on first use (a getter that builds it once, e.g. behind `functools.cache`), or in a per-process startup hook (app factory, lifespan, gunicorn `post_fork`, Celery `worker_process_init`), not at module level.',
    );
    const sarif = runCli(['check', root, '--format', 'sarif']);
    const log = expectValidSarif(sarif.stdout, 'messages-bounded');
    expect(log.runs[0].results[0].properties.deployment).toBe('4 gunicorn workers (Procfile:1) each create this HTTP session.');
  });

  it('says "under a condition" rather than cut a long condition short, and drops the code of the call before the condition (Tandoor\'s ConnectorManager)', async () => {
    const root = writeProject({
      'cookbook/__init__.py': '',
      'cookbook/connectors/__init__.py': '',
      'cookbook/connectors/connector_manager.py':
        'import queue\nimport threading\n\n\nclass ConnectorManager:\n    def __init__(self):\n        self._queue = queue.Queue(maxsize=100)\n' +
        '        self._worker = threading.Thread(target=self.work, args=(0, self._queue), daemon=True)\n        self._worker.start()\n\n    def work(self, n, q):\n        pass\n',
      'cookbook/setup.py':
        'from cookbook import settings\n\n\ndef start_external_connectors():\n    from cookbook.connectors.connector_manager import ConnectorManager\n\n    return ConnectorManager()\n\n\n' +
        'if not settings.DISABLE_EXTERNAL_CONNECTORS_AT_STARTUP_OF_EVERY_PROCESS and not settings.RUNNING_THE_TEST_SUITE_WITHOUT_A_BROKER:\n    handler = start_external_connectors()\n',
      'cookbook/settings.py': 'import os\n\nDISABLE_EXTERNAL_CONNECTORS_AT_STARTUP_OF_EVERY_PROCESS = bool(os.environ.get("X"))\nRUNNING_THE_TEST_SUITE_WITHOUT_A_BROKER = False\n',
      'web.py': 'from flask import Flask\n\nimport cookbook.setup  # noqa: F401\n\napp = Flask(__name__)\n',
    });
    const result = await analyzeProject(root);
    expect(result.findings.map((f) => [f.ruleId, `${f.path}:${f.span.line}`, f.message])).toEqual([
      [
        'IL002',
        'cookbook/setup.py:11',
        '`start_external_connectors()` starts a thread in `start_external_connectors()` → `ConnectorManager()` (line 9) while `cookbook.setup` is imported, under a condition, reached from the entry in `web`.',
      ],
    ]);
    expect(result.findings[0]!.message).not.toContain('…');
    // The text output gives the condition on a line of its own (as the summary keeps it: 60 characters).
    expect(runCli(['check', root]).stdout).toContain('\n    cookbook/connectors/connector_manager.py:9  self._worker.start()\n  when: not settings.DISABLE_EXTERNAL_CONNECTORS_AT_STARTUP_OF_EVER…\n  cost: ');
  });

  it('says the condition an early `return` puts on the rest of a function body, and CPython agrees', async () => {
    const root = writeProject({
      'web.py':
        'import os\nimport threading\n\nfrom flask import Flask\n\napp = Flask(__name__)\nSTOP = threading.Event()\n\n\n' +
        'def start_poller():\n    if not os.environ.get("ENABLE_POLLER"):\n        # nothing to poll\n        return\n    threading.Thread(target=STOP.wait, daemon=True).start()\n\n\n' +
        // A raise stops the import itself: a process that started has the thread.
        'def start_checked():\n    if os.environ.get("NO_CHECKER"):\n        raise RuntimeError("no checker")\n    threading.Thread(target=STOP.wait, daemon=True).start()\n\n\n' +
        // A return with an else: both ways end the function, nothing after it is reached.
        'def start_either():\n    if os.environ.get("A"):\n        threading.Thread(target=STOP.wait, daemon=True).start()\n        return\n    else:\n        pass\n\n\n' +
        // A branch that does not return conditions only itself.
        'def start_logged():\n    if os.environ.get("VERBOSE"):\n        print("starting")\n    threading.Thread(target=STOP.wait, daemon=True).start()\n\n\n' +
        // A once-guard on a global the function sets: the first call, at import, goes on.
        '_STARTED = False\n\n\ndef start_once():\n    global _STARTED\n    if _STARTED:\n        return\n    _STARTED = True\n    threading.Thread(target=STOP.wait, daemon=True).start()\n\n\n' +
        'start_poller()\nstart_checked()\nstart_either()\nstart_logged()\nstart_once()\n',
    });
    const result = await analyzeProject(root);
    expect(result.findings.map((f) => [f.span.line, f.message])).toEqual([
      [48, '`start_poller()` starts a thread (`threading.Thread(target=STOP.wait, daemon=True).start()` in `start_poller()`, line 14) while `web` is imported when `os.environ.get("ENABLE_POLLER")`, which is itself the Flask app `app` in `web`.'],
      [49, '`start_checked()` starts a thread (`threading.Thread(target=STOP.wait, daemon=True).start()` in `start_checked()`, line 20) while `web` is imported, which is itself the Flask app `app` in `web`.'],
      [50, '`start_either()` starts a thread (`threading.Thread(target=STOP.wait, daemon=True).start()` in `start_either()`, line 25) while `web` is imported when `os.environ.get("A")`, which is itself the Flask app `app` in `web`.'],
      [51, '`start_logged()` starts a thread (`threading.Thread(target=STOP.wait, daemon=True).start()` in `start_logged()`, line 34) while `web` is imported, which is itself the Flask app `app` in `web`.'],
      [52, '`start_once()` starts a thread (`threading.Thread(target=STOP.wait, daemon=True).start()` in `start_once()`, line 45) while `web` is imported, which is itself the Flask app `app` in `web`.'],
    ]);
    // CPython: without ENABLE_POLLER (and A), three threads; with it, four.
    const started = (env: Record<string, string>): number => {
      const saved = { ...process.env };
      Object.assign(process.env, env);
      try {
        return probe(root, ['web']).threads_started.length;
      } finally {
        for (const name of Object.keys(env)) if (saved[name] === undefined) delete process.env[name];
      }
    };
    expect(started({})).toBe(3);
    expect(started({ ENABLE_POLLER: '1' })).toBe(4);
  });

  it('says a pool size only where the call gives it: `poolclass=` decides, `**opts` may hold it', async () => {
    const root = writeProject({
      'mod.py':
        'import sqlalchemy\nfrom sqlalchemy.pool import NullPool\n\nE = sqlalchemy.create_engine("postgresql://x", poolclass=NullPool)\n' +
        'opts = {}\nF = sqlalchemy.create_engine("postgresql://x", **opts)\nG = sqlalchemy.create_engine("postgresql://x")\n',
    });
    const result = await analyzeProject(root);
    const tail =
      'connections open, plus `max_overflow` more under load, in each process that imported it, and connections opened before a fork are shared by every forked worker unless each calls `engine.dispose(close=False)`.';
    expect(result.findings.map((f) => [f.span.line, f.cost])).toEqual([
      [4, `It opens no connection until first used; from then on its pool keeps up to \`pool_size\` (as \`poolclass=NullPool\` decides) ${tail}`],
      [6, `It opens no connection until first used; from then on its pool keeps up to \`pool_size\` (from \`**opts\`, or \`5\` by default) ${tail}`],
      [7, `It opens no connection until first used; from then on its pool keeps up to \`5\` (the default) ${tail}`],
    ]);
  });

  it('reports a creation site once when a function that creates it is called on both branches of an `if`', async () => {
    const root = writeProject({
      'mod.py': 'import os\nimport redis\n\n\ndef make():\n    global CLIENT\n    CLIENT = redis.Redis()\n\n\nif os.environ.get("X"):\n    make()\nelse:\n    make()\n',
    });
    const result = await analyzeProject(root);
    expect(result.findings.map((f) => [f.ruleId, f.span.line, f.message])).toEqual([
      ['IL004', 11, '`make()` creates a Redis client (`redis.Redis()` in `make()`, line 7) while `mod` is imported, but no entry found imports it at start-up.'],
    ]);
  });

  it('says "when <condition>" for a creation under a condition that depends on run time, on every way to it', async () => {
    const root = writeProject({
      'mod.py': [
        'import os',
        'import boto3',
        'import redis',
        'import requests',
        '',
        'DOC_ENGINE = os.environ.get("DOC_ENGINE", "es")',
        'aws_enabled = bool(os.environ.get("AWS_KEY"))',
        'if DOC_ENGINE == "serenedb":',
        '    CACHE = redis.Redis(host="serene")',
        'else:',
        '    CACHE = redis.Redis(host="local")',
        'S3 = boto3.client("s3") if aws_enabled else None',
        '',
        '',
        'def connect():',
        '    global SESSION',
        '    if not os.environ.get("OFFLINE"):',
        '        SESSION = requests.Session()',
        '',
        '',
        'if aws_enabled:',
        '    connect()',
        'elif DOC_ENGINE == "es":',
        '    connect()',
        '',
      ].join('\n'),
    });
    const result = await analyzeProject(root);
    expect(result.findings.map((f) => [f.span.line, f.condition, f.message])).toEqual([
      [9, 'DOC_ENGINE == "serenedb"', '`redis.Redis(host="serene")` creates a Redis client while `mod` is imported when `DOC_ENGINE == "serenedb"`, but no entry found imports it at start-up.'],
      [11, 'DOC_ENGINE != "serenedb"', '`redis.Redis(host="local")` creates a Redis client while `mod` is imported when `DOC_ENGINE != "serenedb"`, but no entry found imports it at start-up.'],
      [12, 'aws_enabled', '`boto3.client("s3")` creates an AWS client while `mod` is imported when `aws_enabled`, but no entry found imports it at start-up.'],
      [
        22,
        '(aws_enabled or DOC_ENGINE == "es") and not os.environ.get("OFFLINE")',
        // Too long for the message with everything else: the JSON and SARIF properties keep it whole.
        '`connect()` creates an HTTP session (`requests.Session()` in `connect()`, line 18) while `mod` is imported when `(aws_enabled or DOC_ENGINE == "es") and not os.environ.get(\"OFFLINE\")`, but no entry found imports it at start-up.',
      ],
    ]);
  });

  it('takes the `else` of `if __name__ == "__main__":` as run by the import, under its own conditions only (khoj)', async () => {
    // khoj's main.py: `if __name__ == "__main__": run()` then `else:` `if "gunicorn" in sys.modules: run(...)`,
    // whose condition read `not () and "gunicorn" in sys.modules`.
    const root = writeProject({
      'mod.py': [
        'import sys',
        'from concurrent.futures import ThreadPoolExecutor',
        '',
        'from fastapi import FastAPI',
        '',
        'app = FastAPI()',
        '',
        '',
        'def run():',
        '    global POOL',
        '    POOL = ThreadPoolExecutor(4)',
        '',
        '',
        'if __name__ == "__main__":',
        '    run()',
        'else:',
        '    if "gunicorn" in sys.modules:',
        '        run()',
        '',
      ].join('\n'),
    });
    const result = await analyzeProject(root);
    expect(result.findings.map((f) => [f.span.line, f.condition])).toEqual([[18, '"gunicorn" in sys.modules']]);
    // CPython, importing it with gunicorn loaded, runs the `else` and makes the pool.
    const run = spawnSync(venvFile('.venv-frameworks', 'bin', 'python'), ['-c', 'import sys, types; sys.modules["gunicorn"] = types.ModuleType("gunicorn"); import mod; print(type(mod.POOL).__name__)'], { cwd: root, encoding: 'utf8' });
    expect(run.stdout.trim()).toBe('ThreadPoolExecutor');
  });

  it('says "created and discarded during import" for a client nothing keeps, and the usual cost for one that is kept', async () => {
    const root = writeProject({
      'mod.py': [
        'import requests',
        '',
        'requests.Session().get("https://example.com/warm-up")',
        '',
        '',
        'def warm_up():',
        '    session = requests.Session()',
        '    session.get("https://example.com/health")',
        '',
        '',
        'def keep():',
        '    global SESSION',
        '    SESSION = requests.Session()',
        '',
        '',
        'def handed_on(registry):',
        '    session = requests.Session()',
        '    registry.append(session)',
        '',
        '',
        'warm_up()',
        'keep()',
        'handed_on([])',
        '',
      ].join('\n'),
    });
    const result = await analyzeProject(root);
    const discarded =
      'It is created and discarded during import (nothing keeps it), so it does not stay in the process; each process that imports the module still pays for making an HTTP session, and for any connection or request it makes then, at start-up.';
    const kept =
      'It opens no connection until its first request; from then on it keeps up to 10 idle connections per host (`pool_maxsize`) open for the life of each process that imported it, and connections it opened before a fork are shared by every forked worker.';
    expect(result.findings.map((f) => [f.span.line, f.message, f.cost])).toEqual([
      [3, '`requests.Session()` creates and discards an HTTP session while `mod` is imported, but no entry found imports it at start-up.', discarded],
      [21, '`warm_up()` creates and discards an HTTP session (`requests.Session()` in `warm_up()`, line 7) while `mod` is imported, but no entry found imports it at start-up.', discarded],
      [22, '`keep()` creates an HTTP session (`requests.Session()` in `keep()`, line 13) while `mod` is imported, but no entry found imports it at start-up.', kept],
      [23, '`handed_on([])` creates an HTTP session (`requests.Session()` in `handed_on()`, line 17) while `mod` is imported, but no entry found imports it at start-up.', kept],
    ]);
  });
});

describe('why no entry imports a module', () => {
  it('names a lazy import only in a module an entry loads, not in a CLI nothing loads that imports the module at its top too', async () => {
    // Found on dispatch: its scheduler's ThreadPool was said to be "imported lazily inside sched()
    // in dispatch.cli", whose line 13 imports it at the top; no entry imports dispatch.cli.
    const root = writeProject({
      'app/__init__.py': '',
      'app/scheduler.py': 'from multiprocessing.pool import ThreadPool\npool = ThreadPool(processes=100)\n',
      'app/jobs.py': 'from concurrent.futures import ThreadPoolExecutor\nPOOL = ThreadPoolExecutor(2)\n',
      'app/cli.py': 'import click\nfrom app.scheduler import pool\n\n\n@click.group()\ndef cli():\n    from app import jobs\n',
      'app/main.py': 'from fastapi import FastAPI\napp = FastAPI()\n\n\n@app.get("/jobs")\ndef jobs():\n    from app import jobs\n',
    });
    const result = await analyzeProject(root);
    expect(result.findings.map((f) => [f.path, f.level, f.message])).toEqual([
      [
        'app/jobs.py',
        'warning',
        '`ThreadPoolExecutor(2)` creates a thread pool while `app.jobs` is imported, but no entry imports it at start-up: it is imported lazily inside `jobs()` in `app.main` (line 7).',
      ],
      ['app/scheduler.py', 'warning', '`ThreadPool(processes=100)` creates a thread pool while `app.scheduler` is imported, but no entry found imports it at start-up.'],
    ]);
  });
});
