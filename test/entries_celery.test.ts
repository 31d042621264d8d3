import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EntryPoint } from '../src/entries/entries.js';
import type { AnalysisResult } from '../src/pipeline.js';
import { analyzeProject, FIXTURES, writeProject } from './support.js';

const rows = (entries: readonly EntryPoint[]) =>
  entries.map((e) => ({ path: e.path, framework: e.framework, kind: e.kind, description: e.description, line: e.evidence.line }));

const registered = (entries: readonly EntryPoint[]) =>
  Object.fromEntries(entries.filter((e) => e.registeredBy).map((e) => [e.path, `${e.registeredBy!.path}:${e.registeredBy!.line}`]));

describe('Celery entries (fixtures/frameworks/celery)', () => {
  let result: AnalysisResult;
  beforeAll(async () => {
    result = await analyzeProject(path.join(FIXTURES, 'frameworks', 'celery'));
  });

  it('finds the app, the include= module, and what autodiscover_tasks() imports (related_name included)', () => {
    expect(rows(result.entries)).toEqual([
      { path: 'proj/billing/tasks.py', framework: 'Celery', kind: 'routes', description: 'Celery tasks module with 1 task (autodiscovered by app `app`)', line: 6 },
      { path: 'proj/celery.py', framework: 'Celery', kind: 'app', description: 'Celery app `app`', line: 4 },
      { path: 'proj/mailing/jobs.py', framework: 'Celery', kind: 'routes', description: 'Celery tasks module with 1 task (autodiscovered by app `app`)', line: 4 },
      // autodiscover_tasks(["proj.reports"]) imports the package even though it has no tasks module.
      { path: 'proj/reports/__init__.py', framework: 'Celery', kind: 'routes', description: 'package searched for tasks by app `app`', line: 1 },
      { path: 'proj/tasks.py', framework: 'Celery', kind: 'routes', description: 'Celery tasks module with 2 tasks (included by app `app`)', line: 4 },
    ]);
    expect(registered(result.entries)).toEqual({
      'proj/billing/tasks.py': 'proj/celery.py:8',
      'proj/mailing/jobs.py': 'proj/celery.py:9',
      'proj/reports/__init__.py': 'proj/celery.py:8',
      'proj/tasks.py': 'proj/celery.py:4',
    });
  });

  it('reports the pool behind the autodiscovered tasks module as an error through it', () => {
    expect(result.findings.map((f) => [f.ruleId, f.level, f.path, f.reach.kind === 'entry' ? f.reach.entry.path : f.reach.kind])).toEqual([
      ['IL001', 'error', 'proj/billing/gateway.py', 'proj/billing/tasks.py'],
    ]);
    expect(result.findings[0]!.message).toBe(
      '`ThreadPoolExecutor(2)` creates a thread pool while `proj.billing.gateway` is imported, imported directly by the Celery tasks module with 1 task (autodiscovered by app `app`) in `proj.billing.tasks`.',
    );
  });
});

describe('Celery links', () => {
  const POOL = 'from concurrent.futures import ThreadPoolExecutor\nPOOL = ThreadPoolExecutor(2)\n';

  it('reaches a tasks module only through autodiscover_tasks() when nothing in it is recognisable as a task', async () => {
    const project = (discover: string) =>
      writeProject({
        'proj/__init__.py': '',
        'proj/worker.py': `from celery import Celery\n\napp = Celery("proj")\n${discover}`,
        'proj/orders/__init__.py': '',
        // The decorator is an alias the analyzer cannot follow: only the autodiscovery links this module.
        'proj/orders/tasks.py': 'from proj.worker import app\nfrom . import pool\n\ntask = app.task\n\n@task\ndef ship():\n    pass\n',
        'proj/orders/pool.py': POOL,
      });
    const linked = await analyzeProject(project('app.autodiscover_tasks(["proj.orders"])\n'));
    expect(rows(linked.entries)).toEqual([
      { path: 'proj/orders/tasks.py', framework: 'Celery', kind: 'routes', description: 'Celery tasks module (autodiscovered by app `app`)', line: 1 },
      { path: 'proj/worker.py', framework: 'Celery', kind: 'app', description: 'Celery app `app`', line: 3 },
    ]);
    expect(linked.findings.map((f) => [f.level, f.reach.kind === 'entry' ? f.reach.entry.path : f.reach.kind])).toEqual([['error', 'proj/orders/tasks.py']]);

    const unlinked = await analyzeProject(project(''));
    expect(unlinked.entries.map((e) => e.path)).toEqual(['proj/worker.py']);
    expect(unlinked.findings.map((f) => f.level)).toEqual(['warning']);
  });

  it('with no packages, autodiscovers the tasks modules of the installed Django apps (the Django fix-up)', async () => {
    const root = writeProject({
      'manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")\n',
      'mysite/__init__.py': 'from .celery import app as celery_app\n\n__all__ = ("celery_app",)\n',
      'mysite/settings.py': 'INSTALLED_APPS = ["django.contrib.auth", "polls"]\nROOT_URLCONF = "mysite.urls"\n',
      'mysite/urls.py': 'urlpatterns = []\n',
      'mysite/celery.py':
        'import os\nfrom celery import Celery\n\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")\napp = Celery("mysite")\napp.config_from_object("django.conf:settings", namespace="CELERY")\napp.autodiscover_tasks()\n',
      'polls/__init__.py': '',
      'polls/models.py': 'from django.db import models\n\nclass Question(models.Model):\n    pass\n',
      'polls/tasks.py': 'from celery import shared_task\n\n@shared_task\ndef tally():\n    pass\n',
    });
    const celery = (await analyzeProject(root)).entries.filter((e) => e.framework === 'Celery');
    expect(rows(celery)).toEqual([
      { path: 'mysite/celery.py', framework: 'Celery', kind: 'app', description: 'Celery app `app`', line: 5 },
      { path: 'polls/tasks.py', framework: 'Celery', kind: 'routes', description: 'Celery tasks module with 1 task (autodiscovered by app `app`)', line: 3 },
    ]);
  });

  it('follows config_from_object("module") and conf.update(include=[...])', async () => {
    const root = writeProject({
      'worker.py': 'from celery import Celery\n\napp = Celery("w")\napp.config_from_object("celeryconfig")\napp.conf.update(include=["jobs.cleanup"])\n',
      'celeryconfig.py': 'broker_url = "memory://"\n',
      'jobs/__init__.py': '',
      'jobs/cleanup.py': 'def run():\n    pass\n',
    });
    expect(rows((await analyzeProject(root)).entries)).toEqual([
      { path: 'celeryconfig.py', framework: 'Celery', kind: 'routes', description: 'Celery config module (configures app `app`)', line: 1 },
      { path: 'jobs/cleanup.py', framework: 'Celery', kind: 'routes', description: 'Celery tasks module (imported by app `app`)', line: 1 },
      { path: 'worker.py', framework: 'Celery', kind: 'app', description: 'Celery app `app`', line: 3 },
    ]);
  });
});
