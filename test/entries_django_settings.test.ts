import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EntryPoint } from '../src/entries/entries.js';
import { pythonGlobMatcher } from '../src/entries/frameworks/pythonGlob.js';
import type { AnalysisResult } from '../src/pipeline.js';
import { analyzeProject, FIXTURES, writeProject } from './support.js';

/**
 * Django settings as real projects write them: lists built from other lists and from the
 * environment, settings in classes, settings split across files, modules picked by
 * `DJANGO_SETTINGS_MODULE` / `DJANGO_CONFIGURATION` defaults. (CPython confirms the first two
 * fixtures in test/entries_cpython.test.ts.)
 */


const rows = (entries: readonly EntryPoint[]) =>
  entries.map((e) => ({ path: e.path, kind: e.kind, description: e.description, line: e.evidence.line }));

const registered = (entries: readonly EntryPoint[]) =>
  Object.fromEntries(entries.filter((e) => e.registeredBy).map((e) => [`${e.path}: ${e.description}`, `${e.registeredBy!.path}:${e.registeredBy!.line} ${e.registeredBy!.text}`]));

const findings = (result: AnalysisResult) => result.findings.map((f) => [f.ruleId, f.level, f.path, f.reach.kind === 'entry' ? f.reach.entry.path : f.reach.kind]);

const analyzeFixture = (name: string) => analyzeProject(path.join(FIXTURES, 'frameworks', name));

describe('INSTALLED_APPS built from lists (fixtures/frameworks/django_settings_partial)', () => {
  it('keeps the literal apps, reads the lists it is built from, `+=` and `.append()`, and says which part it cannot read', async () => {
    const result = await analyzeFixture('django_settings_partial');
    // INSTALLED_APPS = DJANGO_APPS + [*LOCAL_APPS, "orders", *EXTRA_APPS] in base.py; dev.py star-imports it,
    // then `+= ["devtools"]` and `.append("reviews")`. EXTRA_APPS comes from the environment.
    expect(rows(result.entries)).toEqual([
      { path: 'catalog/apps.py', kind: 'app', description: 'AppConfig of Django app `catalog`', line: 1 },
      { path: 'catalog/models.py', kind: 'app', description: 'models of Django app `catalog`', line: 1 },
      { path: 'devtools/apps.py', kind: 'app', description: 'AppConfig of Django app `devtools`', line: 1 },
      { path: 'orders/models.py', kind: 'app', description: 'models of Django app `orders`', line: 1 },
      { path: 'reviews/admin.py', kind: 'app', description: 'admin of Django app `reviews`', line: 1 },
      { path: 'reviews/models.py', kind: 'app', description: 'models of Django app `reviews`', line: 1 },
      {
        path: 'shop_site/settings/dev.py',
        kind: 'app',
        description: 'Django settings (INSTALLED_APPS also holds `*EXTRA_APPS` (shop_site/settings/base.py:19), not read)',
        line: 1,
      },
      { path: 'shop_site/urls.py', kind: 'routes', description: 'Django root URLconf with 1 route', line: 6 },
      { path: 'shop_site/wsgi.py', kind: 'app', description: 'Django WSGI application `application`', line: 7 },
    ]);
    expect(registered(result.entries)).toEqual({
      'catalog/apps.py: AppConfig of Django app `catalog`': 'shop_site/settings/base.py:15 INSTALLED_APPS names "catalog.apps.CatalogConfig"',
      'catalog/models.py: models of Django app `catalog`': 'shop_site/settings/base.py:15 INSTALLED_APPS names "catalog.apps.CatalogConfig"',
      'devtools/apps.py: AppConfig of Django app `devtools`': 'shop_site/settings/dev.py:4 INSTALLED_APPS names "devtools"',
      'orders/models.py: models of Django app `orders`': 'shop_site/settings/base.py:19 INSTALLED_APPS names "orders"',
      'reviews/admin.py: admin of Django app `reviews`': 'shop_site/settings/dev.py:5 INSTALLED_APPS names "reviews"',
      'reviews/models.py: models of Django app `reviews`': 'shop_site/settings/dev.py:5 INSTALLED_APPS names "reviews"',
      'shop_site/settings/dev.py: Django settings (INSTALLED_APPS also holds `*EXTRA_APPS` (shop_site/settings/base.py:19), not read)':
        'manage.py:7 os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop_site.settings.dev")',
    });
    // The pool behind the admin of the app `.append()` adds.
    expect(findings(result)).toEqual([['IL001', 'error', 'reviews/moderation.py', 'reviews/admin.py']]);
  });

  it('reads `.extend()` of a literal list and of a list set above, and keeps the literal items of a list with an unread part', async () => {
    const root = writeProject({
      'site_cfg/__init__.py': '',
      'site_cfg/settings.py':
        'import os\nNEWS_APPS = ["news"]\nINSTALLED_APPS = ["blog", *os.environ["PLUGINS"].split(",")]\nINSTALLED_APPS.extend(["shop"])\nINSTALLED_APPS.extend(NEWS_APPS)\nROOT_URLCONF = "site_cfg.urls"\n',
      'site_cfg/urls.py': 'urlpatterns = []\n',
      'blog/__init__.py': '',
      'blog/models.py': '',
      'shop/__init__.py': '',
      'shop/models.py': '',
      'news/__init__.py': '',
      'news/models.py': '',
    });
    const entries = (await analyzeProject(root)).entries;
    expect(rows(entries).filter((e) => e.path.endsWith('models.py') || e.path.endsWith('settings.py'))).toEqual([
      { path: 'blog/models.py', kind: 'app', description: 'models of Django app `blog`', line: 1 },
      { path: 'news/models.py', kind: 'app', description: 'models of Django app `news`', line: 1 },
      { path: 'shop/models.py', kind: 'app', description: 'models of Django app `shop`', line: 1 },
      { path: 'site_cfg/settings.py', kind: 'app', description: 'Django settings (INSTALLED_APPS also holds `*os.environ["PLUGINS"].split(",")` (line 3), not read)', line: 6 },
    ]);
  });
});

describe('settings in classes', () => {
  it('reads the class `load_settings(__name__)` copies into the module, with the attributes it inherits from a class in another module (fixtures/frameworks/django_settings_class)', async () => {
    const result = await analyzeFixture('django_settings_class');
    expect(rows(result.entries)).toEqual([
      { path: 'builds/models.py', kind: 'app', description: 'models of Django app `builds`', line: 1 },
      { path: 'community/settings/dev.py', kind: 'app', description: 'Django settings', line: 6 },
      { path: 'community/urls.py', kind: 'routes', description: 'Django root URLconf with 1 route', line: 4 },
      { path: 'community/wsgi.py', kind: 'app', description: 'Django WSGI application `application`', line: 7 },
      { path: 'projects/models.py', kind: 'app', description: 'models of Django app `projects`', line: 1 },
      { path: 'projects/urls.py', kind: 'routes', description: 'Django URLconf with 1 route', line: 6 },
    ]);
    expect(registered(result.entries)).toEqual({
      // `CommunityBaseSettings.INSTALLED_APPS + ["builds"]`: the base class's list, then the subclass's item.
      'builds/models.py: models of Django app `builds`': 'community/settings/dev.py:6 INSTALLED_APPS names "builds"',
      'community/settings/dev.py: Django settings': 'community/wsgi.py:5 os.environ.setdefault("DJANGO_SETTINGS_MODULE", "community.settings.dev")',
      'projects/models.py: models of Django app `projects`': 'community/settings/base.py:20 INSTALLED_APPS names "projects"',
      'projects/urls.py: Django URLconf with 1 route': 'community/urls.py:4 include("projects.urls")',
    });
    expect(findings(result)).toEqual([['IL001', 'error', 'builds/queue.py', 'builds/models.py']]);
  });

  it('reads each django-configurations class a DJANGO_CONFIGURATION default names, as settings of their own (fixtures/frameworks/django_configurations)', async () => {
    const result = await analyzeFixture('django_configurations');
    expect(rows(result.entries)).toEqual([
      { path: 'catalogue/models.py', kind: 'app', description: 'models of Django app `catalogue`', line: 1 },
      { path: 'catalogue/urls.py', kind: 'routes', description: 'Django URLconf with 1 route', line: 6 },
      // Only `Dev` (manage.py) installs debugtools and routes to it.
      { path: 'debugtools/apps.py', kind: 'app', description: 'AppConfig of Django app `debugtools`', line: 1 },
      { path: 'debugtools/urls.py', kind: 'routes', description: 'Django URLconf with 1 route', line: 6 },
      { path: 'library_site/prod_urls.py', kind: 'routes', description: 'Django root URLconf with 1 route', line: 4 },
      { path: 'library_site/settings.py', kind: 'app', description: 'Django settings (configuration `Dev`)', line: 8 },
      { path: 'library_site/settings.py', kind: 'app', description: 'Django settings (configuration `Prod`)', line: 24 },
      { path: 'library_site/urls.py', kind: 'routes', description: 'Django root URLconf with 2 routes', line: 4 },
      { path: 'library_site/wsgi.py', kind: 'app', description: 'Django WSGI application `application`', line: 8 },
    ]);
    expect(registered(result.entries)).toMatchObject({
      'debugtools/apps.py: AppConfig of Django app `debugtools`': 'library_site/settings.py:19 INSTALLED_APPS names "debugtools"',
      'library_site/settings.py: Django settings (configuration `Dev`)': 'manage.py:8 os.environ.setdefault("DJANGO_CONFIGURATION", "Dev")',
      'library_site/settings.py: Django settings (configuration `Prod`)': 'library_site/wsgi.py:4 os.environ.setdefault("DJANGO_CONFIGURATION", "Prod")',
    });
    expect(findings(result)).toEqual([['IL001', 'error', 'debugtools/views.py', 'debugtools/urls.py']]);
  });

  it('falls back to the conventional urls.py and the packages that look like apps when no default says which class holds the settings, and says so', async () => {
    const root = writeProject({
      'proj/__init__.py': '',
      'proj/settings.py':
        'from configurations import Configuration\n\nclass Dev(Configuration):\n    ROOT_URLCONF = "proj.dev_urls"\n    INSTALLED_APPS = ["blog"]\n\nclass Prod(Configuration):\n    ROOT_URLCONF = "proj.prod_urls"\n    INSTALLED_APPS = ["shop"]\n',
      'proj/wsgi.py':
        'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings")\nfrom configurations.wsgi import get_wsgi_application\napplication = get_wsgi_application()\n',
      'proj/urls.py': 'from django.urls import path\nurlpatterns = [path("", lambda request: None)]\n',
      'proj/dev_urls.py': 'urlpatterns = []\n',
      'blog/__init__.py': '',
      'blog/models.py': 'from django.db import models\n\nclass Post(models.Model):\n    pass\n',
      'shop/__init__.py': '',
      'shop/apps.py': 'from django.apps import AppConfig\n\nclass ShopConfig(AppConfig):\n    name = "shop"\n',
    });
    const result = await analyzeProject(root);
    expect(rows(result.entries)).toEqual([
      { path: 'blog/models.py', kind: 'app', description: 'models of Django app `blog`', line: 1 },
      {
        path: 'proj/settings.py',
        kind: 'app',
        description: 'Django settings (INSTALLED_APPS not read, the packages with an AppConfig or models assumed; ROOT_URLCONF not read, `proj.urls` assumed)',
        line: 1,
      },
      { path: 'proj/urls.py', kind: 'routes', description: 'Django root URLconf with 1 route', line: 2 },
      { path: 'proj/wsgi.py', kind: 'app', description: 'Django WSGI application `application`', line: 4 },
      { path: 'shop/apps.py', kind: 'app', description: 'AppConfig of Django app `shop`', line: 1 },
    ]);
  });
});

describe('settings split with django-split-settings (fixtures/frameworks/django_split_settings)', () => {
  it('runs the files include() names, in order, in the settings namespace (a glob sorted, an optional file that is not there skipped), and makes each an entry', async () => {
    const result = await analyzeFixture('django_split_settings');
    const include = 'portal/settings/__init__.py:4 include( "components/base.py", "components/apps_*.py", "components/telemetry.py", optional("local.py"), )';
    expect(rows(result.entries)).toEqual([
      { path: 'events/models.py', kind: 'app', description: 'models of Django app `events`', line: 1 },
      { path: 'news/models.py', kind: 'app', description: 'models of Django app `news`', line: 1 },
      { path: 'news/urls.py', kind: 'routes', description: 'Django URLconf with 1 route', line: 6 },
      { path: 'portal/settings/__init__.py', kind: 'app', description: 'Django settings', line: 4 },
      { path: 'portal/settings/components/apps_core.py', kind: 'app', description: 'Django settings file included by `portal.settings`', line: 1 },
      { path: 'portal/settings/components/apps_extra.py', kind: 'app', description: 'Django settings file included by `portal.settings`', line: 1 },
      { path: 'portal/settings/components/base.py', kind: 'app', description: 'Django settings file included by `portal.settings`', line: 1 },
      { path: 'portal/settings/components/telemetry.py', kind: 'app', description: 'Django settings file included by `portal.settings`', line: 1 },
      { path: 'portal/urls.py', kind: 'routes', description: 'Django root URLconf with 1 route', line: 4 },
      { path: 'portal/wsgi.py', kind: 'app', description: 'Django WSGI application `application`', line: 7 },
    ]);
    expect(registered(result.entries)).toEqual({
      // `INSTALLED_APPS += ["events"]` in apps_extra.py extends the list apps_core.py (included before it) set.
      'events/models.py: models of Django app `events`': 'portal/settings/components/apps_extra.py:1 INSTALLED_APPS names "events"',
      'news/models.py: models of Django app `news`': 'portal/settings/components/apps_core.py:1 INSTALLED_APPS names "news"',
      'news/urls.py: Django URLconf with 1 route': 'portal/urls.py:4 include("news.urls")',
      'portal/settings/__init__.py: Django settings': 'manage.py:7 os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")',
      'portal/settings/components/apps_core.py: Django settings file included by `portal.settings`': include,
      'portal/settings/components/apps_extra.py: Django settings file included by `portal.settings`': include,
      'portal/settings/components/base.py: Django settings file included by `portal.settings`': include,
      'portal/settings/components/telemetry.py: Django settings file included by `portal.settings`': include,
    });
    // The exporter an included settings file imports runs in every Django process.
    expect(findings(result)).toEqual([['IL001', 'error', 'portal/telemetry.py', 'portal/settings/components/telemetry.py']]);
  });

  it('reads the values of an included file whose name is no module name (settings.dist.py), which is then no entry', async () => {
    const root = writeProject({
      'proj/__init__.py': '',
      'proj/settings/__init__.py': 'from split_settings.tools import include, optional\ninclude("settings.dist.py", optional("settings.local.py"))\n',
      'proj/settings/settings.dist.py': 'INSTALLED_APPS = ["blog"]\nROOT_URLCONF = "proj.urls"\n',
      'proj/urls.py': 'urlpatterns = []\n',
      'proj/wsgi.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings")\n',
      'blog/__init__.py': '',
      'blog/models.py': '',
    });
    expect(rows((await analyzeProject(root)).entries)).toEqual([
      { path: 'blog/models.py', kind: 'app', description: 'models of Django app `blog`', line: 1 },
      { path: 'proj/settings/__init__.py', kind: 'app', description: 'Django settings', line: 2 },
      { path: 'proj/urls.py', kind: 'routes', description: 'Django root URLconf', line: 1 },
    ]);
  });

  it('without a DJANGO_SETTINGS_MODULE default, takes the including module as the settings, not the files it includes', async () => {
    const root = writeProject({
      'settings.py': 'from split_settings.tools import include\ninclude("parts/*.py")\n',
      'parts/apps.py': 'INSTALLED_APPS = ["blog"]\nROOT_URLCONF = "urls"\n',
      'urls.py': 'urlpatterns = []\n',
      'blog/__init__.py': '',
      'blog/models.py': '',
    });
    expect(rows((await analyzeProject(root)).entries)).toEqual([
      { path: 'blog/models.py', kind: 'app', description: 'models of Django app `blog`', line: 1 },
      { path: 'parts/apps.py', kind: 'app', description: 'Django settings file included by `settings`', line: 1 },
      { path: 'settings.py', kind: 'app', description: 'Django settings', line: 2 },
      { path: 'urls.py', kind: 'routes', description: 'Django root URLconf', line: 1 },
    ]);
  });

  it('finds with a glob the files CPython\'s glob.glob finds, whatever the pattern: ranges out of order, a lone `[`, negations, hidden files', () => {
    const files = ['base.py', '.hidden.py', 'a[.py', 'b-c.py', 'x!.py', '^a.py', 'z.py', 'A.py', '-.py', 'a]b.py', 'sub/d.py', 'sub/.e.py', 'sub/deep/f.py'];
    const root = writeProject(Object.fromEntries(files.map((f) => [f, ''])));
    const patterns = ['*.py', '.*.py', '?.py', '[a-c]*.py', '[!a-c]*.py', '[z-a].py', '[z-ab]*.py', 'a[.py', '[[]*', '[]]*', '[!]]*.py', '[^a]*.py', '[-]*.py', '[a-]*.py', '[a-c-z]*.py', 'sub/*.py', '*/*.py', 'sub/.*', '*/*/*.py', '[!.]*', 'a[]]b.py', '[\\]*', '*[!y]', 'b[+-/]c.py'];
    const script = 'import glob, json, os, sys\nroot, patterns = sys.argv[1], json.loads(sys.argv[2])\nprint(json.dumps([sorted(p for p in glob.glob(pat, root_dir=root) if os.path.isfile(os.path.join(root, p))) for pat in patterns]))';
    const run = spawnSync('python3', ['-c', script, root, JSON.stringify(patterns)], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const cpython = JSON.parse(run.stdout) as string[][];
    const ours = patterns.map((pattern) => files.filter(pythonGlobMatcher(pattern)).sort());
    expect(Object.fromEntries(patterns.map((p, i) => [p, ours[i]]))).toEqual(Object.fromEntries(patterns.map((p, i) => [p, cpython[i]])));
    // Not every pattern finds nothing: the comparison says something.
    expect(cpython.filter((found) => found.length > 0).length).toBeGreaterThan(15);
  });

  it('a pattern no regular expression can be (`[z-a]`, a lone `[`) finds what CPython finds, and the rest of the settings are read', async () => {
    const root = writeProject({
      'settings/__init__.py': 'from split_settings.tools import include, optional\ninclude("components/base.py", optional("components/[z-a].py"), optional("components/a[.py"), optional("components/[z-ab]*.py"))\n',
      'settings/components/base.py': 'INSTALLED_APPS = ["blog"]\nROOT_URLCONF = "urls"\n',
      'settings/components/a[.py': 'X = 1\n',
      'settings/components/blog_extra.py': 'Y = 1\n',
      'urls.py': 'urlpatterns = []\n',
      'manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")\n',
      'blog/__init__.py': '',
      'blog/models.py': '',
    });
    const result = await analyzeProject(root);
    expect(result.diagnostics.filter((d) => d.kind === 'internal-error')).toEqual([]);
    // `[z-ab]*.py` finds blog_extra.py; `a[.py` is read too, but no module is named so: no entry (see settings.dist.py above).
    expect(rows(result.entries)).toEqual([
      { path: 'blog/models.py', kind: 'app', description: 'models of Django app `blog`', line: 1 },
      { path: 'settings/__init__.py', kind: 'app', description: 'Django settings', line: 2 },
      { path: 'settings/components/base.py', kind: 'app', description: 'Django settings file included by `settings`', line: 1 },
      { path: 'settings/components/blog_extra.py', kind: 'app', description: 'Django settings file included by `settings`', line: 1 },
      { path: 'urls.py', kind: 'routes', description: 'Django root URLconf', line: 1 },
    ]);
  });
});
