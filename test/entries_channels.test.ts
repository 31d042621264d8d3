import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../src/pipeline.js';
import { analyzeProject, FIXTURES } from './support.js';

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
