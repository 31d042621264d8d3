import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../src/pipeline.js';
import { analyzeProject, FIXTURES, writeProject } from './support.js';


const rows = (result: AnalysisResult) =>
  result.entries.map((e) => ({ path: e.path, framework: e.framework, kind: e.kind, description: e.description, line: e.evidence.line }));

describe('Django Channels entries (fixtures/frameworks/channels)', () => {
  let result: AnalysisResult;
  beforeAll(async () => {
    result = await analyzeProject(path.join(FIXTURES, 'frameworks', 'channels'));
  });

  it('finds the ASGI module (Django app and ProtocolTypeRouter) and the websocket routes URLRouter names', () => {
    expect(rows(result)).toEqual([
      // INSTALLED_APPS names "chat", which has no apps.py or models.py: django.setup() imports the package.
      { path: 'chat/__init__.py', framework: 'Django', kind: 'app', description: 'Django app `chat`', line: 1 },
      { path: 'chat/routing.py', framework: 'Django', kind: 'routes', description: 'Channels URL routes `websocket_urlpatterns` with 1 route', line: 6 },
      { path: 'chat/urls.py', framework: 'Django', kind: 'routes', description: 'Django URLconf with 2 routes', line: 6 },
      { path: 'mysite/asgi.py', framework: 'Django', kind: 'app', description: 'Django ASGI application `django_asgi_app`', line: 10 },
      { path: 'mysite/asgi.py', framework: 'Django', kind: 'app', description: 'Channels protocol router `application`', line: 14 },
      { path: 'mysite/settings.py', framework: 'Django', kind: 'app', description: 'Django settings', line: 8 },
      { path: 'mysite/urls.py', framework: 'Django', kind: 'routes', description: 'Django root URLconf with 1 route', line: 4 },
    ]);
    const routing = result.entries.find((e) => e.path === 'chat/routing.py')!;
    expect(routing.registeredBy).toEqual({ path: 'mysite/asgi.py', line: 17, column: 70, text: 'URLRouter(chat.routing.websocket_urlpatterns)' });
  });

  it('reports the pool behind the consumer as an error, through the websocket routes', () => {
    expect(result.findings.map((f) => [f.ruleId, f.level, f.path, f.reach.kind === 'entry' ? f.reach.entry.path : f.reach.kind])).toEqual([
      ['IL001', 'error', 'chat/presence.py', 'chat/routing.py'],
    ]);
  });
});

describe('Channels routing lists (fixtures/frameworks/django_channels_lists)', () => {
  it('counts each routing list by its own routes, at its own line: a list written in URLRouter([...]), and a named list beside another in its module', async () => {
    const result = await analyzeProject(path.join(FIXTURES, 'frameworks', 'django_channels_lists'));
    expect(rows(result)).toEqual([
      // chat/routing.py also holds `urlpatterns` (1 route, line 7), which no router serves.
      { path: 'chat/routing.py', framework: 'Django', kind: 'routes', description: 'Channels URL routes `websocket_urlpatterns` with 2 routes', line: 11 },
      { path: 'mysite/asgi.py', framework: 'Django', kind: 'app', description: 'Django ASGI application `django_asgi_app`', line: 9 },
      { path: 'mysite/asgi.py', framework: 'Django', kind: 'app', description: 'Channels protocol router `application`', line: 14 },
      // The outer URLRouter's own two paths; the routes of the URLRouter nested in it are the chat list's.
      { path: 'mysite/asgi.py', framework: 'Django', kind: 'routes', description: 'Channels URL routes with 2 routes', line: 19 },
      { path: 'mysite/settings.py', framework: 'Django', kind: 'app', description: 'Django settings', line: 7 },
      { path: 'mysite/urls.py', framework: 'Django', kind: 'routes', description: 'Django root URLconf', line: 1 },
    ]);
    const chat = result.entries.find((e) => e.path === 'chat/routing.py')!;
    expect(chat.registeredBy).toEqual({ path: 'mysite/asgi.py', line: 20, column: 34, text: 'URLRouter(websocket_urlpatterns)' });
    expect(result.entries.filter((e) => e.kind === 'routes').map((e) => e.routes)).toEqual([2, 2, 0]);
    expect(result.findings.map((f) => [f.ruleId, f.level, f.path])).toEqual([['IL001', 'error', 'notify/fanout.py']]);
  });

  it('counts a list the ASGI module itself assigns', async () => {
    const root = writeProject({
      'asgi.py':
        'from channels.routing import ProtocolTypeRouter, URLRouter\nfrom django.urls import path\nfrom consumers import Echo\n\nhttp_patterns = [path("a/", Echo.as_asgi())]\nws_patterns = [\n    path("b/", Echo.as_asgi()),\n    path("c/", Echo.as_asgi()),\n]\napplication = ProtocolTypeRouter({"websocket": URLRouter(ws_patterns)})\n',
      'consumers.py': 'class Echo:\n    pass\n',
    });
    expect(rows(await analyzeProject(root)).filter((e) => e.kind === 'routes')).toEqual([
      { path: 'asgi.py', framework: 'Django', kind: 'routes', description: 'Channels URL routes `ws_patterns` with 2 routes', line: 7 },
    ]);
  });
});
