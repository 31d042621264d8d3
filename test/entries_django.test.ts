import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EntryPoint } from '../src/entries/types.js';
import type { AnalysisResult } from '../src/pipeline.js';
import { analyzeProject, FIXTURES, writeProject } from './support.js';

const rows = (entries: readonly EntryPoint[]) =>
  entries.map((e) => ({ path: e.path, framework: e.framework, kind: e.kind, description: e.description, line: e.evidence.line }));

const registered = (entries: readonly EntryPoint[]) =>
  Object.fromEntries(entries.filter((e) => e.registeredBy).map((e) => [`${e.path}: ${e.description}`, `${e.registeredBy!.path}:${e.registeredBy!.line} ${e.registeredBy!.text}`]));

describe('Django entries (fixtures/frameworks/django)', () => {
  let result: AnalysisResult;
  beforeAll(async () => {
    result = await analyzeProject(path.join(FIXTURES, 'frameworks', 'django'));
  });

  it('finds the settings, the apps\' modules django.setup() imports, the WSGI/ASGI modules and every URLconf reached from ROOT_URLCONF', () => {
    // INSTALLED_APPS and ROOT_URLCONF are read from the settings' literal assignments; the settings entry
    // points at ROOT_URLCONF.
    expect(rows(result.entries)).toEqual([
      { path: 'blog/models.py', framework: 'Django', kind: 'app', description: 'models of Django app `blog`', line: 1 },
      { path: 'blog/urls.py', framework: 'Django', kind: 'routes', description: 'Django URLconf with 2 routes', line: 7 },
      { path: 'mysite/asgi.py', framework: 'Django', kind: 'app', description: 'Django ASGI application `application`', line: 7 },
      { path: 'mysite/settings.py', framework: 'Django', kind: 'app', description: 'Django settings', line: 25 },
      { path: 'mysite/urls.py', framework: 'Django', kind: 'routes', description: 'Django root URLconf with 5 routes', line: 8 },
      { path: 'mysite/wsgi.py', framework: 'Django', kind: 'app', description: 'Django WSGI application `application`', line: 7 },
      { path: 'polls/admin.py', framework: 'Django', kind: 'app', description: 'admin of Django app `polls`', line: 1 },
      { path: 'polls/apps.py', framework: 'Django', kind: 'app', description: 'AppConfig of Django app `polls`', line: 1 },
      { path: 'polls/models.py', framework: 'Django', kind: 'app', description: 'models of Django app `polls`', line: 1 },
      { path: 'polls/urls.py', framework: 'Django', kind: 'routes', description: 'Django URLconf with 3 routes', line: 8 },
      { path: 'reports/urls.py', framework: 'Django', kind: 'routes', description: 'Django URLconf with 1 route', line: 6 },
      { path: 'shop/models.py', framework: 'Django', kind: 'app', description: 'models of Django app `shop`', line: 1 },
    ]);
  });

  it('links each included URLconf to the include() that names it (a string, a module object, a (module, app_name) tuple), and each app module to INSTALLED_APPS', () => {
    expect(registered(result.entries)).toEqual({
      'blog/models.py: models of Django app `blog`': 'mysite/settings.py:6 INSTALLED_APPS names "blog"',
      'blog/urls.py: Django URLconf with 2 routes': 'mysite/urls.py:10 include(blog_urls)',
      'mysite/settings.py: Django settings': 'manage.py:8 os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")',
      'polls/admin.py: admin of Django app `polls`': 'mysite/settings.py:6 INSTALLED_APPS names "polls.apps.PollsConfig"',
      'polls/apps.py: AppConfig of Django app `polls`': 'mysite/settings.py:6 INSTALLED_APPS names "polls.apps.PollsConfig"',
      'polls/models.py: models of Django app `polls`': 'mysite/settings.py:6 INSTALLED_APPS names "polls.apps.PollsConfig"',
      'polls/urls.py: Django URLconf with 3 routes': 'mysite/urls.py:9 include("polls.urls")',
      'reports/urls.py: Django URLconf with 1 route': 'mysite/urls.py:12 include(("reports.urls", "reports"), namespace="reports")',
      'shop/models.py: models of Django app `shop`': 'mysite/settings.py:6 INSTALLED_APPS names "shop"',
    });
  });

  it('reports the pool behind polls.urls, which only the string in include("polls.urls") links, as an error through it', () => {
    expect(result.findings.map((f) => [f.ruleId, f.level, f.path, f.reach.kind === 'entry' ? f.reach.entry.path : f.reach.kind])).toEqual([
      ['IL001', 'error', 'polls/search.py', 'polls/urls.py'],
    ]);
    expect(result.findings[0]!.message).toContain('imported through 2 imports from the Django URLconf with 3 routes in `polls.urls`');
  });
});

describe('Django URLconf links', () => {
  const project = (rootUrls: string): Record<string, string> => ({
    'manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_cfg.settings")\n',
    'site_cfg/__init__.py': '',
    'site_cfg/settings.py': 'ROOT_URLCONF = "site_cfg.urls"\nINSTALLED_APPS = ["polls"]\n',
    'site_cfg/urls.py': rootUrls,
    'polls/__init__.py': '',
    'polls/urls.py': 'from django.urls import path\nfrom . import views\n\nurlpatterns = [path("", views.index)]\n',
    'polls/views.py': 'from .search import rank\n\ndef index(request):\n    return rank()\n',
    'polls/search.py': 'from concurrent.futures import ThreadPoolExecutor\nPOOL = ThreadPoolExecutor(2)\n\ndef rank():\n    return 1\n',
  });

  it('makes the app URLconf an entry only when a URLconf reached from ROOT_URLCONF includes it', async () => {
    const linked = await analyzeProject(writeProject(project('from django.urls import include, path\n\nurlpatterns = [path("polls/", include("polls.urls"))]\n')));
    expect(linked.entries.map((e) => e.path)).toContain('polls/urls.py');
    expect(linked.findings.map((f) => f.level)).toEqual(['error']);

    const unlinked = await analyzeProject(writeProject(project('from django.urls import path\n\nurlpatterns = []\n')));
    expect(unlinked.entries.map((e) => e.path)).not.toContain('polls/urls.py');
    expect(unlinked.findings.map((f) => [f.level, f.reach.kind])).toEqual([['warning', 'unreached']]);
  });

  it('takes every URLconf no other one includes as a root when no settings were scanned', async () => {
    const root = writeProject({
      'urls.py': 'from django.urls import include, path\n\nurlpatterns = [path("a/", include("app.urls"))]\n',
      'app/__init__.py': '',
      'app/urls.py': 'from django.urls import re_path\nfrom . import views\n\nurlpatterns = [re_path(r"^$", views.index)]\n',
      'app/views.py': 'def index(request):\n    pass\n',
    });
    expect(rows((await analyzeProject(root)).entries)).toEqual([
      { path: 'app/urls.py', framework: 'Django', kind: 'routes', description: 'Django URLconf with 1 route', line: 4 },
      { path: 'urls.py', framework: 'Django', kind: 'routes', description: 'Django URLconf with 1 route', line: 3 },
    ]);
  });

  it('reads settings.configure(...) in a standalone script', async () => {
    const root = writeProject({
      'tiny.py':
        'from django.conf import settings\nfrom django.urls import path\n\nsettings.configure(ROOT_URLCONF=__name__, INSTALLED_APPS=["blog"])\n\ndef home(request):\n    pass\n\nurlpatterns = [path("", home)]\n',
      'blog/__init__.py': '',
      'blog/models.py': 'from django.db import models\n\nclass Post(models.Model):\n    pass\n',
    });
    expect(rows((await analyzeProject(root)).entries)).toEqual([
      { path: 'blog/models.py', framework: 'Django', kind: 'app', description: 'models of Django app `blog`', line: 1 },
      { path: 'tiny.py', framework: 'Django', kind: 'app', description: 'Django settings (`settings.configure()`)', line: 4 },
    ]);
  });
});

describe('Django settings read from literal assignments', () => {
  it('follows DJANGO_SETTINGS_MODULE, star-imported base settings, AppConfig paths, MIDDLEWARE and a non-conventional ROOT_URLCONF', async () => {
    const root = writeProject({
      'config/__init__.py': '',
      'config/settings/__init__.py': '',
      'config/settings/base.py':
        'INSTALLED_APPS = ["django.contrib.admin", "core.apps.CoreConfig", "billing"]\nMIDDLEWARE = ["config.middleware.TimingMiddleware"]\nROOT_URLCONF = "config.routes"\n',
      'config/settings/prod.py': 'from .base import *  # noqa\nDEBUG = False\n',
      'config/wsgi.py':
        'import os\nfrom django.core.wsgi import get_wsgi_application\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.prod")\napplication = get_wsgi_application()\n',
      'config/middleware.py': 'class TimingMiddleware:\n    def __init__(self, get_response):\n        self.get_response = get_response\n',
      'config/routes.py': 'from django.urls import include, path\n\nurlpatterns = [path("billing/", include("billing.urls"))]\n',
      'config/urls.py': 'urlpatterns = []\n',
      'core/__init__.py': '',
      'core/apps.py': 'from django.apps import AppConfig\n\nclass CoreConfig(AppConfig):\n    name = "core"\n',
      'core/models.py': '',
      'billing/__init__.py': '',
      'billing/admin.py': '',
      'billing/urls.py': 'from django.urls import path\n\nurlpatterns = [path("", lambda r: None)]\n',
    });
    const entries = (await analyzeProject(root)).entries.filter((e) => e.framework === 'Django');
    expect(rows(entries)).toEqual([
      { path: 'billing/admin.py', framework: 'Django', kind: 'app', description: 'admin of Django app `billing`', line: 1 },
      { path: 'billing/urls.py', framework: 'Django', kind: 'routes', description: 'Django URLconf with 1 route', line: 3 },
      { path: 'config/middleware.py', framework: 'Django', kind: 'app', description: 'Django middleware `TimingMiddleware`', line: 1 },
      { path: 'config/routes.py', framework: 'Django', kind: 'routes', description: 'Django root URLconf with 1 route', line: 3 },
      // The values are in base.py (star-imported): prod.py itself has no line that makes it the settings.
      { path: 'config/settings/prod.py', framework: 'Django', kind: 'app', description: 'Django settings', line: 1 },
      { path: 'config/wsgi.py', framework: 'Django', kind: 'app', description: 'Django WSGI application `application`', line: 4 },
      { path: 'core/apps.py', framework: 'Django', kind: 'app', description: 'AppConfig of Django app `core`', line: 1 },
      { path: 'core/models.py', framework: 'Django', kind: 'app', description: 'models of Django app `core`', line: 1 },
    ]);
    expect(registered(entries)).toEqual({
      'billing/admin.py: admin of Django app `billing`': 'config/settings/base.py:1 INSTALLED_APPS names "billing"',
      'billing/urls.py: Django URLconf with 1 route': 'config/routes.py:3 include("billing.urls")',
      'config/middleware.py: Django middleware `TimingMiddleware`': 'config/settings/base.py:2 MIDDLEWARE = ["config.middleware.TimingMiddleware"]',
      'config/settings/prod.py: Django settings': 'config/wsgi.py:3 os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.prod")',
      'core/apps.py: AppConfig of Django app `core`': 'config/settings/base.py:1 INSTALLED_APPS names "core.apps.CoreConfig"',
      'core/models.py: models of Django app `core`': 'config/settings/base.py:1 INSTALLED_APPS names "core.apps.CoreConfig"',
    });
  });
});
