import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/check/findings.js';
import { analyzeProject, probe, venvFile, writeProject } from './support.js';

/**
 * Django's app registry calls each app config's `ready()` while it sets up: `get_wsgi_application()`
 * runs `django.setup()` in every process that imports the WSGI module. What `ready()` imports (the
 * signal handlers most apps connect there) and starts is made at start-up, not lazily: found on
 * netbox, whose `ready()` methods import `signals`, `search` and `lookups` modules. The real Django of
 * .venv-frameworks says so, and the analyzer agrees.
 */
const project = (ready: string): Record<string, string> => ({
  'Procfile': 'web: gunicorn proj.wsgi -w 3\n',
  'proj/__init__.py': '',
  'proj/settings.py': 'SECRET_KEY = "x"\nINSTALLED_APPS = ["shop.apps.ShopConfig"]\nROOT_URLCONF = "proj.urls"\n',
  'proj/urls.py': 'urlpatterns = []\n',
  'proj/wsgi.py': 'import os\nfrom django.core.wsgi import get_wsgi_application\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings")\napplication = get_wsgi_application()\n',
  'shop/__init__.py': '',
  'shop/apps.py': `import threading\nfrom django.apps import AppConfig\n\n\ndef poll():\n    threading.Event().wait()\n\n\nclass ShopConfig(AppConfig):\n    name = "shop"\n\n    def ready(self):\n${ready}`,
  'shop/signals.py': 'from concurrent.futures import ThreadPoolExecutor\nPOOL = ThreadPoolExecutor(max_workers=4)\n',
});

const chain = (finding: Finding): string[] => (finding.reach.kind === 'entry' ? finding.reach.chain.map((e) => `${e.from}:${e.line} → ${e.to}`) : [finding.reach.kind]);

describe('AppConfig.ready(), which django.setup() calls in every process', () => {
  const django = venvFile('.venv-frameworks', 'bin', 'python');

  it('imports at start-up what it imports: an error through the app config, as CPython imports it', async () => {
    const root = writeProject(project('        from . import signals  # noqa: F401\n'));
    const result = await analyzeProject(root);
    expect(result.findings.map((f) => [f.ruleId, f.level, `${f.path}:${f.span.line}`, f.deployment])).toEqual([
      ['IL001', 'error', 'shop/signals.py:2', '3 gunicorn workers (Procfile:1) each create this thread pool: up to 12 threads in all.'],
    ]);
    expect(chain(result.findings[0]!)).toEqual(['shop/apps.py:13 → shop/signals.py']);
    const cpython = probe(root, ['proj.wsgi'], ['shop.signals:POOL'], django);
    expect(cpython.imported['proj.wsgi']).toMatchObject({ ok: true });
    expect(cpython.loaded).toHaveProperty('shop.signals', 'shop/signals.py');
    expect(cpython.attrs['shop.signals:POOL']).toMatchObject({ exists: true, type: 'concurrent.futures.thread.ThreadPoolExecutor', max_workers: 4 });
  });

  it('starts at start-up the thread it starts, as CPython does', async () => {
    const root = writeProject(project('        threading.Thread(target=poll, daemon=True).start()\n'));
    const result = await analyzeProject(root);
    expect(result.findings.map((f) => [f.ruleId, f.level, `${f.path}:${f.span.line}`, f.message.includes('`ShopConfig.ready()`')])).toEqual([
      ['IL002', 'error', 'shop/apps.py:9', true],
      // Nothing imports the signals module here.
      ['IL001', 'warning', 'shop/signals.py:2', false],
    ]);
    // Started by Django's setup, which importing proj.wsgi runs; importing shop.apps alone starts nothing.
    expect(result.findings[0]!.message).toBe(
      '`class ShopConfig(AppConfig):` starts a thread (`threading.Thread(target=poll, daemon=True).start()` in `ShopConfig.ready()`, line 13) when Django sets up its apps. 3 gunicorn workers each create it: 3 threads.',
    );
    const cpython = probe(root, ['proj.wsgi'], [], django);
    expect(cpython.threads_started).toEqual([{ name: expect.any(String), target: 'shop.apps.poll' }]);
    expect(probe(root, ['shop.apps'], [], django).threads_started).toEqual([]);
  });
});
