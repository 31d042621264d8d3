import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../src/pipeline.js';
import { analyzeProject, FIXTURES } from './support.js';

const rows = (result: AnalysisResult) =>
  result.entries.map((e) => ({ path: e.path, framework: e.framework, kind: e.kind, description: e.description, line: e.evidence.line }));

describe('python-socketio entries (fixtures/frameworks/socketio)', () => {
  let result: AnalysisResult;
  beforeAll(async () => {
    result = await analyzeProject(path.join(FIXTURES, 'frameworks', 'socketio'));
  });

  it('finds the servers and their handlers (@sio.event, @sio.on, sio.on(), register_namespace), the WSGI/ASGI apps, Flask-SocketIO (on_event, on_namespace) and the namespace classes', () => {
    expect(rows(result)).toEqual([
      { path: 'app.py', framework: 'Socket.IO', kind: 'routes', description: 'Socket.IO server `sio` (from `server`) with 1 event handler', line: 8 },
      { path: 'app.py', framework: 'Socket.IO', kind: 'app', description: 'Socket.IO WSGI app `app`', line: 9 },
      { path: 'chat.py', framework: 'Socket.IO', kind: 'routes', description: 'Socket.IO namespace `ChatNamespace`', line: 5 },
      { path: 'events.py', framework: 'Socket.IO', kind: 'routes', description: 'Socket.IO server `sio` (from `server`) with 2 event handlers', line: 6 },
      { path: 'flask_chat.py', framework: 'Flask', kind: 'app', description: 'Flask app `app`', line: 5 },
      { path: 'flask_chat.py', framework: 'Socket.IO', kind: 'routes', description: 'Flask-SocketIO server `socketio` with 3 event handlers', line: 6 },
      { path: 'flask_chat.py', framework: 'Socket.IO', kind: 'routes', description: 'Socket.IO namespace `AdminNamespace`', line: 21 },
      { path: 'live.py', framework: 'Socket.IO', kind: 'app', description: 'Socket.IO server `sio` with 1 event handler', line: 4 },
      { path: 'live.py', framework: 'Socket.IO', kind: 'routes', description: 'Socket.IO namespace `LiveNamespace`', line: 7 },
      { path: 'live.py', framework: 'Socket.IO', kind: 'app', description: 'Socket.IO ASGI app `app`', line: 13 },
      { path: 'server.py', framework: 'Socket.IO', kind: 'app', description: 'Socket.IO server `sio` with 2 event handlers', line: 4 },
    ]);
  });

  it('reports the pool behind an event handler as an error, through the module that registers it', () => {
    expect(result.findings.map((f) => [f.ruleId, f.level, f.path, f.reach.kind === 'entry' ? f.reach.entry.path : f.reach.kind])).toEqual([
      ['IL001', 'error', 'store.py', 'events.py'],
    ]);
  });
});
