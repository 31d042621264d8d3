import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { analyzeProject, venvFile, writeProject } from './support.js';

/**
 * A Celery worker whose command line says no `-c` runs as many children as its app's configuration
 * says (`worker_concurrency`), and one per CPU only when nothing does. Found on paperless-ngx, whose
 * settings set `CELERY_WORKER_CONCURRENCY` for `config_from_object("django.conf:settings",
 * namespace="CELERY")`; importleak said "one Celery worker child per CPU". The real Celery of
 * .venv-frameworks says what each app's configuration comes to.
 */
const TASKS = 'from concurrent.futures import ThreadPoolExecutor\nfrom proj.celery import app\nPOOL = ThreadPoolExecutor(max_workers=4)\n\n\n@app.task\ndef add(x, y):\n    return x + y\n';

const layouts: Array<[string, Record<string, string>, number, string]> = [
  [
    'config_from_object("proj.celeryconfig"): the module\'s worker_concurrency',
    {
      'proj/celery.py': 'from celery import Celery\napp = Celery("proj")\napp.config_from_object("proj.celeryconfig")\n',
      'proj/celeryconfig.py': 'broker_url = "memory://"\nworker_concurrency = 3\n',
    },
    3,
    '3 Celery worker children (`worker_concurrency =`, proj/celeryconfig.py:2) each inherit this thread pool from the master, which imported the app before forking them, and each starts its own on first use: up to 12 threads in all.',
  ],
  [
    'django.conf:settings with namespace="CELERY": the settings\' CELERY_WORKER_CONCURRENCY, 1 unless TASK_WORKERS is set',
    {
      'proj/celery.py': 'import os\nfrom celery import Celery\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings")\napp = Celery("proj")\napp.config_from_object("django.conf:settings", namespace="CELERY")\n',
      'proj/settings.py': 'import os\nSECRET_KEY = "x"\nINSTALLED_APPS = []\nCELERY_WORKER_CONCURRENCY = int(os.environ.get("TASK_WORKERS", 1))\n',
    },
    1,
    '1 Celery worker child unless TASK_WORKERS is set (proj/settings.py:4) each inherit this thread pool from the master, which imported the app before forking them, and each starts its own on first use.',
  ],
  [
    'app.conf.worker_concurrency set in the app module, over the config module',
    {
      'proj/celery.py': 'from celery import Celery\napp = Celery("proj")\napp.conf.worker_concurrency = 2\napp.config_from_object("proj.celeryconfig")\n',
      'proj/celeryconfig.py': 'worker_concurrency = 5\n',
    },
    2,
    '2 Celery worker children (`app.conf.worker_concurrency =`, proj/celery.py:3) each inherit this thread pool from the master, which imported the app before forking them, and each starts its own on first use: up to 8 threads in all.',
  ],
];

describe('Celery worker concurrency from the app\'s configuration', () => {
  const celery = venvFile('.venv-frameworks', 'bin', 'python');

  it.each(layouts)('%s', async (_, files, cpython, deployment) => {
    const root = writeProject({ Procfile: 'worker: celery -A proj.celery worker\n', 'proj/__init__.py': '', 'proj/tasks.py': TASKS, ...files });
    const result = await analyzeProject(root);
    const pool = result.findings.find((f) => f.path === 'proj/tasks.py');
    expect(pool?.deployment).toBe(deployment);
    const run = spawnSync(celery, ['-c', 'import proj.celery as m; print(m.app.conf.worker_concurrency)'], { cwd: root, encoding: 'utf8', env: { ...process.env, PYTHONPATH: root, PYTHONDONTWRITEBYTECODE: '1' } });
    expect(run.stderr).toBe('');
    expect(Number(run.stdout.trim())).toBe(cpython);
  });
});
